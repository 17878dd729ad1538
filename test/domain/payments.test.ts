import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeAgreement } from "../../domain/agreements/change-agreement.ts";
import { prepareAgreement } from "../../domain/agreements/prepare-agreement.ts";
import type { AuditActor } from "../../domain/audit/record-audit.ts";
import { parseFrenchDate } from "../../domain/dates/parse-french-date.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { findAstrePayments } from "../../domain/payments/find-astre-payments.ts";
import { parseMandate } from "../../domain/payments/parse-mandate.ts";
import { type PaymentRequest, recordPayment } from "../../domain/payments/record-payment.ts";
import { astreColumns, writeAstreCsv } from "../../domain/payments/write-astre-csv.ts";
import { seed } from "../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = new Date("2026-03-20T10:00:00Z");
let schema: FreshSchema;
let actor: AuditActor;
let reference: string;
let projectId: number;

beforeAll(async () => {
  schema = await freshSchema("payments");
  await seed(schema.db, { now: NOW });
  const agent = await schema.db.agent.findFirstOrThrow({ where: { role: "AGENT" }, select: { id: true, name: true } });
  actor = { agentId: agent.id, name: agent.name };
  const project = await schema.db.project.findFirstOrThrow({
    where: { status: "WINNER", agreements: { none: {} }, edition: { year: 2024 } },
    select: { reference: true, id: true },
    orderBy: { reference: "asc" },
  });
  reference = project.reference;
  projectId = project.id;
  await prepareAgreement(schema.db, { reference, amountCents: 6_852_500, actor, now: NOW });
  await changeAgreement(schema.db, { reference, action: "send", actor, now: NOW });
});

afterAll(async () => {
  await schema?.drop();
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).frenchMessage;
}

const advance = (amountCents: number, extra: Partial<PaymentRequest> = {}): PaymentRequest => ({
  reference,
  kind: "ADVANCE",
  amountCents,
  mandate: "M2026-004512",
  on: parseFrenchDate("12/03/2026"),
  planned: false,
  actor,
  now: NOW,
  ...extra,
});

const counts = async () => ({
  payments: await schema.db.payment.count({ where: { projectId } }),
  notifications: await schema.db.notification.count({ where: { projectId, template: "payment-sent" } }),
  audits: await schema.db.auditLog.count({ where: { action: "payment.record" } }),
});

describe("payments", () => {
  it("refuses an advance before the convention is signed by both parties", async () => {
    expect(await refusal(recordPayment(schema.db, advance(1_400_000)))).toBe(
      `Pas de versement pour le projet ${reference} : sa convention n'est pas signée par les deux parties (elle est envoyée au porteur pour signature).`,
    );
    await changeAgreement(schema.db, { reference, action: "signByHolder", actor, now: NOW });
    await changeAgreement(schema.db, { reference, action: "signByDepartment", actor, now: NOW });
  });

  it("checks the mandate number's format", () => {
    expect(parseMandate(" m2026-004512 ")).toBe("M2026-004512");
    for (const bad of ["2026-004512", "M26-004512", "M2026-4512", "M2026004512"]) {
      expect(() => parseMandate(bad)).toThrow(DomainError);
    }
  });

  it("refuses a payment sent in the future, and a sent payment without mandate", async () => {
    expect(
      await refusal(recordPayment(schema.db, advance(1_400_000, { on: parseFrenchDate("21/03/2026") }))),
    ).toContain("La date du samedi 21 mars 2026 est dans le futur");
    expect(await refusal(recordPayment(schema.db, advance(1_400_000, { mandate: null })))).toContain(
      "mandat Astre manque",
    );
  });

  it("refuses an advance above advanceShareBp of the convention", async () => {
    expect(await refusal(recordPayment(schema.db, advance(3_426_251)))).toBe(
      "Versement refusé : un acompte de 34\u202f262,51\u00a0€ dépasserait ce qui peut être versé (34\u202f262,50\u00a0€ au plus : l'acompte est de 50 % de la convention, 34\u202f262,50\u00a0€, dont 0,00\u00a0€ déjà enregistrés).",
    );
  });

  it("leaves neither payment nor outbox row when the transaction fails after both writes", async () => {
    const before = await counts();
    await expect(
      recordPayment(schema.db, advance(1_400_000), async () => {
        throw new Error("crash between the writes and the commit");
      }),
    ).rejects.toThrow("crash");
    expect(await counts()).toEqual(before);
  });

  it("records an advance: SENT, audit, outbox row payment-sent, project IN_PROGRESS, totals", async () => {
    const before = await counts();
    const result = await recordPayment(schema.db, advance(1_400_000));
    expect(result.status).toBe("SENT");
    expect(result.totals).toEqual({
      agreementCents: 6_852_500,
      paidCents: 1_400_000,
      plannedCents: 0,
      justifiedCents: 0,
      remainingCents: 5_452_500,
    });
    expect(await counts()).toEqual({
      payments: before.payments + 1,
      notifications: before.notifications + 1,
      audits: before.audits + 1,
    });
    const row = await schema.db.notification.findUniqueOrThrow({ where: { id: result.notificationIds[0] as number } });
    expect(row.payload).toMatchObject({
      kind: "ADVANCE",
      amountCents: 1_400_000,
      astreMandate: "M2026-004512",
      remainingCents: 5_452_500,
    });
    const project = await schema.db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project.status).toBe("IN_PROGRESS");
  });

  it("counts advances already recorded against the advance ceiling", async () => {
    expect(await refusal(recordPayment(schema.db, advance(2_100_000)))).toContain("20\u202f262,50\u00a0€ au plus");
  });

  it("refuses a balance above what is payable (nothing justified yet), then pays it once invoices are checked", async () => {
    const balance = (amountCents: number) => advance(amountCents, { kind: "BALANCE", mandate: "M2026-004600" });
    expect(await refusal(recordPayment(schema.db, balance(100_000)))).toContain("0,00\u00a0€ au plus");
    const invoice = await schema.db.invoice.create({
      data: {
        projectId,
        supplier: "Menuiserie Lafargue",
        supplierKey: "menuiserie lafargue",
        number: "F-1",
        issuedOn: new Date("2026-03-01"),
        amountCents: 6_000_000,
      },
    });
    await schema.db.invoiceCheck.create({
      data: { invoiceId: invoice.id, eligibleCents: 6_000_000, outcome: "COMPLIANT" },
    });
    expect(await refusal(recordPayment(schema.db, balance(4_600_001)))).toContain("46\u202f000,00\u00a0€ au plus");
    const result = await recordPayment(schema.db, balance(4_600_000));
    expect(result.totals.paidCents).toBe(6_000_000);
    const project = await schema.db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project.status).toBe("PAID_IN_FULL");
  });

  it("records a planned payment without e-mail, a future date allowed", async () => {
    const other = await schema.db.project.findFirstOrThrow({
      where: { agreements: { some: { status: "SIGNED" } }, payments: { none: {} } },
      select: { reference: true },
    });
    const result = await recordPayment(
      schema.db,
      advance(100_000, { reference: other.reference, planned: true, mandate: null, on: parseFrenchDate("15/04/2026") }),
    );
    expect(result).toMatchObject({ status: "PLANNED", notificationIds: [] });
  });
});

