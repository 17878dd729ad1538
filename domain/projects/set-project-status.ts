import type { Db } from "../../prisma/create-db.ts";
import type { ProjectStatus } from "../../prisma/generated/enums.ts";
import { type AuditActor, recordAudit } from "../audit/record-audit.ts";
import { DomainError } from "../errors/domain-error.ts";
import { normalizeKey } from "../text/normalize-key.ts";
import { projectStatusLabels } from "./status-labels.ts";

/** The date column each hand-set status fills (when still empty). */
const dateColumns: Partial<
  Record<ProjectStatus, "completedAt" | "inauguratedAt" | "reportReceivedAt" | "closedAt" | "abandonedAt">
> = {
  COMPLETED: "completedAt",
  INAUGURATED: "inauguratedAt",
  REPORT_RECEIVED: "reportReceivedAt",
  CLOSED: "closedAt",
  ABANDONED: "abandonedAt",
};

const aliases: Record<string, ProjectStatus> = {
  laureat: "WINNER",
  "convention en cours": "AGREEMENT_PENDING",
  "convention signee": "AGREEMENT_SIGNED",
  "en realisation": "IN_PROGRESS",
  realisation: "IN_PROGRESS",
  realise: "COMPLETED",
  inaugure: "INAUGURATED",
  solde: "PAID_IN_FULL",
  "bilan recu": "REPORT_RECEIVED",
  "bilan n+1 recu": "REPORT_RECEIVED",
  clos: "CLOSED",
  abandonne: "ABANDONED",
};

/** `soldé`, `Bilan n+1 reçu`, `abandonne`, `CLOSED` → the status; undefined when unknown. */
export function parseProjectStatus(text: string): ProjectStatus | undefined {
  const key = normalizeKey(text).replace(/[-_]/g, " ").replace(/\s+/g, " ").trim();
  const upper = key.toUpperCase().replace(/ /g, "_");
  if (upper in projectStatusLabels) return upper as ProjectStatus;
  return aliases[key];
}

/** The statuses an agent may type, for the refusal message. */
export function knownStatusWords(): string {
  return Object.values(projectStatusLabels)
    .map((label) => `« ${label.toLowerCase()} »`)
    .join(", ");
}

/**
 * Sets a project's status by hand, with the reason (kept in `statusReason`, shown on
 * its card) and an audit line: what the facts cannot tell (réalisé, inauguré, abandonné)
 * or a correction. Fills the matching date (completedAt…) when still empty.
 */
export async function setProjectStatus(
  db: Db,
  request: { reference: string; status: ProjectStatus; reason: string; actor: AuditActor; now: Date },
): Promise<{ before: ProjectStatus; after: ProjectStatus }> {
  return db.$transaction(async (tx) => {
    const project = await tx.project.findUnique({
      where: { reference: request.reference },
      select: {
        id: true,
        status: true,
        statusReason: true,
        completedAt: true,
        inauguratedAt: true,
        reportReceivedAt: true,
        closedAt: true,
        abandonedAt: true,
      },
    });
    if (!project) throw new DomainError("PROJECT_NOT_FOUND", { reference: request.reference });
    const column = dateColumns[request.status];
    const fillDate = column !== undefined && project[column] === null ? { [column]: request.now } : {};
    await tx.project.update({
      where: { id: project.id },
      data: { status: request.status, statusReason: request.reason, ...fillDate },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: request.actor,
      action: "project.status-set",
      entity: "Project",
      entityId: project.id,
      before: { status: project.status, statusReason: project.statusReason },
      after: { status: request.status, statusReason: request.reason, ...fillDate },
      at: request.now,
    });
    return { before: project.status, after: request.status };
  });
}
