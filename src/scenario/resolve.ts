import type { z } from "zod";
import { provisionedMax, provisionedSchema } from "./provisioned-schema.js";
import { makeDistribution } from "../core/dist/make-distribution.js";
import { coldStartFieldIssues, coldStartFields } from "./cold-start-fields.js";
import { buildSqs, buildStream, eventSourceIssues } from "./event-source-schema.js";
import type { AsyncPayloadConfig, FunctionConfig, SimConfig } from "../platform/config.js";
import type { DistSpec } from "../core/dist/distribution.js";
import { DEFAULTS, LIMITS } from "./defaults.js";
import { formatPath, renderValue, valueAt, type Checked, type Issue } from "./issues.js";
import { UNKNOWN_FIELDS_MARKER } from "./leaves.js";
import { ALLOWED, unknownFieldText } from "./messages.js";
import { plannedFieldText, plannedValueText } from "./planned.js";
import {
  concurrencyLimitSchema,
  horizonSchema,
  reservedConcurrencySchema,
  scenarioSchema,
  seedSchema,
  timeoutSchema,
  warmupSchema,
  type ParsedFunction,
  type ParsedScenario,
} from "./schema.js";
import { formatDuration } from "./units.js";
import { reportFolderName } from "./report-folder-name.js";
import type { Slo } from "./slo.js";
import { CATALOGS, catalogWith, type CatalogOverlay, type PriceCatalog } from "../pricing/catalog/index.js";
import type { PricingOptions } from "../pricing/result-cost.js";
import { buildCompare, compareIssues, compareSchema, type CompareConfig } from "./compare-schema.js";
import { buildCapacityProviders, managedFunction, managedIssues } from "./managed-schema.js";
import { rawMemoryMB, type ComparedFunction } from "./compare-managed.js";
import type { CapacityProviderConfig } from "../platform/managed/managed-config.js";
import { isUnreadLog } from "./unread-log.js";

/** Service-level objectives, part of the scenario (`report/` checks results against them). */
export type { Slo };

/** A checked scenario: the simulator's input plus what only the report needs. */
export interface ResolvedScenario {
  sim: SimConfig;
  slo: Slo | null;
  description: string | null;
  /** Region of the price catalog. */
  region: string;
  pricing: PricingOptions;
  /** The prices the scenario is costed with: the region's bundled catalog, with the user's file over it. */
  catalog: PriceCatalog;
  /** The user's price file (`pricing.catalog`) as checked, or null; tasks carry it to worker threads. */
  catalogOverlay: CatalogOverlay | null;
  /** The `compare:` section with its defaults (EC2 / Fargate fleets for `lambdasim compare`); null when absent. */
  compare: CompareConfig | null;
}

/** Options of `resolveScenario`. */
export interface ResolveOptions {
  /** The file's name without extension: the default `name`. */
  baseName?: string;
  /**
   * The checked `pricing.catalog` file (read by `resolveScenarioData`, which does the I/O); "invalid" when
   * the file had issues (reported by the reader, so the catalog checks here are skipped).
   */
  catalogOverlay?: CatalogOverlay | "invalid";
}

/**
 * Validates a parsed YAML/JSON value against the scenario format and resolves it: units converted
 * (times in ms, rates per second), defaults filled from DEFAULTS, cross-field rules checked (unique
 * function names, warmup < horizon, reserved concurrency leaving 100 unreserved). Returns every issue
 * found, one per field path. `baseName` (the file's name without extension) is the default `name`.
 * @example
 * const r = resolveScenario(YAML.parse(text), { baseName: "checkout" });
 * if (!r.ok) r.issues.forEach((i) => console.error(formatIssue(i)));
 */
