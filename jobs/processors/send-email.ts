import { randomUUID } from "node:crypto";
import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { Transporter } from "nodemailer";
import type { Config } from "../../domain/config/load-config.ts";
import { signToken } from "../../domain/links/signed-token.ts";
import type { Logger } from "../../domain/log/create-logger.ts";
import { maySendNonEssential } from "../../domain/notifications/may-send.ts";
import type { Db } from "../../prisma/create-db.ts";
import { isEssential, isTemplateName } from "../../templates/email/render-email.ts";
import type { CompletionGate } from "../mail/create-completion-gate.ts";
import type { SendSlots } from "../mail/create-send-slots.ts";
import { renderNotification } from "../mail/render-notification.ts";
import type { SendLimiter } from "../mail/send-limiter.ts";
import type { OutboxRow, OutboxRows } from "../outbox/outbox-rows.ts";
import type { EmailJob, EmailQueue } from "../queues/email-queue.ts";

export interface SendEmailDeps {
  config: Config;
  db: Db;
  transport: Transporter;
  limiter: SendLimiter;
  /** Batched reads and SENT updates of the outbox rows. */
  rows: OutboxRows;
  /** Bounds the messages handed to the SMTP pool (two per connection: one sent, one ready). */
  slots: SendSlots;
  /** At most one message per SMTP connection accepted by the server and not yet recorded SENT. */
  gate: CompletionGate;
  queue: EmailQueue;
  logger: Logger;
  now: () => Date;
}

/** The Message-ID of a notification: a duplicate send is recognisable at the receiving end. */
export function notificationMessageId(config: Config, notificationId: number): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(config.SMTP_FROM)?.[1] ?? "bpc40.local";
  return `<bpc40-notification-${notificationId}@${domain}>`;
}

/**
 * Sends one outbox row. Idempotent: a row no longer `PENDING` is left alone, so a
 * re-queued or re-delivered job does not send twice (at least once delivery means a
 * crash between SMTP and the database can still duplicate, with the same Message-ID).
 * Reading and rendering happen before taking a send slot, so the worker can run more
 * jobs than it has SMTP connections and keep every connection busy; the completion gate
 * keeps the duplicates a killed worker can cause to one per connection.
 */
export async function sendEmail(job: Job<EmailJob>, deps: SendEmailDeps): Promise<string> {
  const { db, config } = deps;
  const id = job.data.notificationId;
  const row = await deps.rows.read(id);
  if (!row) throw new UnrecoverableError(`notification ${id} introuvable`);
  if (row.status !== "PENDING") return `déjà ${row.status}`;

  if (!row.essential) {
    const allowed = await maySendNonEssential(db, row.recipientEmail);
    if (!allowed.ok) {
      await db.notification.update({ where: { id }, data: { status: "SKIPPED", lastError: allowed.reason ?? null } });
      return "ignoré";
    }
  }

  let message: ReturnType<typeof renderNotification>;
  try {
    // Signing a link costs an HMAC per e-mail: only for the e-mails that carry one.
    const essential = isTemplateName(row.template) && isEssential(row.template);
    message = renderNotification(row, {
      unsubscribeUrl: essential ? undefined : unsubscribeUrl(config, row.recipientEmail),
    });
  } catch (error) {
    await markFailed(db, id, row.attempts + 1, (error as Error).message);
    throw new UnrecoverableError((error as Error).message);
  }

  const release = await deps.slots.acquire();
  try {
    return await sendRendered(job, row, message, deps, release);
  } finally {
    release();
  }
}

async function sendRendered(
  job: Job<EmailJob>,
  row: OutboxRow,
  message: ReturnType<typeof renderNotification>,
  deps: SendEmailDeps,
  releaseSlot: () => void,
): Promise<string> {
  const { db, config } = deps;
  const id = row.id;
  // No child logger per job: building one (bindings through the redaction) cost more
  // than the rest of the job's logging; the ids go with each line instead.
  const ids = { jobId: job.id, notificationId: id };
  if (!deps.rows.isFresh(row)) throw new Error("PostgreSQL en erreur depuis la lecture de la ligne : nouvel essai");
  const slot = `${id}:${randomUUID()}`;
  const wait = await deps.limiter.reserve(slot, deps.now());
  if (wait > 0) {
    await deps.queue.rateLimit(wait);
    throw Worker.RateLimitError();
  }

  const messageId = notificationMessageId(config, id);
  const ticket = deps.gate.expect(messageId, () => deps.rows.isFresh(row));
  try {
    const info = await deps.transport.sendMail({
      from: config.SMTP_FROM,
      to: { name: row.recipientName ?? "", address: row.recipientEmail },
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId,
      headers: message.headers,
      ...(message.icalEvent ? { icalEvent: message.icalEvent } : {}),
    });
    await deps.limiter.confirm(slot);
    // The server has the message: the pool may take the next one while this one is
    // recorded. The completion gate, not the slot, bounds what is accepted but not yet SENT.
    releaseSlot();
    await deps.rows.markSent({ id, messageId: info.messageId });
    deps.logger.info(ids, "e-mail envoyé");
    return "envoyé";
  } catch (error) {
    const reason = describeSmtpError(error);
    const permanent = isPermanent(error);
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (permanent || last) {
      await markFailed(db, id, row.attempts + 1, reason);
      deps.logger.warn({ ...ids, reason }, "e-mail en échec définitif");
      throw new UnrecoverableError(reason);
    }
    await db.notification.update({ where: { id }, data: { attempts: { increment: 1 }, lastError: reason } });
    deps.logger.info({ ...ids, reason }, "e-mail refusé, nouvel essai plus tard");
    throw new Error(reason);
  } finally {
    ticket.done();
  }
}

function unsubscribeUrl(config: Config, email: string): string {
  const base = config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`;
  const token = signToken(config.BPC40_SECRET, { u: email.toLowerCase() });
  return `${base.replace(/\/$/, "")}/unsubscribe?token=${token}`;
}

async function markFailed(db: Db, id: number, attempts: number, reason: string): Promise<void> {
  await db.notification.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "FAILED", attempts, lastError: reason.slice(0, 1000) },
  });
}

/** SMTP 5xx answers and refused addresses will not get better by retrying. */
function isPermanent(error: unknown): boolean {
  const e = error as { responseCode?: number; code?: string };
  if (typeof e.responseCode === "number") return e.responseCode >= 500;
  return e.code === "EENVELOPE" || e.code === "EMESSAGE";
}

function describeSmtpError(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  if (e.responseCode) return `SMTP ${e.responseCode} : ${e.response ?? e.message}`.slice(0, 500);
  return `${e.code ?? "erreur"} : ${e.message ?? String(error)}`.slice(0, 500);
}
