import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";

/**
 * What the catcher names its files (`<id>.eml`). Anything else, `../` or a slash
 * included, is not an id: readers refuse it before touching the disk.
 */
export const CAUGHT_MAIL_ID_PATTERN = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-[0-9a-f]{8}$/;

/** One caught message as listed: enough to recognise it without parsing the body. */
export interface CaughtMailSummary {
  /** The file name without `.eml`; it sorts by arrival. */
  id: string;
  /** When the catcher received it (from the id). */
  receivedAt: Date;
  /** The `Date` header, or the arrival time when missing or invalid. */
  date: Date;
  from: string;
  to: string;
  /** Decoded (RFC 2047), so accents read as sent. */
  subject: string;
  /** True when the message carries an iCalendar part (an invitation or a cancellation). */
  hasCalendar: boolean;
}

export interface CaughtAttachment {
  filename: string | null;
  contentType: string;
  size: number;
}

/** One caught message, parsed. */
export interface CaughtMail extends CaughtMailSummary {
  cc: string;
  replyTo: string;
  messageId: string | null;
  listUnsubscribe: string | null;
  listUnsubscribePost: string | null;
  text: string | null;
  /** The HTML part, `cid:` images inlined as `data:` URLs. Untrusted: show it sandboxed. */
  html: string | null;
  /** The first iCalendar part as text, to check an invitation's METHOD, UID and SEQUENCE. */
  calendar: string | null;
  attachments: CaughtAttachment[];
}

/** True for a well-formed id; the only check needed before joining it to the folder. */
export function isCaughtMailId(id: string): boolean {
  return CAUGHT_MAIL_ID_PATTERN.test(id);
}

/**
 * The latest caught messages, newest first. Only headers are parsed, so a long
 * list stays quick. A missing folder means nothing was caught yet: empty list.
 */
export async function listCaughtMail(
  dir: string,
  { limit = 50 }: { limit?: number } = {},
): Promise<CaughtMailSummary[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const ids = names
    .filter((name) => name.endsWith(".eml"))
    .map((name) => name.slice(0, -".eml".length))
    .filter(isCaughtMailId)
    .sort()
    .reverse()
    .slice(0, Math.max(0, limit));
  const summaries = await Promise.all(
    ids.map(async (id) => {
      const raw = await readRaw(dir, id);
      return raw && summarize(id, await simpleParser(headerBlock(raw)), raw);
    }),
  );
  return summaries.filter((summary) => summary !== null);
}

/** One caught message, or null when the id is invalid or no such file exists. */
export async function readCaughtMail(dir: string, id: string): Promise<CaughtMail | null> {
  if (!isCaughtMailId(id)) return null;
  const raw = await readRaw(dir, id);
  if (!raw) return null;
  const mail = await simpleParser(raw);
  const calendarPart = mail.attachments.find((part) => part.contentType === "text/calendar");
  return {
    ...summarize(id, mail, raw),
    cc: addresses(mail.cc),
    replyTo: addresses(mail.replyTo),
    messageId: mail.messageId ?? null,
    listUnsubscribe: rawHeader(mail, "list-unsubscribe"),
    listUnsubscribePost: rawHeader(mail, "list-unsubscribe-post"),
    text: mail.text ?? null,
    html: mail.html || null,
    calendar: calendarPart ? calendarPart.content.toString("utf8") : null,
    attachments: mail.attachments.map((part) => ({
      filename: part.filename ?? null,
      contentType: part.contentType,
      size: part.size,
    })),
  };
}

/** The `.eml` file's path for a valid id, null otherwise (for serving the raw file). */
export function caughtMailPath(dir: string, id: string): string | null {
  return isCaughtMailId(id) ? join(dir, `${id}.eml`) : null;
}

async function readRaw(dir: string, id: string): Promise<Buffer | null> {
  try {
    return await readFile(join(dir, `${id}.eml`));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function summarize(id: string, mail: ParsedMail, raw: Buffer): CaughtMailSummary {
  const receivedAt = arrivalTime(id);
  const date = mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : receivedAt;
  return {
    id,
    receivedAt,
    date,
    from: addresses(mail.from),
    to: addresses(mail.to),
    subject: mail.subject ?? "",
    hasCalendar: /^content-type:[ \t]*(?:\r?\n[ \t]+)?text\/calendar/im.test(raw.toString("latin1")),
  };
}

function arrivalTime(id: string): Date {
  const [, year, month, day, hour, minute, second, ms] = (CAUGHT_MAIL_ID_PATTERN.exec(id) ?? []).map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second, ms));
}

/** The header section of a raw message, blank line included, so only headers get parsed. */
function headerBlock(raw: Buffer): Buffer {
  const crlf = raw.indexOf("\r\n\r\n");
  const lf = raw.indexOf("\n\n");
  const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf >= 0 ? lf + 2 : raw.length;
  return raw.subarray(0, end);
}

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return "";
  return (Array.isArray(value) ? value : [value]).map((group) => group.text).join(", ");
}

/** A header's value as sent, unfolded (mailparser only gives List-* headers restructured). */
function rawHeader(mail: ParsedMail, key: string): string | null {
  const found = mail.headerLines.find((header) => header.key === key);
  if (!found) return null;
  return found.line
    .slice(found.line.indexOf(":") + 1)
    .replace(/\r?\n(?=[ \t])/g, "")
    .trim();
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}
