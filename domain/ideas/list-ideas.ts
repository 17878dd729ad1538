import type { Db } from "../../prisma/create-db.ts";
import type { IdeaStatus } from "../../prisma/generated/enums.ts";
import { eligibilityWarnings } from "./eligibility-warnings.ts";
import type { IdeaFilters } from "./parse-idea-filters.ts";

export const IDEAS_PAGE_SIZE = 10;

export interface IdeaListItem {
  reference: string;
  title: string;
  holderName: string;
  canton: string | null;
  estimatedCents: number;
  isYouth: boolean;
  status: IdeaStatus;
  warningCount: number;
}

export interface IdeaList {
  /** The edition listed: the one asked for, else the latest one with ideas. */
  editionYear: number | null;
  total: number;
  page: number;
  pageCount: number;
  items: IdeaListItem[];
}

/**
 * One page of ideas matching the filters, by reference. Without a year, the latest
 * edition that has ideas is listed (one campaign at a time is what agents work on).
 */
export async function listIdeas(db: Db, filters: IdeaFilters): Promise<IdeaList> {
  const editionYear =
    filters.editionYear ??
    (
      await db.idea.findFirst({
        orderBy: { edition: { year: "desc" } },
        select: { edition: { select: { year: true } } },
      })
    )?.edition.year ??
    null;
  if (editionYear === null) return { editionYear, total: 0, page: 1, pageCount: 1, items: [] };
  const where = {
    edition: { year: editionYear },
    ...(filters.cantonId !== null ? { cantonId: filters.cantonId } : {}),
    ...(filters.status !== null ? { status: filters.status } : {}),
    ...(filters.youth !== null ? { isYouth: filters.youth } : {}),
  };
  const total = await db.idea.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / IDEAS_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await db.idea.findMany({
    where,
    orderBy: { reference: "asc" },
    skip: (page - 1) * IDEAS_PAGE_SIZE,
    take: IDEAS_PAGE_SIZE,
    include: { canton: { select: { name: true } } },
  });
  return {
    editionYear,
    total,
    page,
    pageCount,
    items: rows.map((idea) => ({
      reference: idea.reference,
      title: idea.title,
      holderName: idea.holderName,
      canton: idea.canton?.name ?? null,
      estimatedCents: idea.estimatedCents,
      isYouth: idea.isYouth,
      status: idea.status,
      warningCount: eligibilityWarnings(idea).length,
    })),
  };
}