export function resolveScenario(raw: unknown, opts: ResolveOptions = {}): Checked<ResolvedScenario> {
  // A document that is not a mapping is described, escaped and cut, never echoed whole.
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return { ok: false, issues: [{ path: "", value: describeDocument(raw), allowed: ALLOWED.root }] };
  const parsed = scenarioSchema.safeParse(raw);
  const issues = parsed.success ? [] : fromZodIssues(parsed.error.issues, raw);
  issues.push(...crossFieldIssues(raw));
  const region = valueAt(raw, ["region"]);
  const overlay = opts.catalogOverlay === undefined || opts.catalogOverlay === "invalid" ? null : opts.catalogOverlay;
  const catalog = catalogWith(typeof region === "string" ? region : DEFAULTS.region.value, overlay);
  if (opts.catalogOverlay !== "invalid") issues.push(...pricingIssues(raw, catalog, overlay));
  if (catalog && opts.catalogOverlay !== "invalid") {
    // A function's memory bound depends on where it runs (10,240 MB on demand, 32,768 on a capacity provider):
    // the managed check, which knows, speaks for memoryMB before the schema's single range.
    const managed = managedIssues(raw, catalog);
    const memoryPaths = new Set(managed.filter((i) => /^functions\[\d+\]\.memoryMB$/.test(i.path)).map((i) => i.path));
    issues.splice(0, issues.length, ...managed.filter((i) => memoryPaths.has(i.path)), ...issues.filter((i) => !memoryPaths.has(i.path)), ...managed.filter((i) => !memoryPaths.has(i.path)));
  }
  // The compare section's cross-field and catalog checks, whenever the section itself parses.
  const compareRaw = valueAt(raw, ["compare"]);
  const compare = compareRaw === undefined ? undefined : compareSchema.safeParse(compareRaw);
  if (compare?.success && catalog) {
    const functions = valueAt(raw, ["functions"]);
    const names = Array.isArray(functions) ? functions.map((f) => valueAt(f, ["name"])).filter((n): n is string => typeof n === "string") : [];
    issues.push(...compareIssues(compare.data, names, catalog, comparedFunction(functions, compare.data.function)));
  }
  const unique = firstPerPath(issues);
  if (!parsed.success || unique.length > 0 || catalog === undefined) return { ok: false, issues: unique };
  const value = build(parsed.data, opts.baseName, catalog, overlay);
  const samplerProblems = samplerIssues(value.sim, raw);
  return samplerProblems.length > 0 ? { ok: false, issues: samplerProblems } : { ok: true, value };
}

/** The compared function of a raw scenario (`compare.function`, else the first) as compareManagedIssues reads it; undefined when it is not there. */
function comparedFunction(functions: unknown, name: string | undefined): ComparedFunction | undefined {
  if (!Array.isArray(functions)) return undefined;
  const index = name === undefined ? 0 : functions.findIndex((f) => valueAt(f, ["name"]) === name);
  const fn: unknown = functions[index];
  const runtime = valueAt(fn, ["runtime"]);
  if (index < 0 || typeof runtime !== "string") return undefined;
  const provider = valueAt(fn, ["capacityProvider"]);
  return { index, runtime, memoryMB: rawMemoryMB(valueAt(fn, ["memoryMB"])), ...(typeof provider === "string" ? { capacityProvider: provider } : {}) };
}

/**
 * A safety net: every distribution must build a sampler. The schema's checks should already
 * guarantee it; a sampler's RangeError (a bug guard in `core/`) becomes an Issue, never a crash.
 */
function samplerIssues(sim: SimConfig, raw: unknown): Issue[] {
  const issues: Issue[] = [];
  sim.functions.forEach((f, i) => {
    for (const key of ["duration", "coldStart", "idleLifetime", "maxLifetime"] as const) {
      const spec = f[key];
      if (spec === null) continue;
      if (isUnreadLog(spec)) continue; // read and checked when the scenario is loaded (duration-logs.ts)
      try {
        makeDistribution(spec);
      } catch (err) {
        const path = ["functions", i, key];
        const reason = err instanceof Error ? err.message : String(err);
        issues.push({ path: formatPath(path), value: valueAt(raw, path), allowed: `a distribution the simulator can sample (${reason})` });
      }
    }
  });
  return issues;
}

/**
 * Applies command-line overrides (`--seed 7`, `--horizon 2h`) to a resolved scenario, with the same
 * checks and messages as the file's fields; issues are reported at paths `--seed` and `--horizon`.
 */
export function applyOverrides(s: ResolvedScenario, o: { seed?: string; horizon?: string }): Checked<ResolvedScenario> {
  const issues: Issue[] = [];
  let seed = s.sim.seed;
  let horizonMs = s.sim.horizonMs;
  if (o.seed !== undefined) {
    const text = o.seed.trim();
    const parsed = /^\d+$/.test(text) ? seedSchema.safeParse(Number(text)) : undefined;
    if (parsed?.success) seed = parsed.data;
    else issues.push({ path: "--seed", value: o.seed, allowed: ALLOWED.seed });
  }
  if (o.horizon !== undefined) {
    const parsed = horizonSchema.safeParse(o.horizon);
    if (!parsed.success) issues.push({ path: "--horizon", value: o.horizon, allowed: firstMessage(parsed.error) });
    else if (parsed.data <= s.sim.warmupMs) {
      issues.push({ path: "--horizon", value: o.horizon, allowed: `a duration greater than the scenario's warmup (${formatDuration(s.sim.warmupMs)})` });
    } else horizonMs = parsed.data;
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { ...s, sim: { ...s.sim, seed, horizonMs } } };
}

