import { XMLParser, XMLValidator } from "fast-xml-parser";

/** One article of a feed, as the watch keeps it. */
export interface FeedEntry {
  /** The feed's own id for the article (RSS guid, Atom id), else its link: what dedupes it. */
  guid: string;
  url: string;
  title: string;
  summary: string | null;
  publishedAt: Date | null;
}

export interface ParsedFeed {
  format: "rss" | "atom";
  title: string | null;
  entries: FeedEntry[];
}

/** Why a document is not a feed, in French (shown to the agent and kept on the feed). */
export class FeedFormatError extends Error {
  override name = "FeedFormatError";
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  textNodeName: "#text",
  parseTagValue: false,
  isArray: (name) => ["item", "entry", "link"].includes(name),
});

const SUMMARY_MAX = 300;

/**
 * Reads RSS 2.0 (and 1.0) or Atom with a real XML parser (fast-xml-parser), never a
 * regex: CDATA, entities and namespaces are the parser's business. Throws a
 * `FeedFormatError` in French for invalid XML or a document that is no feed.
 */
export function parseFeed(xml: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new FeedFormatError(`le contenu n'est pas du XML valide (ligne ${valid.err.line} : ${valid.err.msg})`);
  }
  const doc = parser.parse(xml) as Node;
  const rss = (doc.rss as Node | undefined)?.channel ?? (doc.RDF as Node | undefined)?.channel;
  if (rss && typeof rss === "object") {
    const channel = rss as Node;
    const items = (channel.item ?? (doc.RDF as Node | undefined)?.item ?? []) as Node[];
    return { format: "rss", title: text(channel.title), entries: items.flatMap(rssEntry) };
  }
  const atom = doc.feed as Node | undefined;
  if (atom && typeof atom === "object") {
    return { format: "atom", title: text(atom.title), entries: ((atom.entry ?? []) as Node[]).flatMap(atomEntry) };
  }
  throw new FeedFormatError("ce document n'est ni un flux RSS ni un flux Atom");
}

function rssEntry(item: Node): FeedEntry[] {
  const links = (item.link ?? []) as unknown[];
  const url = text(links[0]);
  const guid = text(item.guid) ?? url;
  if (!guid || !url) return [];
  return [
    {
      guid,
      url,
      title: text(item.title) ?? url,
      summary: shorten(text(item.description)),
      publishedAt: date(text(item.pubDate) ?? text(item.date)),
    },
  ];
}

function atomEntry(entry: Node): FeedEntry[] {
  const links = (entry.link ?? []) as Node[];
  const link = links.find((l) => !l["@_rel"] || l["@_rel"] === "alternate") ?? links[0];
  const url = link ? text(link["@_href"]) : null;
  const guid = text(entry.id) ?? url;
  if (!guid || !url) return [];
  return [
    {
      guid,
      url,
      title: text(entry.title) ?? url,
      summary: shorten(text(entry.summary) ?? text(entry.content)),
      publishedAt: date(text(entry.published) ?? text(entry.updated)),
    },
  ];
}

/** The text of an element, whether the parser gave a string or an object with attributes. */
function text(value: unknown): string | null {
  const raw = typeof value === "object" && value !== null ? (value as Node)["#text"] : value;
  if (typeof raw !== "string" && typeof raw !== "number") return null;
  const trimmed = String(raw).trim();
  return trimmed || null;
}

/** A summary without its HTML markup, cut at about 300 characters. */
function shorten(html: string | null): string | null {
  if (!html) return null;
  const plain = html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .replace(/ ([.,)])/g, "$1")
    .trim();
  if (!plain) return null;
  return plain.length > SUMMARY_MAX ? `${plain.slice(0, SUMMARY_MAX - 1).trimEnd()}…` : plain;
}

function date(value: string | null): Date | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}
