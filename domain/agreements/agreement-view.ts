import type { DbTx } from "../../prisma/create-db.ts";
import type { AgreementStatus } from "../../prisma/generated/enums.ts";

/** A convention as the bot shows it. */
export interface AgreementView {
  id: number;
  projectId: number;
  projectReference: string;
  projectTitle: string;
  reference: string;
  amountCents: number;
  advanceShareBp: number;
  status: AgreementStatus;
  sentAt: Date | null;
  holderSignedAt: Date | null;
  departmentSignedAt: Date | null;
}

export const agreementViewSelect = {
  id: true,
  projectId: true,
  reference: true,
  amountCents: true,
  advanceShareBp: true,
  status: true,
  sentAt: true,
  holderSignedAt: true,
  departmentSignedAt: true,
  project: { select: { reference: true, title: true } },
} as const;

type Row = {
  id: number;
  projectId: number;
  reference: string;
  amountCents: number;
  advanceShareBp: number;
  status: AgreementStatus;
  sentAt: Date | null;
  holderSignedAt: Date | null;
  departmentSignedAt: Date | null;
  project: { reference: string; title: string };
};

export function toAgreementView(row: Row): AgreementView {
  const { project, ...rest } = row;
  return { ...rest, projectReference: project.reference, projectTitle: project.title };
}

/** The project's current convention: the newest one not cancelled, or null. */
export async function findCurrentAgreement(tx: DbTx, projectId: number): Promise<AgreementView | null> {
  const row = await tx.agreement.findFirst({
    where: { projectId, status: { not: "CANCELLED" } },
    orderBy: [{ draftedAt: "desc" }, { id: "desc" }],
    select: agreementViewSelect,
  });
  return row ? toAgreementView(row) : null;
}
