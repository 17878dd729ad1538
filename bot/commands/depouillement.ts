import { hasRole } from "../../domain/agents/has-role.ts";
import { agentRoleLabels } from "../../domain/agents/role-labels.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { normalizeKey } from "../../domain/text/normalize-key.ts";
import { handledCardVerbs } from "../teams/card-actions.ts";
import type { Command, CommandContext, Reply } from "./command.ts";
import { addPlaceReply, listPlacesReply, openPlaceReply, reopenReply } from "./polling-place-replies.ts";
import { enterReply } from "./tally-entry-reply.ts";
import { voteCountReply } from "./vote-count-reply.ts";

const USAGE = "dépouillement bureaux";

/** A paper tally of a few hundred ideas pasted from Excel runs to several thousand characters. */
const MAX_TALLY_TEXT = 20_000;

/**
 * `dépouillement`: the vote count. Everyone registered reads the running totals and the
 * polling places; adding a place and entering a tally need the AGENT role, reopening a
 * validated place the ADMIN role (checked here, the command itself being open to readers).
 */
export const depouillementCommand: Command = {
  name: "dépouillement",
  triggers: ["depouillement", "dep"],
  maxTextLength: MAX_TALLY_TEXT,
  help: "**dépouillement [2024]** : les voix en ligne et papier, par canton et en tête ; **dépouillement bureaux**, **dépouillement saisir <bureau>** (puis une ligne par idée) ; **aide dépouillement** pour le détail",
  details: [
    "**dépouillement** (ou **dépouillement 2024**) : le total des voix en ligne et papier (bureaux validés seulement), par canton et les idées en tête, avec l'état des bureaux.",
    "**dépouillement canton Dax-1** : le même pour un canton.",
    "**dépouillement bureaux** (ou **dépouillement bureaux Dax-1**) : les bureaux de vote et leur état (à saisir, en attente de la 2e saisie, désaccord, validé), ceux qui attendent un agent en tête ; **dépouillement bureau Mairie de Dax** : la fiche d'un bureau.",
    "**dépouillement bureau ajouter Mairie de Dax, Dax** : ajouter un bureau (le canton est celui de la commune). Rôle **agent**.",
    "**dépouillement saisir Mairie de Dax** puis, à la ligne, une ligne par idée : `I2024-0123 125` (ou deux colonnes collées d'Excel, ou `I2024-0123;125`) ; une idée absente compte 0. Rôle **agent**. Le formulaire de la fiche du bureau fait la même chose.",
    "**Double saisie** : chaque bureau est saisi par deux agents différents ; identiques, le bureau est validé et ses voix comptent ; différentes, les lignes en cause sont montrées (jamais de moyenne) et chacun peut ressaisir (sa saisie remplace la sienne). Un même agent ne valide jamais seul.",
    '**dépouillement rouvrir Mairie de Dax "erreur de report"** : rouvrir un bureau validé (ses saisies sont écartées). Rôle **admin**. Après la publication des résultats, plus rien ne change.',
  ].join("\n\n"),
  async handle(context): Promise<Reply> {
    const args = context.args.trim();
    const [first = "", ...rest] = args.split(/[ \t]+/);
    const word = normalizeKey(first.split(/\r?\n/)[0] ?? "");
    const after = args.slice(first.length).trim();
    if (!args) return voteCountReply(context.deps.db, handledCardVerbs(), {});
    if (/^\d{4}$/.test(args)) return voteCountReply(context.deps.db, handledCardVerbs(), { year: Number(args) });
    if (word === "canton") return voteCountReply(context.deps.db, handledCardVerbs(), { canton: after });
    if (word === "bureaux" || (word === "bureau" && !after)) return listPlacesReply(context, after);
    if (word === "bureau") {
      if (normalizeKey(rest[0] ?? "") !== "ajouter") return openPlaceReply(context, after);
      return refusal(context, "AGENT") ?? addPlaceReply(context, after.slice((rest[0] ?? "").length).trim());
    }
    if (word === "saisir") return refusal(context, "AGENT") ?? enterReply(context, args.slice("saisir".length));
    if (word === "rouvrir") return refusal(context, "ADMIN") ?? reopenReply(context, after);
    throw new DomainError("COMMAND_UNCLEAR", {
      problem: `Je ne connais pas « dépouillement ${first.slice(0, 40)} » (tapez **aide dépouillement**).`,
      usage: USAGE,
    });
  },
};

/** The polite refusal of a write to someone whose role is too low, or null when allowed. */
function refusal({ user }: CommandContext, required: "AGENT" | "ADMIN"): Reply | null {
  if (hasRole(user.role, required)) return null;
  const who = required === "ADMIN" ? "aux administrateurs (rôle **admin**)" : "aux agents (rôle **agent** au moins)";
  const role = user.role ? agentRoleLabels[user.role] : "aucun";
  return {
    text: `Désolé, cette action du dépouillement est réservée ${who}. Votre rôle : ${role}. Tapez **dépouillement** pour lire les résultats.`,
  };
}
