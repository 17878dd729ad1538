import { formatDate } from "../../domain/dates/format-date.ts";
import { parseFrenchDate } from "../../domain/dates/parse-french-date.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { parseEuros } from "../../domain/money/parse-euros.ts";
import { parseMandate } from "../../domain/payments/parse-mandate.ts";
import { recordPayment } from "../../domain/payments/record-payment.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import type { PaymentKind } from "../../prisma/generated/enums.ts";
import type { Command, CommandContext, Reply } from "./command.ts";
import { takeReference } from "./command-words.ts";

const USAGE = "versement 2022-017 acompte 14 000 € mandat M2026-004512 le 12/03/2026";
const kinds: Record<string, PaymentKind> = { acompte: "ADVANCE", avance: "ADVANCE", solde: "BALANCE" };
const kindLabels: Record<PaymentKind, string> = { ADVANCE: "Acompte", BALANCE: "Solde" };

/**
 * `versement 2022-017 acompte 14 000 € mandat M2026-004512 [le 12/03/2026]` (or `solde`,
 * or `prévu` for a payment to come): records the payment entered in Astre, checked
 * against the convention and what is payable; the porteur is told by e-mail. Agents only.
 */
export const versementCommand: Command = {
  name: "versement",
  triggers: ["versement", "versements", "paiement"],
  help: "**versement 2022-017 acompte 14 000 € mandat M2026-004512 le 12/03/2026** (ou **solde**, ou **prévu**) : enregistre un versement saisi dans Astre",
  requires: "AGENT",
  async handle({ args, user, deps }: CommandContext): Promise<Reply> {
    const { reference, rest } = takeReference(args, USAGE);
    const now = deps.now();
    const request = parsePayment(rest, now);
    const result = await recordPayment(deps.db, { reference, ...request, actor: user, now });
    await deps.outbox.enqueue(result.notificationIds);
    const { totals } = result;
    const what = `${kindLabels[request.kind]} de ${formatEuros(request.amountCents)}`;
    const head = request.planned
      ? `${what} prévu le ${formatDate(request.on)} pour le projet ${reference}.`
      : `${what} enregistré pour le projet ${reference} (mandat ${request.mandate}, le ${formatDate(request.on)}) : le porteur est prévenu par e-mail.`;
    return {
      text: [
        head,
        `- Convention : ${formatEuros(totals.agreementCents)}`,
        `- Déjà versé : ${formatEuros(totals.paidCents)}${totals.plannedCents ? ` (prévu : ${formatEuros(totals.plannedCents)})` : ""}`,
        `- Dépenses justifiées : ${formatEuros(totals.justifiedCents)}`,
        `- Reste à verser : ${formatEuros(totals.remainingCents)}`,
      ].join("\n\n"),
    };
  },
};

/** `acompte 14 000 € mandat M2026-004512 le 12/03/2026` → its parts, refusing in French what is missing. */
export function parsePayment(rest: string, now: Date) {
  let text = rest.trim();
  const [kindWord = "", ...others] = text.split(/\s+/);
  const kind = kinds[normalizeKey(kindWord)];
  if (!kind) throw unclear("Précisez **acompte** ou **solde**.");
  text = others.join(" ");
  const take = (pattern: RegExp): string | undefined => {
    const match = pattern.exec(text);
    if (!match) return undefined;
    text = (text.slice(0, match.index) + text.slice(match.index + match[0].length)).trim();
    return match[1] ?? match[0];
  };
  const mandateText = take(/\bmandat\s+(\S+)/iu);
  const dateText = take(/(?:\ble\s+)?(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})/u);
  const planned = take(/(?:^|\s)pr[ée]vue?\b/iu) !== undefined;
  if (!text) throw unclear("Indiquez le montant.");
  const amount = parseEuros(text);
  if (!amount.ok) throw unclear(`Je ne lis pas ce montant : ${amount.reason}.`);
  const mandate = mandateText === undefined ? null : parseMandate(mandateText);
  return {
    kind,
    amountCents: amount.cents,
    mandate,
    on: dateText ? parseFrenchDate(dateText) : now,
    planned,
  };
}

function unclear(problem: string): DomainError {
  return new DomainError("COMMAND_UNCLEAR", { problem, usage: USAGE });
}
