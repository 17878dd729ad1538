/** Teams renders Adaptive Cards up to this schema version. */
const CARD_VERSION = "1.5";
/** A welcome shows a few examples, not the whole help. */
export const WELCOME_EXAMPLES_MAX = 5;

export interface WelcomeCardInput {
  /** The new member's name, when welcoming one person rather than the whole conversation. */
  memberName?: string | undefined;
  /** Example lines in Markdown (the commands' help lines: they never name a missing command). */
  examples: readonly string[];
}

/**
 * The card the bot posts when it is installed or added to a conversation, and to a new
 * member of a chat where it is: what the assistant does, a few commands to try, and
 * `aide` for the rest. Plain data, no botbuilder types.
 */
export function buildWelcomeCard({ memberName, examples }: WelcomeCardInput): {
  card: Record<string, unknown>;
  summary: string;
} {
  const title = memberName ? `Bienvenue, ${memberName} !` : "Bonjour, je suis l'assistant BPC40";
  const card = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: CARD_VERSION,
    body: [
      { type: "TextBlock", text: title, size: "Large", weight: "Bolder", wrap: true },
      {
        type: "TextBlock",
        wrap: true,
        text:
          "J'aide les agents du service Démocratie participative et Innovation à suivre les projets lauréats " +
          "du Budget participatif citoyen des Landes, du vote au bilan n+1 : conventions, versements, " +
          "contrôle des factures, inaugurations et relances aux porteurs.",
      },
      { type: "TextBlock", text: "Pour commencer, essayez :", weight: "Bolder", spacing: "Medium", wrap: true },
      ...examples
        .slice(0, WELCOME_EXAMPLES_MAX)
        .map((line) => ({ type: "TextBlock", text: `- ${line}`, spacing: "Small", wrap: true })),
      {
        type: "TextBlock",
        spacing: "Medium",
        isSubtle: true,
        wrap: true,
        text: "Tapez **aide** à tout moment pour voir toutes les commandes. Dans un canal, mentionnez-moi : **@BPC40 statut 2022-017**.",
      },
    ],
  };
  return { card, summary: `${title} Tapez « aide » pour voir ce que je sais faire.` };
}
