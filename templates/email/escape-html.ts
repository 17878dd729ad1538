const entities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Makes any value safe to put in HTML text or in a double-quoted attribute. Every piece of
 * data the layout writes (names, titles, comments, links) goes through it: a porteur's
 * name such as `<b>Les Amis</b> & Cie` must show as typed, never become markup.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}
