import { hasRole } from "../../domain/agents/has-role.ts";
import { formatDate } from "../../domain/dates/format-date.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { publishResults } from "../../domain/selection/publish-results.ts";
import { RESULTS_CHANNEL_KEY } from "../../domain/selection/results-post.ts";
import { findDigestChannel } from "../../domain/veille/digest-channel.ts";
import { selectionReply } from "../commands/selection-reply.ts";
import { cardAnswer, cardMessage } from "./card-action-answers.ts";
import type { InvokeAnswer, InvokeContext } from "./invoke-handler.ts";

type CardAction = (context: InvokeContext, data: Record<string, unknown>) => Promise<InvokeAnswer>;

const NOT_READER = "Désolé, la sélection des lauréats est réservée aux agents enregistrés.";
const ADMINS_ONLY =
  "Désolé, publier les résultats est réservé aux administrateurs. La simulation reste consultable avec **sélection**.";
const NOT_CONFIRMED = "Résultats non publiés : cochez la case de confirmation, puis « Publier ».";

const yearOf = (data: Record<string, unknown>) =>
  typeof data.year === "number" && Number.isInteger(data.year) && data.year >= 2000 && data.year <= 2100
    ? data.year
    : undefined;

/**
 * The selection card's actions. `handledVerbs` gives the verbs of `cardActions` for the
 * cards they answer with (passed in to avoid an import cycle).
 */
export function selectionCardActions(handledVerbs: () => string[]): { page: CardAction; publish: CardAction } {
  const card = async (
    context: InvokeContext,
    year: number | undefined,
    extra: { page?: number; notice?: { text: string; tone: "good" | "attention" } } = {},
  ) =>
    cardAnswer(
      (
        await selectionReply(context.deps.db, {
          ...(year === undefined ? {} : { year }),
          ...extra,
          canPublish: hasRole(context.user.role, "ADMIN"),
          handledVerbs: handledVerbs(),
        })
      ).card,
    );

  return {
    /** `selection.page`: another page of the explanation (updates the card in place). */
    async page(context, data) {
      if (!hasRole(context.user.role, "READER")) return cardMessage(NOT_READER);
      const page = typeof data.page === "number" && Number.isInteger(data.page) && data.page > 0 ? data.page : 1;
      return card(context, yearOf(data), { page });
    },

    /**
     * `selection.publish`: admins only, confirmed on the card (checked again here), for
     * the selection the admin reviewed (its fingerprint). Answers with the card in its
     * published state and what was done, or when and by whom it had already been done.
     */
    async publish(context, data) {
      if (!hasRole(context.user.role, "ADMIN")) return cardMessage(ADMINS_ONLY);
      const year = yearOf(data);
      if (year === undefined) return cardMessage("Cette action ne désigne aucune édition valide.");
      if (data.confirm !== "oui") return cardMessage(NOT_CONFIRMED);
      const fingerprint = typeof data.fingerprint === "string" ? data.fingerprint : undefined;
      try {
        const outcome = await publishResults(context.deps.db, {
          year,
          actor: context.user,
          now: context.deps.now(),
          ...(fingerprint ? { fingerprint } : {}),
        });
        if (outcome.status === "already") {
          const by = outcome.by ? ` par ${outcome.by}` : "";
          return card(context, year, {
            notice: {
              text: `Les résultats ${year} ont déjà été publiés le ${formatDate(outcome.publishedAt)}${by} : rien de nouveau n'a été créé ni envoyé.`,
              tone: "attention",
            },
          });
        }
        try {
          await context.deps.outbox.enqueue(outcome.notificationIds);
        } catch (error) {
          context.logger.warn({ err: error }, "outbox enqueue failed; the sweep will queue them");
        }
        const channel =
          (await findDigestChannel(context.deps.db, RESULTS_CHANNEL_KEY)) ?? (await findDigestChannel(context.deps.db));
        const where = channel
          ? `La carte des résultats part dans le canal${channel.name ? ` ${channel.name}` : ""} dans la minute.`
          : "Aucun canal choisi pour la carte des résultats : tapez **sélection canal** dans le canal de l'équipe, elle y partira.";
        const projects = outcome.projects;
        return card(context, year, {
          notice: {
            text: `Résultats ${year} publiés : ${projects.length} projets lauréats créés (${projects[0]} à ${projects.at(-1)}), ${outcome.notificationIds.length} e-mails aux porteurs en cours d'envoi. ${where}`,
            tone: "good",
          },
        });
      } catch (error) {
        if (error instanceof DomainError && error.code === "SELECTION_CHANGED") {
          return card(context, year, { notice: { text: error.frenchMessage, tone: "attention" } });
        }
        throw error;
      }
    },
  };
}