/** zod issues → Issues: one per unknown key, planned-but-not-modelled fields and values named as such. */
function fromZodIssues(zodIssues: readonly z.core.$ZodIssue[], raw: unknown): Issue[] {
  const out: Issue[] = [];
  for (const iss of zodIssues) {
    if (iss.code === "unrecognized_keys") {
      const fields = iss.message.startsWith(UNKNOWN_FIELDS_MARKER) ? iss.message.slice(UNKNOWN_FIELDS_MARKER.length).split(",") : [];
      for (const key of iss.keys) {
        const path = [...iss.path, key];
        out.push({ path: formatPath(path), value: valueAt(raw, path), allowed: plannedFieldText(path) ?? unknownFieldText(key, fields) });
      }
      continue;
    }
    const value = valueAt(raw, iss.path);
    out.push({ path: formatPath(iss.path), value, allowed: plannedValueText(iss.path, value, iss.message) ?? iss.message });
  }
  return out;
}

/**
 * Rules across fields, checked on the raw input so that they are reported together with the schema's
 * issues (a field that is itself invalid is skipped here; the schema reports it).
 */
function crossFieldIssues(raw: unknown): Issue[] {
  const issues: Issue[] = [];
  const horizon = valueAt(raw, ["horizon"]);
  const warmup = valueAt(raw, ["warmup"]);
  const horizonMs = horizon === undefined ? DEFAULTS.horizonMs.value : parsedOrUndefined(horizonSchema, horizon);
  const warmupMs = warmup === undefined ? DEFAULTS.warmupMs.value : parsedOrUndefined(warmupSchema, warmup);
  if (horizonMs !== undefined && warmupMs !== undefined && warmupMs >= horizonMs) {
    const horizonText = `${formatDuration(horizonMs)}${horizon === undefined ? ", the default" : ""}`;
    issues.push({ path: "warmup", value: warmup, allowed: `a duration with a unit, less than horizon (${horizonText})` });
  }

  const functions = valueAt(raw, ["functions"]);
  if (!Array.isArray(functions)) return issues;

  const firstWithName = new Map<string, number>();
  functions.forEach((_, i) => {
    const name = valueAt(functions, [i, "name"]);
    if (typeof name !== "string") return;
    const first = firstWithName.get(name);
    if (first === undefined) firstWithName.set(name, i);
    else issues.push({ path: `functions[${i}].name`, value: name, allowed: `a name no other function has (functions[${first}] is also named ${name})` });
  });

  const limitRaw = valueAt(raw, ["account", "concurrencyLimit"]);
  const newAccount = valueAt(raw, ["account", "preset"]) === "new";
  const limit = limitRaw === undefined ? defaultConcurrencyLimit(newAccount) : parsedOrUndefined(concurrencyLimitSchema, limitRaw);
  if (limit === undefined) return issues;
  // lambda-limits.json concurrency.unreservedMinimum: reservations must leave 100 unreserved.
  const reservable = Math.max(0, limit - LIMITS.unreservedMinimum);
  let reservedSoFar = 0;
  for (let i = 0; i < functions.length; i++) {
    const value = valueAt(functions, [i, "reservedConcurrency"]);
    const reserved = value === undefined ? undefined : parsedOrUndefined(reservedConcurrencySchema, value);
    if (reserved === undefined) continue;
    if (reservedSoFar + reserved > reservable) {
      const others = reservedSoFar > 0 ? `, of which earlier functions reserve ${reservedSoFar}` : "";
      issues.push({
        path: `functions[${i}].reservedConcurrency`,
        value,
        allowed:
          `an integer 0..${Math.max(0, reservable - reservedSoFar)}: reserved concurrency of all functions may total at most ` +
          `${reservable} (account concurrencyLimit ${limit} minus the ${LIMITS.unreservedMinimum} that must stay unreserved${others})`,
      });
      break;
    }
    reservedSoFar += reserved;
  }
  issues.push(...provisionedIssues(functions, reservable, limit));
  issues.push(...coldStartFieldIssues(functions));
  issues.push(...eventSourceIssues(functions));
  functions.forEach((_, i) => {
    const timeout = valueAt(functions, [i, "timeout"]);
    const timeoutMs = timeout === undefined ? undefined : parsedOrUndefined(timeoutSchema, timeout);
    if (timeoutMs !== undefined) {
      const allowed = timeoutAllowed(timeoutMs, valueAt(functions, [i, "capacityProvider"]) !== undefined, valueAt(functions, [i, "invocation"]));
      if (allowed !== null) issues.push({ path: `functions[${i}].timeout`, value: timeout, allowed });
    }
    const clientRetries = valueAt(functions, [i, "clientRetries"]);
    const invocation = valueAt(functions, [i, "invocation"]);
    if (clientRetries !== undefined && (invocation === "sqs" || invocation === "stream")) {
      issues.push({ path: `functions[${i}].clientRetries`, value: clientRetries, allowed: ALLOWED.syncOnly });
    }
    if (invocation === "async") {
      if (clientRetries !== undefined) issues.push({ path: `functions[${i}].clientRetries`, value: clientRetries, allowed: ALLOWED.syncOnly });
      return;
    }
    for (const key of ["maximumRetryAttempts", "maximumEventAge"]) {
      const v = valueAt(functions, [i, key]);
      if (v !== undefined) issues.push({ path: `functions[${i}].${key}`, value: v, allowed: ALLOWED.asyncOnly });
    }
  });
  return issues;
}

