import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisDaysFrom } from "../../domain/dates/paris-time.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import { createDb } from "../../prisma/create-db.ts";
import {
  AgentRole,
  AgreementStatus,
  CheckOutcome,
  EventKind,
  EventStatus,
  HolderKind,
  PaymentKind,
  PaymentStatus,
  ProjectStatus,
  Rsvp,
} from "../../prisma/generated/enums.ts";
import { describeSeedSummary, isDatabaseEmpty, type SeedSummary, seed } from "../../prisma/seed.ts";
import { buildDemoData } from "../../prisma/seed-data/demo-data.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

/** A Friday in March, nine days before the change to summer time. */
const NOW = new Date("2026-03-20T08:30:00Z");
const LATER = new Date("2026-09-01T12:00:00Z");
const DAY_MS = 86_400_000;
const EXAMPLE_ORG = /^[a-z0-9.+-]+@([a-z0-9-]+\.)*example\.org$/;

let schema: FreshSchema;
let first: SeedSummary;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  schema = await freshSchema("seed");
  expect(await isDatabaseEmpty(schema.db)).toBe(true);
  first = await seed(schema.db, { now: NOW });
  before = await snapshot();
});

afterAll(async () => {
  await schema?.drop();
});

/** Every row of every table of the schema, `updatedAt` left out, in id order. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const tables = await schema.db.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`,
    schema.schema,
  );
  const result: Record<string, unknown[]> = {};
  for (const { table_name: table } of tables) {
    const rows = await schema.db.$queryRawUnsafe<{ row: unknown }[]>(
      `SELECT to_jsonb(t) - 'updatedAt' AS row FROM "${table}" t ORDER BY (to_jsonb(t) - 'updatedAt')::text`,
    );
    result[table] = rows.map((r) => r.row);
  }
  return result;
}

const values = <T extends Record<string, string>>(e: T): string[] => Object.values(e).sort();
const distinct = (items: string[]): string[] => [...new Set(items)].sort();

describe("demo seed", () => {
  it("reports what it created, in French", () => {
    expect(first.alreadyPresent).toBe(false);
    expect(first.created.editions).toBe(4);
    expect(first.created.cantons).toBe(15);
    expect(first.created.projects).toBe(182);
    expect(describeSeedSummary(first)).toMatch(
      /^Données de démonstration : 4 éditions, \d+ thèmes, 15 cantons, .*182 projets/,
    );
  });

  it("loads the editions with their public facts", async () => {
    const editions = await schema.db.edition.findMany({ orderBy: { year: "asc" } });
    expect(editions.map((e) => e.year)).toEqual([2019, 2021, 2022, 2024]);
    for (const edition of editions) {
      expect(edition.budgetCents).toBe(150_000_000);
      expect(edition.youthShareBp).toBe(1000);
    }
    const [e2019, e2021, e2022] = editions;
    expect([e2019?.ideasFiled, e2019?.ideasVoted, e2019?.voters]).toEqual([958, 367, 52_908]);
    expect([e2021?.ideasFiled, e2021?.ideasVoted, e2021?.voters]).toEqual([550, 280, 42_360]);
    expect([e2022?.ideasFiled, e2022?.ideasVoted, e2022?.voters]).toEqual([237, 136, 22_500]);
    // Paris local dates stored in UTC: midnight on 1 November 2019 is 23:00 UTC the day before.
    expect(e2019?.voteStartsAt?.toISOString()).toBe("2019-10-31T23:00:00.000Z");
    expect(e2019?.resultsAt?.toISOString()).toBe("2019-12-10T17:00:00.000Z");
    expect(e2021?.voteStartsAt?.toISOString()).toBe("2021-11-01T23:00:00.000Z");
    expect(e2022?.voteStartsAt?.toISOString()).toBe("2023-02-21T23:00:00.000Z");
    const themes2019 = await schema.db.theme.findMany({ where: { editionId: e2019?.id }, orderBy: { name: "asc" } });
    expect(themes2019.map((t) => t.name)).toEqual([
      "Culture et patrimoine",
      "Environnement et cadre de vie",
      "Mobilités",
      "Solidarités et inclusion",
      "Sports et loisirs",
      "Éducation et jeunesse",
    ]);
  });

  it("has the 15 cantons with communes, mayors and two councillors each", async () => {
    const cantons = await schema.db.canton.findMany({
      include: { communes: true, officials: true },
      orderBy: { name: "asc" },
    });
    expect(cantons.map((c) => c.name).sort()).toEqual(
      [
        "Adour Armagnac",
        "Chalosse Tursan",
        "Côte d'Argent",
        "Coteau de Chalosse",
        "Dax-1",
        "Dax-2",
        "Grands Lacs",
        "Haute Lande Armagnac",
        "Marensin Sud",
        "Mont-de-Marsan-1",
        "Mont-de-Marsan-2",
        "Orthe et Arrigans",
        "Pays morcenais tarusate",
        "Pays tyrossais",
        "Seignanx",
      ].sort(),
    );
    expect(cantons.find((c) => c.name === "Côte d'Argent")?.slug).toBe("cote-d-argent");
    for (const canton of cantons) {
      expect(canton.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(canton.officials).toHaveLength(2);
      expect(canton.communes.length).toBeGreaterThanOrEqual(4);
      for (const commune of canton.communes) {
        expect(commune.mayorName).toBeTruthy();
        expect(commune.mayorEmail).toMatch(EXAMPLE_ORG);
      }
    }
    const grenade = await schema.db.commune.findFirstOrThrow({
      where: { name: "Grenade-sur-l'Adour" },
      include: { canton: true },
    });
    expect(grenade.canton.name).toBe("Adour Armagnac");
  });

  it("has the winners of each edition, youth projects included, in every canton", async () => {
    const expected: Record<number, [number, number]> = { 2019: [33, 6], 2021: [54, 17], 2022: [45, 9], 2024: [50, 15] };
    for (const [year, [winners, youth]] of Object.entries(expected)) {
      const projects = await schema.db.project.findMany({
        where: { edition: { year: Number(year) } },
        include: { canton: true },
      });
      expect(projects, `édition ${year}`).toHaveLength(winners);
      expect(
        projects.filter((p) => p.isYouth),
        `jeunes ${year}`,
      ).toHaveLength(youth);
      const perCanton = new Map<string, { all: number; youth: number }>();
      for (const p of projects) {
        const entry = perCanton.get(p.canton.slug) ?? { all: 0, youth: 0 };
        entry.all++;
        if (p.isYouth) entry.youth++;
        perCanton.set(p.canton.slug, entry);
      }
      expect(perCanton.size, `cantons ${year}`).toBe(15);
      if (year !== "2019") {
        for (const [slug, entry] of perCanton) expect(entry.all, `${year} ${slug}`).toBeGreaterThanOrEqual(2);
      }
      if (year === "2021" || year === "2024") {
        for (const [slug, entry] of perCanton) expect(entry.youth, `${year} ${slug}`).toBeGreaterThanOrEqual(1);
      }
      const numbers = projects.map((p) => p.number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: winners }, (_, i) => i + 1));
      for (const p of projects) expect(p.reference).toBe(`${year}-${String(p.number).padStart(3, "0")}`);
      const byNumber = [...projects].sort((a, b) => a.number - b.number);
      for (let i = 1; i < byNumber.length; i++) {
        expect(byNumber[i]?.votes ?? 0).toBeLessThan(byNumber[i - 1]?.votes ?? 0);
      }
    }
    const themes = await schema.db.theme.findMany({ include: { _count: { select: { projects: true } } } });
    for (const theme of themes) expect(theme._count.projects, theme.name).toBeGreaterThan(0);
  });

  it("has project 2022-017, the youth skatepark of Grenade-sur-l'Adour", async () => {
    const project = await schema.db.project.findUniqueOrThrow({
      where: { reference: "2022-017" },
      include: { commune: true, canton: true, holder: true, edition: true },
    });
    expect(project.title).toBe("Skatepark de Grenade-sur-l'Adour");
    expect(project.edition.year).toBe(2022);
    expect(project.number).toBe(17);
    expect(project.commune?.name).toBe("Grenade-sur-l'Adour");
    expect(project.canton.name).toBe("Adour Armagnac");
    expect(project.isYouth).toBe(true);
    expect(["ASSOCIATION", "COLLECTIVE"]).toContain(project.holder.kind);
    expect(project.awardedCents).toBeLessThanOrEqual(3_000_000);
  });

  it("uses every value of the enums the follow-up goes through", async () => {
    const db = schema.db;
    const [holders, projects, agreements, payments, checks, events, invitations, agents] = await Promise.all([
      db.holder.findMany({ select: { kind: true } }),
      db.project.findMany({ select: { status: true } }),
      db.agreement.findMany({ select: { status: true } }),
      db.payment.findMany({ select: { kind: true, status: true } }),
      db.invoiceCheck.findMany({ select: { outcome: true } }),
      db.event.findMany({ select: { kind: true, status: true } }),
      db.invitation.findMany({ select: { rsvp: true } }),
      db.agent.findMany({ select: { role: true } }),
    ]);
    expect(distinct(holders.map((h) => h.kind))).toEqual(values(HolderKind));
    expect(distinct(projects.map((p) => p.status))).toEqual(values(ProjectStatus));
    expect(distinct(agreements.map((a) => a.status))).toEqual(values(AgreementStatus));
    expect(distinct(payments.map((p) => p.kind))).toEqual(values(PaymentKind));
    expect(distinct(payments.map((p) => p.status))).toEqual(values(PaymentStatus));
    expect(distinct(checks.map((c) => c.outcome))).toEqual(values(CheckOutcome));
    expect(distinct(events.map((e) => e.kind))).toEqual(values(EventKind));
    expect(distinct(events.map((e) => e.status))).toEqual(values(EventStatus));
    expect(distinct(invitations.map((i) => i.rsvp))).toEqual(values(Rsvp));
    expect(distinct(agents.map((a) => a.role))).toEqual(values(AgentRole));
  });

  it("keeps amounts within the rules and the envelope", async () => {
    const projects = await schema.db.project.findMany({ include: { edition: true } });
    const exceptional = projects.filter((p) => p.awardedCents > 5_000_000);
    for (const p of projects) {
      expect(Number.isInteger(p.awardedCents)).toBe(true);
      expect(p.awardedCents).toBeGreaterThan(0);
      if (p.isYouth && p.awardedCents <= 5_000_000) expect(p.awardedCents, p.reference).toBeLessThanOrEqual(3_000_000);
    }
    for (const p of exceptional) {
      expect(p.awardedCents, p.reference).toBeGreaterThanOrEqual(7_000_000);
      expect(p.awardedCents, p.reference).toBeLessThanOrEqual(10_000_000);
      expect([2019, 2021]).toContain(p.edition.year);
    }
    expect(exceptional.filter((p) => p.edition.year === 2019).length).toBeGreaterThanOrEqual(2);
    const in2021 = exceptional.filter((p) => p.edition.year === 2021);
    expect(in2021).toHaveLength(3);
    expect(in2021.every((p) => p.isYouth)).toBe(true);
    for (const year of [2019, 2021, 2022, 2024]) {
      const total = projects.filter((p) => p.edition.year === year).reduce((sum, p) => sum + p.awardedCents, 0);
      expect(total, `enveloppe ${year}`).toBeLessThanOrEqual(150_000_000);
    }
    // The pumptrack of DOMAIN.md: 70 000 € voted, convention signed for 68 525 €.
    const pumptrack = await schema.db.agreement.findFirst({
      where: { amountCents: 6_852_500 },
      include: { project: true },
    });
    expect(pumptrack?.project.awardedCents).toBe(7_000_000);
    expect(pumptrack?.project.isYouth).toBe(true);
    const differing = await schema.db.agreement.findMany({ include: { project: true } });
    expect(differing.filter((a) => a.amountCents !== a.project.awardedCents).length).toBeGreaterThan(3);
  });

  it("keeps invoices and payments consistent", async () => {
    const invoices = await schema.db.invoice.findMany({ include: { checks: { orderBy: { checkedAt: "asc" } } } });
    for (const invoice of invoices) {
      expect(invoice.supplierKey).toBe(normalizeKey(invoice.supplier));
      for (const check of invoice.checks) {
        expect(check.eligibleCents).toBeGreaterThanOrEqual(0);
        expect(check.eligibleCents, invoice.number).toBeLessThanOrEqual(invoice.amountCents);
        if (check.outcome === "INCOMPLETE") expect(check.missingItems.length).toBeGreaterThan(0);
        expect(check.checkedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
    }
    expect(invoices.some((i) => i.cancelledAt && i.cancelReason)).toBe(true);
    expect(invoices.some((i) => i.checks.length === 2)).toBe(true);
    const payments = await schema.db.payment.findMany();
    for (const payment of payments) {
      if (payment.status === "SENT") {
        expect(payment.astreMandate).toMatch(/^M20\d{2}-\d{6}$/);
        expect(payment.sentAt?.getTime()).toBeLessThanOrEqual(NOW.getTime());
      } else {
        expect(payment.astreMandate).toBeNull();
      }
    }
    const mandates = payments.flatMap((p) => (p.astreMandate ? [p.astreMandate] : []));
    expect(new Set(mandates).size).toBe(mandates.length);
    // The balance never exceeds what the convention and the compliant invoices allow.
    const projects = await schema.db.project.findMany({
      where: { status: "PAID_IN_FULL" },
      include: { payments: true, agreements: true, invoices: { include: { checks: true } } },
    });
    for (const p of projects) {
      const agreement = p.agreements.find((a) => a.status === "SIGNED");
      const justified = p.invoices
        .filter((i) => !i.cancelledAt)
        .reduce((sum, i) => {
          const last = [...i.checks].sort((a, b) => a.checkedAt.getTime() - b.checkedAt.getTime()).at(-1);
          return last?.outcome === "COMPLIANT" ? sum + last.eligibleCents : sum;
        }, 0);
      const paid = p.payments.filter((x) => x.status === "SENT").reduce((sum, x) => sum + x.amountCents, 0);
      expect(paid, p.reference).toBeLessThanOrEqual(Math.min(agreement?.amountCents ?? 0, Math.max(justified, paid)));
      expect(
        p.payments.some((x) => x.kind === "BALANCE" && x.status === "SENT"),
        p.reference,
      ).toBe(true);
    }
  });

  it("matches each project's status with its follow-up", async () => {
    const projects = await schema.db.project.findMany({ include: { agreements: true, payments: true } });
    for (const p of projects) {
      const signed = p.agreements.some((a) => a.status === "SIGNED");
      switch (p.status) {
        case "WINNER":
          expect(p.agreements, p.reference).toHaveLength(0);
          break;
        case "AGREEMENT_PENDING":
          expect(
            p.agreements.some((a) => ["DRAFT", "SENT", "SIGNED_BY_HOLDER"].includes(a.status)),
            p.reference,
          ).toBe(true);
          break;
        case "ABANDONED":
          expect(p.abandonedAt, p.reference).not.toBeNull();
          expect(p.statusReason, p.reference).toBeTruthy();
          break;
        default:
          expect(signed, p.reference).toBe(true);
      }
      if (["COMPLETED", "INAUGURATED", "PAID_IN_FULL", "REPORT_RECEIVED", "CLOSED"].includes(p.status)) {
        expect(p.completedAt, p.reference).not.toBeNull();
        expect(p.reportDueAt, p.reference).not.toBeNull();
      }
      if (p.status === "INAUGURATED") expect(p.inauguratedAt, p.reference).not.toBeNull();
      if (p.status === "REPORT_RECEIVED" || p.status === "CLOSED")
        expect(p.reportReceivedAt, p.reference).not.toBeNull();
      if (p.status === "CLOSED") expect(p.closedAt, p.reference).not.toBeNull();
      for (const at of [p.completedAt, p.inauguratedAt, p.reportReceivedAt, p.closedAt, p.abandonedAt]) {
        if (at) expect(at.getTime(), p.reference).toBeLessThanOrEqual(NOW.getTime());
      }
    }
    const statuses = (year: number) =>
      distinct(projects.filter((p) => p.reference.startsWith(`${year}-`)).map((p) => p.status));
    expect(statuses(2019)).toEqual(["ABANDONED", "CLOSED", "REPORT_RECEIVED"]);
    expect(statuses(2021)).toEqual(expect.arrayContaining(["COMPLETED", "INAUGURATED", "IN_PROGRESS", "PAID_IN_FULL"]));
    expect(statuses(2022)).toEqual(
      expect.arrayContaining(["AGREEMENT_PENDING", "AGREEMENT_SIGNED", "IN_PROGRESS", "WINNER"]),
    );
    expect(projects.filter((p) => p.followedById !== null).length).toBeGreaterThan(100);
  });

  it("uses only example.org addresses and invented phone ranges", async () => {
    const db = schema.db;
    const emails = [
      ...(await db.holder.findMany()).map((h) => h.email),
      ...(await db.electedOfficial.findMany()).map((o) => o.email),
      ...(await db.agent.findMany()).map((a) => a.email ?? ""),
      ...(await db.invitation.findMany()).map((i) => i.email),
    ];
    for (const email of emails) expect(email).toMatch(EXAMPLE_ORG);
    for (const holder of await db.holder.findMany()) {
      expect(holder.phone).toMatch(/^0(5 36 49|6 39 98) \d\d \d\d$/);
      if (holder.emailConsent) expect(holder.consentAt).not.toBeNull();
    }
    const holders = await db.holder.findMany();
    expect(holders.some((h) => h.emailConsent)).toBe(true);
    expect(holders.some((h) => !h.emailConsent)).toBe(true);
    expect(holders.some((h) => h.unsubscribedAt !== null)).toBe(true);
  });

  it("leaves due situations relative to now for the reminder scans", async () => {
    const db = schema.db;
    const fifteenDaysAgo = new Date(NOW.getTime() - 15 * DAY_MS);
    const unsigned = await db.agreement.count({ where: { status: "SENT", sentAt: { lt: fifteenDaysAgo } } });
    expect(unsigned).toBeGreaterThanOrEqual(3);
    const today = parisDaysFrom(NOW, 0);
    const reportsDue = await db.project.findMany({ where: { reportReceivedAt: null, reportDueAt: { not: null } } });
    const dueIn = (days: number) =>
      reportsDue.filter((p) => p.reportDueAt?.getTime() === parisDaysFrom(NOW, days).getTime());
    expect(dueIn(0).length, "bilan dû aujourd'hui").toBeGreaterThanOrEqual(1);
    expect(dueIn(-15).length, "bilan en retard de 15 jours").toBeGreaterThanOrEqual(1);
    expect(
      reportsDue.filter(
        (p) =>
          (p.reportDueAt?.getTime() ?? 0) > today.getTime() &&
          (p.reportDueAt?.getTime() ?? 0) <= today.getTime() + 30 * DAY_MS,
      ).length,
      "bilan dû dans les 30 jours",
    ).toBeGreaterThanOrEqual(1);
    expect(await db.payment.count({ where: { status: "PLANNED", plannedAt: { lt: NOW } } })).toBeGreaterThanOrEqual(2);
    expect(await db.payment.count({ where: { status: "PLANNED", plannedAt: { gt: NOW } } })).toBeGreaterThanOrEqual(2);
    const planned = await db.event.findMany({
      where: { status: "PLANNED", startsAt: { gt: NOW } },
      include: { invitations: true },
    });
    const within = (from: number, to: number) =>
      planned.filter(
        (e) =>
          e.startsAt.getTime() > NOW.getTime() + from * DAY_MS && e.startsAt.getTime() <= NOW.getTime() + to * DAY_MS,
      );
    expect(
      within(6, 8).filter((e) => e.kind === "INAUGURATION").length,
      "inauguration dans 7 jours",
    ).toBeGreaterThanOrEqual(1);
    expect(within(0, 2).filter((e) => e.kind === "INAUGURATION").length, "inauguration demain").toBeGreaterThanOrEqual(
      1,
    );
    for (const event of planned.filter((e) => e.kind === "INAUGURATION")) {
      expect(event.invitations.map((i) => i.group)).toEqual(
        expect.arrayContaining(["HOLDER", "COUNCILLOR", "MAYOR", "PRESS"]),
      );
    }
    const uids = (await db.event.findMany({ select: { uid: true } })).map((e) => e.uid);
    for (const uid of uids) expect(uid).toMatch(/^[a-z0-9-]+@bpc40\.landes\.example\.org$/);
  });

  it("builds the same data for the same day", () => {
    expect(JSON.stringify(buildDemoData(NOW))).toBe(JSON.stringify(buildDemoData(NOW)));
  });

  it("changes nothing when run again, even on another day", async () => {
    const again = await seed(schema.db, { now: NOW });
    const later = await seed(schema.db, { now: LATER });
    expect(again.alreadyPresent).toBe(true);
    expect(later.alreadyPresent).toBe(true);
    expect(describeSeedSummary(later)).toBe("Données de démonstration déjà présentes, rien à faire.");
    expect(await snapshot()).toEqual(before);
    expect(await isDatabaseEmpty(schema.db)).toBe(false);
  });

  it("creates the data once when two processes seed an empty database together", async () => {
    const race = await freshSchema("seedrace");
    const other = createDb({ databaseUrl: race.databaseUrl, schema: race.schema, max: 2 });
    try {
      const [a, b] = await Promise.all([seed(race.db, { now: NOW }), seed(other, { now: LATER })]);
      expect(a.created.projects + b.created.projects).toBe(182);
      expect(a.created.holders + b.created.holders).toBe(first.created.holders);
      expect(await race.db.project.count()).toBe(182);
      expect(await race.db.holder.count()).toBe(first.created.holders);
      expect(await race.db.invoice.count()).toBe(first.created.invoices);
    } finally {
      await other.$disconnect();
      await race.drop();
    }
  });
});
