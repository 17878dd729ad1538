import type { DbTx } from "../../prisma/create-db.ts";

/** What the bot keeps about a conversation to write in it later (digest, RSVP news). */
export interface ConversationReferenceInput {
  conversationId: string;
  /** `personal`, `groupChat` or `channel`. */
  conversationType: string;
  /** Kept verbatim: proactive messages must go back to exactly this address. */
  serviceUrl: string;
  tenantId: string | null;
  /** The agent this personal chat belongs to; null elsewhere or for someone who is not an agent. */
  agentId: number | null;
  /** The Bot Framework conversation reference, as botbuilder builds it. */
  reference: Record<string, unknown>;
}

export type SaveOutcome = "created" | "updated" | "unchanged";

/**
 * Upserts the reference in one statement, and writes nothing when the fields that matter
 * for proactive messages (service URL, agent, type, tenant) are unchanged, so the
 * common turn costs one indexed read and no write. Safe under concurrent turns.
 */
export async function saveConversationReference(
  db: DbTx,
  input: ConversationReferenceInput,
  now: Date,
): Promise<SaveOutcome> {
  const rows = await db.$queryRaw<Array<{ inserted: boolean }>>`
    INSERT INTO "ConversationReference" AS c
      ("conversationId", "conversationType", "serviceUrl", "tenantId", "agentId", "reference", "createdAt", "updatedAt")
    VALUES (${input.conversationId}, ${input.conversationType}, ${input.serviceUrl}, ${input.tenantId},
            ${input.agentId}, ${JSON.stringify(input.reference)}::jsonb, ${now}, ${now})
    ON CONFLICT ("conversationId") DO UPDATE SET
      "conversationType" = EXCLUDED."conversationType", "serviceUrl" = EXCLUDED."serviceUrl",
      "tenantId" = EXCLUDED."tenantId", "agentId" = EXCLUDED."agentId",
      "reference" = EXCLUDED."reference", "updatedAt" = EXCLUDED."updatedAt"
    WHERE (c."serviceUrl", c."agentId", c."conversationType", c."tenantId")
      IS DISTINCT FROM (EXCLUDED."serviceUrl", EXCLUDED."agentId", EXCLUDED."conversationType", EXCLUDED."tenantId")
    RETURNING (xmax = 0) AS inserted`;
  const row = rows[0];
  if (!row) return "unchanged";
  return row.inserted ? "created" : "updated";
}
