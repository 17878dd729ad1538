import type { Db } from "../../prisma/create-db.ts";
import type { HolderKind, IdeaStatus } from "../../prisma/generated/enums.ts";
import { DomainError } from "../errors/domain-error.ts";
import { type EligibilityWarning, eligibilityWarnings } from "./eligibility-warnings.ts";

/** Everything the idea card shows. */
export interface IdeaDetail {
  reference: string;
  editionYear: number;
  title: string;
  description: string;
  holderName: string;
  holderKind: HolderKind | null;
  contactEmail: string;
  contactPhone: string | null;
  commune: string | null;
  canton: string | null;
  theme: string | null;
  estimatedCents: number;
  isYouth: boolean;
  fieldOfAction: string | null;
  status: IdeaStatus;
  decisionReason: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  notes: { at: Date; author: string | null; text: string }[];
  warnings: EligibilityWarning[];
}

/** Reads one idea with its notes (oldest first) and its eligibility warnings. Throws `IDEA_NOT_FOUND`. */
export async function getIdeaDetail(db: Db, reference: string): Promise<IdeaDetail> {
  const idea = await db.idea.findUnique({
    where: { reference },
    include: {
      edition: { select: { year: true } },
      commune: { select: { name: true } },
      canton: { select: { name: true } },
      theme: { select: { name: true } },
      decidedBy: { select: { name: true } },
      notes: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { author: { select: { name: true } } } },
    },
  });
  if (!idea) throw new DomainError("IDEA_NOT_FOUND", { reference });
  return {
    reference: idea.reference,
    editionYear: idea.edition.year,
    title: idea.title,
    description: idea.description,
    holderName: idea.holderName,
    holderKind: idea.holderKind,
    contactEmail: idea.contactEmail,
    contactPhone: idea.contactPhone,
    commune: idea.commune?.name ?? null,
    canton: idea.canton?.name ?? null,
    theme: idea.theme?.name ?? null,
    estimatedCents: idea.estimatedCents,
    isYouth: idea.isYouth,
    fieldOfAction: idea.fieldOfAction,
    status: idea.status,
    decisionReason: idea.decisionReason,
    decidedAt: idea.decidedAt,
    decidedBy: idea.decidedBy?.name ?? null,
    notes: idea.notes.map((note) => ({ at: note.at, author: note.author?.name ?? null, text: note.text })),
    warnings: eligibilityWarnings(idea),
  };
}
