import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, parisTime } from "../../domain/dates/paris-time.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { payableCents } from "../../domain/money/payable-cents.ts";
import { getProjectDetail } from "../../domain/projects/get-project-detail.ts";
import { lateProjectWhere } from "../../domain/projects/late-conditions.ts";
import type { ProjectDetailView, TimelineStepState } from "../../domain/projects/project-detail-view.ts";
import { seed } from "../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
let schema: FreshSchema;

beforeAll(async () => {
  schema = await freshSchema("detail");
  await seed(schema.db, { now: NOW });
});
afterAll(async () => {
  await schema?.drop();
});

function states(view: ProjectDetailView): Record<string, TimelineStepState> {
  return Object.fromEntries(view.timeline.map((s) => [s.key, s.state]));
}

/** The amounts recomputed straight from the rows, independently of the domain code. */
async function amountsFromRows(reference: string) {
  const db = schema.db;
  const project = await db.project.findUniqueOrThrow({
    where: { reference },
    select: { id: true, awardedCents: true },
  });
  const agreement = await db.agreement.findFirst({
    where: { projectId: project.id, status: { not: "CANCELLED" } },
    orderBy: { draftedAt: "desc" },
  });
  const sent = await db.payment.findMany({ where: { projectId: project.id, status: "SENT" } });
  const checks = await db.invoiceCheck.findMany({
    where: { invoice: { projectId: project.id, cancelledAt: null } },
    orderBy: { checkedAt: "asc" },
  });
  const latest = new Map(checks.map((c) => [c.invoiceId, c]));
  const justifiedCents = [...latest.values()]
    .filter((c) => c.outcome === "COMPLIANT")
    .reduce((sum, c) => sum + c.eligibleCents, 0);
  return {
    awardedCents: project.awardedCents,
    agreementCents: agreement?.amountCents ?? null,
    paidCents: sent.reduce((sum, p) => sum + p.amountCents, 0),
    justifiedCents,
  };
}

async function referenceWhere(where: Record<string, unknown>): Promise<string> {
  const project = await schema.db.project.findFirstOrThrow({
    where,
    select: { reference: true },
    orderBy: { id: "asc" },
  });
  return project.reference;
}

