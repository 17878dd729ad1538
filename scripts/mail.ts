import { resolve } from "node:path";
import { loadConfig } from "../domain/config/load-config.ts";
import { type CaughtMailSummary, listCaughtMail, readCaughtMail } from "../jobs/mail/list-caught-mail.ts";
import { DEFAULT_MAIL_DIR } from "../jobs/mail/start-mail-catcher.ts";

/**
 * `npm run mail`: the latest messages the local catcher received;
 * `npm run mail -- <identifiant>`: one of them (headers and plain text).
 */
const config = loadConfig(process.env);
const dir = config.MAIL_CATCHER_DIR ? resolve(config.MAIL_CATCHER_DIR) : DEFAULT_MAIL_DIR;
const dateFormat = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "short",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});
const argument = process.argv[2];

if (argument) {
  process.exitCode = await showOne(argument.replace(/\.eml$/, ""));
} else {
  await showLatest();
}

async function showLatest(): Promise<void> {
  const mails = await listCaughtMail(dir, { limit: 30 });
  if (mails.length === 0) {
    console.log(`Aucun message reçu dans ${dir}.`);
    return;
  }
  const columns: Array<[string, number, (mail: CaughtMailSummary) => string]> = [
    ["Identifiant", 28, (mail) => mail.id],
    ["Date", 16, (mail) => dateFormat.format(mail.date)],
    ["De", 28, (mail) => mail.from],
    ["À", 28, (mail) => mail.to],
    ["Agenda", 6, (mail) => (mail.hasCalendar ? "oui" : "")],
    ["Objet", 60, (mail) => mail.subject],
  ];
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => fitCell(cell, columns[index]?.[1] ?? 20))
      .join("  ")
      .trimEnd();
  console.log(`Messages reçus dans ${dir}, les plus récents en premier :\n`);
  console.log(line(columns.map(([title]) => title)));
  for (const mail of mails) console.log(line(columns.map(([, , value]) => value(mail))));
  console.log("\nLire un message : npm run mail -- <identifiant>");
}

async function showOne(id: string): Promise<number> {
  const mail = await readCaughtMail(dir, id);
  if (!mail) {
    console.error(`Aucun message « ${id} » dans ${dir} (npm run mail pour la liste).`);
    return 1;
  }
  const headers: Array<[string, string | null]> = [
    ["De", mail.from],
    ["À", mail.to],
    ["Cc", mail.cc || null],
    ["Date", dateFormat.format(mail.date)],
    ["Objet", mail.subject],
    ["Message-ID", mail.messageId],
    ["List-Unsubscribe", mail.listUnsubscribe],
    ["Invitation", mail.hasCalendar ? "oui (partie iCalendar)" : null],
    [
      "Pièces jointes",
      mail.attachments.map((part) => `${part.filename ?? "(sans nom)"} (${part.contentType})`).join(", ") || null,
    ],
  ];
  for (const [name, value] of headers) if (value !== null) console.log(`${`${name} :`.padEnd(18)}${value}`);
  console.log(`\n${mail.text ?? "(pas de version texte)"}`);
  return 0;
}

/** Pads or cuts a cell to `width` characters, marking a cut with an ellipsis. */
function fitCell(value: string, width: number): string {
  const flat = value.replace(/\s+/g, " ");
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}
