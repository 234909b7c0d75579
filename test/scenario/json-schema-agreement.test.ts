import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { formatIssue, resolveScenario, type Issue } from "../../src/scenario/index.js";
import { ALLOWED } from "../../src/scenario/messages.js";
import { timeDistribution } from "../../src/scenario/dist-schema.js";
import { formatPath, valueAt } from "../../src/scenario/issues.js";
import { DURATION_PATTERN, RATE_OR_ZERO_PATTERN, RATE_PATTERN, TIME_OF_DAY_PATTERN } from "../../src/scenario/unit-patterns.js";
import { parseDurationMs, parseRatePerSec } from "../../src/scenario/units.js";
import { timeOfDayMs } from "../../src/scenario/arrivals-schema.js";
import { committedSchemaValidator, ROOT } from "../support/json-schema.js";

/*
 * The editor schema (schema/scenario.schema.json) and the validator (resolveScenario) agree on
 * generated scenarios: mutations of valid ones (fields deleted, values of the wrong type or out of
 * range, unknown keys, bad unit strings). Both ways, except for the rules below, which JSON Schema
 * cannot state: there the schema accepts more than the validator (never less), and each rule says how
 * to recognise the validator's issue. Trace files (that they exist and parse) are checked after
 * resolveScenario, by checkTraceFiles, so they are outside this comparison too.
 */

/** A rule of the validator that the schema does not state: its name, why, and how its issues look. */
interface SupersetRule {
  rule: string;
  why: string;
  explains: (issue: Issue) => boolean;
}

const re = (pattern: string) => new RegExp(pattern);
const UNIT_STRINGS = [re(DURATION_PATTERN), re(RATE_OR_ZERO_PATTERN), re(TIME_OF_DAY_PATTERN)];
const at = (path: RegExp, allowed: (text: string) => boolean) => (i: Issue) => path.test(i.path) && allowed(i.allowed);
const starts = (prefix: string) => (text: string) => text.startsWith(prefix);

/** Whether a rule explains `issue`, or, for a union that reports one issue for all its members (`maxLifetime`), every issue of the member the value is. */
function explained(issue: Issue): boolean {
  if (SUPERSET_RULES.some((r) => r.explains(issue))) return true;
  if (issue.allowed !== ALLOWED.maxLifetime || issue.value === null || typeof issue.value !== "object") return false;
  const inner = timeDistribution().safeParse(issue.value);
  return !inner.success && inner.error.issues.every((z) => explained({ path: `${issue.path}.${formatPath(z.path)}`, value: valueAt(issue.value, z.path), allowed: z.message }));
}