/**
 * What a function's timeout must be when `timeoutMs` is past its own maximum (null when within it): 900 s
 * on demand (lambda-limits.json function.timeoutSeconds) and for sync invokes on a capacity provider,
 * 5,400 s for async and event-source invocations there (lambda-managed-instances.json function.timeout).
 */
function timeoutAllowed(timeoutMs: number, managed: boolean, invocation: unknown): string | null {
  const eventDriven = invocation === "async" || invocation === "sqs" || invocation === "stream";
  const lmi = LIMITS.managedTimeoutMs;
  const maxMs = managed ? (eventDriven ? lmi.asyncOrEventSource : lmi.sync) : LIMITS.timeoutMs.max;
  if (timeoutMs <= maxMs) return null;
  return managed
    ? `a duration 1s..${lmi.sync / 1000}s for a sync function on a capacity provider (lambda-managed-instances.json function.timeout: ` +
        `${lmi.asyncOrEventSource / 1000}s is for async and event-source invocations only)`
    : `a duration 1s..${maxMs / 1000}s on demand (lambda-limits.json function.timeoutSeconds; ${lmi.asyncOrEventSource / 1000}s only for async ` +
        `and event-source functions on a capacity provider, lambda-managed-instances.json function.timeout)`;
}

/**
 * The region needs prices (a bundled catalog, or the user's `pricing.catalog` file), and a savings
 * plan may not exceed the catalog's maximum discount. `catalog` is the effective one, if any.
 */
function pricingIssues(raw: unknown, catalog: PriceCatalog | undefined, overlay: CatalogOverlay | null): Issue[] {
  const file = valueAt(raw, ["pricing", "catalog"]);
  if (typeof file === "string" && /\S/.test(file) && overlay === null) return [{ path: "pricing.catalog", value: file, allowed: ALLOWED.pricingCatalogUnread }];
  if (!catalog) {
    const regionRaw = valueAt(raw, ["region"]);
    return [{ path: "region", value: regionRaw, allowed: `${ALLOWED.regionWithCatalog} (${Object.keys(CATALOGS).join(", ")}), ${ALLOWED.regionCatalogHint}` }];
  }
  const sp = valueAt(raw, ["pricing", "savingsPlan"]);
  const max = catalog.lambda.savingsPlanMaxDiscount;
  if (typeof sp === "number" && sp > max.value) {
    return [{ path: "pricing.savingsPlan", value: sp, allowed: `a discount 0..${max.value} (the largest Compute Savings Plan discount on Lambda, ${max.ref})` }];
  }
  return [];
}

/**
 * Provisioned concurrency may not exceed the function's reserved concurrency, and what functions
 * set aside (the larger of reserved and provisioned, each) must leave 100 unreserved
 * (lambda-limits.json concurrency.unreservedMinimum; AWS configuration-concurrency, source L5).
 */
