import { z } from "zod";
import type { ArrivalSpec, BurstSpec, TraceSelect } from "../workload/arrival-spec.js";
import { DAY_MS } from "../workload/rate-curve.js";
import { DEFAULTS, LIMITS } from "./defaults.js";
import { durationWithUnit, finiteNumber, oneOf, rate, strictObject } from "./leaves.js";
import { ALLOWED } from "./messages.js";
import { parseDurationMs, parseRatePerSec } from "./units.js";
import { jsonHint } from "./json-hints.js";
import { RATE_OR_ZERO_PATTERN, TIME_OF_DAY_PATTERN } from "./unit-patterns.js";

/*
 * `functions[].arrivals` (DESIGN.md "Scenario format"): poisson, constant, diurnal, profile, mmpp and
 * trace, each with optional bursts. Units are converted (times to ms, rates per second) and the
 * arrival defaults filled from DEFAULTS, producing the workload's ArrivalSpec.
 */

/** A rate ≥ 0 (`0/s` allowed: an off state, a quiet hour). */
function rateOrZero() {
  const text = jsonHint(z.string({ error: ALLOWED.rateOrZero }), {
    json: { type: "string", pattern: RATE_OR_ZERO_PATTERN, patternErrorMessage: ALLOWED.rateOrZero },
  });
  return text.transform((input, ctx) => {
    const perSec = parseRatePerSec(input);
    if (perSec === undefined || !(perSec >= 0)) {
      ctx.addIssue({ code: "custom", message: ALLOWED.rateOrZero, input });
      return z.NEVER;
    }
    return perSec;
  });
}

/**
 * The largest ratio allowed between two positive weekly weights. Beyond it the normalised curve is
 * degenerate: `[1, 1, 4294967296, 1, 1, 0.5, 0.5]` leaves every day but one at ~2·10⁻⁹ of the mean,
 * so a run on those days has no invocation. Real weekly shapes differ by a few times (weekend vs
 * weekday); a day with no traffic is a 0, which stays allowed.
 */
export const MAX_WEEKLY_SPREAD = 1000;

/** Largest over smallest positive weight (1 when there is at most one positive weight). */
function weeklySpread(w: readonly number[]): number {
  const positive = w.filter((x) => x > 0);
  return positive.length === 0 ? 1 : Math.max(...positive) / Math.min(...positive);
}

/** `"14:00"`, `"14:30:15"` or a duration below a day (`9h`, `13h30m`), to ms after midnight. */
function timeOfDay() {
  const text = jsonHint(z.union([z.string(), z.number()], { error: ALLOWED.arrivalTimeOfDay }), {
    json: { type: "string", pattern: TIME_OF_DAY_PATTERN, patternErrorMessage: ALLOWED.arrivalTimeOfDay },
  });
  return text.transform((input, ctx) => {
    const ms = typeof input === "string" ? timeOfDayMs(input) : undefined;
    if (ms === undefined) {
      ctx.addIssue({ code: "custom", message: ALLOWED.arrivalTimeOfDay, input });
      return z.NEVER;
    }
    return ms;
  });
}

/** Ms after midnight of `HH:MM[:SS]` or of a duration string in [0, 24h); undefined otherwise. */
export function timeOfDayMs(text: string): number | undefined {
  const clock = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/.exec(text.trim());
  if (clock !== null) {
    const h = Number(clock[1]);
    return h < 24 ? (h * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0)) * 1000 : undefined;
  }
  const ms = parseDurationMs(text);
  return ms !== undefined && ms >= 0 && ms < DAY_MS ? ms : undefined;
}

const burstSchema = strictObject(
  {
    at: durationWithUnit(ALLOWED.burstAt, (ms) => ms >= 0),
    rate: rate(),
    for: durationWithUnit(ALLOWED.burstFor, (ms) => ms > 0),
    every: durationWithUnit(ALLOWED.burstEvery, (ms) => ms >= LIMITS.arrivalShapeMinMs).optional(),
  },
  ALLOWED.burst,
).transform((b, ctx): BurstSpec => {
  if (b.every !== undefined && b.every < b.for) ctx.addIssue({ code: "custom", path: ["every"], message: ALLOWED.burstEvery, input: b.every });
  return { atMs: b.at, ratePerSec: b.rate, forMs: b.for, everyMs: b.every ?? null };
});

const bursts = jsonHint(z.array(burstSchema, { error: ALLOWED.bursts }), { define: "bursts" }).optional();

