import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import YAML from "yaml";
import { RUNTIMES } from "../../src/scenario/runtimes.js";
import { parseDurationMs, parseRatePerSec } from "../../src/scenario/units.js";

/*
 * Scenarios as a fuzz campaign makes them (issue 12): the bundled scenarios and well-formed random
 * ones, each put through a few mutations (a field deleted, a value of the wrong type, an extreme
 * number, an odd unit, an unknown key, unicode, a duplicated function, an empty list), then bounded
 * (`boundWork`) so that every case simulates in milliseconds. fast-check shrinks a failing case to
 * the fewest, simplest mutations.
 */

/** A scenario as a file holds it: plain YAML/JSON data. */
export type RawScenario = Record<string, unknown>;

/** One step of a path into a scenario: a key or an array index. */
type Step = string | number;

/** The bundled scenarios (`scenarios/*.yaml`) parsed, by file name, in name order. */
export function bundledScenarios(scenariosDir: string): Array<{ file: string; raw: RawScenario }> {
  return readdirSync(scenariosDir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((file) => ({ file, raw: YAML.parse(readFileSync(join(scenariosDir, file), "utf8")) as RawScenario }));
}

// ---------------------------------------------------------------------------------------------
// Well-formed random scenarios
// ---------------------------------------------------------------------------------------------

const ms = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => `${n}ms`);
const perSec = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => `${n}/s`);
const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

/** A time distribution in any of the accepted forms, with small consistent parameters. */
const timeDist: fc.Arbitrary<unknown> = fc.oneof(
  ms(1, 2000).map((value) => ({ dist: "constant", value })),
  ms(1, 2000),
  ms(1, 2000).map((mean) => ({ dist: "exponential", mean })),
  fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })).map(([a, b]) => ({ dist: "uniform", min: `${a}ms`, max: `${a + b}ms` })),
  fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 200 })).map(([mean, sd]) => ({ dist: "normal", mean, sd })),
  fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 2000 })).map(([median, extra]) => ({ dist: "lognormal", median: `${median}ms`, p99: `${median + extra}ms` })),
  fc.tuple(fc.double({ min: 0, max: 7, noNaN: true }), fc.double({ min: 0.1, max: 2, noNaN: true })).map(([mu, sigma]) => ({ dist: "lognormal", mu, sigma })),
  fc.tuple(ms(1, 1000), fc.double({ min: 0.1, max: 3, noNaN: true })).map(([mean, cv]) => ({ dist: "gamma", mean, cv })),
  fc.tuple(fc.double({ min: 0.3, max: 5, noNaN: true }), ms(1, 1000)).map(([shape, scale]) => ({ dist: "gamma", shape, scale })),
  fc.tuple(fc.double({ min: 0.3, max: 5, noNaN: true }), ms(1, 1000)).map(([shape, scale]) => ({ dist: "weibull", shape, scale })),
  fc.tuple(ms(1, 500), fc.double({ min: 1.1, max: 4, noNaN: true })).map(([scale, alpha]) => ({ dist: "pareto", scale, alpha })),
  fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 6 }).map((samples) => ({ dist: "empirical", samples })),
  fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 10 })), { minLength: 1, maxLength: 4 }).map((histogram) => ({ dist: "empirical", histogram })),
);

const bursts = fc.option(
  fc.array(
    fc.record({ at: ms(0, 100_000), rate: perSec(1, 100), for: ms(1, 30_000) }, { noNullPrototype: true }),
    { minLength: 1, maxLength: 2 },
  ),
  { nil: undefined },
);

