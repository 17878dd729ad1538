import type { AgreementStatus } from "../../prisma/generated/enums.ts";

/** What an agent does to a convention from Teams. */
export type AgreementAction = "send" | "signByHolder" | "signByDepartment" | "cancel";

/** The only moves allowed: DRAFT → SENT → SIGNED_BY_HOLDER → SIGNED, and cancelling any live one. */
const moves: Record<AgreementAction, { from: AgreementStatus[]; to: AgreementStatus }> = {
  send: { from: ["DRAFT"], to: "SENT" },
  signByHolder: { from: ["SENT"], to: "SIGNED_BY_HOLDER" },
  signByDepartment: { from: ["SIGNED_BY_HOLDER"], to: "SIGNED" },
  cancel: { from: ["DRAFT", "SENT", "SIGNED_BY_HOLDER", "SIGNED"], to: "CANCELLED" },
};

/** French state of a convention, fitting « la convention est … ». */
export const agreementStatusLabels: Record<AgreementStatus, string> = {
  DRAFT: "en préparation (brouillon)",
  SENT: "envoyée au porteur pour signature",
  SIGNED_BY_HOLDER: "signée par le porteur, en attente de la signature du Département",
  SIGNED: "signée par les deux parties",
  CANCELLED: "annulée",
};

/** French past participle of each action, fitting « elle ne peut pas être … ». */
export const agreementActionLabels: Record<AgreementAction, string> = {
  send: "envoyée",
  signByHolder: "signée par le porteur",
  signByDepartment: "signée par le Département",
  cancel: "annulée",
};

/** What to do instead, from each state: the refusal tells the agent the next step. */
export const agreementNextStep: Record<AgreementStatus, string> = {
  DRAFT: "Envoyez-la d'abord : **convention <référence> envoyer**.",
  SENT: "Le porteur doit d'abord la signer : **convention <référence> signée porteur**.",
  SIGNED_BY_HOLDER: "Reste la signature du Département : **convention <référence> signée département**.",
  SIGNED: "Elle est complète : le versement de l'acompte peut être enregistré.",
  CANCELLED: "Préparez-en une nouvelle : **convention <référence>**.",
};

/** The status after the action, or null when the action is not allowed from `current`. */
export function nextAgreementStatus(current: AgreementStatus, action: AgreementAction): AgreementStatus | null {
  const move = moves[action];
  return move.from.includes(current) ? move.to : null;
}
