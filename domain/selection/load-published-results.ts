import type { Db } from "../../prisma/create-db.ts";

export interface PublishedWinner {
  projectReference: string;
  title: string;
  canton: string;
  commune: string | null;
  isYouth: boolean;
  awardedCents: number;
  votes: number;
}

export interface PublishedResults {
  year: number;
  publishedAt: Date;
  budgetCents: number;
  /** The winning projects as created by the publication, in the order of the ranking. */
  winners: PublishedWinner[];
  /** Eligible ideas put to the vote. */
  candidates: number;
}

/**
 * An edition's results as published (the projects the publication created), not
 * recomputed: the card posted in the channel says what was announced, whatever the
 * count says later. Null when the edition is not published.
 */
export async function loadPublishedResults(db: Db, year: number): Promise<PublishedResults | null> {
  const edition = await db.edition.findUnique({
    where: { year },
    select: { id: true, publishedAt: true, budgetCents: true },
  });
  if (!edition?.publishedAt) return null;
  const [ideas, candidates] = await Promise.all([
    db.idea.findMany({
      where: { editionId: edition.id, won: true, projectId: { not: null } },
      select: {
        rank: true,
        project: {
          select: {
            reference: true,
            title: true,
            isYouth: true,
            awardedCents: true,
            votes: true,
            canton: { select: { name: true } },
            commune: { select: { name: true } },
          },
        },
      },
      orderBy: { rank: "asc" },
    }),
    db.idea.count({ where: { editionId: edition.id, won: { not: null } } }),
  ]);
  return {
    year,
    publishedAt: edition.publishedAt,
    budgetCents: edition.budgetCents,
    candidates,
    winners: ideas.flatMap(({ project }) =>
      project
        ? [
            {
              projectReference: project.reference,
              title: project.title,
              canton: project.canton.name,
              commune: project.commune?.name ?? null,
              isYouth: project.isYouth,
              awardedCents: project.awardedCents,
              votes: project.votes,
            },
          ]
        : [],
    ),
  };
}
