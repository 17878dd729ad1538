/** Adaptive Card colours that carry meaning (the others render as plain text). */
export type TextColor = "attention" | "good" | "warning" | "accent";

/**
 * How emphasis is shown in the terminal: ANSI escapes when stdout is a TTY, nothing
 * otherwise, so piped output (tests, `| less`, a log file) stays plain text.
 */
export interface TextStyle {
  bold(text: string): string;
  italic(text: string): string;
  dim(text: string): string;
  strike(text: string): string;
  code(text: string): string;
  color(text: string, color: TextColor): string;
}

/** No escapes at all: emphasis disappears, inline code keeps its backticks. */
export const plainStyle: TextStyle = {
  bold: (text) => text,
  italic: (text) => text,
  dim: (text) => text,
  strike: (text) => text,
  code: (text) => `\`${text}\``,
  color: (text, color) => (color === "attention" ? `⚠ ${text}` : text),
};

const ansiColors: Record<TextColor, number> = { attention: 31, good: 32, warning: 33, accent: 36 };

/** ANSI escapes, each closed with its own reset code so they nest. */
export const ansiStyle: TextStyle = {
  bold: (text) => `\x1b[1m${text}\x1b[22m`,
  italic: (text) => `\x1b[3m${text}\x1b[23m`,
  dim: (text) => `\x1b[2m${text}\x1b[22m`,
  strike: (text) => `\x1b[9m${text}\x1b[29m`,
  code: (text) => `\x1b[36m${text}\x1b[39m`,
  color: (text, color) => `\x1b[${ansiColors[color]}m${text}\x1b[39m`,
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point.
const ANSI_ESCAPE = /\x1b\[[0-9;]*m/g;

/** Columns a line takes in the terminal (ANSI escapes take none). */
export function visibleLength(line: string): number {
  return [...line.replace(ANSI_ESCAPE, "")].length;
}

/** Removes ANSI escapes (tests and raw comparisons). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_ESCAPE, "");
}
