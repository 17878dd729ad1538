import type { DbTx } from "../../prisma/create-db.ts";
import { isEssential, type TemplateName } from "../../templates/email/render-email.ts";

export interface NotificationRequest {
  template: TemplateName;
  recipientEmail: string;
  recipientName?: string | null;
  /** The template's data; validated again when rendered. */
  payload: Record<string, unknown>;
  /** Unique per situation (e.g. `agreement-reminder:2022-017:2026-11-28`): a second call records nothing. */
  idempotencyKey: string;
  projectId?: number | null;
}

/**
 * Records "send this e-mail" in the outbox (essential or not as its template says), inside the caller's transaction, so the
 * change and its notice commit or roll back together. Never talks to Redis or SMTP.
 * Returns the id of the new row, or null when the idempotency key was already used.
 */
export async function recordNotification(tx: DbTx, request: NotificationRequest): Promise<number | null> {
  // INSERT … ON CONFLICT DO NOTHING: a duplicate key must not abort the caller's transaction.
  const rows = await tx.$queryRaw<Array<{ id: number }>>`
    INSERT INTO "Notification" ("template", "recipientEmail", "recipientName", "payload", "idempotencyKey",
                                "essential", "projectId", "updatedAt")
    VALUES (${request.template}, ${request.recipientEmail}, ${request.recipientName ?? null},
            ${JSON.stringify(request.payload)}::jsonb, ${request.idempotencyKey}, ${isEssential(request.template)},
            ${request.projectId ?? null}, now())
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}