describe("Astre export", () => {
  /** Splits the CSV the way French Excel reads it. */
  function parse(file: Buffer): string[][] {
    const text = file.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    return text
      .slice(1)
      .split("\r\n")
      .filter(Boolean)
      .map((line) => line.split(";"));
  }

  it("writes the period's payments in the columns typed into Astre", async () => {
    const payments = await findAstrePayments(schema.db, { from: "2026-03-01", to: "2026-03-31" });
    const rows = parse(writeAstreCsv(payments, "204-74-20422"));
    expect(rows[0]).toEqual([...astreColumns]);
    const title = (await schema.db.project.findUniqueOrThrow({ where: { id: projectId } })).title;
    const holder = await schema.db.holder.findFirstOrThrow({ where: { projects: { some: { id: projectId } } } });
    const mine = rows.filter((row) => row[2]?.startsWith(`BPC40 ${reference} `));
    expect(mine).toEqual([
      [
        holder.name,
        holder.siret ?? "",
        `BPC40 ${reference} acompte ${title}`,
        "14000,00",
        `CONV-${reference}`,
        "204-74-20422",
        "12/03/2026",
        "M2026-004512",
      ],
      [
        holder.name,
        holder.siret ?? "",
        `BPC40 ${reference} solde ${title}`,
        "46000,00",
        `CONV-${reference}`,
        "204-74-20422",
        "12/03/2026",
        "M2026-004600",
      ],
    ]);
    // the planned payment of 15/04 is outside the period
    expect(rows.some((row) => row[3] === "1000,00")).toBe(false);
  });

  it("writes an edition's payments, planned ones with an empty mandate", async () => {
    const payments = await findAstrePayments(schema.db, { edition: 2024 });
    const rows = parse(writeAstreCsv(payments, "204-74-20422"));
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.filter((row) => row[2]?.startsWith(`BPC40 ${reference} `))).toHaveLength(2);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(astreColumns.length);
      expect(row[3]).toMatch(/^\d+,\d{2}$/);
      expect(row[6]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    }
  });
});

describe("npm run astre", () => {
  it("writes the period's CSV where --out says, with the configured imputation", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bpc40-astre-"));
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/astre-export.ts", ...args], {
        env: {
          ...process.env,
          DATABASE_URL: schema.databaseUrl,
          DATABASE_SCHEMA: schema.schema,
          NODE_ENV: "test",
          ASTRE_IMPUTATION: "204-74-99999",
        },
      });
    try {
      const out = join(dir, "astre.csv");
      const result = await run("--du", "01/03/2026", "--au", "31/03/2026", "--out", out);
      expect(result.stdout).toContain(`Export Astre écrit dans ${out}`);
      const csv = await readFile(out, "utf8");
      expect(csv.startsWith("\uFEFFBénéficiaire;SIRET;Objet;")).toBe(true);
      expect(csv).toContain(`;14000,00;CONV-${reference};204-74-99999;12/03/2026;M2026-004512\r\n`);
      const usage = await run("--du", "01/03/2026").catch((error: { code: number; stdout: string }) => error);
      expect(usage).toMatchObject({ code: 2, stdout: expect.stringContaining("Usage : npm run astre") });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