/** Arrivals of every synthetic kind at modest rates (traces come from the bundled scenarios). */
const arrivals: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(perSec(1, 100), bursts).map(([rate, b]) => ({ kind: "poisson", rate, ...(b ? { bursts: b } : {}) })),
  perSec(1, 100).map((rate) => ({ kind: "constant", rate })),
  fc
    .tuple(perSec(1, 100), fc.integer({ min: 1, max: 10 }), clock, fc.option(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7, maxLength: 7 }), { nil: undefined }))
    .map(([mean, peakToTrough, peakAt, weekly]) => ({ kind: "diurnal", mean, peakToTrough, peakAt, ...(weekly && weekly.some((w) => w > 0) ? { weekly } : {}) })),
  fc
    .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 4 }), fc.constantFrom("linear", "step"))
    .map(([hours, shape]) => ({ kind: "profile", shape, points: [...hours].sort((a, b) => a - b).map((h, i) => [`${String(h).padStart(2, "0")}:00`, `${(i % 3) * 20 + 5}/s`]) })),
  fc
    .array(fc.record({ rate: perSec(0, 100), meanHolding: ms(100, 60_000) }, { noNullPrototype: true }), { minLength: 2, maxLength: 3 })
    .map((states) => ({ kind: "mmpp", states: states.some((s) => s.rate !== "0/s") ? states : [{ ...states[0]!, rate: "10/s" }, ...states.slice(1)] })),
);

/** Provisioned concurrency in its three forms, small. */
const provisioned: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.uniqueArray(clock, { minLength: 1, maxLength: 3 }).chain((ats) =>
    fc.tuple(...ats.map((at) => fc.integer({ min: 0, max: 20 }).map((value) => ({ at, value })))).map((schedule) => ({ schedule })),
  ),
  fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.double({ min: 0.1, max: 1, noNaN: true })).map(([min, extra, target]) => ({
    targetTracking: { min, max: min + extra, target },
  })),
);

/** The invocation type with its event-source options (timeout kept below the SQS visibility timeout). */
const invocation: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant({ invocation: "sync" }),
  fc.record({ maxAttempts: fc.integer({ min: 1, max: 5 }), base: ms(1, 1000) }, { noNullPrototype: true }).map((clientRetries) => ({ invocation: "sync", clientRetries })),
  fc.record({ maximumRetryAttempts: fc.integer({ min: 0, max: 2 }), errorRate: fc.double({ min: 0, max: 1, noNaN: true }) }, { noNullPrototype: true }).map((r) => ({
    invocation: "async",
    ...r,
  })),
  fc
    .record(
      {
        batchSize: fc.integer({ min: 1, max: 10 }),
        batchingWindow: fc.integer({ min: 0, max: 5 }).map((s) => `${s}s`),
        maximumConcurrency: fc.integer({ min: 2, max: 20 }),
        visibilityTimeout: fc.integer({ min: 30, max: 120 }).map((s) => `${s}s`),
        maxReceiveCount: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: [], noNullPrototype: true },
    )
    .map((sqs) => ({ invocation: "sqs", timeout: "10s", sqs })),
  fc
    .record(
      {
        shards: fc.integer({ min: 1, max: 4 }),
        parallelizationFactor: fc.integer({ min: 1, max: 3 }),
        batchSize: fc.integer({ min: 1, max: 100 }),
        batchingWindow: fc.integer({ min: 0, max: 5 }).map((s) => `${s}s`),
        maximumRetryAttempts: fc.integer({ min: -1, max: 3 }),
      },
      { requiredKeys: [], noNullPrototype: true },
    )
    .map((stream) => ({ invocation: "stream", stream })),
);

/** One well-formed function named `f<i>`. */
function lambdaFunction(i: number): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.record(
        {
          runtime: fc.constantFrom(...RUNTIMES),
          architecture: fc.constantFrom("x86_64", "arm64"),
          memoryMB: fc.integer({ min: 128, max: 10_240 }),
          timeout: fc.integer({ min: 1, max: 900 }).map((s) => `${s}s`),
          duration: timeDist,
          coldStart: fc.oneof(fc.constant("auto"), timeDist),
          idleLifetime: timeDist,
          packageSizeMB: fc.integer({ min: 0, max: 50 }),
          reservedConcurrency: fc.integer({ min: 0, max: 50 }),
          provisionedConcurrency: provisioned,
          arrivals,
        },
        { requiredKeys: ["runtime", "duration", "arrivals"], noNullPrototype: true },
      ),
      invocation,
    )
    .map(([f, inv]) => {
      const out: Record<string, unknown> = { name: `f${i}`, ...f, ...inv };
      // Provisioned concurrency may not exceed a function's reservation: a well-formed scenario keeps it so.
      if (typeof out.reservedConcurrency === "number" && out.provisionedConcurrency !== undefined) delete out.provisionedConcurrency;
      if (inv.invocation === "sqs") out.timeout = "10s";
      return out;
    });
}

