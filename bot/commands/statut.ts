import { DomainError } from "../../domain/errors/domain-error.ts";
import { normalizeReference } from "../../domain/projects/normalize-reference.ts";
import { projectDetailFromFacts } from "../../domain/projects/project-detail-from-facts.ts";
import { buildProjectCard, projectCardSummary } from "../cards/project-card.ts";
import { handledCardVerbs } from "../teams/card-actions.ts";
import type { Command, Reply } from "./command.ts";

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
    const view = projectDetailFromFacts(facts, now);
    return {
      card: buildProjectCard(view, { now, handledVerbs: handledCardVerbs() }),
      summary: projectCardSummary(view),
    };
  },
  prefetch(args, deps) {
    const reference = normalizeReference(args);
    if (reference) deps.reads.prefetchProjectFacts(reference);
  },
};
