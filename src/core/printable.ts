/**
 * Characters that act on a terminal or hide text: C0 and C1 controls, DEL, bidirectional and line
 * separators, the byte-order mark, and lone surrogates.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `text` with every unprintable character written as a `\uXXXX` escape, so that quoting user input
 * (a YAML scalar, a line of a file) can never move the cursor, change colours or hide text. O(length).
 * @example
 * printable("\u001b[31mred") // "\\u001b[31mred"
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `text` made printable and cut to `max` characters, the cut marked with "..."; O(max) whatever the text's length. */
export function printableExcerpt(text: string, max: number): string {
  // An escape is at most 6 characters: this much of the text is enough to fill `max`.
  const escaped = printable(text.length > max * 6 ? text.slice(0, max * 6) : text);
  return escaped.length <= max ? escaped : `${escaped.slice(0, max - 3)}...`;
}
