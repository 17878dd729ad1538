import { DomainError } from "../../domain/errors/domain-error.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import {
  getProjectStatus,
  normalizeReference,
  type ProjectStatusView,
} from "../../domain/projects/get-project-status.ts";
import { projectStatusLabels } from "../../domain/projects/status-labels.ts";
import type { Command, Reply } from "./command.ts";

const holderKindLabels = {
  PERSON: "particulier",
  ASSOCIATION: "association",
  COLLECTIVE: "collectif",
  COMMUNE: "commune",
} as const;

/** `statut 2022-017`: a project's situation, read from PostgreSQL. */
export const statutCommand: Command = {
  name: "statut",
  triggers: ["statut", "status", "st"],
  help: "**statut 2022-017** : la situation d'un projet (statut, porteur, commune, montants)",
  async handle({ args, deps }): Promise<Reply> {
    const reference = normalizeReference(args);
    if (!args.trim()) throw new DomainError("REFERENCE_MISSING");
    if (!reference) throw new DomainError("PROJECT_NOT_FOUND", { reference: args.trim().slice(0, 40) });
    const view = await getProjectStatus(deps.db, reference);
    return { text: renderStatus(view) };
  },
};

function renderStatus(view: ProjectStatusView): string {
  const place = view.commune ? `${view.commune} (canton ${view.canton})` : `canton ${view.canton}`;
  const lines = [
    `**${view.reference} · ${view.title}**${view.isYouth ? " · projet jeune" : ""}`,
    `Édition ${view.editionYear}${view.theme ? ` · ${view.theme}` : ""}`,
    `Statut : **${projectStatusLabels[view.status]}**`,
    `Porteur : ${view.holder.name} (${holderKindLabels[view.holder.kind]})${view.holder.contactName ? `, contact ${view.holder.contactName}` : ""}`,
    `Commune : ${place}`,
    `Montant attribué : ${formatEuros(view.awardedCents)}`,
  ];
  if (view.agreementCents !== null && view.agreementCents !== view.awardedCents) {
    lines.push(`Montant de la convention : ${formatEuros(view.agreementCents)}`);
  }
  lines.push(`Versé : ${formatEuros(view.paidCents)} · Justifié : ${formatEuros(view.justifiedCents)}`);
  return lines.join("\n\n");
}