describe("getProjectDetail", () => {
  it("describes 2022-017 from its rows: identity, porteur, agent, amounts, timeline", async () => {
    const row = await schema.db.project.findUniqueOrThrow({
      where: { reference: "2022-017" },
      include: { holder: true, commune: true, canton: true, followedBy: true, edition: true, theme: true },
    });
    const view = await getProjectDetail(schema.db, "2022-017", NOW);
    expect(view).toMatchObject({
      reference: "2022-017",
      title: row.title,
      editionYear: row.edition.year,
      theme: row.theme?.name ?? null,
      isYouth: row.isYouth,
      commune: row.commune?.name ?? null,
      canton: row.canton.name,
      holder: { name: row.holder.name, kind: row.holder.kind, email: row.holder.email, phone: row.holder.phone },
      followedBy: row.followedBy ? { name: row.followedBy.name } : null,
    });
    expect(view.title).toContain("Skatepark");
    const expected = await amountsFromRows("2022-017");
    expect(view.amounts).toEqual({ ...expected, payableCents: payableCents(expected) });
    expect(view.timeline.map((s) => s.key)).toEqual([
      "winner",
      "agreement",
      "payments",
      "works",
      "inauguration",
      "report",
      "closed",
    ]);
    expect(states(view)).toMatchObject({ winner: "done", agreement: "done", closed: "upcoming" });
    const sentPayments = view.timeline.find((s) => s.key === "payments")?.dates.filter((d) => d.kind === "paymentSent");
    expect(sentPayments?.reduce((sum, d) => sum + (d.amountCents ?? 0), 0)).toBe(expected.paidCents);
  });

  it("flags a convention sent more than 15 days ago and unsigned as late, not one sent 10 days ago", async () => {
    const agreement = await schema.db.agreement.findFirstOrThrow({
      where: { status: "SENT", sentAt: { lt: addDays(NOW, -20) } },
      select: { sentAt: true, project: { select: { reference: true } } },
    });
    const view = await getProjectDetail(schema.db, agreement.project.reference, NOW);
    expect(view.isLate).toBe(true);
    expect(states(view).agreement).toBe("late");
    expect(view.deadlines).toContainEqual(expect.objectContaining({ kind: "agreementSignature", late: true }));

    const tenDaysAfter = addDays(agreement.sentAt!, 10);
    const earlier = await getProjectDetail(schema.db, agreement.project.reference, tenDaysAfter);
    expect(earlier.isLate).toBe(false);
    expect(states(earlier).agreement).toBe("current");
  });

  it("flags a planned payment past its date and a bilan n+1 past due as late", async () => {
    const payment = await schema.db.payment.findFirstOrThrow({
      where: { status: "PLANNED", plannedAt: { lt: NOW }, project: { status: { notIn: ["ABANDONED", "CLOSED"] } } },
      select: { amountCents: true, project: { select: { reference: true } } },
    });
    const paying = await getProjectDetail(schema.db, payment.project.reference, NOW);
    expect(states(paying).payments).toBe("late");
    expect(paying.deadlines).toContainEqual(
      expect.objectContaining({ kind: "payment", late: true, amountCents: payment.amountCents }),
    );

    const reporting = await getProjectDetail(
      schema.db,
      await referenceWhere({ reportReceivedAt: null, reportDueAt: { lt: addDays(NOW, -2) }, status: "PAID_IN_FULL" }),
      NOW,
    );
    expect(reporting.isLate).toBe(true);
    expect(states(reporting).report).toBe("late");
  });

  it("shows a lauréat with everything still to come", async () => {
    const view = await getProjectDetail(schema.db, await referenceWhere({ status: "WINNER" }), NOW);
    expect(states(view)).toEqual({
      winner: "done",
      agreement: "current",
      payments: "upcoming",
      works: "upcoming",
      inauguration: "upcoming",
      report: "upcoming",
      closed: "upcoming",
    });
    expect(view.amounts).toMatchObject({ agreementCents: null, paidCents: 0, justifiedCents: 0, payableCents: 0 });
    expect(view.isLate).toBe(false);
  });

  it("shows a closed project all done and an abandoned one ending with its abandonment", async () => {
    const closed = await getProjectDetail(schema.db, await referenceWhere({ status: "CLOSED" }), NOW);
    expect(states(closed)).toMatchObject({ agreement: "done", payments: "done", report: "done", closed: "done" });
    expect(closed.deadlines).toEqual([]);

    const row = await schema.db.project.findFirstOrThrow({ where: { status: "ABANDONED" }, orderBy: { id: "asc" } });
    const abandoned = await getProjectDetail(schema.db, row.reference, NOW);
    const last = abandoned.timeline.at(-1);
    expect(last).toEqual({ key: "abandoned", state: "done", dates: [{ kind: "abandoned", at: row.abandonedAt }] });
    expect(abandoned.timeline.some((s) => s.key === "closed")).toBe(false);
    expect(abandoned.timeline.every((s) => s.state === "done" || s.state === "skipped")).toBe(true);
    expect(abandoned.statusReason).toBe(row.statusReason);
    expect(abandoned.isLate).toBe(false);
  });

  it("uses the amended convention's amount, not the cancelled one's", async () => {
    const amended = await schema.db.agreement.findFirstOrThrow({
      where: {
        status: "SIGNED",
        project: { agreements: { some: { status: "CANCELLED" } }, status: { not: "ABANDONED" } },
      },
      select: { amountCents: true, project: { select: { reference: true } } },
    });
    const view = await getProjectDetail(schema.db, amended.project.reference, NOW);
    expect(view.amounts.agreementCents).toBe(amended.amountCents);
    expect(view.amounts).toEqual({
      ...(await amountsFromRows(amended.project.reference)),
      payableCents: view.amounts.payableCents,
    });
  });

  it("keeps its invariants over every seeded project, late exactly where lateProjectWhere says", async () => {
    const projects = await schema.db.project.findMany({ select: { reference: true } });
    const late = await schema.db.project.findMany({ where: lateProjectWhere(NOW), select: { reference: true } });
    const lateReferences = new Set(late.map((p) => p.reference));
    expect(lateReferences.size).toBeGreaterThan(5);
    for (const { reference } of projects) {
      const view = await getProjectDetail(schema.db, reference, NOW);
      expect(view.isLate, reference).toBe(lateReferences.has(reference));
      expect(view.amounts.payableCents).toBe(payableCents(view.amounts));
      expect(view.isLate).toBe(view.deadlines.some((d) => d.late));
      expect(view.timeline.some((s) => s.state === "late")).toBe(view.isLate);
      const times = view.deadlines.map((d) => d.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it("refuses an unknown reference with PROJECT_NOT_FOUND", async () => {
    const refusal = getProjectDetail(schema.db, "2022-999", NOW);
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject({ code: "PROJECT_NOT_FOUND", params: { reference: "2022-999" } });
  });
});
