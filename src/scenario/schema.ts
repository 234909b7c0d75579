import { z } from "zod";
import { arrivalsSchema } from "./arrivals-schema.js";
import { compareSchema } from "./compare-schema.js";
import type { DistSpec } from "../core/dist/distribution.js";
import { LIMITS } from "./defaults.js";
import { constantShorthand, durationDistribution, timeDistribution } from "./dist-schema.js";
import { sqsSchema, streamSchema } from "./event-source-schema.js";
import { provisionedSchema } from "./provisioned-schema.js";
import { capacityProvidersSchema, managedFunctionFields } from "./managed-schema.js";
import { MANAGED } from "./managed-defaults.js";
import { durationWithUnit, finiteNumber, integer, matching, numberIn, oneOf, strictObject } from "./leaves.js";
import { ALLOWED } from "./messages.js";
import { RUNTIMES } from "./runtimes.js";
import { jsonHint } from "./json-hints.js";
import { importedSchema } from "./imported-schema.js";

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

/**
 * `functions[].timeout`: whole seconds (Lambda configures timeouts in seconds), 1 s..5,400 s, the largest
 * any function may have (async or event-source on a capacity provider); resolve.ts checks each function's own maximum.
 */
export const timeoutSchema = durationWithUnit(
  ALLOWED.timeout,
  (ms) => ms >= LIMITS.timeoutMs.min && ms <= LIMITS.managedTimeoutMs.asyncOrEventSource && ms % 1000 === 0,
);

/**
 * `coldStart`: "auto" (the measured model, resolved later) or a time distribution. Not a zod union, so
 * that a distribution's own issues keep their paths (`coldStart.p99`) instead of one union failure.
 */
function coldStartSchema() {
  const dist = timeDistribution();
  const input = jsonHint(z.unknown(), { json: (render) => render(z.union([z.literal("auto"), dist])) });
  return input.transform((input, ctx): DistSpec | "auto" => {
    if (input === "auto") return "auto";
    input = constantShorthand(input);
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      ctx.addIssue({ code: "custom", message: ALLOWED.coldStart, input });
      return z.NEVER;
    }
    const parsed = dist.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  });
}

/** The editor schema of "`field` only with `invocation: kind`" (the validator's crossFieldIssues). */
const onlyWithInvocation = (field: string, kind: string) => ({
  if: { required: [field] },
  then: { required: ["invocation"], properties: { invocation: { const: kind } } },
});

/** Fields that belong to one invocation kind, as the editor schema states them (resolve.ts and event-source-schema.ts check them). */
const INVOCATION_FIELDS_JSON = [
  onlyWithInvocation("sqs", "sqs"),
  onlyWithInvocation("stream", "stream"),
  onlyWithInvocation("maximumRetryAttempts", "async"),
  onlyWithInvocation("maximumEventAge", "async"),
  // clientRetries: sync, the default, so invocation may be left out.
  { if: { required: ["clientRetries"] }, then: { properties: { invocation: { const: "sync" } } } },
];

/** The fields of one Lambda function. */
const FUNCTION_FIELDS = {
    name: matching(ALLOWED.functionName, /^[A-Za-z0-9_-]{1,64}$/),
    runtime: oneOf(ALLOWED.runtime, RUNTIMES),
    architecture: oneOf(ALLOWED.architecture, ["x86_64", "arm64"]).optional(),
    // Up to LMI's largest environment here; an on-demand function's 10,240 MB ceiling is checked in managed-schema.ts.
    memoryMB: integer(ALLOWED.memoryMB, LIMITS.memoryMB.min, MANAGED.maxEnvironment.memoryMB).optional(),
    timeout: timeoutSchema.optional(),
    reservedConcurrency: reservedConcurrencySchema.optional(),
    invocation: oneOf(ALLOWED.invocation, ["sync", "async", "sqs", "stream"]).optional(),
    sqs: sqsSchema.optional(),
    stream: streamSchema.optional(),
    errorRate: numberIn(ALLOWED.errorRate, 0, 1).optional(),
    // A number of KB (a constant) or a distribution whose numbers are KB (units refused in eventSourceIssues).
    payloadKB: z.union([numberIn(ALLOWED.payloadKB, 0, LIMITS.asyncPayloadKB), timeDistribution()], { error: ALLOWED.payloadKB }).optional(),
    maximumRetryAttempts: integer(ALLOWED.maximumRetryAttempts, LIMITS.asyncRetries.min, LIMITS.asyncRetries.max).optional(),
    clientRetries: strictObject(
      {
        maxAttempts: integer(ALLOWED.clientMaxAttempts, 1, 20).optional(),
        base: durationWithUnit(ALLOWED.clientBase, (ms) => ms > 0 && ms <= 3_600_000).optional(),
        cap: durationWithUnit(ALLOWED.clientCap, (ms) => ms > 0 && ms <= 3_600_000).optional(),
      },
      ALLOWED.clientRetries,
    ).optional(),
    maximumEventAge: durationWithUnit(
      ALLOWED.maximumEventAge,
      (ms) => ms >= LIMITS.maxEventAgeMs.min && ms <= LIMITS.maxEventAgeMs.max && ms % 1000 === 0,
    ).optional(),
    duration: durationDistribution(),
    coldStart: coldStartSchema().optional(),
    packageType: oneOf(ALLOWED.packageType, ["zip", "image"]).optional(),
    packageSizeMB: numberIn(ALLOWED.packageSizeMB, 0, LIMITS.imageMB).optional(),
    layers: integer(ALLOWED.layers, 0, LIMITS.layersMax).optional(),
    vpc: z.boolean({ error: ALLOWED.boolean }).optional(),
    snapStart: z.boolean({ error: ALLOWED.boolean }).optional(),
    ephemeralStorageMB: integer(ALLOWED.ephemeralStorageMB, LIMITS.ephemeralStorageMB.min, LIMITS.ephemeralStorageMB.max).optional(),
    idleLifetime: timeDistribution().optional(),
    maxLifetime: z.union([z.literal("none"), timeDistribution()], { error: ALLOWED.maxLifetime }).optional(),
    provisionedConcurrency: provisionedSchema.optional(),
    ...managedFunctionFields,
    arrivals: arrivalsSchema,
};

