import { formatShortDate } from "../../domain/dates/format-date.ts";
import { outboxOverview } from "../../domain/notifications/outbox-overview.ts";
import type { Command, CommandContext, Reply } from "./command.ts";
import { canWrite, writeRefusal } from "./roles.ts";

/** `e-mails`: the failed e-mails and why; `e-mails réessayer 12 15` (or `tout`): send them again. */
export const emailsCommand: Command = {
  name: "e-mails",
  triggers: ["e-mails", "emails", "e-mail", "email", "mails", "courriels"],
  help: "**e-mails** : les e-mails en échec · **e-mails réessayer 12** (ou **tout**) : les renvoyer",
  async handle(context): Promise<Reply> {
    const [sub, ...rest] = context.args.trim().split(/\s+/);
    if (sub && /^r[ée]essayer$|^renvoyer$/i.test(sub)) return retry(context, rest);
    if (sub)
      return {
        text: `Je ne connais pas « e-mails ${sub.slice(0, 40)} ». Tapez **e-mails** ou **e-mails réessayer 12**.`,
      };
    const overview = await outboxOverview(context.deps.db, context.deps.now());
    if (overview.failed.length === 0) {
      return {
        text: `Aucun e-mail en échec. ${overview.sentLastWeek} envoyés ces 7 derniers jours, ${overview.pending} en attente.`,
      };
    }
    const lines = [`**${overview.failed.length} e-mail(s) en échec** :`];
    for (const failed of overview.failed) {
      lines.push(
        `- n° ${failed.id} · ${failed.template} à ${failed.recipientEmail} · ${formatShortDate(failed.updatedAt)} · ${failed.lastError ?? "erreur inconnue"}`,
      );
    }
    lines.push("Corrigez l'adresse si besoin, puis tapez **e-mails réessayer** suivi des numéros (ou **tout**).");
    return { text: lines.join("\n") };
  },
};

async function retry({ deps, user, logger }: CommandContext, words: string[]): Promise<Reply> {
  if (!canWrite(user)) return { text: writeRefusal("renvoyer des e-mails") };
  let ids: number[];
  if (words.length === 1 && /^tou[ts]$/i.test(words[0]!)) {
    ids = (await outboxOverview(deps.db, deps.now())).failed.map((f) => f.id);
  } else {
    const bad = words.filter((w) => !/^\d{1,9}$/.test(w.replace(/^n°/, "")));
    if (words.length === 0 || bad.length > 0) {
      return {
        text: `Indiquez les numéros des e-mails à renvoyer, par exemple : **e-mails réessayer 12 15**${bad.length ? ` (« ${bad[0]!.slice(0, 20)} » n'est pas un numéro)` : ""}.`,
      };
    }
    ids = words.map((w) => Number(w.replace(/^n°/, "")));
  }
  const retried = await deps.outbox.retry(ids);
  logger.info({ retried }, "e-mails renvoyés à la demande");
  const ignored = ids.filter((id) => !retried.includes(id));
  const lines = [
    retried.length
      ? `${retried.length} e-mail(s) remis en file d'envoi : ${retried.map((id) => `n° ${id}`).join(", ")}.`
      : "Aucun e-mail remis en file.",
  ];
  if (ignored.length) lines.push(`Ignorés (pas en échec) : ${ignored.map((id) => `n° ${id}`).join(", ")}.`);
  return { text: lines.join("\n\n") };
}
