import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import type { Logger } from "../../domain/log/create-logger.ts";

/** Where caught messages go by default: `.data/mail` at the repository root (ignored by git). */
export const DEFAULT_MAIL_DIR = fileURLToPath(new URL("../../.data/mail", import.meta.url));

/** Largest message accepted, like a common relay's limit; bigger ones get `552`. */
export const MAIL_CATCHER_MAX_BYTES = 25 * 1024 * 1024;

export interface MailCatcherOptions {
  /** Interface to listen on; loopback by default so nothing outside the machine can write to the disk. */
  host?: string;
  /** TCP port; 0 picks a free one (read it back from the result). */
  port: number;
  /** Folder receiving one `.eml` file per message; created if missing. */
  dir: string;
  logger?: Logger;
}

export interface MailCatcher {
  /** The SMTP_URL nodemailer should use to send here. */
  url: string;
  port: number;
  /** Stops accepting connections; open ones get two seconds to finish. */
  close(): Promise<void>;
}

/**
 * A local SMTP server that keeps every message instead of delivering it, so that
 * without SMTP_URL the mail really goes over SMTP (the same path as production)
 * and a newcomer can read what porteurs would receive (`npm run mail`, `/dev/mail`).
 *
 * Each message is written verbatim (headers and MIME body as received) to
 * `<dir>/<id>.eml`, through a temporary file renamed at the end, so a reader never
 * sees half a message. The id (see {@link mailIdSequence}) sorts by arrival time.
 * No authentication and no TLS: it listens on loopback and only ever stores.
 */
export async function startMailCatcher({
  host = "127.0.0.1",
  port,
  dir,
  logger,
}: MailCatcherOptions): Promise<MailCatcher> {
  await mkdir(dir, { recursive: true });
  const nextId = mailIdSequence();
  const server = new SMTPServer({
    banner: "BPC40 : courrier de developpement, conserve localement, jamais distribue",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAIL_CATCHER_MAX_BYTES,
    rejectOversized: true,
    closeTimeout: 2_000,
    logger: false,
    onData(stream, _session, callback) {
      const id = nextId();
      storeMessage(stream, dir, id).then(
        (stored) => {
          if (stored) logger?.info({ mailId: id }, "message capturé");
          callback(null, `Message conserve : ${id}`);
        },
        (error: Error) => {
          logger?.error({ err: error, mailId: id }, "message non enregistré");
          callback(Object.assign(new Error("Enregistrement impossible, reessayez"), { responseCode: 451 }));
        },
      );
    },
  });
  server.on("error", (error) => logger?.warn({ err: error }, "récepteur de courrier : erreur de connexion"));

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `smtp://${urlHost}:${actualPort}?ignoreTLS=true`,
    port: actualPort,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Writes the stream to `<dir>/<id>.eml` atomically; false (and nothing kept) when it was oversized. */
async function storeMessage(stream: SMTPServerDataStream, dir: string, id: string): Promise<boolean> {
  const temporary = join(dir, `.${id}.tmp`);
  try {
    await pipeline(stream, createWriteStream(temporary, { flags: "wx" }));
    if (stream.sizeExceeded) {
      await rm(temporary, { force: true });
      return false;
    }
    await rename(temporary, join(dir, `${id}.eml`));
    return true;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Ids like `20261128-170501-123-9f86d081`: UTC arrival time to the millisecond
 * (UTC so the order survives the autumn clock change) and a random suffix. Within
 * one catcher the time part never repeats or goes back, so names sort in arrival order.
 */
function mailIdSequence(clock: () => number = Date.now): () => string {
  let last = 0;
  return () => {
    last = Math.max(clock(), last + 1);
    const stamp = new Date(last).toISOString(); // 2026-11-28T17:05:01.123Z
    const time = `${stamp.slice(0, 10).replaceAll("-", "")}-${stamp.slice(11, 19).replaceAll(":", "")}-${stamp.slice(20, 23)}`;
    return `${time}-${randomBytes(4).toString("hex")}`;
  };
}
