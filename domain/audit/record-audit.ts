import type { DbTx } from "../../prisma/create-db.ts";
import { Prisma } from "../../prisma/generated/client.ts";

/** Who made a change: the Teams user of the turn (a `TurnUser` fits). */
export interface AuditActor {
  /** The agent's row; null only when the speaker has none (local mode without an AAD id). */
  agentId: number | null;
  name?: string | undefined;
  aadObjectId?: string | undefined;
}

export interface AuditEntry {
  actor: AuditActor;
  /** A dotted verb, e.g. `agent.add`, `invoice-check.record`, `payment.record`. */
  action: string;
  /** The Prisma model changed, e.g. `Agent`. */
  entity: string;
  entityId: string | number | bigint;
  /** The values before the change; null for a creation. */
  before: unknown;
  /** The values after the change; null for a deletion. */
  after: unknown;
  /** When the change happened (the caller's clock); the database's clock when omitted. */
  at?: Date;
}

/**
 * Writes one line of the audit log. Call it with the transaction that makes the change,
 * so the change and its trace commit or roll back together: an audit line never
 * describes a change that did not happen, and no change escapes the log.
 */
export async function recordAudit(tx: DbTx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor.agentId,
      actorLabel: entry.actor.name ?? entry.actor.aadObjectId ?? "inconnu",
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: toJson(entry.before),
      after: toJson(entry.after),
      ...(entry.at ? { at: entry.at } : {}),
    },
    select: { id: true },
  });
}

/** Plain JSON for a JSONB column: dates become ISO strings, bigints strings, null stays SQL NULL. */
function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === null || value === undefined) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)));
}
