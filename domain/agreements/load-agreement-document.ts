import type { DbTx } from "../../prisma/create-db.ts";
import type { AgreementStatus, HolderKind } from "../../prisma/generated/enums.ts";

/** Everything the convention document states; read by `loadAgreementDocument`, written by the DOCX template. */
export interface AgreementDocumentData {
  agreementReference: string;
  status: AgreementStatus;
  amountCents: number;
  advanceShareBp: number;
  project: {
    reference: string;
    title: string;
    description: string;
    editionYear: number;
    commune: string | null;
    canton: string;
    awardedCents: number;
    isYouth: boolean;
  };
  holder: {
    kind: HolderKind;
    name: string;
    contactName: string | null;
    address: string | null;
    siret: string | null;
  };
  holderSignedAt: Date | null;
  departmentSignedAt: Date | null;
}

/** The convention with its project and porteur, by id; null when it does not exist. */
export async function loadAgreementDocument(db: DbTx, agreementId: number): Promise<AgreementDocumentData | null> {
  const row = await db.agreement.findUnique({
    where: { id: agreementId },
    select: {
      reference: true,
      status: true,
      amountCents: true,
      advanceShareBp: true,
      holderSignedAt: true,
      departmentSignedAt: true,
      project: {
        select: {
          reference: true,
          title: true,
          description: true,
          awardedCents: true,
          isYouth: true,
          edition: { select: { year: true } },
          commune: { select: { name: true } },
          canton: { select: { name: true } },
          holder: { select: { kind: true, name: true, contactName: true, address: true, siret: true } },
        },
      },
    },
  });
  if (!row) return null;
  const { project } = row;
  return {
    agreementReference: row.reference,
    status: row.status,
    amountCents: row.amountCents,
    advanceShareBp: row.advanceShareBp,
    project: {
      reference: project.reference,
      title: project.title,
      description: project.description,
      editionYear: project.edition.year,
      commune: project.commune?.name ?? null,
      canton: project.canton.name,
      awardedCents: project.awardedCents,
      isYouth: project.isYouth,
    },
    holder: project.holder,
    holderSignedAt: row.holderSignedAt,
    departmentSignedAt: row.departmentSignedAt,
  };
}