const poisson = strictObject({ kind: z.literal("poisson"), rate: rate(), bursts }, ALLOWED.arrivals);
const constant = strictObject({ kind: z.literal("constant"), rate: rate(), bursts }, ALLOWED.arrivals);

const diurnal = strictObject(
  {
    kind: z.literal("diurnal"),
    mean: rate(),
    peakToTrough: z.number({ error: ALLOWED.peakToTrough }).min(1, { error: ALLOWED.peakToTrough }),
    peakAt: timeOfDay(),
    weekly: z
      .array(z.number({ error: ALLOWED.weekly }).min(0, { error: ALLOWED.weekly }), { error: ALLOWED.weekly })
      .length(7, { error: ALLOWED.weekly })
      .refine((w) => w.reduce((a, b) => a + b, 0) > 0 && weeklySpread(w) <= MAX_WEEKLY_SPREAD, { error: ALLOWED.weekly })
      .optional(),
    bursts,
  },
  ALLOWED.arrivals,
);

const profilePoint = z.tuple([timeOfDay(), rateOrZero()], { error: ALLOWED.profilePoint });
const profile = strictObject(
  {
    kind: z.literal("profile"),
    points: z
      .array(profilePoint, { error: ALLOWED.profilePoints })
      .min(1, { error: ALLOWED.profilePoints })
      .superRefine((points, ctx) => {
        for (let i = 1; i < points.length; i++) {
          if (!(points[i]![0] > points[i - 1]![0])) ctx.addIssue({ code: "custom", path: [i, 0], message: `${ALLOWED.profilePoints} (times must increase)` });
        }
        if (!points.some((p) => p[1] > 0)) ctx.addIssue({ code: "custom", message: ALLOWED.profilePoints });
      }),
    shape: oneOf(ALLOWED.profileShape, ["linear", "step"]).optional(),
    bursts,
  },
  ALLOWED.arrivals,
);

const mmppState = strictObject(
  { rate: rateOrZero(), meanHolding: durationWithUnit(ALLOWED.meanHolding, (ms) => ms >= LIMITS.arrivalShapeMinMs) },
  ALLOWED.mmppState,
);
const mmpp = strictObject(
  {
    kind: z.literal("mmpp"),
    states: z
      .array(mmppState, { error: ALLOWED.mmppStates })
      .min(2, { error: ALLOWED.mmppStates })
      .refine((s) => s.some((x) => x.rate > 0), { error: ALLOWED.mmppStates }),
    transitions: z.array(z.array(z.number({ error: ALLOWED.mmppTransitions }), { error: ALLOWED.mmppTransitions }), { error: ALLOWED.mmppTransitions }).optional(),
    bursts,
  },
  ALLOWED.arrivals,
).superRefine((m, ctx) => {
  const t = m.transitions;
  if (t === undefined) return;
  const n = m.states.length;
  const ok =
    t.length === n &&
    t.every((row, i) => row.length === n && row[i] === 0 && row.every((x) => x >= 0 && Number.isFinite(x)) && row.reduce((a, b) => a + b, 0) > 0);
  if (!ok) ctx.addIssue({ code: "custom", path: ["transitions"], message: ALLOWED.mmppTransitions, input: t });
});

