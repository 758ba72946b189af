/**
 * Schema text in generated Markdown. Descriptions, decisions and evidence are prose written by contributors: they
 * may use code spans, but no HTML reaches a reader from them (npm, GitHub and docs sites render Markdown's inline
 * HTML).
 */

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]" };
/** HTML and link syntax shown as the characters they are. */
const escapeHtml = (text: string) => text.replace(/[&<>[\]]/g, (c) => entities[c]!);

/**
 * Prose on one line: HTML and link characters escaped outside code spans, line breaks folded, no leading heading mark.
 */
export function prose(text: string): string {
  return text
    .replace(/\s*\n\s*/g, " ")
    .replace(/^#/, "\\#")
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeHtml(part)))
    .join("");
}

/** Prose inside a table cell, where `|` would end the cell. */
export const cell = (text: string): string => prose(text).replace(/\|/g, "\\|");

/** A link target: a URL the lint accepted (https, no spaces or angle brackets), with parentheses kept inside it. */
export const linkTarget = (url: string): string => url.replace(/\(/g, "%28").replace(/\)/g, "%29");
