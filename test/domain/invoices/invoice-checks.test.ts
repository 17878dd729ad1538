import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../../domain/dates/paris-time.ts";
import { DomainError } from "../../../domain/errors/domain-error.ts";
import { cancelInvoice } from "../../../domain/invoices/cancel-invoice.ts";
import { editInvoiceCheck } from "../../../domain/invoices/edit-invoice-check.ts";
import type { RecordInvoiceCheckInput } from "../../../domain/invoices/invoice-check-input.ts";
import { recordInvoiceCheck } from "../../../domain/invoices/record-invoice-check.ts";
import { payableCents } from "../../../domain/money/payable-cents.ts";
import { getProjectDetail } from "../../../domain/projects/get-project-detail.ts";
import { seed } from "../../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../../support/fresh-schema.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);
const REF = "2022-017";
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
let schema: FreshSchema;
let actor: { agentId: number; name: string };

beforeAll(async () => {
  schema = await freshSchema("invoice_checks");
  await seed(schema.db, { now: NOW });
  const julien = await schema.db.agent.findFirstOrThrow({ where: { name: "Julien Lartigau" } });
  actor = { agentId: julien.id, name: julien.name };
});

afterAll(async () => {
  await schema?.drop();
});

let counter = 0;
function input(overrides: Partial<RecordInvoiceCheckInput> = {}): RecordInvoiceCheckInput {
  counter += 1;
  return {
    reference: REF,
    supplier: "Décathlon Pro",
    number: `T-${counter}`,
    invoiceDate: day(2026, 3, 12),
    amountCents: 123_450,
    eligibleCents: 110_000,
    outcome: "COMPLIANT",
    comment: "",
    actor,
    now: NOW,
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function counts() {
  return {
    invoices: await schema.db.invoice.count(),
    checks: await schema.db.invoiceCheck.count(),
    notifications: await schema.db.notification.count(),
    audit: await schema.db.auditLog.count(),
  };
}

describe("recordInvoiceCheck", () => {
  it("records invoice, check and audit, and returns the refreshed totals", async () => {
    const before = (await getProjectDetail(schema.db, REF, NOW)).amounts;
    const result = await recordInvoiceCheck(schema.db, input({ number: "F-2291", comment: "ok" }));
    const { amounts } = result.project;
    expect(amounts.justifiedCents).toBe(before.justifiedCents + 110_000);
    expect(amounts.payableCents).toBe(payableCents(amounts));
    const invoice = await schema.db.invoice.findUniqueOrThrow({
      where: { id: result.invoiceId },
      include: { checks: true },
    });
    expect(invoice).toMatchObject({ supplier: "Décathlon Pro", supplierKey: "decathlon pro", amountCents: 123_450 });
    expect(invoice.issuedOn.toISOString()).toBe("2026-03-12T00:00:00.000Z");
    expect(invoice.checks).toHaveLength(1);
    expect(invoice.checks[0]).toMatchObject({
      eligibleCents: 110_000,
      outcome: "COMPLIANT",
      checkedById: actor.agentId,
    });
    const audit = await schema.db.auditLog.findFirstOrThrow({
      where: { entity: "InvoiceCheck", entityId: String(result.checkId) },
    });
    expect(audit).toMatchObject({ action: "invoice-check.record", actorId: actor.agentId });
    expect(result.notificationIds).toEqual([]);
  });

  it("refuses each broken rule in French and writes nothing", async () => {
    const start = await counts();
    const cases: [Partial<RecordInvoiceCheckInput>, string, string][] = [
      [{ eligibleCents: 200_000 }, "INVOICE_ELIGIBLE_OVER_AMOUNT", "dépasse le montant de la facture"],
      [{ invoiceDate: day(2026, 11, 29) }, "INVOICE_DATE_IN_FUTURE", "29/11/2026, après aujourd'hui (28/11/2026)"],
      [
        { invoiceDate: day(2023, 2, 21) },
        "INVOICE_DATE_BEFORE_EDITION",
        "avant le début de l'édition 2022 (22/02/2023)",
      ],
      [
        { supplier: "DECATHLON  pro", number: "F-2291" },
        "INVOICE_DUPLICATE",
        "déjà enregistrée sur le projet 2022-017",
      ],
      [{ outcome: "INCOMPLETE", comment: "" }, "INVOICE_FIELD_INVALID", "dit ce qui manque"],
      [{ supplier: "  " }, "INVOICE_FIELD_INVALID", "indiquez le fournisseur"],
      [{ reference: "2022-999" }, "PROJECT_NOT_FOUND", "Je ne trouve aucun projet 2022-999"],
    ];
    for (const [overrides, code, text] of cases) {
      const error = await refusal(recordInvoiceCheck(schema.db, input(overrides)));
      expect(error.code, code).toBe(code);
      expect(error.frenchMessage, code).toContain(text);
    }
    expect(await counts()).toEqual(start);
  });

  it("accepts an invoice dated today (Paris day) and on the edition's first day", async () => {
    const late = parisTime(2026, 11, 28, 23, 30); // 22:30 UTC: still the 28th in Paris
    await expect(
      recordInvoiceCheck(schema.db, input({ invoiceDate: day(2026, 11, 28), now: late })),
    ).resolves.toBeTruthy();
    await expect(recordInvoiceCheck(schema.db, input({ invoiceDate: day(2023, 2, 22) }))).resolves.toBeTruthy();
  });

  it("offers to edit the duplicate: its message names the check to correct", async () => {
    const first = await recordInvoiceCheck(schema.db, input({ number: "DUP-1" }));
    const error = await refusal(recordInvoiceCheck(schema.db, input({ number: "DUP-1", supplier: "décathlon pro" })));
    expect(error.frenchMessage).toContain(`facture modifier ${first.checkId}`);
  });

  it("lets one of two simultaneous identical records through and refuses the other as a duplicate", async () => {
    // The insert waits a little, so both transactions pass the duplicate check before either commits.
    await schema.db.$executeRawUnsafe(
      `CREATE FUNCTION slow_invoice() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.3); RETURN NEW; END $$`,
    );
    await schema.db.$executeRawUnsafe(
      `CREATE TRIGGER slow_invoice BEFORE INSERT ON "Invoice" FOR EACH ROW EXECUTE FUNCTION slow_invoice()`,
    );
    let results: PromiseSettledResult<unknown>[];
    try {
      results = await Promise.allSettled([
        recordInvoiceCheck(schema.db, input({ number: "RACE-1" })),
        recordInvoiceCheck(schema.db, input({ number: "RACE-1" })),
      ]);
    } finally {
      await schema.db.$executeRawUnsafe(`DROP TRIGGER slow_invoice ON "Invoice"`);
      await schema.db.$executeRawUnsafe("DROP FUNCTION slow_invoice()");
    }
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const reasons = results.flatMap((r) => (r.status === "rejected" ? [r.reason as DomainError] : []));
    expect(reasons.map((reason) => reason.code)).toEqual(["INVOICE_DUPLICATE"]);
    expect(await schema.db.invoice.count({ where: { number: "RACE-1" } })).toBe(1);
  });

  it("an INCOMPLETE check writes the porteur's notice in the same transaction, listing what is missing", async () => {
    const result = await recordInvoiceCheck(
      schema.db,
      input({ outcome: "INCOMPLETE", eligibleCents: 0, comment: "RIB manquant ; devis signé" }),
    );
    expect(result.notificationIds).toHaveLength(1);
    const notification = await schema.db.notification.findUniqueOrThrow({ where: { id: result.notificationIds[0]! } });
    const project = await schema.db.project.findUniqueOrThrow({ where: { reference: REF }, include: { holder: true } });
    expect(notification).toMatchObject({
      template: "invoice-incomplete",
      recipientEmail: project.holder.email,
      status: "PENDING",
    });
    expect(notification.payload).toMatchObject({
      projectReference: REF,
      supplier: "Décathlon Pro",
      invoiceDate: "2026-03-12",
      missingItems: ["RIB manquant", "devis signé"],
    });
    const explicit = await recordInvoiceCheck(
      schema.db,
      input({ outcome: "INCOMPLETE", eligibleCents: 0, missingItems: ["Facture acquittée"], comment: "voir mail" }),
    );
    const second = await schema.db.notification.findUniqueOrThrow({ where: { id: explicit.notificationIds[0]! } });
    expect(second.payload).toMatchObject({ missingItems: ["Facture acquittée"], comment: "voir mail" });
  });

  it("leaves neither the check nor the notification when a write after the outbox insert fails", async () => {
    // A real fault inside the domain function's transaction: the audit insert (the last write) fails.
    await schema.db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused (test)'; END $$`,
    );
    await schema.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION refuse_audit()`,
    );
    const start = await counts();
    try {
      await expect(
        recordInvoiceCheck(
          schema.db,
          input({ number: "ROLLBACK-1", outcome: "INCOMPLETE", eligibleCents: 0, comment: "RIB" }),
        ),
      ).rejects.toThrow(/audit refused/);
    } finally {
      await schema.db.$executeRawUnsafe(`DROP TRIGGER refuse_audit ON "AuditLog"`);
      await schema.db.$executeRawUnsafe("DROP FUNCTION refuse_audit()");
    }
    expect(await counts()).toEqual(start);
    expect(await schema.db.invoice.findFirst({ where: { number: "ROLLBACK-1" } })).toBeNull();
    // The same call succeeds once the fault is gone: the rollback left nothing behind to collide with.
    const ok = await recordInvoiceCheck(
      schema.db,
      input({ number: "ROLLBACK-1", outcome: "INCOMPLETE", eligibleCents: 0, comment: "RIB" }),
    );
    expect(ok.notificationIds).toHaveLength(1);
  });
});

describe("editInvoiceCheck", () => {
  it("adds a superseding check (history kept), updates the invoice, audits before/after; totals follow", async () => {
    const first = await recordInvoiceCheck(schema.db, input({ number: "ED-1", eligibleCents: 100_000 }));
    const justified = first.project.amounts.justifiedCents;
    const edited = await editInvoiceCheck(schema.db, {
      checkId: first.checkId!,
      amountCents: 150_000,
      eligibleCents: 140_000,
      comment: "montant corrigé",
      actor,
      now: NOW,
    });
    expect(edited.checkId).not.toBe(first.checkId);
    expect(edited.project.amounts.justifiedCents).toBe(justified + 40_000);
    const checks = await schema.db.invoiceCheck.findMany({
      where: { invoiceId: first.invoiceId },
      orderBy: { id: "asc" },
    });
    expect(checks.map((c) => c.eligibleCents)).toEqual([100_000, 140_000]);
    const invoice = await schema.db.invoice.findUniqueOrThrow({ where: { id: first.invoiceId } });
    expect(invoice.amountCents).toBe(150_000);
    const audit = await schema.db.auditLog.findFirstOrThrow({
      where: { action: "invoice-check.edit", entityId: String(edited.checkId) },
    });
    expect(audit.before).toMatchObject({ amountCents: 123_450, eligibleCents: 100_000, checkId: first.checkId });
    expect(audit.after).toMatchObject({ amountCents: 150_000, eligibleCents: 140_000, comment: "montant corrigé" });

    const nonCompliant = await editInvoiceCheck(schema.db, {
      checkId: edited.checkId!,
      outcome: "NON_COMPLIANT",
      actor,
      now: NOW,
    });
    expect(nonCompliant.project.amounts.justifiedCents).toBe(justified - 100_000);
  });

  it("refuses an unknown check, eligible over amount, and a clash with another invoice", async () => {
    expect((await refusal(editInvoiceCheck(schema.db, { checkId: 999_999, actor, now: NOW }))).code).toBe(
      "INVOICE_CHECK_NOT_FOUND",
    );
    const a = await recordInvoiceCheck(schema.db, input({ number: "ED-A" }));
    await recordInvoiceCheck(schema.db, input({ number: "ED-B" }));
    const over = await refusal(
      editInvoiceCheck(schema.db, { checkId: a.checkId!, eligibleCents: 999_999, actor, now: NOW }),
    );
    expect(over.code).toBe("INVOICE_ELIGIBLE_OVER_AMOUNT");
    const clash = await refusal(editInvoiceCheck(schema.db, { checkId: a.checkId!, number: "ED-B", actor, now: NOW }));
    expect(clash.code).toBe("INVOICE_DUPLICATE");
  });
});

describe("cancelInvoice", () => {
  it("sets cancelledAt and the reason, audits, and the invoice stops counting", async () => {
    const recorded = await recordInvoiceCheck(schema.db, input({ number: "CX-1", eligibleCents: 50_000 }));
    const result = await cancelInvoice(schema.db, { number: "CX-1", reason: "avoir reçu", actor, now: NOW });
    expect(result.project.amounts.justifiedCents).toBe(recorded.project.amounts.justifiedCents - 50_000);
    const invoice = await schema.db.invoice.findUniqueOrThrow({ where: { id: recorded.invoiceId } });
    expect(invoice.cancelledAt?.toISOString()).toBe(NOW.toISOString());
    expect(invoice.cancelReason).toBe("avoir reçu");
    expect(await schema.db.auditLog.count({ where: { action: "invoice.cancel", entityId: String(invoice.id) } })).toBe(
      1,
    );
    const again = await refusal(cancelInvoice(schema.db, { number: "CX-1", reason: "x", actor, now: NOW }));
    expect(again.code).toBe("INVOICE_CANCELLED");
    const edit = await refusal(
      editInvoiceCheck(schema.db, { checkId: recorded.checkId!, eligibleCents: 1, actor, now: NOW }),
    );
    expect(edit.code).toBe("INVOICE_CANCELLED");
  });

  it("refuses an unknown number, a missing reason, and asks for the project when the number is ambiguous", async () => {
    expect((await refusal(cancelInvoice(schema.db, { number: "NOPE", reason: "x", actor, now: NOW }))).code).toBe(
      "INVOICE_NOT_FOUND",
    );
    expect((await refusal(cancelInvoice(schema.db, { number: "ED-A", reason: " ", actor, now: NOW }))).code).toBe(
      "INVOICE_FIELD_INVALID",
    );
    const other = await schema.db.project.findFirstOrThrow({
      where: { reference: { not: REF }, status: "IN_PROGRESS" },
      orderBy: { id: "asc" },
    });
    await recordInvoiceCheck(schema.db, input({ reference: other.reference, number: "AMB-1" }));
    await recordInvoiceCheck(schema.db, input({ number: "AMB-1" }));
    const ambiguous = await refusal(cancelInvoice(schema.db, { number: "AMB-1", reason: "x", actor, now: NOW }));
    expect(ambiguous.code).toBe("INVOICE_AMBIGUOUS");
    await expect(
      cancelInvoice(schema.db, { number: "AMB-1", reference: REF, reason: "x", actor, now: NOW }),
    ).resolves.toBeTruthy();
  });
});
