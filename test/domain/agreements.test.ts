import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeAgreement } from "../../domain/agreements/change-agreement.ts";
import { loadAgreementDocument } from "../../domain/agreements/load-agreement-document.ts";
import { prepareAgreement } from "../../domain/agreements/prepare-agreement.ts";
import type { AuditActor } from "../../domain/audit/record-audit.ts";
import { parseFrenchDate } from "../../domain/dates/parse-french-date.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { setProjectStatus } from "../../domain/projects/set-project-status.ts";
import { seed } from "../../prisma/seed.ts";
import { buildConventionDocx } from "../../templates/documents/convention.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = new Date("2026-03-20T10:00:00Z");
let schema: FreshSchema;
let actor: AuditActor;
let reference: string;

beforeAll(async () => {
  schema = await freshSchema("agreements");
  await seed(schema.db, { now: NOW });
  const agent = await schema.db.agent.findFirstOrThrow({ where: { role: "AGENT" }, select: { id: true, name: true } });
  actor = { agentId: agent.id, name: agent.name };
  const project = await schema.db.project.findFirstOrThrow({
    where: { status: "WINNER", agreements: { none: {} } },
    select: { reference: true },
    orderBy: { reference: "asc" },
  });
  reference = project.reference;
});

afterAll(async () => {
  await schema?.drop();
});