/** A small well-formed scenario: 1 to 3 functions, every arrival kind, distribution and invocation type. */
export const wellFormedScenario: fc.Arbitrary<RawScenario> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 120 }), fc.nat({ max: 2 ** 32 - 1 }))
  .chain(([n, seconds, seed]) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => lambdaFunction(i))).map((functions) => ({ name: "random", horizon: `${seconds}s`, seed, functions })),
  );

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

/** Numbers at the edges: zero, negatives, huge, tiny, non-integers, past 2^53, and YAML's .nan/.inf. */
const EXTREME_NUMBERS = [0, -0, -1, 0.5, 1e-320, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, 2 ** 32, 4294967295, NaN, Infinity, -Infinity, 1e21];

/** Strings a user (or a typo) puts where a time, a rate, a clock time or a number goes. */
const ODD_STRINGS = [
  "", " ", "5", "-1", "5 parsecs", "-1s", "1e9h", "0s", "0ms", "0.0001ms", "1.5m", "5 s", "5S", "5MS", " 5s", "5s ", "5mins", "5 hours",
  "1y", "1w", "5µs", "999999999999d", "5/s", "0/s", "-5/s", "5/parsec", "5 / min", "1e3/s", ".5/s", "5./h", "Infinity/s", "NaN",
  "Infinity", "-Infinity", "1e309", "0x10", "true", "null", "~", "14:00", "25:00", "24:00", "00:00", "08:60", "23:59:59", "auto", "none",
];

/** Strings with control characters, escapes, right-to-left marks, emoji and template syntax. */
const UNICODE_STRINGS = [
  "\u0000", "\u001b[31mred\u001b[0m", "\u202eevil", "é", "😀", "a\nb", "\t", "\\", "'", '"', "${x}", "%s%n", "{{x}}", "<script>",
  "\ufeffbom", "\r\n", "---", "- a", "? x", "&anchor", "*alias", "!!binary", "#comment",
];

/** Keys no schema has, including near-misses of real ones (names of Object.prototype's members: see UNSAFE_KEYS). */
const UNKNOWN_KEYS = ["memroyMB", "extra", "x-custom", "Name", " name", "name ", "", "0", "1e3", "kind2", "Dist", "$ref", "<<", "prototype", "__proto", "proto__"];

/**
 * Names of Object.prototype's members (__proto__, constructor, toString, valueOf, hasOwnProperty...).
 * At the top level of a scenario they once came back as "planned: issue #function Object()..." (issue 12
 * §4); now they are plain unknown names, and the CI test and `--unsafe-keys` put them in.
 */
export const UNSAFE_KEYS: readonly string[] = Object.getOwnPropertyNames(Object.prototype);

const scalar = fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null));

/** A value of some other type than most fields expect. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }).filter((k) => !UNSAFE_KEYS.includes(k)), scalar, { maxKeys: 3, noNullPrototype: true }),
  fc.constant([]),
  fc.constant({}),
);

/** Random text with any code points, short. */
const anyText = fc.string({ unit: "binary", maxLength: 12 });

/** What a mutation does at the path it picks. */
export type MutationOp =
  | { op: "delete" }
  | { op: "set"; value: unknown }
  | { op: "addKey"; key: string; value: unknown }
  | { op: "duplicateFunction"; rename: boolean }
  | { op: "empty" };

/** A mutation: which path (an index into the scenario's paths, modulo their count) and what to do there. */
export interface Mutation {
  at: number;
  what: MutationOp;
}

const mutationOp: fc.Arbitrary<MutationOp> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ op: "delete" } as const) },
  { weight: 3, arbitrary: wrongType.map((value) => ({ op: "set", value }) as const) },
  { weight: 3, arbitrary: fc.constantFrom(...EXTREME_NUMBERS).map((value) => ({ op: "set", value }) as const) },
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS).map((value) => ({ op: "set", value }) as const) },
  { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...UNICODE_STRINGS), anyText).map((value) => ({ op: "set", value }) as const) },
  { weight: 2, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...UNKNOWN_KEYS), fc.string({ maxLength: 8 }).filter((k) => !UNSAFE_KEYS.includes(k))), wrongType).map(([key, value]) => ({ op: "addKey", key, value }) as const) },
  { weight: 1, arbitrary: fc.boolean().map((rename) => ({ op: "duplicateFunction", rename }) as const) },
  { weight: 1, arbitrary: fc.constant({ op: "empty" } as const) },
);