/** Every validator rule that the schema leaves out (schema-valid ⊇ validator-valid for these). */
const SUPERSET_RULES: SupersetRule[] = [
  {
    rule:
      "Lambda Managed Instances: a function on a capacity provider names a defined one, has a supported runtime, at least 2048 MB in whole vCPUs " +
      "that fit the instance, no provisioned or reserved concurrency or SnapStart, a maxConcurrency where no default is published; memoryGiBPerVCpu " +
      "and maxConcurrency only with a capacity provider; instance types in the catalog; minInstances × vCPUs ≤ maxVCpu; a Savings Plan within the catalog's deepest EC2 commitment; " +
      "memoryMB up to 32768 and 16 vCPUs on a capacity provider, up to 10240 elsewhere",
    why: "compares fields with other fields (the provider, the runtime, the ratio) and with the price catalog",
    explains: (i) =>
      (/^capacityProviders\./.test(i.path) && /instance type of the price catalog|minInstances|deepest EC2 commitment/.test(i.allowed)) ||
      (/^functions\[\d+\]\.memoryMB$/.test(i.path) && i.allowed === ALLOWED.memoryMB && typeof i.value === "number" && i.value > 10240) ||
      (/^functions\[\d+\]\.(capacityProvider|runtime|memoryMB|provisionedConcurrency|reservedConcurrency|snapStart|maxConcurrency|memoryGiBPerVCpu)$/.test(i.path) &&
        /capacity provider|capacityProvider|Lambda Managed Instances|whole number of vCPUs|an environment that fits one|at most 32768 MB|AWS publishes no default/.test(i.allowed)),
  },
  {
    rule: "the value of a unit string is in its field's range (horizon ≤ 400d, timeout 1..900 s in whole seconds, a rate > 0, a time of day < 24h, ...)",
    why: "a pattern checks the number and the unit, not the quantity they make",
    explains: (i) =>
      (typeof i.value === "string" && UNIT_STRINGS.some((p) => p.test(i.value as string))) ||
      // A duration where a distribution goes is a constant's value, and reported there (`duration: -5s`).
      (i.value === undefined && /\.(duration|coldStart|idleLifetime|maxLifetime)\.value$/.test(i.path) && i.allowed === ALLOWED.timeNonNegative),
  },
  {
    rule: "warmup < horizon",
    why: "compares two fields' values",
    explains: at(/^warmup$/, starts("a duration with a unit, less than horizon")),
  },
  {
    rule: "function names are unique",
    why: "uniqueItems compares whole items, not one field of them",
    explains: at(/^functions\[\d+\]\.name$/, starts("a name no other function has")),
  },
  {
    rule: "reserved (and provisioned) concurrency of all functions leaves 100 of the account's limit unreserved; provisioned ≤ reserved",
    why: "sums across list items and compares fields",
    explains: at(/^functions\[\d+\]\.(reservedConcurrency|provisionedConcurrency)$/, (t) => /may total at most|cannot exceed the function's reserved/.test(t)),
  },
  {
    rule: "the region has a price catalog; pricing.savingsPlan and compare discounts are within the catalog's largest; compare.ec2.instanceType is in the catalog",
    why: "depends on the bundled price catalog, not on the scenario",
    explains: (i) =>
      (i.path === "region" && i.allowed.startsWith(ALLOWED.regionWithCatalog)) ||
      (i.path === "pricing.savingsPlan" && i.allowed.includes("largest Compute Savings Plan")) ||
      /^compare\.(ec2|fargate)\.pricing\./.test(i.path) ||
      (i.path === "compare.ec2.instanceType" && i.allowed.startsWith("an EC2 instance type the price catalog has")),
  },
  {
    rule: "compare: function names one of the scenario's functions; min ≤ max instances or tasks; Fargate memory is offered with the task's vCPU",
    why: "compares a value with other fields (the functions' names, the minimum, the vCPU)",
    explains: (i) =>
      (i.path === "compare.function" && i.allowed.startsWith(ALLOWED.compareFunction)) ||
      (/^compare\.(ec2\.maxInstances|fargate\.maxTasks)$/.test(i.path) && i.allowed.startsWith(ALLOWED.fleetMax)) ||
      (i.path === "compare.fargate.memoryGB" && i.allowed.startsWith("a memory size in GB that Fargate offers with")),
  },
  {
    rule:
      "an invocation type's own fields: sqs only with invocation sqs, stream only with stream, maximumRetryAttempts, maximumEventAge " +
      "and payloadKB only with async, clientRetries only with sync, duration.per only with sqs or stream; payloadKB's numbers have no unit",
    why: "depends on another field's value (expressible with if/then; left to the validator for now)",
    explains: (i) =>
      [ALLOWED.sqsOnly, ALLOWED.streamOnly, ALLOWED.asyncOnly, ALLOWED.syncOnly, ALLOWED.durationPerBatchOnly, ALLOWED.payloadKBAsyncOnly, ALLOWED.payloadKB].includes(
        i.allowed as never,
      ),
  },
  {
    rule: "an SQS batch above 10 needs a batching window; the queue's visibility timeout ≥ the function's timeout",
    why: "compares a field with another field or its default",
    explains: (i) => i.allowed === ALLOWED.sqsBatchSizeWithoutWindow || /^functions\[\d+\]\.sqs\.visibilityTimeout$/.test(i.path),
  },
  {
    rule: "a zip package holds at most 250 MB; SnapStart needs a supported runtime, a zip package, 512 MB of /tmp and no provisioned concurrency",
    why: "depends on other fields' values (packageType, runtime, ephemeralStorageMB, provisionedConcurrency)",
    explains: (i) => i.allowed === ALLOWED.zipPackageSizeMB || /^functions\[\d+\]\.snapStart$|SnapStart/.test(i.path + " " + i.allowed),
  },
  {
    rule: "distribution parameters fit together: uniform max ≥ min, normal max > min with probability mass between them, lognormal p99 > median, and every distribution builds a sampler",
    why: "compares two parameters, or needs the sampler",
    explains: (i) => /^(a time ≥ min|a time greater than (min|median)|a mean within a few sd|a distribution the simulator can sample)/.test(i.allowed),
  },
  {
    rule: "arrival rules across values: a burst's every ≥ its for; profile times increase and some rate > 0; weekly weights sum > 0 and differ at most 1000× among positive ones; some MMPP state has a rate > 0; MMPP transitions form an n×n matrix with a zero diagonal and positive rows",
    why: "compares values inside a list, or a list's length with another's",
    explains: (i) =>
      i.allowed === ALLOWED.burstEvery ||
      i.allowed.startsWith(ALLOWED.profilePoints) ||
      i.allowed === ALLOWED.weekly ||
      i.allowed === ALLOWED.mmppStates ||
      i.allowed === ALLOWED.mmppTransitions,
  },
  {
    rule: "provisioned concurrency: each schedule time used once; target tracking max ≥ min",
    why: "compares values inside a list, or two fields",
    explains: (i) => i.allowed === `${ALLOWED.timeOfDay}, each used once` || i.allowed.startsWith(`${ALLOWED.trackingMax}, at least min`),
  },
];

/** A scenario that uses every part of the format once, valid (trace files are not opened here). */
const RICH: Record<string, unknown> = {
  name: "rich",
  description: "every field",
  region: "us-east-1",
  horizon: "2h",
  warmup: "5m",
  seed: 7,
  account: { concurrencyLimit: 2000 },
  functions: [
    {
      name: "api",
      runtime: "python3.12",
      architecture: "arm64",
      memoryMB: 1024,
      timeout: "30s",
      reservedConcurrency: 200,
      invocation: "sync",
      errorRate: 0.01,
      clientRetries: { maxAttempts: 3, base: "100ms", cap: "5s" },
      duration: { dist: "lognormal", mu: 4, sigma: 0.5, atMemoryMB: 512, cpuBound: 0.6, threads: 2 },
      coldStart: { dist: "gamma", mean: "300ms", cv: 0.4 },
      packageType: "zip",
      packageSizeMB: 20,
      layers: 2,
      vpc: true,
      snapStart: false,
      ephemeralStorageMB: 1024,
      idleLifetime: "10m",
      maxLifetime: { dist: "uniform", min: "4h", max: "8h" },
      provisionedConcurrency: { schedule: [{ at: "08:00", value: 50 }, { at: "20:00", value: 5 }] },
      arrivals: { kind: "diurnal", mean: "100/s", peakToTrough: 4, peakAt: "14:00", weekly: [1, 1, 1, 1, 1, 0.5, 0.5], bursts: [{ at: "1h", rate: "500/s", for: "5m", every: "1d" }] },
    },
    {
      name: "events",
      runtime: "nodejs22.x",
      invocation: "async",
      maximumRetryAttempts: 1,
      maximumEventAge: "1h",
      duration: { dist: "gamma", shape: 2, scale: "50ms" },
      maxLifetime: "none",
      provisionedConcurrency: { targetTracking: { target: 0.7, min: 1, max: 20, scaleOutAfter: "3m", scaleInAfter: "15m" } },
      arrivals: { kind: "profile", points: [["00:00", "5/s"], ["9h", "50/s"], ["18:00", "0/s"]], shape: "step" },
    },
    {
      name: "worker",
      runtime: "java21",
      invocation: "sqs",
      timeout: "30s",
      sqs: { batchSize: 20, batchingWindow: "5s", maximumConcurrency: 10, visibilityTimeout: "60s", maxReceiveCount: 3 },
      duration: { dist: "empirical", histogram: [[100, 3], ["250ms", 1]] },
      arrivals: { kind: "mmpp", states: [{ rate: "200/s", meanHolding: "2m" }, { rate: "0/s", meanHolding: "10m" }], transitions: [[0, 1], [1, 0]] },
    },
    {
      name: "stream",
      runtime: "provided.al2023",
      invocation: "stream",
      stream: { shards: 4, parallelizationFactor: 2, batchSize: 100, batchingWindow: "1s", maximumRecordAge: "1h", maximumRetryAttempts: -1 },
      duration: { dist: "weibull", shape: 1.5, scale: "80ms" },
      arrivals: { kind: "constant", rate: "10/s" },
    },
    {
      name: "replay",
      runtime: "dotnet8",
      duration: { dist: "normal", mean: "100ms", sd: "20ms", max: "300ms" },
      coldStart: "400ms",
      arrivals: { kind: "trace", file: "traces/x.csv", format: "azure2019", select: { function: "abc" }, withinMinute: "poisson", speedup: 2, scale: 0.5, offset: "-1h", durations: "function" },
    },
    {
      name: "misc",
      runtime: "ruby3.3",
      duration: { dist: "pareto", scale: "10ms", alpha: 2.5 },
      coldStart: { dist: "exponential", mean: "200ms" },
      idleLifetime: { dist: "constant", value: "6m" },
      arrivals: { kind: "poisson", rate: "1/min" },
    },
  ],
  slo: { p99LatencyMs: 500, maxColdStartRate: 0.05, maxThrottleRate: 0.01 },
  sweep: { set: ["functions.api.memoryMB=512,1024"], replications: 2 },
  compare: {
    function: "api",
    ec2: { instanceType: "m7g.large", slotsPerInstance: 2, targetUtilization: 0.7, minInstances: 1, maxInstances: 10, launchDelay: "3m", maxQueue: 100, pricing: { savingsPlan: 0.2 } },
    fargate: { vcpu: 1, memoryGB: 2, architecture: "arm64", slotsPerTask: 1, targetUtilization: 0.6, minTasks: 1, maxTasks: 10, launchDelay: "1m", maxQueue: 10, pricing: "spot" },
  },
  pricing: { freeTier: true, frontDoor: "http", monthHours: 730, savingsPlan: 0.1, date: "2025-08-01" },
};

const scenariosDir = resolve(ROOT, "scenarios");
const BASES: Array<{ name: string; doc: unknown }> = [
  { name: "rich", doc: RICH },
  ...readdirSync(scenariosDir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => ({ name: f, doc: YAML.parse(readFileSync(join(scenariosDir, f), "utf8")) as unknown })),
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Every path to a value inside `doc` (object keys and list items), the root excluded. */
function pathsOf(doc: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(doc)) doc.forEach((v, i) => (out.push([...prefix, i]), pathsOf(v, [...prefix, i], out)));
  else if (doc !== null && typeof doc === "object") for (const [k, v] of Object.entries(doc)) out.push([...prefix, k]), pathsOf(v, [...prefix, k], out);
  return out;
}

/** Values that are right somewhere and wrong elsewhere: numbers at and beyond bounds, unit strings good and bad, enum words. */
const POOL: Json[] = [
  0, -1, 1, 0.5, 1.5, 2, 7, 64, 100, 128, 512, 1000, 10240, 10241, 1e9, 4294967296, -0.5,
  "", "x", "auto", "none", "250ms", "-5s", "0s", "30s", "15m", "901s", "401d", "5 parsecs", "100", "1.5h", " 30s ", "1.s", "30S", "2 h",
  "50/s", "0/s", "-1/s", "3000 / MIN", "10/h", "5/fortnight", "14:00", "24:00", "9h", "23:59:59",
  "arm64", "sync", "async", "sqs", "stream", "zip", "image", "lognormal", "uniform", "poisson", "trace", "timestamps", "azure2021", "onDemand", "spot",
  true, false, null, [], {}, [1, 2], ["0h", "10/s"], { dist: "constant", value: "1ms" }, { savingsPlan: 0.3 }, { schedule: [] },
];

/** Keys that exist somewhere in the format, for unknown-key and misplaced-key mutations. */
const KEYS = ["memroyMB", "extra", "atMemoryMB", "cpuBound", "threads", "select", "withinMinute", "sqs", "stream", "ec2", "fargate", "every", "mu", "p99", "median", "samples", "histogram", "min", "max", "bursts", "owner"];

const valueArb: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...POOL) },
  { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.string({ maxLength: 8 })) },
);

