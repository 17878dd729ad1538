import { cancelInvoice } from "../../domain/invoices/cancel-invoice.ts";
import { editInvoiceCheck } from "../../domain/invoices/edit-invoice-check.ts";
import { recordInvoiceCheck } from "../../domain/invoices/record-invoice-check.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import type { BotDeps, Command, CommandContext, Reply } from "./command.ts";
import { invoiceCheckReply, totalsLine } from "./invoice-check-reply.ts";
import {
  INVOICE_LINE_GRAMMAR,
  parseInvoiceCancelLine,
  parseInvoiceEditLine,
  parseInvoiceLine,
} from "./parse-invoice-line.ts";

const DETAILS = ["Contrôles de factures (rôle agent) :", "", INVOICE_LINE_GRAMMAR].join("\n");
const EXAMPLE = 'facture 2022-017 Décathlon F-2291 1 234,50 € éligible 1 100 € conforme "vélos et casques"';

function unreadable(what: string, errors: string[], example: string): Reply {
  return {
    text: [
      `Je n'ai pas pu lire ${what} :`,
      ...errors.map((e) => `- ${e}`),
      "",
      `Exemple : **${example}** · détails : **aide facture**.`,
    ].join("\n"),
  };
}

/** Hands the committed outbox rows to the queue; the sweep finds them anyway if Redis is away. */
async function enqueue(deps: BotDeps, ids: number[], logger: CommandContext["logger"]): Promise<void> {
  if (ids.length === 0) return;
  try {
    await deps.outbox.enqueue(ids);
  } catch (error) {
    logger.warn({ err: error, ids }, "outbox enqueue failed; the sweep will queue them");
  }
}

/**
 * `facture …`: logs an invoice check on one line, corrects one (`facture modifier`) or
 * cancels an invoice (`facture annuler`), answering with the project's refreshed totals.
 * Agents only; the grammar is in `aide facture`.
 */
export const factureCommand: Command = {
  name: "facture",
  triggers: ["facture", "factures"],
  help: "**facture 2022-017 Décathlon F-2291 1 234,50 € conforme** : enregistrer un contrôle de facture (modifier, annuler : **aide facture**)",
  details: DETAILS,
  requires: "AGENT",
  async handle({ args, user, deps, logger }): Promise<Reply> {
    const [first = ""] = args.trim().split(/\s+/);
    const sub = normalizeKey(first);
    const restText = args.trim().slice(first.length).trim();
    const now = deps.now();
    if (!args.trim() || sub === "aide") return { text: DETAILS };
    if (sub === "modifier" || sub === "corriger") {
      const parsed = parseInvoiceEditLine(restText);
      if (!parsed.ok)
        return unreadable(
          "cette correction",
          parsed.errors,
          'facture modifier 12 éligible 1 000 € non conforme "devis manquant"',
        );
      const result = await editInvoiceCheck(deps.db, { ...parsed.value, actor: user, now });
      await enqueue(deps, result.notificationIds, logger);
      const check = await deps.db.invoiceCheck.findUniqueOrThrow({
        where: { id: result.checkId ?? 0 },
        select: {
          eligibleCents: true,
          outcome: true,
          invoice: { select: { supplier: true, number: true, issuedOn: true, amountCents: true } },
        },
      });
      return {
        text: invoiceCheckReply(
          "corrigé",
          {
            ...check.invoice,
            invoiceDate: check.invoice.issuedOn,
            eligibleCents: check.eligibleCents,
            outcome: check.outcome,
          },
          result,
        ),
      };
    }
    if (sub === "annuler") {
      const parsed = parseInvoiceCancelLine(restText);
      if (!parsed.ok)
        return unreadable("cette annulation", parsed.errors, 'facture annuler 2022-017 F-2291 "avoir reçu"');
      const result = await cancelInvoice(deps.db, { ...parsed.value, actor: user, now });
      return {
        text: [
          `Facture ${parsed.value.number} annulée sur **${result.project.reference} · ${result.project.title}** (« ${parsed.value.reason} ») : elle ne compte plus dans le justifié.`,
          totalsLine(result.project.amounts),
        ].join("\n\n"),
      };
    }
    const parsed = parseInvoiceLine(args, now);
    if (!parsed.ok) return unreadable("ce contrôle", parsed.errors, EXAMPLE);
    const result = await recordInvoiceCheck(deps.db, { ...parsed.value, actor: user, now });
    await enqueue(deps, result.notificationIds, logger);
    return { text: invoiceCheckReply("enregistré", parsed.value, result) };
  },
};
