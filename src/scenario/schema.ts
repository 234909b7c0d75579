import { z } from "zod";
import type { ArrivalSpec } from "../workload/arrival-spec.js";
import { LIMITS } from "./defaults.js";
import { durationDistribution, timeDistribution } from "./dist-schema.js";
import { durationWithUnit, finiteNumber, integer, matching, numberIn, oneOf, rate, strictObject } from "./leaves.js";
import { ALLOWED } from "./messages.js";
import { RUNTIMES } from "./runtimes.js";

/*
 * The scenario format (DESIGN.md "Scenario format", the subset modelled now) as a zod schema. Objects
 * are strict: an unknown key is an error. Parsing converts units (times to ms, rates to per second,
 * distributions to DistSpec) but fills no defaults: `resolveScenario` does that from DEFAULTS, so
 * that every default has one home and a source.
 */

/** `horizon`: a duration with a unit, > 0 and at most 400 days. */
export const horizonSchema = durationWithUnit(ALLOWED.horizon, (ms) => ms > 0 && ms <= LIMITS.horizonMaxMs);

/** `warmup`: a duration with a unit, ≥ 0 (less than the horizon is checked across fields). */
export const warmupSchema = durationWithUnit(ALLOWED.warmup, (ms) => ms >= 0 && ms <= LIMITS.horizonMaxMs);

/** `seed`: an unsigned 32-bit integer. */
export const seedSchema = integer(ALLOWED.seed, 0, LIMITS.seedMax);

/** `account.concurrencyLimit`. */
export const concurrencyLimitSchema = integer(ALLOWED.concurrencyLimit, 1);

/** `functions[].reservedConcurrency` (its sum is checked across functions). */
export const reservedConcurrencySchema = integer(ALLOWED.reservedConcurrency, 0);

/** `functions[].timeout`: whole seconds, 1 s..900 s (Lambda configures timeouts in seconds). */
const timeoutSchema = durationWithUnit(
  ALLOWED.timeout,
  (ms) => ms >= LIMITS.timeoutMs.min && ms <= LIMITS.timeoutMs.max && ms % 1000 === 0,
);

/** Arrival processes modelled now; rates per second. */
const arrivalsSchema = z
  .discriminatedUnion(
    "kind",
    [
      strictObject({ kind: z.literal("poisson"), rate: rate() }, ALLOWED.arrivals),
      strictObject({ kind: z.literal("constant"), rate: rate() }, ALLOWED.arrivals),
    ],
    { error: (iss) => (iss.code === "invalid_union" ? ALLOWED.arrivalKind : ALLOWED.arrivals) },
  )
  .transform((a): ArrivalSpec => ({ kind: a.kind, ratePerSec: a.rate }));

/** One Lambda function. */
const functionSchema = strictObject(
  {
    name: matching(ALLOWED.functionName, /^[A-Za-z0-9_-]{1,64}$/),
    runtime: oneOf(ALLOWED.runtime, RUNTIMES),
    architecture: oneOf(ALLOWED.architecture, ["x86_64", "arm64"]).optional(),
    memoryMB: integer(ALLOWED.memoryMB, LIMITS.memoryMB.min, LIMITS.memoryMB.max).optional(),
    timeout: timeoutSchema.optional(),
    reservedConcurrency: reservedConcurrencySchema.optional(),
    invocation: oneOf(ALLOWED.invocation, ["sync", "async"]).optional(),
    errorRate: numberIn(ALLOWED.errorRate, 0, 1).optional(),
    maximumRetryAttempts: integer(ALLOWED.maximumRetryAttempts, LIMITS.asyncRetries.min, LIMITS.asyncRetries.max).optional(),
    maximumEventAge: durationWithUnit(
      ALLOWED.maximumEventAge,
      (ms) => ms >= LIMITS.maxEventAgeMs.min && ms <= LIMITS.maxEventAgeMs.max && ms % 1000 === 0,
    ).optional(),
    duration: durationDistribution(),
    coldStart: timeDistribution(),
    idleLifetime: timeDistribution().optional(),
    maxLifetime: z.union([z.literal("none"), timeDistribution()], { error: ALLOWED.maxLifetime }).optional(),
    provisionedConcurrency: integer(ALLOWED.provisionedConcurrency, 0).optional(),
    arrivals: arrivalsSchema,
  },
  ALLOWED.function,
);

/** Service-level objectives, each optional. */
const sloSchema = strictObject(
  {
    p99LatencyMs: finiteNumber(ALLOWED.p99LatencyMs, true).optional(),
    maxColdStartRate: numberIn(ALLOWED.fraction, 0, 1).optional(),
    maxThrottleRate: numberIn(ALLOWED.fraction, 0, 1).optional(),
  },
  ALLOWED.slo,
);

/** A whole scenario file. */
export const scenarioSchema = strictObject(
  {
    name: matching(ALLOWED.scenarioName, /^[A-Za-z0-9._-]{1,64}$/).optional(),
    description: z.string({ error: ALLOWED.description }).optional(),
    region: matching(ALLOWED.region, /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/).optional(),
    horizon: horizonSchema.optional(),
    warmup: warmupSchema.optional(),
    seed: seedSchema.optional(),
    account: strictObject({ concurrencyLimit: concurrencyLimitSchema.optional() }, ALLOWED.account).optional(),
    functions: z.array(functionSchema, { error: ALLOWED.functions }).min(1, { error: ALLOWED.functions }),
    slo: sloSchema.optional(),
  },
  ALLOWED.root,
);

/** A scenario as written in a file (what the schema accepts). */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** A scenario as parsed: checked, units converted (times in ms, rates per second), no defaults filled. */
export type ParsedScenario = z.output<typeof scenarioSchema>;

/** One function as parsed. */
export type ParsedFunction = ParsedScenario["functions"][number];
