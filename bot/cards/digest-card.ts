import { formatDate } from "../../domain/dates/format-date.ts";
import { parisTime } from "../../domain/dates/paris-time.ts";
import type { Digest } from "../../domain/digest/build-digest.ts";

type Element = Record<string, unknown>;

function section(title: string, lines: string[], empty: string, color?: string): Element[] {
  return [
    {
      type: "TextBlock",
      text: title,
      weight: "Bolder",
      size: "Medium",
      spacing: "Medium",
      wrap: true,
      ...(color ? { color } : {}),
    },
    ...(lines.length
      ? lines.map((line) => ({ type: "TextBlock", text: `• ${line}`, wrap: true, spacing: "Small" }))
      : [{ type: "TextBlock", text: empty, isSubtle: true, wrap: true, spacing: "Small" }]),
  ];
}

/** The morning digest as an Adaptive Card (1.5, what Teams renders). */
export function buildDigestCard(digest: Digest): Record<string, unknown> {
  const [year, month, day] = digest.day.split("-").map(Number) as [number, number, number];
  const failedLines = digest.failed.map(
    (f) => `n° ${f.id} · ${f.template} à ${f.recipientEmail} : ${f.lastError ?? "erreur inconnue"}`,
  );
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      {
        type: "TextBlock",
        text: `Point du ${formatDate(parisTime(year, month, day, 12))}`,
        size: "Large",
        weight: "Bolder",
        wrap: true,
      },
      {
        type: "TextBlock",
        text: `${digest.remindersSentToday} relance(s) aux porteurs enregistrée(s) ce matin.`,
        isSubtle: true,
        wrap: true,
      },
      ...section("À faire aujourd'hui", digest.dueToday, "Rien d'urgent aujourd'hui."),
      ...section(
        "E-mails en échec",
        failedLines,
        "Aucun e-mail en échec.",
        failedLines.length ? "Attention" : undefined,
      ),
      ...section("Cette semaine", digest.comingThisWeek, "Rien de prévu cette semaine."),
    ],
    actions: [
      { type: "Action.Submit", title: "Voir les relances", data: { msteams: { type: "imBack", value: "relances" } } },
      ...(failedLines.length
        ? [
            {
              type: "Action.Submit",
              title: "Voir les e-mails en échec",
              data: { msteams: { type: "imBack", value: "e-mails" } },
            },
          ]
        : []),
    ],
  };
}
