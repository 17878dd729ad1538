import type { AgreementAction } from "../../domain/agreements/agreement-transitions.ts";
import type { AgreementView } from "../../domain/agreements/agreement-view.ts";
import { changeAgreement } from "../../domain/agreements/change-agreement.ts";
import { prepareAgreement } from "../../domain/agreements/prepare-agreement.ts";
import { parseFrenchDate } from "../../domain/dates/parse-french-date.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { parseEuros } from "../../domain/money/parse-euros.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import { generatedFileLink, HOLDER_LINK_HOURS } from "../web/generated-file-links.ts";
import type { Command, CommandContext, Reply } from "./command.ts";
import { takeReference, unquote } from "./command-words.ts";
import { describeAgreement } from "./describe-agreement.ts";

const USAGE = "convention 2022-017 envoyer";

type Intent =
  | { kind: "show"; amountCents?: number }
  | { kind: "change"; action: AgreementAction; on?: Date; reason?: string };

/**
 * `convention 2022-017`: the project's convention (drafted from the project when it has
 * none), with its document to download; `… montant 68 525 €`, `… envoyer`, `… signée
 * porteur [12/03/2026]`, `… signée département [date]`, `… annuler "raison"` move it
 * along. Agents only: every form may write.
 */
export const conventionCommand: Command = {
  name: "convention",
  triggers: ["convention", "conventions", "conv"],
  help: '**convention 2022-017** [montant 68 525 € | envoyer | signée porteur 12/03/2026 | signée département | annuler "raison"] : la convention d\'un projet et son document',
  requires: "AGENT",
  async handle({ args, user, deps }: CommandContext): Promise<Reply> {
    const { reference, rest } = takeReference(args, USAGE);
    const intent = parseIntent(rest, reference);
    const now = deps.now();
    const actor = user;
    const link = (agreement: AgreementView, hours?: number) =>
      generatedFileLink(deps.config, { kind: "agreement", agreementId: agreement.id }, now, hours);
    if (intent.kind === "show") {
      const { agreement, created, amountChanged } = await prepareAgreement(deps.db, {
        reference,
        amountCents: intent.amountCents,
        actor,
        now,
      });
      const head = created
        ? `Convention **${agreement.reference}** préparée (brouillon).`
        : amountChanged
          ? `Montant de la convention **${agreement.reference}** modifié.`
          : `Convention **${agreement.reference}**.`;
      return { text: describeAgreement(head, agreement, link(agreement)) };
    }
    const { agreement, notificationIds } = await changeAgreement(deps.db, {
      reference,
      action: intent.action,
      on: intent.on,
      reason: intent.reason,
      actor,
      now,
      documentUrl: (a) => link(a, HOLDER_LINK_HOURS),
    });
    await deps.outbox.enqueue(notificationIds);
    const heads: Record<AgreementAction, string> = {
      send: `Convention **${agreement.reference}** envoyée : le porteur reçoit un e-mail avec le lien du document.`,
      signByHolder: `Convention **${agreement.reference}** : signature du porteur enregistrée.`,
      signByDepartment: `Convention **${agreement.reference}** signée par les deux parties : l'acompte peut être versé.`,
      cancel: `Convention **${agreement.reference}** annulée.`,
    };
    return { text: describeAgreement(heads[intent.action], agreement, link(agreement)) };
  },
};

function parseIntent(rest: string, reference: string): Intent {
  const folded = normalizeKey(rest);
  if (folded === "") return { kind: "show" };
  const amount = /^montant\s+(.+)$/u.exec(rest.trim());
  if (amount) {
    const parsed = parseEuros(amount[1] ?? "");
    if (!parsed.ok)
      throw unclear(`Je ne lis pas ce montant : ${parsed.reason}.`, `convention ${reference} montant 68 525 €`);
    return { kind: "show", amountCents: parsed.cents };
  }
  if (folded === "envoyer" || folded === "envoyee") return { kind: "change", action: "send" };
  const signed = /^signee\s+(?:par\s+(?:le\s+)?)?(porteur|departement)\s*(?:le\s+)?(.*)$/u.exec(folded);
  if (signed) {
    const action: AgreementAction = signed[1] === "porteur" ? "signByHolder" : "signByDepartment";
    const date = signed[2]?.trim();
    return { kind: "change", action, ...(date ? { on: parseFrenchDate(date) } : {}) };
  }
  const cancel = /^annuler\b(.*)$/su.exec(rest.trim());
  if (cancel && normalizeKey(rest).startsWith("annuler")) {
    const reason = unquote(cancel[1] ?? "");
    if (!reason)
      throw unclear("Indiquez la raison de l'annulation.", `convention ${reference} annuler "projet abandonné"`);
    return { kind: "change", action: "cancel", reason };
  }
  throw unclear(`Je ne comprends pas « ${rest.trim().slice(0, 60)} ».`, `convention ${reference} envoyer`);
}

function unclear(problem: string, usage: string): DomainError {
  return new DomainError("COMMAND_UNCLEAR", { problem, usage });
}
