import { z } from "zod";
import { ALLOWED, BARE_NUMBER_HINT } from "./messages.js";
import { parseDurationMs, parseRatePerSec } from "./units.js";
import { jsonHint } from "./json-hints.js";
import { DURATION_REF, RATE_PATTERN } from "./unit-patterns.js";

/** The editor schema of a duration string with a unit (its range is the validator's to check). */
export const DURATION_JSON = { $ref: DURATION_REF };

/*
 * The zod building blocks of the scenario schema. Each leaf reports exactly one message on any
 * failure: the `allowed` phrase of ALLOWED, which `resolveScenario` turns into an Issue's `allowed`.
 */

/**
 * Marks the message of an `unrecognized_keys` issue raised by `strictObject`: the marker, then the
 * object's fields separated by commas. `resolveScenario` splits it into one issue per unknown key.
 */
export const UNKNOWN_FIELDS_MARKER = "\u0000fields:";

/**
 * A strict object (unknown keys are errors) whose unknown-key issue lists its fields, and whose
 * other failures (not an object) read `allowed`.
 */
export function strictObject<S extends z.ZodRawShape>(shape: S, allowed: string) {
  const fields = Object.keys(shape).join(",");
  return z.strictObject(shape, {
    error: (iss) => (iss.code === "unrecognized_keys" ? UNKNOWN_FIELDS_MARKER + fields : allowed),
  });
}

/**
 * A duration string with an explicit unit (`30m`, `24h`), converted to ms and checked by `ok`.
 * Top-level times require a unit: a bare number is rejected with a hint.
 */
export function durationWithUnit(allowed: string, ok: (ms: number) => boolean) {
  // A number is read only to say that it needs a unit: the editor schema takes strings alone.
  const text = jsonHint(z.union([z.string(), z.number()], { error: allowed }), { json: DURATION_JSON });
  return text.transform((input, ctx) => {
    const ms = typeof input === "string" ? parseDurationMs(input) : undefined;
    if (ms === undefined || !ok(ms)) {
      const bare = typeof input === "number" || (input.trim() !== "" && Number.isFinite(Number(input)));
      ctx.addIssue({ code: "custom", message: bare ? `${allowed} (${BARE_NUMBER_HINT})` : allowed, input });
      return z.NEVER;
    }
    return ms;
  });
}

/**
 * A time inside a distribution: a duration string with a unit, or a bare number meaning ms.
 * Converted to ms; must be > 0 when `positive`, else ≥ 0.
 */
export function time(positive: boolean) {
  const allowed = positive ? ALLOWED.timePositive : ALLOWED.timeNonNegative;
  const bare = positive ? { type: "number", exclusiveMinimum: 0 } : { type: "number", minimum: 0 };
  const either = jsonHint(z.union([z.number(), z.string()], { error: allowed }), { json: { anyOf: [bare, DURATION_JSON] } });
  return either.transform((input, ctx) => {
    const ms = typeof input === "number" ? input : parseDurationMs(input);
    if (ms === undefined || !Number.isFinite(ms) || ms < 0 || (positive && ms === 0)) {
      ctx.addIssue({ code: "custom", message: allowed, input });
      return z.NEVER;
    }
    return ms;
  });
}

/** A rate string such as `50/s` or `3000/min`, converted to events per second; must be > 0. */
export function rate() {
  const text = jsonHint(z.string({ error: ALLOWED.rate }), { json: { type: "string", pattern: RATE_PATTERN, patternErrorMessage: ALLOWED.rate } });
  return text.transform((input, ctx) => {
    const perSec = parseRatePerSec(input);
    if (perSec === undefined || !(perSec > 0)) {
      ctx.addIssue({ code: "custom", message: ALLOWED.rate, input });
      return z.NEVER;
    }
    return perSec;
  });
}

/** An integer in [min, max] (max optional). */
export function integer(allowed: string, min: number, max?: number) {
  const base = z.number({ error: allowed }).int({ error: allowed }).min(min, { error: allowed });
  return max === undefined ? base : base.max(max, { error: allowed });
}

/** A finite number, > 0 when `positive` (else any). */
export function finiteNumber(allowed: string, positive: boolean) {
  const base = z.number({ error: allowed });
  return positive ? base.positive({ error: allowed }) : base;
}

/** A finite number in [min, max]. */
export function numberIn(allowed: string, min: number, max: number) {
  return z.number({ error: allowed }).min(min, { error: allowed }).max(max, { error: allowed });
}

/** A string matching `pattern`. */
export function matching(allowed: string, pattern: RegExp) {
  return z.string({ error: allowed }).regex(pattern, { error: allowed });
}

/** One of a fixed set of strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(allowed: string, values: T) {
  return z.enum(values, { error: allowed });
}
