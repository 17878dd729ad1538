import pg from "pg";
import type { Config } from "../../domain/config/load-config.ts";
import type { Logger } from "../../domain/log/create-logger.ts";
import { createBatcher } from "./create-batcher.ts";

/** What the e-mail processor needs of an outbox row. */
export interface OutboxRow {
  id: number;
  template: string;
  recipientEmail: string;
  recipientName: string | null;
  payload: unknown;
  essential: boolean;
  status: "PENDING" | "SENT" | "FAILED" | "SKIPPED";
  attempts: number;
  /** Which database failure this row was read after (see `isFresh`). */
  readAfterFailure: number;
}

/** A row the SMTP server accepted, with the Message-ID it went out with. */
export interface SentRow {
  id: number;
  messageId: string;
}

export interface OutboxRows {
  /** Closes the hot path's own connections. */
  close(): Promise<void>;
  /** The row, or null when it no longer exists. */
  read(id: number): Promise<OutboxRow | null>;
  /** Marks an accepted row SENT (only if still PENDING: a re-delivered job changes nothing). */
  markSent(row: SentRow): Promise<void>;
  /**
   * False when a query failed since the row was read: the database may be down, so a
   * row read ahead must not be sent (its SENT update would fail and the e-mail go twice).
   */
  isFresh(row: OutboxRow): boolean;
}

/** Jobs read ahead of the SMTP connections: waiting a little for others costs nothing. */
const READ_WAIT_MS = 10;
/**
 * A batch of SENT updates goes as soon as it holds one message per SMTP connection, or
 * after this wait. The completion gate lets at most that many messages be accepted and
 * not yet recorded, so a connection held at the gate always finds the batch full: the
 * wait only delays a batch that nothing is waiting for, and fewer, larger UPDATEs
 * cost the worker less CPU than one per e-mail.
 */
const MARK_WAIT_MS = 10;

/**
 * The e-mail worker's two hot queries, batched across its concurrent jobs (one SELECT
 * and one UPDATE for many e-mails) on two connections of their own with `pg` alone:
 * through Prisma each query cost four times the CPU, a quarter of a millisecond per
 * e-mail on a worker whose CPU is the limit. Rare paths (failures, consent) keep
 * using the Prisma client.
 */
export function createOutboxRows(
  config: Pick<Config, "DATABASE_URL" | "DATABASE_SCHEMA" | "SMTP_MAX_CONNECTIONS">,
  logger: Logger,
  now: () => Date,
): OutboxRows {
  const pool = new pg.Pool({
    connectionString: config.DATABASE_URL,
    max: 2,
    options: `-c search_path="${config.DATABASE_SCHEMA}"`,
  });
  // An idle connection dropped by the server (PostgreSQL restarted): the pool replaces it.
  pool.on("error", (error) => logger.warn({ err: error.message }, "outbox: connexion PostgreSQL perdue"));
  let failures = 0;
  // Named statements: each connection plans them once, not at every batch.
  const query = async <R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]) => {
    try {
      return await pool.query<R>({ name, text, values });
    } catch (error) {
      failures += 1;
      throw error;
    }
  };
  const read = createBatcher(
    async (ids: number[]) => {
      const readAfterFailure = failures;
      const { rows } = await query<Omit<OutboxRow, "readAfterFailure">>(
        "outbox-read",
        `SELECT "id", "template", "recipientEmail", "recipientName", "payload", "essential",
                "status"::text AS "status", "attempts"
         FROM "Notification" WHERE "id" = ANY($1::int[])`,
        [ids],
      );
      const byId = new Map(rows.map((row) => [row.id, { ...row, readAfterFailure }]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { waitMs: READ_WAIT_MS },
  );
  const markSent = createBatcher(
    async (sent: SentRow[]) => {
      const at = now();
      await query(
        "outbox-mark-sent",
        `UPDATE "Notification" AS n
       SET "status" = 'SENT', "sentAt" = $1, "messageId" = v."messageId",
           "attempts" = n."attempts" + 1, "lastError" = NULL, "updatedAt" = $1
       FROM unnest($2::int[], $3::text[]) AS v("id", "messageId")
       WHERE n."id" = v."id" AND n."status" = 'PENDING'`,
        [at, sent.map((s) => s.id), sent.map((s) => s.messageId)],
      );
      return sent.map(() => undefined);
    },
    { waitMs: MARK_WAIT_MS, max: config.SMTP_MAX_CONNECTIONS },
  );
  return { read, markSent, isFresh: (row) => row.readAfterFailure === failures, close: () => pool.end() };
}
