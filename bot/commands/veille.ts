import { hasRole } from "../../domain/agents/has-role.ts";
import { agentRoleLabels } from "../../domain/agents/role-labels.ts";
import { formatDate, formatShortDate } from "../../domain/dates/format-date.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import { addFeed } from "../../domain/veille/add-feed.ts";
import { chooseDigestChannel } from "../../domain/veille/digest-channel.ts";
import { listVeille } from "../../domain/veille/list-veille.ts";
import { parseWebUrl } from "../../domain/veille/parse-web-url.ts";
import { removeFeed } from "../../domain/veille/remove-feed.ts";
import { shareLink } from "../../domain/veille/share-link.ts";
import type { Command, CommandContext, Reply } from "./command.ts";
import { unquote } from "./command-words.ts";

/** A feed must answer within this when it is added (the same bound as the 6-hourly job). */
export const FEED_TIMEOUT_MS = 5_000;

const USAGE = "veille ajouter https://www.example.fr/rss";

/**
 * `veille`: the watch on participatory-democracy news. Everyone registered reads it;
 * adding or removing a feed, sharing a link and choosing the digest's channel need
 * the AGENT role (checked here, since the command itself is open to readers).
 */
export const veilleCommand: Command = {
  name: "veille",
  triggers: ["veille"],
  help: "**veille** : les derniers articles suivis ; **veille ajouter <adresse du flux>**, **veille retirer <adresse>**, **veille <lien> <note>** pour partager un lien, **veille canal** (dans un canal) pour y recevoir la synthèse du lundi",
  details: [
    "**veille** : les derniers articles des flux suivis et les liens partagés, puis la liste des flux.",
    "**veille ajouter https://…/rss** : suivre un flux RSS ou Atom (je le lis une fois pour vérifier).",
    "**veille retirer https://…/rss** : ne plus suivre un flux.",
    "**veille https://… note** : partager un lien avec l'équipe, avec une note ; il paraîtra dans la synthèse.",
    "**veille canal** : tapé dans un canal d'équipe, y envoie chaque lundi à 9 h la synthèse de la semaine.",
    "Les flux sont relus toutes les 6 heures. Lire : tout agent enregistré ; modifier : rôle **agent** au moins.",
  ].join("\n\n"),
  async handle(context): Promise<Reply> {
    const [first = "", ...rest] = context.args.trim().split(/\s+/);
    const word = normalizeKey(first);
    if (!first) return listReply(context);
    const refusal = writeRefusal(context);
    if (refusal) return { text: refusal };
    if (word === "ajouter") return addReply(context, rest.join(" "));
    if (word === "retirer") return removeReply(context, rest.join(" "));
    if (word === "canal") return channelReply(context);
    if (/^<?https?:/i.test(first)) return shareReply(context, first, rest.join(" "));
    throw new DomainError("COMMAND_UNCLEAR", {
      problem: `Je ne connais pas « veille ${first.slice(0, 40)} ».`,
      usage: USAGE,
    });
  },
};

function writeRefusal({ user }: CommandContext): string | null {
  if (hasRole(user.role, "AGENT")) return null;
  const role = user.role ? agentRoleLabels[user.role] : "aucun";
  return `Désolé, seuls les agents (rôle **agent** au moins) peuvent modifier la veille. Votre rôle : ${role}. Tapez **veille** pour la lire.`;
}

async function listReply({ deps }: CommandContext): Promise<Reply> {
  const { items, feeds } = await listVeille(deps.db);
  const itemLines = items.map((item) => {
    const where = item.feed ?? `partagé${item.sharedBy ? ` par ${item.sharedBy}` : ""}`;
    const when = formatShortDate(item.publishedAt ?? item.createdAt);
    return `- [${item.title.replace(/[[\]]/g, " ")}](${item.url}) — ${where}, ${when}${item.note ? ` : ${item.note}` : ""}`;
  });
  const feedLines = feeds.map((feed) => {
    const state = feed.lastError
      ? `⚠️ ${feed.lastError}`
      : feed.lastFetchedAt
        ? `lu le ${formatDate(feed.lastFetchedAt)}`
        : "pas encore lu";
    return `- ${feed.title ?? feed.url} (${feed.url}) : ${state}`;
  });
  return {
    text: [
      "**Veille : derniers articles**",
      itemLines.length ? itemLines.join("\n") : "Aucun article pour l'instant.",
      `**Flux suivis (${feeds.length})**`,
      feedLines.length ? feedLines.join("\n") : `Aucun flux. Pour en suivre un : **${USAGE}**.`,
    ].join("\n\n"),
  };
}

async function addReply({ deps, user }: CommandContext, text: string): Promise<Reply> {
  if (!text.trim()) throw new DomainError("COMMAND_UNCLEAR", { problem: "Indiquez l'adresse du flux.", usage: USAGE });
  const url = parseWebUrl(text);
  const { title, refresh } = await addFeed(deps.db, {
    url,
    agentId: user.agentId,
    now: deps.now(),
    timeoutMs: FEED_TIMEOUT_MS,
  });
  return {
    text: `Flux suivi : **${title ?? url}** (${refresh.added} article(s) enregistré(s)). Je le relirai toutes les 6 heures.`,
  };
}

async function removeReply({ deps }: CommandContext, text: string): Promise<Reply> {
  if (!text.trim()) {
    throw new DomainError("COMMAND_UNCLEAR", {
      problem: "Indiquez l'adresse du flux à retirer.",
      usage: "veille retirer https://www.example.fr/rss",
    });
  }
  const url = parseWebUrl(text);
  const { title } = await removeFeed(deps.db, url);
  return { text: `Je ne suis plus le flux **${title ?? url}**. Ses articles déjà enregistrés restent visibles.` };
}

async function shareReply({ deps, user }: CommandContext, link: string, note: string): Promise<Reply> {
  const url = parseWebUrl(link);
  const shared = await shareLink(deps.db, { url, note: unquote(note), agentId: user.agentId, now: deps.now() });
  if (!shared.created) {
    return {
      text: `Ce lien a déjà été partagé le ${formatDate(shared.createdAt)}${shared.note ? ` : ${shared.note}` : ""}.`,
    };
  }
  return {
    text: `Lien partagé avec l'équipe${shared.note ? ` : ${shared.note}` : ""}. Il paraîtra dans la synthèse de lundi.`,
  };
}

async function channelReply({ deps, user, conversation }: CommandContext): Promise<Reply> {
  if (conversation?.type !== "channel") throw new DomainError("VEILLE_CHANNEL_ONLY");
  // The turn saved this conversation's reference before the command ran.
  const saved = await deps.db.conversationReference.findUnique({
    where: { conversationId: conversation.id },
    select: { reference: true },
  });
  if (!saved) throw new DomainError("VEILLE_CHANNEL_ONLY");
  const channel = await chooseDigestChannel(deps.db, {
    conversationId: conversation.id,
    reference: saved.reference as Record<string, unknown>,
    chosenById: user.agentId,
  });
  const name = channel.name ? ` **${channel.name}**` : "";
  return { text: `C'est noté : la synthèse de la veille sera envoyée dans ce canal${name} chaque lundi à 9 h.` };
}