/**
 * None (3 cases in 10: the base scenario as it is) or 1..`max` mutations; with `unsafeKeys`, some add
 * keys named like Object.prototype's members.
 */
export function mutations(max = 4, unsafeKeys = false): fc.Arbitrary<Mutation[]> {
  const op = unsafeKeys
    ? fc.oneof({ weight: 12, arbitrary: mutationOp }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...UNSAFE_KEYS), wrongType).map(([key, value]): MutationOp => ({ op: "addKey", key, value })) })
    : mutationOp;
  const some = fc.array(fc.record({ at: fc.nat(), what: op }, { noNullPrototype: true }), { minLength: 1, maxLength: max });
  return fc.oneof({ weight: 3, arbitrary: fc.constant<Mutation[]>([]) }, { weight: 7, arbitrary: some });
}

/** Every path inside `root` (objects' keys and arrays' indexes, depth first, in key order); the root itself excluded. */
export function pathsOf(root: unknown): Step[][] {
  const out: Step[][] = [];
  const walk = (node: unknown, path: Step[]): void => {
    if (Array.isArray(node)) node.forEach((v, i) => (out.push([...path, i]), walk(v, [...path, i])));
    else if (node !== null && typeof node === "object") {
      for (const k of Object.keys(node)) (out.push([...path, k]), walk((node as Record<string, unknown>)[k], [...path, k]));
    }
  };
  walk(root, []);
  return out;
}