/** The French message of the DomainError the promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).frenchMessage;
}

const project = () =>
  schema.db.project.findUniqueOrThrow({ where: { reference }, select: { id: true, status: true, statusReason: true } });

describe("conventions: DRAFT → SENT → SIGNED_BY_HOLDER → SIGNED", () => {
  it("refuses every move before a convention exists", async () => {
    expect(await refusal(changeAgreement(schema.db, { reference, action: "send", actor, now: NOW }))).toContain(
      "n'a pas de convention en cours",
    );
  });

  it("drafts one from the project (amount voted), then changes a draft's amount", async () => {
    const awarded = (await schema.db.project.findUniqueOrThrow({ where: { reference } })).awardedCents;
    const first = await prepareAgreement(schema.db, { reference, actor, now: NOW });
    expect(first.created).toBe(true);
    expect(first.agreement).toMatchObject({ reference: `CONV-${reference}`, status: "DRAFT", amountCents: awarded });
    const again = await prepareAgreement(schema.db, { reference, actor, now: NOW });
    expect(again.created).toBe(false);
    const changed = await prepareAgreement(schema.db, { reference, amountCents: 6_852_500, actor, now: NOW });
    expect(changed).toMatchObject({ amountChanged: true, agreement: { amountCents: 6_852_500 } });
    const audits = await schema.db.auditLog.findMany({
      where: { entity: "Agreement", entityId: String(first.agreement.id) },
    });
    expect(audits.map((a) => a.action)).toEqual(["agreement.draft", "agreement.amount"]);
  });

  it("refuses signatures on a draft, in French", async () => {
    expect(await refusal(changeAgreement(schema.db, { reference, action: "signByHolder", actor, now: NOW }))).toBe(
      `Impossible : la convention CONV-${reference} est en préparation (brouillon), elle ne peut pas être signée par le porteur. Envoyez-la d'abord : **convention ${reference} envoyer**.`,
    );
    expect(
      await refusal(changeAgreement(schema.db, { reference, action: "signByDepartment", actor, now: NOW })),
    ).toContain("ne peut pas être signée par le Département");
  });

  it("sends it: SENT, sentAt, the outbox row with the document link, the project AGREEMENT_PENDING", async () => {
    const { agreement, notificationIds } = await changeAgreement(schema.db, {
      reference,
      action: "send",
      actor,
      now: NOW,
      documentUrl: (a) => `https://bpc40.example.org/files/doc-${a.id}`,
    });
    expect(agreement).toMatchObject({ status: "SENT", sentAt: NOW });
    expect(notificationIds).toHaveLength(1);
    const row = await schema.db.notification.findUniqueOrThrow({ where: { id: notificationIds[0] as number } });
    expect(row.template).toBe("agreement-to-sign");
    expect(row.payload).toMatchObject({
      agreementReference: `CONV-${reference}`,
      amountCents: 6_852_500,
      documentUrl: `https://bpc40.example.org/files/doc-${agreement.id}`,
    });
    expect((await project()).status).toBe("AGREEMENT_PENDING");
  });

  it("refuses sending twice, the Département signing first, changing the amount of a sent convention", async () => {
    expect(await refusal(changeAgreement(schema.db, { reference, action: "send", actor, now: NOW }))).toContain(
      "est envoyée au porteur pour signature, elle ne peut pas être envoyée",
    );
    expect(
      await refusal(changeAgreement(schema.db, { reference, action: "signByDepartment", actor, now: NOW })),
    ).toContain("Le porteur doit d'abord la signer");
    expect(await refusal(prepareAgreement(schema.db, { reference, amountCents: 100_00, actor, now: NOW }))).toContain(
      "ne peut pas être modifiée",
    );
  });

  it("refuses a signature dated in the future", async () => {
    const on = parseFrenchDate("21/03/2026");
    expect(
      await refusal(changeAgreement(schema.db, { reference, action: "signByHolder", on, actor, now: NOW })),
    ).toContain("est dans le futur");
  });

  it("records both signatures with their dates; the project becomes AGREEMENT_SIGNED", async () => {
    const holder = await changeAgreement(schema.db, {
      reference,
      action: "signByHolder",
      on: parseFrenchDate("12/03/2026"),
      actor,
      now: NOW,
    });
    expect(holder.agreement.status).toBe("SIGNED_BY_HOLDER");
    expect(holder.agreement.holderSignedAt?.toISOString()).toBe("2026-03-12T11:00:00.000Z");
    expect(await refusal(changeAgreement(schema.db, { reference, action: "signByHolder", actor, now: NOW }))).toContain(
      "Reste la signature du Département",
    );
    const both = await changeAgreement(schema.db, { reference, action: "signByDepartment", actor, now: NOW });
    expect(both.agreement.status).toBe("SIGNED");
    expect((await project()).status).toBe("AGREEMENT_SIGNED");
    expect(
      await refusal(changeAgreement(schema.db, { reference, action: "signByDepartment", actor, now: NOW })),
    ).toContain("est signée par les deux parties");
  });

  it("writes the DOCX: title, porteur, amount in figures and words, schedule, signatures", async () => {
    const agreement = await schema.db.agreement.findFirstOrThrow({ where: { reference: `CONV-${reference}` } });
    const data = await loadAgreementDocument(schema.db, agreement.id);
    if (!data) throw new Error("no document data");
    const docx = await buildConventionDocx(data);
    const xml = new TextDecoder().decode(unzipSync(new Uint8Array(docx))["word/document.xml"]);
    const text = xml
      .replace(/<[^>]+>/g, "")
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
    expect(text).toContain("Convention de subvention");
    expect(text).toContain(`Convention n° CONV-${reference} — projet ${reference}`);
    expect(text).toContain(data.project.title);
    expect(text).toContain(data.holder.name);
    expect(text).toContain("68\u202f525,00\u00a0€");
    expect(text).toContain("(soixante-huit mille cinq cent vingt-cinq euros)");
    expect(text).toContain(
      "Un acompte de 50 % du montant, soit 34\u202f262,50\u00a0€ (trente-quatre mille deux cent soixante-deux euros et cinquante centimes)",
    );
    expect(text).toContain("est versé sur présentation des justificatifs de dépense");
    expect(text).toContain("Signé le jeudi 12 mars 2026");
    expect(text).toContain("Pour le Département des Landes");
  });

  it("cancels with a reason (audited); the project falls back to WINNER; a new draft gets -2", async () => {
    await changeAgreement(schema.db, { reference, action: "cancel", reason: "Montant à revoir", actor, now: NOW });
    const cancelled = await schema.db.agreement.findFirstOrThrow({ where: { reference: `CONV-${reference}` } });
    expect(cancelled.status).toBe("CANCELLED");
    const audit = await schema.db.auditLog.findFirstOrThrow({
      where: { action: "agreement.cancel", entityId: String(cancelled.id) },
    });
    expect(audit.before).toEqual({ status: "SIGNED" });
    expect(audit.after).toMatchObject({ status: "CANCELLED", reason: "Montant à revoir" });
    expect((await project()).status).toBe("WINNER");
    expect(await refusal(changeAgreement(schema.db, { reference, action: "cancel", actor, now: NOW }))).toContain(
      "n'a pas de convention en cours",
    );
    const next = await prepareAgreement(schema.db, { reference, actor, now: NOW });
    expect(next.agreement.reference).toBe(`CONV-${reference}-2`);
  });

  it("refuses cancelling a convention that already has payments", async () => {
    const signed = await schema.db.agreement.findFirstOrThrow({
      where: { status: "SIGNED", payments: { some: { status: "SENT" } } },
      select: { project: { select: { reference: true } } },
    });
    expect(
      await refusal(
        changeAgreement(schema.db, {
          reference: signed.project.reference,
          action: "cancel",
          reason: "x",
          actor,
          now: NOW,
        }),
      ),
    ).toContain("a déjà donné lieu à des versements");
  });
});

describe("status by hand", () => {
  it("sets the status with its reason, fills the date, audits", async () => {
    const result = await setProjectStatus(schema.db, {
      reference,
      status: "ABANDONED",
      reason: "Le porteur renonce",
      actor,
      now: NOW,
    });
    expect(result).toEqual({ before: "WINNER", after: "ABANDONED" });
    const row = await schema.db.project.findUniqueOrThrow({ where: { reference } });
    expect(row).toMatchObject({ status: "ABANDONED", statusReason: "Le porteur renonce", abandonedAt: NOW });
    const audit = await schema.db.auditLog.findFirstOrThrow({
      where: { action: "project.status-set", entityId: String(row.id) },
    });
    expect(audit.after).toMatchObject({ status: "ABANDONED", statusReason: "Le porteur renonce" });
  });

  it("is not undone by the facts: sending a convention leaves an abandoned project abandoned", async () => {
    await changeAgreement(schema.db, { reference, action: "send", actor, now: NOW });
    expect((await project()).status).toBe("ABANDONED");
  });
});
