import type { TextStyle } from "./text-style.ts";

/**
 * Teams' Markdown (what the bot's text replies and TextBlocks use) as terminal lines:
 * bold, italic, strike-through, inline code, links, headings, bullet and numbered
 * lists, quotes, `<br>`. Blank lines are dropped: Teams needs `\n\n` for a line break
 * where a terminal does not, and the bot's replies would otherwise be double-spaced.
 */
export function renderMarkdown(text: string, style: TextStyle): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => renderBlockLine(line, style));
}

function renderBlockLine(line: string, style: TextStyle): string {
  const depth = Math.floor((/^\s*/.exec(line)?.[0].length ?? 0) / 2);
  const indent = "  ".repeat(depth);
  const body = line.trim();
  const heading = /^#{1,6}\s+(.*)$/.exec(body);
  if (heading) return style.bold(renderInline(heading[1] ?? "", style));
  const bullet = /^[-*+]\s+(.*)$/.exec(body);
  if (bullet) return `${indent}  • ${renderInline(bullet[1] ?? "", style)}`;
  const numbered = /^(\d+)[.)]\s+(.*)$/.exec(body);
  if (numbered) return `${indent}  ${numbered[1]}. ${renderInline(numbered[2] ?? "", style)}`;
  const quote = /^>\s?(.*)$/.exec(body);
  if (quote) return `│ ${renderInline(quote[1] ?? "", style)}`;
  if (/^(-{3,}|\*{3,}|_{3,})$/.test(body)) return style.dim("─".repeat(24));
  return indent + renderInline(body, style);
}

/** Private-use characters around a kept slot, so later patterns never see its content. */
const OPEN = "\uE000";
const CLOSE = "\uE001";

/** Inline Markdown of one line: escapes and code spans are kept verbatim. */
export function renderInline(text: string, style: TextStyle): string {
  const slots: string[] = [];
  const keep = (value: string) => `${OPEN}${slots.push(value) - 1}${CLOSE}`;
  const rendered = text
    .replace(/\\([\\`*_~[\]()#>+\-.!|])/g, (_, char: string) => keep(char))
    .replace(/`([^`]+)`/g, (_, code: string) => keep(style.code(code)))
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, url: string) =>
      keep(label === url ? url : `${label} (${url})`),
    )
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_, a?: string, b?: string) => style.bold(a ?? b ?? ""))
    .replace(/~~(.+?)~~/g, (_, struck: string) => style.strike(struck))
    .replace(/(^|[^\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])/g, (_, before: string, it: string) => before + style.italic(it))
    .replace(/(^|[^\w])_(?!\s)(.+?)(?<!\s)_(?!\w)/g, (_, before: string, it: string) => before + style.italic(it));
  const restore = new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g");
  // Slots may hold slots (a link label with code): restore until none is left.
  let result = rendered;
  while (result.includes(OPEN)) result = result.replace(restore, (_, index: string) => slots[Number(index)] ?? "");
  return result;
}
