import { hasRole } from "../../domain/agents/has-role.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { editionNotFound } from "../../domain/reports/edition-not-found.ts";
import { RESULTS_CHANNEL_KEY, repostResults } from "../../domain/selection/results-post.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import { chooseDigestChannel } from "../../domain/veille/digest-channel.ts";
import { handledCardVerbs } from "../teams/card-actions.ts";
import type { Command, CommandContext, Reply } from "./command.ts";
import { selectionReply } from "./selection-reply.ts";
import { selectionRulesReply } from "./selection-rules-reply.ts";

const USAGE = "sélection 2021";
const AGENTS_ONLY =
  "Désolé, choisir le canal des résultats ou y renvoyer leur carte est réservé aux agents (rôle **agent** au moins).";

/**
 * `sélection [édition]`: the winners' selection of an edition as a dry run anyone
 * registered may review, line by line; admins publish from the card. `sélection canal`
 * (in a channel) chooses where the results card goes; `sélection carte 2021` posts it again;
 * `sélection règles 2024` shows (and, for admins, sets) the edition's rules.
 */
export const selectionCommand: Command = {
  name: "sélection",
  triggers: ["selection", "sel"],
  help: "**sélection 2021** : la sélection des lauréats, expliquée ligne à ligne (simulation ; un administrateur publie les résultats depuis la carte)",
  details: [
    "**sélection 2021** (ou **sélection** pour la dernière édition) : la simulation de la sélection des lauréats : enveloppe, réserve jeunesse, garanties cantonales, puis chaque idée recevable avec la raison pour laquelle elle est retenue ou écartée. Rien n'est enregistré.",
    "**Publier les résultats** (administrateurs, depuis la carte, avec confirmation) : crée les projets lauréats, écrit à chaque porteur (lauréat ou non) et envoie la carte des résultats dans le canal de l'équipe. Une seule fois par édition.",
    "**sélection canal** : tapé dans un canal d'équipe (en mentionnant le bot), y fait envoyer la carte des résultats (sinon, le canal de la veille).",
    "**sélection carte 2021** : renvoie la carte des résultats publiés dans le canal (agents).",
    "**sélection règles 2024** : les règles de sélection de l'édition (enveloppe, réserve jeunesse, plafonds, projets exceptionnels, garantie par canton).",
    "**sélection règles 2026 enveloppe 1 500 000 ; réserve 10 % ; plafond 50 000 ; plafond jeunes 30 000 ; exceptionnels 0 ; par canton 2 dont 1 jeune** (administrateurs, avant la publication) : les change, tout ou rien ; une seule règle suffit.",
  ].join("\n\n"),
  async handle(context): Promise<Reply> {
    const [first = "", ...rest] = context.args.trim().split(/\s+/);
    const word = normalizeKey(first);
    if (word === "canal") return channelReply(context);
    if (word === "carte") return repostReply(context, rest.join(" "));
    if (word === "regles") return selectionRulesReply(context, rest.join(" "));
    return selectionReply(context.deps.db, {
      ...parseYear(context.args),
      canPublish: hasRole(context.user.role, "ADMIN"),
      handledVerbs: handledCardVerbs(),
    });
  },
};

/** `2021` or `édition 2021` → { year: 2021 }; nothing → {} (the latest edition). */
function parseYear(args: string): { year?: number } {
  const text = normalizeKey(args);
  if (!text) return {};
  const match = /^(?:edition\s+)?(\d{4})$/.exec(text);
  if (!match)
    throw new DomainError("COMMAND_UNCLEAR", {
      problem: `Je ne comprends pas « ${args.slice(0, 40)} ».`,
      usage: USAGE,
    });
  return { year: Number(match[1]) };
}

async function channelReply({ deps, user, conversation }: CommandContext): Promise<Reply> {
  if (!hasRole(user.role, "AGENT")) return { text: AGENTS_ONLY };
  if (conversation?.type !== "channel") throw new DomainError("SELECTION_CHANNEL_ONLY");
  const saved = await deps.db.conversationReference.findUnique({
    where: { conversationId: conversation.id },
    select: { reference: true },
  });
  if (!saved) throw new DomainError("SELECTION_CHANNEL_ONLY");
  const channel = await chooseDigestChannel(
    deps.db,
    {
      conversationId: conversation.id,
      reference: saved.reference as Record<string, unknown>,
      chosenById: user.agentId,
    },
    RESULTS_CHANNEL_KEY,
  );
  const name = channel.name ? ` **${channel.name}**` : "";
  return { text: `C'est noté : la carte des résultats publiés sera envoyée dans ce canal${name}.` };
}

async function repostReply({ deps, user }: CommandContext, args: string): Promise<Reply> {
  if (!hasRole(user.role, "AGENT")) return { text: AGENTS_ONLY };
  const { year } = parseYear(args);
  const edition = await deps.db.edition.findFirst({
    ...(year === undefined ? {} : { where: { year } }),
    orderBy: { year: "desc" },
    select: { year: true, publishedAt: true },
  });
  if (!edition) throw await editionNotFound(deps.db, args.trim().slice(0, 40));
  if (!edition.publishedAt) return { text: `Les résultats de l'édition ${edition.year} ne sont pas encore publiés.` };
  await repostResults(deps.db, edition.year);
  return { text: `La carte des résultats ${edition.year} repartira dans le canal de l'équipe dans la minute.` };
}
