import ms from "ms";

/** Seconds in each rate unit accepted after the slash: `50/s`, `3000/min`, `10/h`, `2/d`. */
export const RATE_UNITS = { s: 1, min: 60, h: 3600, d: 86_400 } as const;

/** A number followed by letters, with an optional space: `250ms`, `1.5s`, `1 h`. The unit is required. */
const DURATION_SHAPE = /^-?(\d+(\.\d*)?|\.\d+) ?[a-z]+$/i;

/** A compound duration: a sign, then two or more number-unit parts, a space allowed between them (`7h30m`, `1d 12h`). */
const COMPOUND_SHAPE = /^-?(?:(?:\d+(?:\.\d*)?|\.\d+) ?[a-z]+ ?){2,}$/i;

/** One part of a compound duration. */
const COMPOUND_PART = /((?:\d+(?:\.\d*)?|\.\d+) ?[a-z]+) ?/giy;

/** A number, a slash and one of RATE_UNITS: `50/s`, `2.5 / min`. */
const RATE_SHAPE = /^(-?(?:\d+(?:\.\d*)?|\.\d+))\s*\/\s*([a-z]+)$/i;

/**
 * Milliseconds in a duration string with an explicit unit (`250ms`, `1.5s`, `5m`, `24h`, `2d`, `1 h`;
 * `m` is minutes), or a compound of such parts, summed (`7h30m`, `1h 30m`, `1m30s`), or undefined
 * when the text is not one. A bare number (`"100"`) has no unit and is rejected. Negative durations
 * parse (`"-5s"` → -5000, `"-1h30m"` → -5,400,000) so that callers can say why they are wrong.
 * The unit conversion is the `ms` package's.
 * @example
 * parseDurationMs("1.5h")  // 5_400_000
 * parseDurationMs("7h30m") // 27_000_000
 * parseDurationMs("100")   // undefined
 */
export function parseDurationMs(text: string): number | undefined {
  if (typeof text !== "string") return undefined;
  const trimmed = text.trim();
  if (DURATION_SHAPE.test(trimmed)) return singleDurationMs(trimmed);
  if (trimmed.length > 100 || !COMPOUND_SHAPE.test(trimmed)) return undefined;
  const negative = trimmed.startsWith("-");
  let total = 0;
  COMPOUND_PART.lastIndex = negative ? 1 : 0;
  for (let m = COMPOUND_PART.exec(trimmed); m !== null; m = COMPOUND_PART.exec(trimmed)) {
    const part = singleDurationMs(m[1]!);
    if (part === undefined) return undefined;
    total += part;
  }
  return negative ? -total : total;
}

/** One number-unit part (the shape already checked) in ms through the `ms` package; undefined for a unit it does not know. */
function singleDurationMs(text: string): number | undefined {
  // The shape guarantees a unit; `ms` would read a bare number as milliseconds.
  const value = ms(text as ms.StringValue);
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * Events per second in a rate string `<number>/<unit>` with unit s, min, h or d, or undefined when
 * the text is not one. Negative and zero rates parse, so that callers can say why they are wrong.
 * @example
 * parseRatePerSec("3000/min") // 50
 * parseRatePerSec("10/h")     // 0.002777...
 */
export function parseRatePerSec(text: string): number | undefined {
  if (typeof text !== "string") return undefined;
  const match = RATE_SHAPE.exec(text.trim());
  if (match === null) return undefined;
  const unit = match[2]!.toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(RATE_UNITS, unit)) return undefined;
  const count = Number.parseFloat(match[1]!);
  return Number.isFinite(count) ? count / RATE_UNITS[unit as keyof typeof RATE_UNITS] : undefined;
}

/** Units used by `formatDuration`, largest first, in ms. */
const DISPLAY_UNITS: ReadonlyArray<readonly [string, number]> = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1000],
];

/**
 * A short duration for messages, in the largest unit that keeps the number at least 1, with at most
 * 3 decimals: 5_400_000 → "1.5h", 250 → "250ms", 0 → "0s". The result parses back with `parseDurationMs`.
 */
export function formatDuration(durationMs: number): string {
  if (!Number.isFinite(durationMs)) return String(durationMs);
  if (durationMs === 0) return "0s";
  const size = Math.abs(durationMs);
  for (const [unit, unitMs] of DISPLAY_UNITS) {
    if (size >= unitMs) return `${trimNumber(durationMs / unitMs)}${unit}`;
  }
  return `${trimNumber(durationMs)}ms`;
}

/** A rate for messages: 50 → "50/s", 0.1 → "6/min", 0.002 → "7.2/h". */
export function formatRate(ratePerSec: number): string {
  const size = Math.abs(ratePerSec);
  if (size >= 1 || size === 0) return `${trimNumber(ratePerSec)}/s`;
  if (size * 60 >= 1) return `${trimNumber(ratePerSec * 60)}/min`;
  if (size * 3600 >= 1) return `${trimNumber(ratePerSec * 3600)}/h`;
  return `${trimNumber(ratePerSec * 86_400)}/d`;
}

function trimNumber(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
