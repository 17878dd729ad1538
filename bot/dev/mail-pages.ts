import { readFile } from "node:fs/promises";
import type restify from "restify";
import {
  type CaughtMail,
  type CaughtMailSummary,
  caughtMailPath,
  listCaughtMail,
  readCaughtMail,
} from "../../jobs/mail/list-caught-mail.ts";

/**
 * Pages to read what the local mail catcher received, for newcomers: `GET /dev/mail`
 * (the latest messages), `GET /dev/mail/:id` (one message) and `GET /dev/mail/:id/eml`
 * (the raw file, to open in a mail client). Register them only when the catcher is
 * in use (no SMTP_URL): they show whole e-mails, porteurs' addresses included.
 * A message's HTML is untrusted: it is shown in an `<iframe sandbox>` (no script,
 * no form, no access to this page) and the pages forbid scripts altogether.
 */
export function registerMailPages(server: restify.Server, options: { dir: string }): void {
  server.get("/dev/mail", async (_req, res) => {
    sendPage(res, 200, listPage(await listCaughtMail(options.dir, { limit: 200 })));
  });
  server.get("/dev/mail/:id", async (req, res) => {
    const mail = await readCaughtMail(options.dir, String(req.params.id));
    sendPage(res, mail ? 200 : 404, mail ? messagePage(mail) : notFoundPage());
  });
  server.get("/dev/mail/:id/eml", async (req, res) => {
    const id = String(req.params.id);
    const path = caughtMailPath(options.dir, id);
    const raw = path ? await readFile(path).catch(() => null) : null;
    if (!raw) {
      sendPage(res, 404, notFoundPage());
      return;
    }
    res.setHeader("content-type", "message/rfc822");
    res.setHeader("content-disposition", `attachment; filename="${id}.eml"`);
    res.sendRaw(200, raw);
  });
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeStyle: "medium",
  timeZone: "Europe/Paris",
});

/** A date as agents read it: `28 novembre 2026 à 18:05:01`, Paris time. */
function frenchDate(date: Date): string {
  return dateFormat.format(date);
}

/** Escapes text for HTML content and quoted attribute values alike. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function sendPage(res: restify.Response, status: number, html: string): void {
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader(
    "content-security-policy",
    "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
  res.sendRaw(status, html);
}

const STYLE = `
body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0; line-height: 1.5; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
a { color: #0b4f9c; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid #c8c8c8; }
thead th { background: #eef1f5; }
th[scope=row] { white-space: nowrap; width: 12rem; }
pre { background: #f4f4f4; border: 1px solid #c8c8c8; padding: .75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
iframe { width: 100%; height: 40rem; border: 1px solid #c8c8c8; background: #fff; }
.note { color: #444; }`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Courrier de développement BPC40</title>
<style>${STYLE}</style>
</head>
<body><main>
${body}
</main></body>
</html>`;
}

function listPage(mails: CaughtMailSummary[]): string {
  const intro = `<h1>Courrier de développement</h1>
<p class="note">Messages reçus par le récepteur local : aucun n'a été distribué. Les plus récents en premier.</p>`;
  if (mails.length === 0) return layout("Messages", `${intro}\n<p>Aucun message reçu pour l'instant.</p>`);
  const rows = mails
    .map(
      (mail) => `<tr>
<td>${escapeHtml(frenchDate(mail.date))}</td>
<td>${escapeHtml(mail.from)}</td>
<td>${escapeHtml(mail.to)}</td>
<td><a href="/dev/mail/${escapeHtml(mail.id)}">${escapeHtml(mail.subject || "(sans objet)")}</a></td>
<td>${mail.hasCalendar ? "Invitation" : ""}</td>
</tr>`,
    )
    .join("\n");
  return layout(
    "Messages",
    `${intro}
<table>
<caption class="note">${mails.length} message(s)</caption>
<thead><tr><th scope="col">Date</th><th scope="col">De</th><th scope="col">À</th><th scope="col">Objet</th><th scope="col">Agenda</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
  );
}

function messagePage(mail: CaughtMail): string {
  const headers: Array<[string, string | null]> = [
    ["De", mail.from],
    ["À", mail.to],
    ["Cc", mail.cc || null],
    ["Répondre à", mail.replyTo || null],
    ["Date", frenchDate(mail.date)],
    ["Reçu le", frenchDate(mail.receivedAt)],
    ["Message-ID", mail.messageId],
    ["List-Unsubscribe", mail.listUnsubscribe],
    ["List-Unsubscribe-Post", mail.listUnsubscribePost],
  ];
  const headerRows = headers
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join("\n");
  const sections = [
    `<h2>En-têtes</h2>\n<table>\n<tbody>\n${headerRows}\n</tbody>\n</table>`,
    mail.html &&
      `<h2>Version HTML</h2>\n<iframe sandbox srcdoc="${escapeHtml(mail.html)}" title="Version HTML du message"></iframe>`,
    `<h2>Version texte</h2>\n${mail.text ? `<pre>${escapeHtml(mail.text)}</pre>` : "<p>Pas de version texte.</p>"}`,
    mail.calendar && `<h2>Invitation (iCalendar)</h2>\n<pre>${escapeHtml(mail.calendar)}</pre>`,
    mail.attachments.length > 0 &&
      `<h2>Pièces jointes</h2>\n<ul>\n${mail.attachments
        .map(
          (part) =>
            `<li>${escapeHtml(part.filename ?? "(sans nom)")} — ${escapeHtml(part.contentType)}, ${part.size} octets</li>`,
        )
        .join("\n")}\n</ul>`,
    `<p><a href="/dev/mail/${escapeHtml(mail.id)}/eml">Télécharger le message (.eml)</a></p>`,
  ];
  return layout(
    mail.subject || "(sans objet)",
    `<p><a href="/dev/mail">← Tous les messages</a></p>
<h1>${escapeHtml(mail.subject || "(sans objet)")}</h1>
${sections.filter(Boolean).join("\n")}`,
  );
}

function notFoundPage(): string {
  return layout(
    "Message introuvable",
    `<h1>Message introuvable</h1>
<p>Ce message n'existe pas ou a été supprimé.</p>
<p><a href="/dev/mail">← Tous les messages</a></p>`,
  );
}