/** One Lambda function; `imported` cites the source of each field written by `lambdasim import config`. */
const functionSchema = jsonHint(strictObject(
  { ...FUNCTION_FIELDS, imported: importedSchema(Object.keys(FUNCTION_FIELDS)).optional() },
  ALLOWED.function,
), { edit: (json) => void (json.allOf = INVOCATION_FIELDS_JSON) });

/** Service-level objectives, each optional. */
const sloSchema = strictObject(
  {
    p99LatencyMs: finiteNumber(ALLOWED.p99LatencyMs, true).optional(),
    maxColdStartRate: numberIn(ALLOWED.fraction, 0, 1).optional(),
    maxThrottleRate: numberIn(ALLOWED.fraction, 0, 1).optional(),
  },
  ALLOWED.slo,
);

/** A scenario name: one plain path segment (no leading dot, so never "." or ".."), 1..64 characters. */
export const SCENARIO_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;

/** The fields of a whole scenario file. */
const SCENARIO_FIELDS = {
    // Not "." or "..": the name becomes a folder of --out (reports/<name>/), which must stay inside it.
    name: matching(ALLOWED.scenarioName, SCENARIO_NAME).optional(),
    description: z.string({ error: ALLOWED.description }).optional(),
    region: matching(ALLOWED.region, /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/).optional(),
    horizon: horizonSchema.optional(),
    warmup: warmupSchema.optional(),
    seed: seedSchema.optional(),
    account: strictObject(
      { preset: oneOf(ALLOWED.accountPreset, ["new"]).optional(), concurrencyLimit: concurrencyLimitSchema.optional() },
      ALLOWED.account,
    ).optional(),
    capacityProviders: capacityProvidersSchema.optional(),
    functions: z.array(functionSchema, { error: ALLOWED.functions }).min(1, { error: ALLOWED.functions }),
    slo: sloSchema.optional(),
    // What `lambdasim sweep` runs when no --set is given (the same syntax as --set).
    sweep: strictObject(
      {
        set: z.array(z.string({ error: ALLOWED.sweepAxis }), { error: ALLOWED.sweepAxes }).min(1, { error: ALLOWED.sweepAxes }),
        replications: integer(ALLOWED.replications, 1, 10_000).optional(),
      },
      ALLOWED.sweep,
    ).optional(),
    compare: compareSchema.optional(),
    pricing: strictObject(
      {
        freeTier: z.boolean({ error: ALLOWED.boolean }).optional(),
        frontDoor: oneOf(ALLOWED.frontDoor, ["none", "rest", "http", "url"]).optional(),
        monthHours: numberIn(ALLOWED.monthHours, 672, 744).optional(),
        savingsPlan: numberIn(ALLOWED.savingsPlan, 0, 1).optional(),
        date: matching(ALLOWED.pricingDate, /^\d{4}-\d{2}-\d{2}$/).optional(),
        catalog: matching(ALLOWED.pricingCatalog, /\S/).optional(),
      },
      ALLOWED.pricing,
    ).optional(),
};

/** A whole scenario file; `imported` cites the source of scenario fields written by `lambdasim import config` (`pricing.frontDoor`). */
export const scenarioSchema = strictObject(
  { ...SCENARIO_FIELDS, imported: importedSchema(Object.keys(SCENARIO_FIELDS)).optional() },
  ALLOWED.root,
);

/** A scenario as written in a file (what the schema accepts). */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** A scenario as parsed: checked, units converted (times in ms, rates per second), no defaults filled. */
export type ParsedScenario = z.output<typeof scenarioSchema>;

/** One function as parsed. */
export type ParsedFunction = ParsedScenario["functions"][number];
