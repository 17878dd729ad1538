import { escapeHtml } from "../../templates/email/escape-html.ts";

/** A small accessible French page for the people who follow a link from an e-mail. */
export function htmlPage(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Budget participatif des Landes</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}
h1{font-size:1.4rem;color:#00586b}button{font-size:1rem;padding:.6rem 1.2rem;background:#00586b;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus{outline:3px solid #f5a623;outline-offset:2px}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${bodyHtml}</main>
<footer><p><small>Démocratie participative et Innovation — Département des Landes</small></p></footer></body></html>`;
}