/** One change to a document at a path chosen by `pick` (an index into its paths, modulo their number). */
type Mutation = { pick: number; kind: "delete" | "replace" | "addKey" | "nudge"; value: Json; key: string; factor: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  // An index taken modulo the number of paths: uniform over them (a double in [0, 1) would lean to the ends).
  pick: fc.nat({ max: 1_000_000 }),
  kind: fc.constantFrom("delete", "replace", "addKey", "nudge"),
  value: valueArb,
  key: fc.constantFrom(...KEYS),
  factor: fc.constantFrom(-1, 0, 1.5, 1000, 1e-3),
});

function applyMutation(doc: Json, m: Mutation): Json {
  const paths = pathsOf(doc);
  if (paths.length === 0) return doc;
  const path = paths[m.pick % paths.length]!;
  const parent = path.slice(0, -1).reduce<Json>((node, k) => (node as Record<string | number, Json>)[k]!, doc) as Record<string | number, Json> | Json[];
  const last = path[path.length - 1]!;
  const current = (parent as Record<string | number, Json>)[last]!;
  switch (m.kind) {
    case "delete":
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last as string];
      break;
    case "replace":
      (parent as Record<string | number, Json>)[last] = structuredClone(m.value);
      break;
    case "addKey":
      if (current !== null && typeof current === "object" && !Array.isArray(current)) current[m.key] = structuredClone(m.value);
      else (parent as Record<string | number, Json>)[last] = structuredClone(m.value);
      break;
    case "nudge":
      if (typeof current === "number") (parent as Record<string | number, Json>)[last] = current * m.factor + (m.factor === 0 ? 1 : 0);
      else if (typeof current === "string") (parent as Record<string | number, Json>)[last] = nudgeText(current, m.factor);
      break;
  }
  return doc;
}

