import pg from "pg";
import type { Logger } from "../../domain/log/create-logger.ts";

/** The channel the `bpc40_notify_change` trigger announces on (migration `…_change_notices`). */
export const CHANGE_CHANNEL = "bpc40_changes";

/** A write announced by the `bpc40_notify_change` trigger. */
export interface Change {
  table: string;
  operation: "INSERT" | "UPDATE" | "DELETE" | "TRUNCATE";
  /** The row written, for the tables whose notices name it (`Project`); absent otherwise. */
  id?: number;
}

/** Called with each change, or null when changes may have been missed (connection lost or new). */
export type ChangeListener = (change: Change | null) => void;

export interface ChangeFeed {
  /** True while listening: only then may anything be served from memory. */
  readonly live: boolean;
  /**
   * Resolves true once every change committed before the call has reached the listeners:
   * one round trip on the listening connection, shared by the turns waiting for it.
   * With `windowMs`, changes committed more than that before the call: a round trip that
   * started since then is enough (already back: no wait at all; past half the window the
   * next one leaves at once, for the calls to come). False when not listening (the caller
   * then reads PostgreSQL).
   */
  sync(windowMs?: number): Promise<boolean>;
  /** Sync round trips sent so far. */
  readonly roundTrips: number;
  subscribe(listener: ChangeListener): void;
  close(): Promise<void>;
}

export interface ChangeFeedOptions {
  databaseUrl: string;
  /** Only this schema's changes count (tests share one database between schemas). */
  schema: string;
  logger: Logger;
  /** Pause before reconnecting after a loss. */
  retryMs?: number;
  /** A sync that takes longer than this gives up and the connection is replaced. */
  syncTimeoutMs?: number;
  /** How the connection shows in `pg_stat_activity`; by default « bpc40 change feed (<schema>) ». */
  applicationName?: string;
}

/**
 * Listens on a dedicated PostgreSQL connection for the changes the triggers announce.
 * PostgreSQL sends the notices of a transaction at its commit, and sends a session's
 * pending notices before answering its next query: so after `sync()`, nothing committed
 * before it is still unknown here. On loss the feed says so (null), reconnects, and says
 * so again once listening, as notices sent meanwhile are gone.
 */
export function createChangeFeed({
  databaseUrl,
  schema,
  logger,
  retryMs = 1000,
  syncTimeoutMs = 2000,
  applicationName = `bpc40 change feed (${schema})`,
}: ChangeFeedOptions): ChangeFeed {
  const listeners: ChangeListener[] = [];
  const emit = (change: Change | null) => {
    for (const listener of listeners) listener(change);
  };
  let client: pg.Client | null = null;
  let live = false;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let running: Promise<boolean> | null = null;
  let runningSince = 0;
  let queued: Promise<boolean> | null = null;
  /** When the last round trip that came back on the current connection left: changes committed before are known. */
  let knownUntil = Number.NEGATIVE_INFINITY;

  const lose = (current: pg.Client, reason: string) => {
    if (client !== current) return;
    client = null;
    live = false;
    knownUntil = Number.NEGATIVE_INFINITY;
    emit(null);
    current.end().catch(() => {});
    if (closed) return;
    logger.warn({ reason }, "change feed lost; the bot reads PostgreSQL until it listens again");
    retry = setTimeout(connect, retryMs);
  };

  async function connect(): Promise<void> {
    retry = null;
    const current = new pg.Client({
      connectionString: databaseUrl,
      keepAlive: true,
      application_name: applicationName,
    });
    client = current;
    current.on("error", (error) => lose(current, error.message));
    current.on("end", () => lose(current, "connection ended"));
    current.on("notification", ({ channel, payload }) => {
      // "<schema>.<table>:<operation>", then ":<id>" for a project's row
      const match = channel === CHANGE_CHANNEL ? /^(.*)\.([^.:]+):(\w+)(?::(\d+))?$/.exec(payload ?? "") : null;
      if (match?.[1] !== schema) return;
      const change: Change = { table: match[2] as string, operation: match[3] as Change["operation"] };
      if (match[4] !== undefined) change.id = Number(match[4]);
      emit(change);
    });
    try {
      await current.connect();
      await current.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (client !== current || closed) return;
      emit(null);
      live = true;
    } catch (error) {
      lose(current, (error as Error).message);
    }
  }

  let roundTrips = 0;
  const roundTrip = (): Promise<boolean> => {
    const current = client;
    if (!live || !current) return Promise.resolve(false);
    roundTrips += 1;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        lose(current, "sync timed out");
        resolve(false);
      }, syncTimeoutMs);
    });
    const since = performance.now();
    // An empty query: no parse, plan or row, and PostgreSQL still sends the pending notices before its answer.
    const answered = current.query("").then(
      () => {
        const known = client === current && live;
        if (known) knownUntil = Math.max(knownUntil, since);
        return known;
      },
      () => false,
    );
    return Promise.race([answered, timeout]).finally(() => clearTimeout(timer));
  };

  const start = (): Promise<boolean> => {
    const trip = roundTrip().finally(() => {
      if (running === trip) running = null;
    });
    running = trip;
    runningSince = performance.now();
    return trip;
  };

  void connect();
  return {
    get live() {
      return live;
    },
    get roundTrips() {
      return roundTrips;
    },
    sync(windowMs = 0) {
      if (!live) return Promise.resolve(false);
      if (windowMs > 0) {
        const now = performance.now();
        if (knownUntil >= now - windowMs) {
          // Past half the window, the next round trip leaves now: while messages keep coming, none waits.
          if (!running && knownUntil < now - windowMs / 2) void start();
          return Promise.resolve(true);
        }
        if (running && runningSince >= now - windowMs) return running;
      }
      if (!running) return start();
      // A round trip already on its way may have left before the caller's writes: wait for the next.
      queued ??= running.then(() => {
        queued = null;
        return start();
      });
      return queued;
    },
    subscribe(listener) {
      listeners.push(listener);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      live = false;
      await current?.end().catch(() => {});
    },
  };
}
