import { formatDate, formatShortDate } from "../../domain/dates/format-date.ts";
import type { VeilleDigest } from "../../domain/veille/build-veille-digest.ts";

type Element = Record<string, unknown>;

/** Markdown link text: brackets would end Teams' `[text](url)` early. */
function linkText(text: string): string {
  return text.replace(/[[\]]/g, " ").trim();
}

function heading(text: string): Element {
  return { type: "TextBlock", text, weight: "Bolder", size: "Medium", spacing: "Medium", wrap: true };
}

function line(text: string): Element {
  return { type: "TextBlock", text, wrap: true, spacing: "Small" };
}

/** The line of the card's text fallback (and of the notification). */
export function veilleDigestSummary(digest: VeilleDigest): string {
  const articles = digest.groups.reduce((sum, g) => sum + g.items.length + g.more, 0);
  return `Veille de la semaine : ${articles} article(s) de ${digest.groups.length} flux, ${digest.shared.length} lien(s) partagé(s).`;
}

/**
 * The weekly watch digest as an Adaptive Card 1.5: the week's articles grouped by
 * feed, then the links agents shared with their notes. Plain TextBlocks with Markdown
 * links, which Teams renders everywhere (desktop, web, mobile).
 */
export function buildVeilleDigestCard(digest: VeilleDigest): Record<string, unknown> {
  const body: Element[] = [
    {
      type: "TextBlock",
      text: `Veille participative du ${formatDate(digest.since)} au ${formatDate(digest.until)}`,
      size: "Large",
      weight: "Bolder",
      wrap: true,
    },
    { type: "TextBlock", text: veilleDigestSummary(digest), isSubtle: true, wrap: true },
  ];
  for (const group of digest.groups) {
    body.push(heading(group.feed));
    for (const item of group.items) {
      const when = item.publishedAt ? ` (${formatShortDate(item.publishedAt)})` : "";
      body.push(line(`• [${linkText(item.title)}](${item.url})${when}`));
    }
    if (group.more) body.push({ ...line(`… et ${group.more} autre(s) : tapez **veille**.`), isSubtle: true });
  }
  body.push(heading("Liens partagés par l'équipe"));
  if (!digest.shared.length) body.push({ ...line("Aucun lien partagé cette semaine."), isSubtle: true });
  for (const link of digest.shared) {
    const who = link.sharedBy ? ` — ${link.sharedBy}` : "";
    body.push(line(`• [${linkText(link.url)}](${link.url})${who}${link.note ? ` : ${link.note}` : ""}`));
  }
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    actions: [
      { type: "Action.Submit", title: "Voir la veille", data: { msteams: { type: "imBack", value: "veille" } } },
    ],
  };
}