function provisionedIssues(functions: unknown[], reservable: number, limit: number): Issue[] {
  const issues: Issue[] = [];
  const each = functions.map((_, i) => {
    const pcRaw = valueAt(functions, [i, "provisionedConcurrency"]);
    const resRaw = valueAt(functions, [i, "reservedConcurrency"]);
    const plan = pcRaw === undefined ? undefined : provisionedSchema.safeParse(pcRaw);
    // The most a schedule or target tracking can ask for must fit, as a fixed level must.
    const pc = plan?.success ? provisionedMax(plan.data) : 0;
    const reserved = typeof resRaw === "number" && Number.isInteger(resRaw) && resRaw >= 0 ? resRaw : undefined;
    return { pcRaw, pc, reserved, setAside: Math.max(reserved ?? 0, pc) };
  });
  // What every function sets aside, whatever their order: PC on one function and reserved concurrency on a later one compete for the same room.
  const allocated = each.reduce((sum, f) => sum + f.setAside, 0);
  for (let i = 0; i < each.length; i++) {
    const { pcRaw, pc, reserved, setAside } = each[i]!;
    if (reserved !== undefined && pc > reserved) {
      issues.push({
        path: `functions[${i}].provisionedConcurrency`,
        value: pcRaw,
        allowed: `at most ${reserved} environments at any time: provisioned concurrency cannot exceed the function's reserved concurrency (${reserved})`,
      });
      return issues;
    }
    const others = allocated - setAside;
    if (pc > (reserved ?? 0) && others + pc > reservable) {
      issues.push({
        path: `functions[${i}].provisionedConcurrency`,
        value: pcRaw,
        allowed:
          `at most ${Math.max(0, reservable - others)} environments: reserved and provisioned concurrency of all functions may total at most ` +
          `${reservable} (account concurrencyLimit ${limit} minus the ${LIMITS.unreservedMinimum} that must stay unreserved)`,
      });
      return issues;
    }
  }
  return issues;
}

/** The account's concurrency limit when the scenario gives none: a new account's reduced quota, or the default. */
function defaultConcurrencyLimit(newAccount: boolean): number {
  return newAccount ? DEFAULTS.newAccountConcurrencyLimit.value : DEFAULTS.concurrencyLimit.value;
}

/** `account` resolved: `concurrencyLimit` wins over `preset: new`, whose quota is flagged for the findings. */
function accountConfig(a: ParsedScenario["account"]): SimConfig["account"] {
  if (a?.concurrencyLimit !== undefined) return { concurrencyLimit: a.concurrencyLimit };
  if (a?.preset === "new") return { concurrencyLimit: DEFAULTS.newAccountConcurrencyLimit.value, newAccountQuota: true };
  return { concurrencyLimit: DEFAULTS.concurrencyLimit.value };
}

/** Fills the defaults and builds the simulator's configuration, priced with `catalog`. */
function build(p: ParsedScenario, baseName: string | undefined, catalog: PriceCatalog, catalogOverlay: CatalogOverlay | null): ResolvedScenario {
  const sim: SimConfig = {
    name: p.name ?? defaultName(baseName),
    seed: p.seed ?? DEFAULTS.seed.value,
    horizonMs: p.horizon ?? DEFAULTS.horizonMs.value,
    warmupMs: p.warmup ?? DEFAULTS.warmupMs.value,
    bucketMs: DEFAULTS.bucketMs.value,
    account: accountConfig(p.account),
    functions: [],
  };
  const providers = buildCapacityProviders(p.capacityProviders, catalog);
  sim.functions = p.functions.map((f) => buildFunction(f, catalog, providers));
  // Only with capacity providers, so that other scenarios' configs stay as they were.
  if (providers.length > 0) sim.capacityProviders = providers;
  let slo: Slo | null = null;
  if (p.slo !== undefined) {
    slo = {};
    if (p.slo.p99LatencyMs !== undefined) slo.p99LatencyMs = p.slo.p99LatencyMs;
    if (p.slo.maxColdStartRate !== undefined) slo.maxColdStartRate = p.slo.maxColdStartRate;
    if (p.slo.maxThrottleRate !== undefined) slo.maxThrottleRate = p.slo.maxThrottleRate;
  }
  const pricing: PricingOptions = {
    freeTier: p.pricing?.freeTier ?? false,
    frontDoor: p.pricing?.frontDoor ?? "none",
    monthHours: p.pricing?.monthHours ?? DEFAULTS.monthHours.value,
    savingsPlan: p.pricing?.savingsPlan ?? 0,
    date: p.pricing?.date ?? DEFAULTS.pricingDate.value,
  };
  const region = p.region ?? DEFAULTS.region.value;
  const compare = p.compare === undefined ? null : buildCompare(p.compare, sim.functions, catalog, pricing.frontDoor);
  return { sim, slo, description: p.description ?? null, region, pricing, catalog, catalogOverlay, compare };
}