/**
 * A unit string with its number scaled (`30s` × 1000 → `30000s`, × -1 → `-30s`, × 0 → `0s`), which
 * moves it across its field's range; other text is upper-cased or gets a stray suffix.
 */
function nudgeText(text: string, factor: number): string {
  const m = /^(\s*)(\d+(?:\.\d+)?|\.\d+)(.*)$/s.exec(text);
  if (m === null) return factor < 0 ? text.toUpperCase() : `${text} x`;
  return `${m[1]}${Number((Number(m[2]) * factor).toPrecision(6))}${m[3]}`;
}

/** The validator's verdict, with the issues the superset rules do not explain. */
function verdicts(doc: unknown, validate: ReturnType<typeof committedSchemaValidator>) {
  const resolved = resolveScenario(doc, { baseName: "generated" });
  const schemaValid = validate(doc) as boolean;
  const unexplained = resolved.ok ? [] : resolved.issues.filter((i) => !explained(i));
  return { validatorValid: resolved.ok, schemaValid, unexplained, issues: resolved.ok ? [] : resolved.issues, errors: validate.errors ?? [] };
}

describe("the editor schema and the validator", () => {
  const validate = committedSchemaValidator();

  it("both accept every base scenario of the property test", () => {
    for (const { name, doc } of BASES) {
      const v = verdicts(doc, validate);
      expect(v.validatorValid, `${name}: ${v.issues.map((i) => formatIssue(i)).join("; ")}`).toBe(true);
      expect(v.schemaValid, `${name}: ${JSON.stringify(v.errors)}`).toBe(true);
    }
  });

  it("agree on mutated scenarios, except where a listed rule makes the schema accept more", () => {
    const seen = { bothValid: 0, bothInvalid: 0, supersetOnly: 0 };
    fc.assert(
      fc.property(fc.nat({ max: BASES.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (base, mutations) => {
        // JSON, as an editor sees the document (YAML's -0 and the like become what JSON holds).
        let doc = JSON.parse(JSON.stringify(BASES[base]!.doc)) as Json;
        for (const m of mutations) doc = applyMutation(doc, m);
        doc = JSON.parse(JSON.stringify(doc)) as Json;
        const v = verdicts(doc, validate);
        // The schema never refuses what the validator accepts (an editor must not flag a working scenario).
        if (v.validatorValid && !v.schemaValid) throw new Error(`schema refuses a valid scenario: ${JSON.stringify(v.errors.slice(0, 3))}\n${JSON.stringify(doc)}`);
        // What the schema accepts, the validator accepts too, but for the listed rules.
        if (v.schemaValid && v.unexplained.length > 0) {
          throw new Error(`schema accepts what the validator refuses, by no listed rule: ${v.unexplained.map((i) => formatIssue(i)).join("; ")}\n${JSON.stringify(doc)}`);
        }
        if (v.validatorValid) seen.bothValid++;
        else if (v.schemaValid) seen.supersetOnly++;
        else seen.bothInvalid++;
      }),
      // AGREE_RUNS=20000 AGREE_SEED=n for a longer local run.
      { numRuns: Number(process.env.AGREE_RUNS ?? 1500), seed: Number(process.env.AGREE_SEED ?? 12) },
    );
    // The generator must exercise both sides, or the agreement says nothing.
    expect(seen.bothValid).toBeGreaterThan(100);
    expect(seen.bothInvalid).toBeGreaterThan(500);
  });

  it("lists each superset rule with a reason", () => {
    expect(SUPERSET_RULES.length).toBeGreaterThan(0);
    for (const r of SUPERSET_RULES) expect(r.why.length, r.rule).toBeGreaterThan(10);
  });
});

/** Text shaped like a unit string, with the near misses: signs, bare dots, spaces, case, unknown units. */
function unitTextArb(units: readonly string[], separator: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const space = fc.constantFrom("", " ", "  ", "\t", "\n");
  const digits = fc.nat({ max: 100_000 }).map(String);
  const numberText = fc.oneof(digits, fc.tuple(digits, digits).map(([a, b]) => `${a}.${b}`), digits.map((d) => `.${d}`), fc.constantFrom("1.", ".", "", "1e3", "00", "0"));
  const unit = fc.oneof(fc.constantFrom(...units), fc.constantFrom(...units).map((u) => u.toUpperCase()), fc.constantFrom("", "parsecs", "mss", "hh", "µs", "sec s"));
  const shaped = fc.tuple(space, fc.constantFrom("", "-", "+"), numberText, separator, unit, space).map((parts) => parts.join(""));
  return fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
}

const DURATION_UNIT_WORDS = ["ms", "msec", "msecs", "millisecond", "milliseconds", "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "d", "day", "days", "w", "week", "weeks", "y", "yr", "yrs", "year", "years"];

describe("the unit-string patterns of the editor schema", () => {
  it("accept exactly the durations that parseDurationMs reads", () => {
    const pattern = new RegExp(DURATION_PATTERN);
    fc.assert(
      fc.property(unitTextArb(DURATION_UNIT_WORDS, fc.constantFrom("", " ", "  ")), (text) => pattern.test(text) === (parseDurationMs(text) !== undefined)),
      { numRuns: 3000, seed: 5 },
    );
  });

  it("accept exactly the rates that parseRatePerSec reads, and as positive rates those above zero", () => {
    const any = new RegExp(RATE_OR_ZERO_PATTERN);
    const positive = new RegExp(RATE_PATTERN);
    fc.assert(
      fc.property(unitTextArb(["s", "min", "h", "d", "ms", "sec"], fc.constantFrom("/", " / ", "/ ", "  /", "", " ")), (text) => {
        const perSec = parseRatePerSec(text);
        return any.test(text) === (perSec !== undefined) && positive.test(text) === (perSec !== undefined && perSec > 0);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it("accept every time of day that the validator reads, and clock times exactly", () => {
    const pattern = new RegExp(TIME_OF_DAY_PATTERN);
    const clock = fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 70 }), fc.option(fc.nat({ max: 70 }))).map(([h, m, sec]) => `${h}:${String(m).padStart(2, "0")}${sec === null ? "" : `:${String(sec).padStart(2, "0")}`}`);
    fc.assert(
      fc.property(fc.oneof(clock, unitTextArb(DURATION_UNIT_WORDS, fc.constantFrom("", " "))), (text) => {
        const ms = timeOfDayMs(text);
        // A duration of a day or more reads as a duration but is out of range: the one superset case.
        return ms !== undefined ? pattern.test(text) : pattern.test(text) === (parseDurationMs(text) !== undefined);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });
});
