import { DomainError } from "../errors/domain-error.ts";

/**
 * The http(s) address an agent typed (Teams may wrap it in `<…>`), normalised by the
 * URL parser so the same feed typed twice is found once; throws FEED_URL_INVALID.
 */
export function parseWebUrl(text: string): string {
  const raw = text.trim().replace(/^<(.*)>$/, "$1");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError("FEED_URL_INVALID", { value: raw.slice(0, 80) });
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) {
    throw new DomainError("FEED_URL_INVALID", { value: raw.slice(0, 80) });
  }
  url.hash = "";
  return url.toString();
}