const traceKey = z.string({ error: ALLOWED.traceKey }).min(1, { error: ALLOWED.traceKey });
/** The trace rules across fields as the editor schema states them (the superRefine below checks them). */
const TRACE_FORMAT_JSON = [
  { if: { required: ["select"] }, then: { properties: { format: { not: { enum: ["timestamps", "cloudwatch"] } } } } },
  {
    if: { required: ["format"], properties: { format: { const: "azure2021" } } },
    then: { properties: { select: { not: { anyOf: [{ required: ["owner"] }, { required: ["trigger"] }] } } } },
  },
  { if: { required: ["withinMinute"] }, then: { properties: { format: { enum: ["azure2019", "cloudwatch"] } } } },
  { if: { anyOf: [{ required: ["metric"] }, { required: ["gaps"] }] }, then: { properties: { format: { const: "cloudwatch" } } } },
];
const trace = jsonHint(strictObject(
  {
    kind: z.literal("trace"),
    file: z.string({ error: ALLOWED.traceFile }).min(1, { error: ALLOWED.traceFile }),
    format: oneOf(ALLOWED.traceFormat, ["timestamps", "azure2019", "azure2021", "cloudwatch"]),
    metric: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: ALLOWED.traceMetric })
      .optional(),
    gaps: oneOf(ALLOWED.traceGaps, ["error", "zero"]).optional(),
    select: strictObject({ function: traceKey.optional(), app: traceKey.optional(), owner: traceKey.optional(), trigger: traceKey.optional() }, ALLOWED.traceSelect).optional(),
    withinMinute: oneOf(ALLOWED.withinMinute, ["uniform", "poisson"]).optional(),
    speedup: finiteNumber(ALLOWED.speedup, true).optional(),
    scale: finiteNumber(ALLOWED.traceScale, true).optional(),
    offset: durationWithUnit(ALLOWED.traceOffset, (ms) => Number.isFinite(ms)).optional(),
    durations: oneOf(ALLOWED.traceDurations, ["trace", "function"]).optional(),
    bursts,
  },
  ALLOWED.arrivals,
).superRefine((t, ctx) => {
  if (t.select !== undefined && t.format === "timestamps") ctx.addIssue({ code: "custom", path: ["select"], message: ALLOWED.traceSelectFormat, input: t.select });
  if (t.select !== undefined && t.format === "azure2021" && (t.select.owner !== undefined || t.select.trigger !== undefined)) {
    ctx.addIssue({ code: "custom", path: ["select"], message: ALLOWED.traceSelectAzure2021, input: t.select });
  }
  if (t.metric !== undefined && t.format !== "cloudwatch") ctx.addIssue({ code: "custom", path: ["metric"], message: ALLOWED.traceMetricFormat, input: t.metric });
  if (t.gaps !== undefined && t.format !== "cloudwatch") ctx.addIssue({ code: "custom", path: ["gaps"], message: ALLOWED.traceGapsFormat, input: t.gaps });
  if (t.select !== undefined && t.format === "cloudwatch") ctx.addIssue({ code: "custom", path: ["select"], message: ALLOWED.traceSelectCloudWatch, input: t.select });
  if (t.withinMinute !== undefined && t.format !== "azure2019" && t.format !== "cloudwatch") ctx.addIssue({ code: "custom", path: ["withinMinute"], message: ALLOWED.withinMinuteFormat, input: t.withinMinute });
}), { edit: (json) => void (json.allOf = TRACE_FORMAT_JSON) });

/** `functions[].arrivals`: every arrival kind, converted to the workload's ArrivalSpec with defaults filled. */
export const arrivalsSchema = z
  .discriminatedUnion("kind", [poisson, constant, diurnal, profile, mmpp, trace], {
    error: (iss) => (iss.code === "invalid_union" ? ALLOWED.arrivalKind : ALLOWED.arrivals),
  })
  .transform((a): ArrivalSpec => {
    const extra = a.bursts !== undefined && a.bursts.length > 0 ? { bursts: a.bursts } : {};
    switch (a.kind) {
      case "poisson":
      case "constant":
        return { kind: a.kind, ratePerSec: a.rate, ...extra };
      case "diurnal":
        return { kind: "diurnal", meanPerSec: a.mean, peakToTrough: a.peakToTrough, peakAtMs: a.peakAt, weekly: a.weekly ?? null, ...extra };
      case "profile":
        return { kind: "profile", points: a.points.map((p): [number, number] => [p[0], p[1]]), shape: a.shape ?? DEFAULTS.profileShape.value, ...extra };
      case "mmpp":
        return {
          kind: "mmpp",
          states: a.states.map((s) => ({ ratePerSec: s.rate, meanHoldingMs: s.meanHolding })),
          transitions: a.transitions ?? null,
          ...extra,
        };
      case "trace":
        return {
          kind: "trace",
          file: a.file,
          format: a.format,
          select: a.select === undefined ? null : cleanSelect(a.select),
          withinMinute: a.withinMinute ?? DEFAULTS.traceWithinMinute.value,
          speedup: a.speedup ?? DEFAULTS.traceSpeedup.value,
          scale: a.scale ?? DEFAULTS.traceScale.value,
          offsetMs: a.offset ?? DEFAULTS.traceOffsetMs.value,
          traceDurations: (a.durations ?? DEFAULTS.traceDurations.value) === "trace",
          ...(a.format === "cloudwatch" ? { metric: a.metric ?? null, gaps: a.gaps ?? DEFAULTS.traceGaps.value } : {}),
          ...extra,
        };
    }
  });

function cleanSelect(s: { function?: string | undefined; app?: string | undefined; owner?: string | undefined; trigger?: string | undefined }): TraceSelect {
  const out: TraceSelect = {};
  if (s.function !== undefined) out.function = s.function;
  if (s.app !== undefined) out.app = s.app;
  if (s.owner !== undefined) out.owner = s.owner;
  if (s.trigger !== undefined) out.trigger = s.trigger;
  return out;
}
