/** Multipliers of the count suffixes accepted on the command line: `500k`, `3M`, `1.5B`. */
export const COUNT_SUFFIXES = { k: 1e3, K: 1e3, M: 1e6, B: 1e9 } as const;

/** A number with an optional count suffix: `3M`, `500k`, `1.5B`, `2500`, `1e6`. */
const COUNT_SHAPE = /^(-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*([kKMB]?)$/;

/**
 * The number in a count such as `3M` (3,000,000), `500k`, `1.5B` or `2500`, or undefined when the
 * text is not one. Negative and fractional counts parse, so that callers can say why they are wrong.
 * @example
 * parseCount("1.5B") // 1_500_000_000
 * parseCount("3 million") // undefined
 */
export function parseCount(text: string): number | undefined {
  if (typeof text !== "string") return undefined;
  const match = COUNT_SHAPE.exec(text.trim());
  if (match === null) return undefined;
  const base = Number(match[1]);
  const suffix = match[2] as keyof typeof COUNT_SUFFIXES | "";
  // Scale through a decimal string so that 1.1k is 1100, not 1100.0000000000002.
  const value = suffix === "" ? base : Number((base * COUNT_SUFFIXES[suffix]).toPrecision(12));
  return Number.isFinite(value) ? value : undefined;
}
