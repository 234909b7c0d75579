/*
 * The unit strings of the scenario format as JSON Schema `pattern`s (ECMA-262 regular expressions
 * without flags), for the editor schema. Each pattern accepts exactly the text that the parser in
 * units.ts (or arrivals-schema.ts `timeOfDayMs`) reads as a number with that unit; whether the number
 * is in range is the validator's to say. JSON Schema patterns take no `i` flag, so every unit is
 * spelt in both cases (`[mM][sS]`).
 */

/** `ms` → `[mM][sS]`: a word matched in any case, as the parsers match it. */
function caseless(word: string): string {
  return word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

/**
 * The units the `ms` package reads (node_modules/ms/index.js, its parse regex), longest first so
 * that a reader of the pattern sees the full words.
 */
const DURATION_UNITS = [
  "milliseconds", "millisecond", "msecs", "msec", "ms",
  "seconds", "second", "secs", "sec", "s",
  "minutes", "minute", "mins", "min", "m",
  "hours", "hour", "hrs", "hr", "h",
  "days", "day", "d",
  "weeks", "week", "w",
  "years", "year", "yrs", "yr", "y",
];

/** One number and unit: digits with an optional fraction, or a fraction; at most one space before the unit. */
const DURATION_PART = String.raw`(?:\d+(?:\.\d+)?|\.\d+) ?(?:${DURATION_UNITS.map(caseless).join("|")})`;

/**
 * A duration: what units.ts `parseDurationMs` accepts, one part (`DURATION_SHAPE`, read by the `ms`
 * package) or a compound of parts with at most one space between them (`7h30m`), at most 100 characters
 * as `ms` reads no longer text.
 */
const DURATION_CORE = String.raw`(?=.{1,100}\s*$)-?${DURATION_PART}(?: ?${DURATION_PART})*`;

/** A duration with a unit (`250ms`, `1.5s`, `5m`, `24h`, `1 h`), with surrounding white space as `trim()` removes it. */
export const DURATION_PATTERN = String.raw`^\s*${DURATION_CORE}\s*$`;

/** Where the editor schema defines a duration string once (its pattern is long: every unit in both cases). */
export const DURATION_REF = "#/definitions/duration";

/** The editor schema's definition of a duration string. */
export const DURATION_DEFINITION = {
  type: "string",
  pattern: DURATION_PATTERN,
  patternErrorMessage: "a duration with a unit, like 250ms, 30s, 5m, 24h or 7h30m",
};

/** The rate units of units.ts RATE_UNITS (`/s`, `/min`, `/h`, `/d`), in any case. */
const RATE_UNIT = `(?:${["s", "min", "h", "d"].map(caseless).join("|")})`;

/** A rate number as units.ts `RATE_SHAPE` reads it: digits with an optional fraction (`1.` too), or a fraction. */
const RATE_NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)`;

/** A positive rate `<number>/<unit>`: no sign, and some digit other than 0 before the slash (`0/s` is no rate). */
export const RATE_PATTERN = String.raw`^\s*(?=[^/]*[1-9])${RATE_NUMBER}\s*/\s*${RATE_UNIT}\s*$`;

/** A rate that may be zero (`0/s`: an off state); a sign is read, so `-0/s` is zero too. */
export const RATE_OR_ZERO_PATTERN = String.raw`^\s*-?${RATE_NUMBER}\s*/\s*${RATE_UNIT}\s*$`;

/** A time of day: `HH:MM[:SS]` with hours 0..23, or a duration (below a day, which the validator checks). */
export const TIME_OF_DAY_PATTERN = String.raw`^\s*(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?|${DURATION_CORE})\s*$`;
