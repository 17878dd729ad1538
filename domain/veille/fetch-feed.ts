import { FeedFormatError, type ParsedFeed, parseFeed } from "./parse-feed.ts";

export interface FetchFeedOptions {
  /** From the last answer, to make the request conditional (a 304 then costs nothing). */
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs: number;
}

export type FetchedFeed =
  | { status: 304 }
  | { status: 200; feed: ParsedFeed; etag: string | null; lastModified: string | null };

/** A feed that could not be read, with the French reason kept on the feed and shown to agents. */
export class FeedFetchError extends Error {
  override name = "FeedFetchError";
  constructor(
    message: string,
    /** The HTTP status when the server answered, else null (timeout, unreachable). */
    readonly status: number | null,
  ) {
    super(message);
  }
}

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Fetches a feed once: conditional GET (If-None-Match / If-Modified-Since), the whole
 * exchange bounded by `timeoutMs`, body limited to 5 MB. Every failure becomes a
 * `FeedFetchError` in French, so a caller records it and goes on with the next feed.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FetchedFeed> {
  const headers: Record<string, string> = {
    accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5",
    "user-agent": "BPC40-veille/1.0",
  };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;
  const seconds = (options.timeoutMs / 1000).toLocaleString("fr-FR");
  try {
    const response = await fetch(url, { headers, redirect: "follow", signal: AbortSignal.timeout(options.timeoutMs) });
    if (response.status === 304) return { status: 304 };
    if (!response.ok) {
      await response.body?.cancel();
      throw new FeedFetchError(httpReason(response.status), response.status);
    }
    const length = Number(response.headers.get("content-length") ?? 0);
    if (length > MAX_BYTES) {
      await response.body?.cancel();
      throw new FeedFetchError("le flux dépasse 5 Mo", response.status);
    }
    const body = await response.text();
    try {
      return {
        status: 200,
        feed: parseFeed(body),
        etag: response.headers.get("etag"),
        lastModified: response.headers.get("last-modified"),
      };
    } catch (error) {
      if (error instanceof FeedFormatError) throw new FeedFetchError(error.message, response.status);
      throw error;
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    const name = (error as Error).name;
    if (name === "TimeoutError" || name === "AbortError") {
      throw new FeedFetchError(`le site n'a pas répondu en ${seconds} s`, null);
    }
    const code = (error as { cause?: { code?: string } }).cause?.code;
    throw new FeedFetchError(`site injoignable${code ? ` (${code})` : ""}`, null);
  }
}

function httpReason(status: number): string {
  if (status === 404 || status === 410) return `adresse introuvable (erreur ${status})`;
  if (status === 401 || status === 403) return `accès refusé par le site (erreur ${status})`;
  if (status >= 500) return `le site est en panne (erreur ${status})`;
  return `le site a répondu par l'erreur ${status}`;
}