function buildFunction(f: ParsedFunction, catalog: PriceCatalog, providers: readonly CapacityProviderConfig[]): FunctionConfig {
  const architecture = f.architecture ?? DEFAULTS.architecture.value;
  const memoryMB = f.memoryMB ?? DEFAULTS.memoryMB.value;
  // Lambda Managed Instances: the duration is what a request takes alone; its CPU part is shared, not scaled by memory.
  const managed = managedFunction(f, f.duration.scaling, providers);
  return {
    name: f.name,
    runtime: f.runtime,
    architecture,
    memoryMB,
    timeoutMs: f.timeout ?? DEFAULTS.timeoutMs.value,
    reservedConcurrency: f.reservedConcurrency ?? null,
    invocation: f.invocation ?? DEFAULTS.invocation.value,
    errorRate: f.errorRate ?? DEFAULTS.errorRate.value,
    async: {
      maximumRetryAttempts: f.maximumRetryAttempts ?? DEFAULTS.maximumRetryAttempts.value,
      maximumEventAgeMs: f.maximumEventAge ?? DEFAULTS.maximumEventAgeMs.value,
    },
    // Only on the functions they invoke, so that other functions' configs stay as they were.
    ...(f.invocation === "sqs" ? { sqs: buildSqs(f.sqs, f.duration.per) } : {}),
    ...(f.invocation === "stream" ? { stream: buildStream(f.stream, f.duration.per) } : {}),
    ...(f.payloadKB !== undefined ? { asyncPayload: asyncPayload(f.payloadKB, catalog) } : {}),
    clientRetries: f.clientRetries
      ? {
          maxAttempts: f.clientRetries.maxAttempts ?? DEFAULTS.clientRetries.value.maxAttempts,
          baseMs: f.clientRetries.base ?? DEFAULTS.clientRetries.value.baseMs,
          capMs: f.clientRetries.cap ?? DEFAULTS.clientRetries.value.capMs,
        }
      : null,
    duration: f.duration.spec,
    durationScaling: managed ? null : f.duration.scaling,
    ...coldStartFields(f, memoryMB, architecture),
    // A copy, so that no two functions share (and could mutate) the default object.
    idleLifetime: f.idleLifetime ?? structuredClone(DEFAULTS.idleLifetime.value),
    maxLifetime: f.maxLifetime === undefined || f.maxLifetime === "none" ? DEFAULTS.maxLifetime.value : f.maxLifetime,
    provisioned: f.provisionedConcurrency ?? { kind: "fixed", count: 0 },
    ...(managed ? { managed } : {}),
    arrivals: f.arrivals,
  };
}

/** `payloadKB` (a constant or a distribution of KB) with the catalog's request accounting of async events. */
function asyncPayload(payloadKB: number | DistSpec, catalog: PriceCatalog): AsyncPayloadConfig {
  const a = catalog.lambda.asyncPayload;
  return {
    payloadKB: typeof payloadKB === "number" ? { dist: "constant", value: payloadKB } : payloadKB,
    includedKB: a.includedKB.value,
    extraChunkKB: a.extraChunkKB.value,
    maxKB: a.maxKB.value,
  };
}

/** The file's base name made into a valid scenario name (SCENARIO_NAME), or "scenario" (a file named `...yaml` gives ".."). */
function defaultName(baseName: string | undefined): string {
  return reportFolderName(baseName ?? "");
}

/** What a document that is not a mapping holds, in words with a short escaped excerpt: `a string "abc..."`, `a list of 3 items`. */
function describeDocument(raw: unknown): string {
  if (Array.isArray(raw)) return `a list of ${raw.length} item${raw.length === 1 ? "" : "s"}, not a mapping`;
  if (typeof raw === "string") return `a string ${renderValue(raw)}, not a mapping`;
  return `${renderValue(raw)}, not a mapping`;
}

/** Keeps the first issue at each path: one clear message per field. */
function firstPerPath(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.path) ? false : (seen.add(i.path), true)));
}

function parsedOrUndefined<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
}

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? ALLOWED.horizon;
}
