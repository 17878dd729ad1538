import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { AgreementDocumentData } from "../../domain/agreements/load-agreement-document.ts";
import { formatDate } from "../../domain/dates/format-date.ts";
import { amountInWords } from "../../domain/money/amount-in-words.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import { advanceCents } from "../../domain/payments/advance-cents.ts";
import { holderKindLabels } from "../../domain/projects/holder-kind-labels.ts";

const text = (value: string, options: { bold?: boolean } = {}) => new TextRun({ text: value, ...options });
const paragraph = (...runs: (string | TextRun)[]) =>
  new Paragraph({ spacing: { after: 160 }, children: runs.map((run) => (typeof run === "string" ? text(run) : run)) });
const heading = (value: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(value)] });

/**
 * The convention (grant agreement) as a Word document the agent downloads, prints or
 * sends: the parties, the project, the amount in figures and in words (the words are
 * what binds), the payment schedule (advance after signature, balance on proof of
 * expense), the signatures block. Built in code with `docx` rather than filled into a
 * .docx file, so its wording is reviewed in diffs like any template.
 */
export async function buildConventionDocx(data: AgreementDocumentData): Promise<Buffer> {
  const { project, holder } = data;
  const advance = advanceCents(data.amountCents, data.advanceShareBp);
  const balance = data.amountCents - advance;
  const share = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(data.advanceShareBp / 100);
  const place = [project.commune, `canton ${project.canton}`].filter(Boolean).join(", ");
  const holderLines = [
    `${holder.name} (${holderKindLabels[holder.kind]})`,
    holder.contactName ? `représenté(e) par ${holder.contactName}` : null,
    holder.address ? `domicilié(e) ${holder.address}` : null,
    holder.siret ? `SIRET ${holder.siret}` : null,
  ].filter((line): line is string => line !== null);
  const signed = (date: Date | null) => (date ? `Signé le ${formatDate(date)}` : "Fait à …………………, le …………………");

  const doc = new Document({
    creator: "Département des Landes — BPC40",
    title: `Convention ${data.agreementReference}`,
    description: `Convention de subvention du projet ${project.reference}`,
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [text("Convention de subvention")],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [text(`Budget participatif citoyen des Landes — édition ${project.editionYear}`)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 320 },
            children: [text(`Convention n° ${data.agreementReference} — projet ${project.reference}`, { bold: true })],
          }),
          heading("Entre les soussignés"),
          paragraph(
            "Le Département des Landes, représenté par le Président du Conseil départemental, ci-après « le Département »,",
          ),
          paragraph("et ", text(holderLines.join(", "), { bold: true }), ", ci-après « le porteur de projet »."),
          heading("Article 1 — Objet"),
          paragraph(
            "La présente convention a pour objet de fixer les conditions dans lesquelles le Département soutient le projet lauréat ",
            text(`« ${project.title} »`, { bold: true }),
            ` (${place})${project.isYouth ? ", projet jeunesse" : ""}, retenu par le vote citoyen du Budget participatif.`,
          ),
          ...(project.description ? [paragraph(project.description)] : []),
          heading("Article 2 — Montant de la subvention"),
          paragraph(
            "Le Département attribue au porteur de projet une subvention d'un montant de ",
            text(formatEuros(data.amountCents), { bold: true }),
            ` (${amountInWords(data.amountCents)}).`,
          ),
          heading("Article 3 — Modalités de versement"),
          paragraph(
            `Un acompte de ${share} % du montant, soit ${formatEuros(advance)} (${amountInWords(advance)}), est versé après la signature de la présente convention par les deux parties.`,
          ),
          paragraph(
            `Le solde, au plus ${formatEuros(balance)} (${amountInWords(balance)}), est versé sur présentation des justificatifs de dépense (factures acquittées), dans la limite des dépenses justifiées et du montant de la subvention.`,
          ),
          heading("Article 4 — Engagements du porteur de projet"),
          paragraph(
            "Le porteur de projet s'engage à réaliser le projet tel qu'il a été soumis au vote, à utiliser la subvention pour les seules dépenses du projet, à mentionner le soutien du Département et à transmettre, un an après la réalisation, un bilan de son utilisation.",
          ),
          heading("Signatures"),
          paragraph(text("Pour le porteur de projet", { bold: true }), ` — ${holder.contactName ?? holder.name}`),
          paragraph(signed(data.holderSignedAt)),
          paragraph("Signature :"),
          paragraph(text("Pour le Département des Landes", { bold: true }), " — le Président du Conseil départemental"),
          paragraph(signed(data.departmentSignedAt)),
          paragraph("Signature :"),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