function parentOf(root: unknown, path: readonly Step[]): Record<string | number, unknown> | unknown[] | undefined {
  let node: unknown = root;
  for (const step of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node !== null && typeof node === "object" ? (node as Record<string | number, unknown>) : undefined;
}

/**
 * Applies `m` to a deep copy of `raw`. The path is `paths[m.at % paths.length]`; adding a key goes
 * into the object at that path (or the root when the path holds no object).
 */
export function mutate(raw: RawScenario, list: readonly Mutation[]): RawScenario {
  const root = structuredClone(raw);
  for (const m of list) {
    const paths = pathsOf(root);
    const path = paths.length === 0 ? [] : paths[m.at % paths.length]!;
    const parent = parentOf(root, path);
    const last = path[path.length - 1];
    switch (m.what.op) {
      case "delete":
        if (parent === undefined || last === undefined) break;
        if (Array.isArray(parent)) parent.splice(last as number, 1);
        else delete (parent as Record<string, unknown>)[last];
        break;
      case "set":
        if (parent !== undefined && last !== undefined) (parent as Record<string | number, unknown>)[last] = structuredClone(m.what.value);
        break;
      case "empty": {
        if (parent === undefined || last === undefined) break;
        const v = (parent as Record<string | number, unknown>)[last];
        (parent as Record<string | number, unknown>)[last] = Array.isArray(v) ? [] : typeof v === "string" ? "" : {};
        break;
      }
      case "addKey": {
        const target = last === undefined ? root : (parentOf(root, [...path, 0]) as unknown);
        const obj = target !== null && typeof target === "object" && !Array.isArray(target) ? target : root;
        (obj as Record<string, unknown>)[m.what.key] = structuredClone(m.what.value);
        break;
      }
      case "duplicateFunction": {
        const fns = root.functions;
        if (!Array.isArray(fns) || fns.length === 0) break;
        const copy = structuredClone(fns[m.at % fns.length]) as unknown;
        if (m.what.rename && copy !== null && typeof copy === "object" && !Array.isArray(copy)) (copy as Record<string, unknown>).name = `copy${fns.length}`;
        fns.push(copy);
        break;
      }
    }
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// Bounding the work of a case
// ---------------------------------------------------------------------------------------------

/** Limits that keep one case to milliseconds: simulated time, arrival rates and trace multipliers. */
export const CASE_BOUNDS = {
  /** The most simulated time of a case (applied as `run --horizon` does). */
  horizonMs: 120_000,
  /** A warmup at least this long is cut to `warmup` below, so that it stays under the horizon. */
  warmupCutMs: 60_000,
  warmup: "30s",
  /** Arrival rates above this (anywhere in the scenario) are cut to it. */
  maxRatePerSec: 100,
  rate: "100/s",
  /** Trace `speedup` and `scale` above this are cut to it (a valid but huge one multiplies the arrivals). */
  maxTraceFactor: 10,
  /**
   * A trace `speedup` below this is raised to it: 1e-320 puts every arrival at Infinity and the refusal
   * reads "first arrival (at Infinity) ... like -Infinity" (issue 12 §4, the no-arrival message, fixed on another branch).
   */
  minTraceSpeedup: 1e-6,
} as const;

/**
 * The trace selectors of the bundled scenarios. Any other non-empty string (a mutation) matches no row
 * and the refusal reads "first arrival (at Infinity) ... like -Infinity" (issue 12 §4, fixed on another
 * branch), so `boundWork` drops such a selector.
 */
const BUNDLED_SELECTORS = new Set(["520dbd6b", "115ca7a2", "33429bc8", "734272c0"]);

/**
 * Cuts what would make a case slow but leaves every invalid value as it is: a valid warmup of a
 * minute or more, valid rates above 100/s, trace speedup/scale above 10. It also steers clear of
 * the known no-arrival message: a speedup below 1e-6 is raised, a trace selector of no bundled row dropped. Rates are found anywhere
 * (bursts, mmpp states, profile points), since a mutation may move them.
 */
export function boundWork(raw: RawScenario): RawScenario {
  const warmup = raw.warmup;
  if (typeof warmup === "string") {
    const w = parseDurationMs(warmup);
    if (w !== undefined && w >= CASE_BOUNDS.warmupCutMs) raw.warmup = CASE_BOUNDS.warmup;
  }
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    const o = node as Record<string | number, unknown>;
    const isTrace = !Array.isArray(node) && o.kind === "trace";
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (typeof v === "string") {
        const r = parseRatePerSec(v);
        if (r !== undefined && r > CASE_BOUNDS.maxRatePerSec) o[k] = CASE_BOUNDS.rate;
      } else if (isTrace && (k === "speedup" || k === "scale") && typeof v === "number" && v > CASE_BOUNDS.maxTraceFactor) {
        o[k] = CASE_BOUNDS.maxTraceFactor;
      } else if (isTrace && k === "speedup" && typeof v === "number" && v > 0 && v < CASE_BOUNDS.minTraceSpeedup) {
        o[k] = CASE_BOUNDS.minTraceSpeedup;
      } else if (isTrace && k === "select" && v !== null && typeof v === "object" && !Array.isArray(v)) {
        const select = v as Record<string, unknown>;
        for (const [key, value] of Object.entries(select)) if (typeof value === "string" && value !== "" && !BUNDLED_SELECTORS.has(value)) delete select[key];
      } else walk(v);
    }
  };
  walk(raw);
  return raw;
}

/** A fuzz case: the scenario data and whether it is written as JSON (else YAML). */
export interface FuzzCase {
  raw: RawScenario;
  json: boolean;
  /** Where the case came from: a bundled file name or "random". */
  origin: string;
}

/**
 * The campaign's cases: a bundled or a well-formed random scenario, 0..4 mutations, bounded;
 * written as YAML (3 in 4) or JSON. `unsafeKeys` adds keys named __proto__, constructor, toString.
 */
export function fuzzCase(bundled: ReadonlyArray<{ file: string; raw: RawScenario }>, opts: { unsafeKeys?: boolean } = {}): fc.Arbitrary<FuzzCase> {
  const base = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...bundled).map((b) => ({ origin: b.file, raw: b.raw })) },
    { weight: 2, arbitrary: wellFormedScenario.map((raw) => ({ origin: "random", raw })) },
  );
  return fc
    .tuple(base, mutations(4, opts.unsafeKeys ?? false), fc.nat({ max: 3 }))
    .map(([b, ms, format]) => ({ origin: b.origin, json: format === 0, raw: boundWork(mutate(b.raw, ms)) }));
}
