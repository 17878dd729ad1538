import type { Db } from "../../prisma/create-db.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { agentSnapshot, agentViewSelect } from "./list-agents.ts";

/**
 * Gives an administrator listed in BPC40_ADMINS their Agent row at first contact, so
 * every change they make is audited with an actor id. Concurrent first turns create
 * one row (ON CONFLICT DO NOTHING); only the one that created it writes the audit line.
 * Returns the agent's id.
 */
export async function registerBootstrapAdmin(
  db: Db,
  person: { aadObjectId: string; name: string | undefined },
  now: Date,
): Promise<number> {
  const aadObjectId = person.aadObjectId.toLowerCase();
  return db.$transaction(async (tx) => {
    const name = person.name?.trim() || "Administrateur (BPC40_ADMINS)";
    const { count } = await tx.agent.createMany({
      data: [{ aadObjectId, name, role: "ADMIN" }],
      skipDuplicates: true,
    });
    const agent = await tx.agent.findUniqueOrThrow({ where: { aadObjectId }, select: agentViewSelect });
    if (count === 1) {
      await recordAudit(tx, {
        actor: { agentId: agent.id, name, aadObjectId },
        action: "agent.bootstrap",
        entity: "Agent",
        entityId: agent.id,
        before: null,
        after: agentSnapshot(agent),
        at: now,
      });
    }
    return agent.id;
  });
}
