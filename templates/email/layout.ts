import type { EmailBlock, EmailContent, EmailFact } from "./email-content.ts";
import { escapeHtml } from "./escape-html.ts";

/** The service that writes to porteurs: named in every footer so the sender is identifiable. */
export const SERVICE_NAME = "Démocratie participative et Innovation";
export const SERVICE_ADDRESS = "23 rue Victor-Hugo, 40025 Mont-de-Marsan Cedex";
export const SIGNATURE = "L'équipe du Budget participatif citoyen des Landes";
const PROGRAMME = "Budget participatif citoyen des Landes";
const UNSUBSCRIBE_INTRO = "Ce message d'information n'est pas indispensable au suivi d'un projet.";

/** How to dress the content: who sends, and the unsubscribe link for non-essential e-mails only. */
export interface LayoutOptions {
  readonly departmentName: string;
  readonly unsubscribeUrl?: string | undefined;
}

const FONT = "font-family:Arial,Helvetica,sans-serif;";
const BLUE = "#00558c";
const style = {
  body: "margin:0;padding:0;background-color:#f2f4f5;",
  card: "max-width:600px;background-color:#ffffff;border-radius:6px;",
  header: `${FONT}padding:20px 24px;background-color:${BLUE};color:#ffffff;font-size:20px;font-weight:bold;border-radius:6px 6px 0 0;`,
  subtitle: "font-size:14px;font-weight:normal;",
  main: `${FONT}padding:24px;font-size:16px;line-height:1.5;color:#1f2933;`,
  p: "margin:0 0 16px;",
  table: "width:100%;border-collapse:collapse;margin:0 0 16px;",
  th: "padding:8px 8px 8px 0;border-bottom:1px solid #e4e7eb;text-align:left;vertical-align:top;font-weight:normal;color:#52606d;width:40%;",
  td: "padding:8px 0;border-bottom:1px solid #e4e7eb;vertical-align:top;font-weight:bold;",
  ul: "margin:0 0 16px;padding-left:24px;",
  button: `display:inline-block;padding:12px 20px;background-color:${BLUE};color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;`,
  footer: `${FONT}padding:16px 24px;border-top:1px solid #e4e7eb;font-size:13px;line-height:1.5;color:#52606d;`,
  link: `color:${BLUE};`,
};

/** Refuses anything but http(s) in an `href`, whatever a template passes. */
function href(url: string): string {
  if (!/^https?:\/\//i.test(url)) throw new Error(`Lien refusé dans un e-mail : ${url.slice(0, 40)}`);
  return escapeHtml(url);
}

function shownFacts(rows: readonly EmailFact[]): { label: string; value: string }[] {
  return rows.flatMap((row) => (row.value === undefined ? [] : [{ label: row.label, value: row.value }]));
}

function blockToHtml(block: EmailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="${style.p}">${escapeHtml(block.text).replace(/\n/g, "<br>")}</p>`;
    case "facts": {
      const shown = shownFacts(block.rows);
      if (shown.length === 0) return "";
      const rows = shown.map(
        (row) =>
          `<tr><th scope="row" style="${style.th}">${escapeHtml(row.label)}</th><td style="${style.td}">${escapeHtml(row.value)}</td></tr>`,
      );
      return `<table role="presentation" style="${style.table}">${rows.join("")}</table>`;
    }
    case "list":
      return `<ul style="${style.ul}">${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
    case "action":
      return `<p style="margin:8px 0 24px;"><a href="${href(block.url)}" style="${style.button}">${escapeHtml(block.label)}</a></p>`;
  }
}

function blockToText(block: EmailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "facts":
      return shownFacts(block.rows)
        .map((row) => `${row.label}\u00a0: ${row.value}`)
        .join("\n");
    case "list":
      return block.items.map((item) => `- ${item}`).join("\n");
    case "action":
      return `${block.label}\u00a0: ${block.url}`;
  }
}

function renderHtml(content: EmailContent, options: LayoutOptions): string {
  const body = [
    `<p style="${style.p}">${escapeHtml(content.greeting)}</p>`,
    ...content.blocks.map(blockToHtml).filter((html) => html !== ""),
    `<p style="margin:24px 0 0;">Bien cordialement,<br>${escapeHtml(SIGNATURE)}</p>`,
  ];
  const footer = [
    `<p style="margin:0;">${escapeHtml(`${SERVICE_NAME} — ${options.departmentName}`)}<br>${escapeHtml(SERVICE_ADDRESS)}</p>`,
  ];
  if (options.unsubscribeUrl !== undefined) {
    footer.push(
      `<p style="margin:12px 0 0;">${escapeHtml(UNSUBSCRIBE_INTRO)} Pour ne plus recevoir ce type de message, <a href="${href(options.unsubscribeUrl)}" style="${style.link}">désinscrivez-vous</a>.</p>`,
    );
  }
  return [
    "<!DOCTYPE html>",
    '<html lang="fr">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="color-scheme" content="light"><title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="${style.body}">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${style.body}"><tr><td align="center" style="padding:16px 8px;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${style.card}">`,
    `<tr><td style="${style.header}">${escapeHtml(options.departmentName)}<br><span style="${style.subtitle}">${PROGRAMME}</span></td></tr>`,
    `<tr><td style="${style.main}">${body.join("\n")}</td></tr>`,
    `<tr><td style="${style.footer}">${footer.join("\n")}</td></tr>`,
    "</table>",
    "</td></tr></table>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function renderText(content: EmailContent, options: LayoutOptions): string {
  const parts = [
    `${options.departmentName} — ${PROGRAMME}`,
    content.greeting,
    ...content.blocks.map(blockToText).filter((text) => text !== ""),
    `Bien cordialement,\n${SIGNATURE}`,
    `-- \n${SERVICE_NAME} — ${options.departmentName}\n${SERVICE_ADDRESS}`,
  ];
  if (options.unsubscribeUrl !== undefined) {
    parts.push(
      `${UNSUBSCRIBE_INTRO} Pour ne plus recevoir ce type de message, désinscrivez-vous ici\u00a0: ${options.unsubscribeUrl}`,
    );
  }
  return `${parts.join("\n\n")}\n`;
}

/**
 * The one layout every e-mail shares: turns structured content into an HTML part (inline
 * styles, 600 px wide at most, no image, no external resource, nothing that tracks) and a
 * plain-text part saying exactly the same, links spelled out, for any mail client.
 */
export function renderLayout(content: EmailContent, options: LayoutOptions): { html: string; text: string } {
  return { html: renderHtml(content, options), text: renderText(content, options) };
}
