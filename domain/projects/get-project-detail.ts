import type { DbTx } from "../../prisma/create-db.ts";
import { DomainError } from "../errors/domain-error.ts";
import { PROJECT_CARD_FACTS_SQL, readProjectCardFacts } from "./project-card-facts.ts";
import { projectDetailFromFacts } from "./project-detail-from-facts.ts";
import type { ProjectDetailView } from "./project-detail-view.ts";

/**
 * One project's whole situation, for its card: identity, porteur, follow-up agent,
 * timeline, amounts, open deadlines and what is late on `now`.
 * Throws `PROJECT_NOT_FOUND` for an unknown reference.
 */
export async function getProjectDetail(db: DbTx, reference: string, now: Date): Promise<ProjectDetailView> {
  const [row] = await db.$queryRawUnsafe<{ facts: Record<string, unknown> }[]>(PROJECT_CARD_FACTS_SQL, reference);
  if (!row) throw new DomainError("PROJECT_NOT_FOUND", { reference });
  return projectDetailFromFacts(readProjectCardFacts(row.facts), now);
}
