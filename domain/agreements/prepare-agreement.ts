import type { Db } from "../../prisma/create-db.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";
import { agreementStatusLabels } from "./agreement-transitions.ts";
import { type AgreementView, agreementViewSelect, findCurrentAgreement, toAgreementView } from "./agreement-view.ts";

/**
 * `convention 2022-017 [montant 68 525 €]`: the project's current convention, drafted
 * from the project when it has none (reference `CONV-2022-017`, `-2`, `-3`… after a
 * cancellation; amount = the amount voted unless given). Giving an amount changes a
 * draft's amount; a convention already sent keeps its amount (cancel and redo instead).
 * Every write is audited in its transaction.
 */
export async function prepareAgreement(
  db: Db,
  request: { reference: string; amountCents?: number | undefined; actor: AuditActor; now: Date },
): Promise<{ agreement: AgreementView; created: boolean; amountChanged: boolean }> {
  return db.$transaction(async (tx) => {
    const project = await tx.project.findUnique({
      where: { reference: request.reference },
      select: { id: true, awardedCents: true, _count: { select: { agreements: true } } },
    });
    if (!project) throw new DomainError("PROJECT_NOT_FOUND", { reference: request.reference });
    const current = await findCurrentAgreement(tx, project.id);
    if (current) {
      if (request.amountCents === undefined || request.amountCents === current.amountCents) {
        return { agreement: current, created: false, amountChanged: false };
      }
      if (current.status !== "DRAFT") {
        throw new DomainError("AGREEMENT_TRANSITION_REFUSED", {
          agreementReference: current.reference,
          current: agreementStatusLabels[current.status],
          wanted: "modifiée",
          hint: `Pour changer son montant, annulez-la (**convention ${request.reference} annuler "raison"**) puis préparez-en une nouvelle.`,
        });
      }
      const row = await tx.agreement.update({
        where: { id: current.id },
        data: { amountCents: request.amountCents },
        select: agreementViewSelect,
      });
      await recordAudit(tx, {
        actor: request.actor,
        action: "agreement.amount",
        entity: "Agreement",
        entityId: current.id,
        before: { amountCents: current.amountCents },
        after: { amountCents: request.amountCents },
        at: request.now,
      });
      return { agreement: toAgreementView(row), created: false, amountChanged: true };
    }
    const count = project._count.agreements;
    const reference = `CONV-${request.reference}${count === 0 ? "" : `-${count + 1}`}`;
    const row = await tx.agreement.create({
      data: {
        projectId: project.id,
        reference,
        amountCents: request.amountCents ?? project.awardedCents,
        draftedAt: request.now,
      },
      select: agreementViewSelect,
    });
    await recordAudit(tx, {
      actor: request.actor,
      action: "agreement.draft",
      entity: "Agreement",
      entityId: row.id,
      before: null,
      after: { reference, amountCents: row.amountCents, status: row.status },
      at: request.now,
    });
    return { agreement: toAgreementView(row), created: true, amountChanged: false };
  });
}
