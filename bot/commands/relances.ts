import { outboxOverview } from "../../domain/notifications/outbox-overview.ts";
import type { ReminderKind } from "../../domain/reminders/due-reminder.ts";
import { findDueReminders, recordedKeys } from "../../domain/reminders/find-due-reminders.ts";
import { findPendingPayments } from "../../domain/reminders/find-pending-payments.ts";
import { reminderSettings } from "../../domain/reminders/reminder-settings.ts";
import { runReminderScan } from "../../domain/reminders/run-reminder-scan.ts";
import type { Command, CommandContext, Reply } from "./command.ts";
import { canWrite, writeRefusal } from "./roles.ts";

const kindTitles: Record<ReminderKind, string> = {
  agreement: "Conventions non signées",
  justifications: "Factures attendues",
  report: "Bilans n+1",
  event: "Rappels d'événements",
};
const LIST_MAX = 8;

/** `relances`: what is due and what went out; `relances envoyer`: run the scans now (agents). */
export const relancesCommand: Command = {
  name: "relances",
  triggers: ["relances", "relance", "rappels"],
  help: "**relances** : les relances dues et les e-mails envoyés ou en échec · **relances envoyer** : les envoyer maintenant",
  async handle(context): Promise<Reply> {
    const sub = context.args.trim().toLowerCase();
    if (sub === "envoyer" || sub === "envoie" || sub === "maintenant") return sendNow(context);
    if (sub)
      return {
        text: `Je ne connais pas « relances ${sub.slice(0, 40)} ». Tapez **relances** ou **relances envoyer**.`,
      };
    return overview(context);
  },
};

async function overview({ deps }: CommandContext): Promise<Reply> {
  const now = deps.now();
  const settings = reminderSettings(deps.config);
  const [due, payments, outbox] = await Promise.all([
    findDueReminders(deps.db, now, settings),
    findPendingPayments(deps.db, now, settings.paymentAfterDays),
    outboxOverview(deps.db, now),
  ]);
  const recorded = await recordedKeys(deps.db, due);
  const toSend = due.filter((d) => !recorded.has(d.idempotencyKey));
  const lines = [`**Relances à envoyer aujourd'hui : ${toSend.length}** (${recorded.size} déjà faites)`];
  for (const kind of Object.keys(kindTitles) as ReminderKind[]) {
    const items = toSend.filter((d) => d.kind === kind);
    if (items.length === 0) continue;
    lines.push(`${kindTitles[kind]} (${items.length}) :`);
    lines.push(...items.slice(0, LIST_MAX).map((d) => `- ${d.label}`));
    if (items.length > LIST_MAX) lines.push(`- … et ${items.length - LIST_MAX} autres`);
  }
  if (toSend.length > 0)
    lines.push("Tapez **relances envoyer** pour les envoyer maintenant (sinon : chaque matin à 7 h).");
  lines.push(`**Versements en attente dans Astre : ${payments.length}**`);
  lines.push(...payments.slice(0, LIST_MAX).map((p) => `- ${p.label}`));
  lines.push(
    `**E-mails** : ${outbox.sentLastWeek} envoyés ces 7 derniers jours, ${outbox.pending} en attente, ${outbox.failed.length} en échec.`,
  );
  if (outbox.failed.length > 0) lines.push("Tapez **e-mails** pour voir les échecs et les renvoyer.");
  return { text: lines.join("\n\n") };
}

async function sendNow(context: CommandContext): Promise<Reply> {
  const { deps, user } = context;
  if (!canWrite(user)) return { text: writeRefusal("envoyer les relances") };
  const result = await runReminderScan(deps.db, deps.now(), reminderSettings(deps.config));
  await deps.outbox.enqueue(result.notificationIds);
  context.logger.info({ created: result.created }, "relances envoyées à la demande");
  const { created } = result;
  const total = result.notificationIds.length;
  if (total === 0) {
    return { text: `Aucune nouvelle relance à envoyer (${result.alreadyRecorded} déjà envoyées ou en cours).` };
  }
  return {
    text: [
      `**${total} relance${total > 1 ? "s" : ""} mise${total > 1 ? "s" : ""} en file d'envoi** :`,
      `- conventions : ${created.agreement}`,
      `- factures : ${created.justifications}`,
      `- bilans n+1 : ${created.report}`,
      `- événements : ${created.event}`,
    ].join("\n"),
  };
}
