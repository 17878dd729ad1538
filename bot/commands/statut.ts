import { DomainError } from "../../domain/errors/domain-error.ts";
import { normalizeReference } from "../../domain/projects/normalize-reference.ts";
import { projectDetailFromFacts } from "../../domain/projects/project-detail-from-facts.ts";
import { buildProjectCard, projectCardSummary } from "../cards/project-card.ts";
import { handledCardVerbs } from "../teams/card-actions.ts";
import type { Command, Reply } from "./command.ts";

const MINUTE_MS = 60_000;

/**
 * Each project's last `statut` card, by the facts it was made from (a change to the project
 * makes new facts: the read cache forgets the old ones) and the minute it was made in: the
 * card says « Situation au dimanche 29 novembre 2026 à 17 h 42 » and is the same for every `statut` of that
 * minute. Kept as long as the facts are; a card is never changed once made (its bytes are
 * kept for the next send, see `card-bytes.ts`).
 */
const repliesByFacts = new WeakMap<object, { minute: number; reply: Reply }>();

/** `statut 2022-017`: a project's situation as its card, its facts from the read cache (or PostgreSQL). */
export const statutCommand: Command = {
  name: "statut",
  readsOnly: true,
  triggers: ["statut", "status", "st"],
  help: "**statut 2022-017** : la fiche d'un projet (étapes, porteur, montants, échéances et retards)",
  async handle({ args, deps }): Promise<Reply> {
    const reference = normalizeReference(args);
    if (!args.trim()) throw new DomainError("REFERENCE_MISSING");
    if (!reference) throw new DomainError("PROJECT_NOT_FOUND", { reference: args.trim().slice(0, 40) });
    const now = deps.now();
    const facts = await deps.reads.projectFacts(reference);
    if (!facts) throw new DomainError("PROJECT_NOT_FOUND", { reference });
    const minute = Math.floor(now.getTime() / MINUTE_MS);
    const kept = repliesByFacts.get(facts);
    if (kept?.minute === minute) return kept.reply;
    const view = projectDetailFromFacts(facts, now);
    const reply = {
      card: buildProjectCard(view, { now, handledVerbs: handledCardVerbs() }),
      summary: projectCardSummary(view),
    };
    repliesByFacts.set(facts, { minute, reply });
    return reply;
  },
  prefetch(args, deps) {
    const reference = normalizeReference(args);
    if (reference) deps.reads.prefetchProjectFacts(reference);
  },
};
