import { z } from "zod";
import type { DistSpec } from "../core/dist/distribution.js";
import { makeDistribution } from "../core/dist/make-distribution.js";
import { ALLOWED } from "./messages.js";
import type { DurationPer } from "../platform/config.js";
import { DURATION_JSON, finiteNumber, integer, numberIn, oneOf, strictObject, time } from "./leaves.js";
import { LIMITS } from "./defaults.js";
import { formatDuration, parseDurationMs } from "./units.js";
import { jsonHint, type JsonHint, type JsonSchema } from "./json-hints.js";

/*
 * Distributions of times (`duration`, `coldStart`, `idleLifetime`), parsed into `DistSpec` with every
 * time in ms. A time parameter is a duration string with a unit (`120ms`, `1.5s`) or a bare number,
 * which means milliseconds here (unlike top-level times such as `horizon` or `timeout`, which require
 * a unit). `mu` and `sigma` of a lognormal are numbers on the ln-ms scale; shapes, `cv`, `alpha` and
 * histogram weights are plain numbers.
 *
 * A normal distribution of a time is truncated below at 0 when it gives no `min` (a time cannot be
 * negative), so `{ dist: normal, mean: 100ms, sd: 50ms }` resolves to `min: 0`.
 */

type RefineCtx = z.RefinementCtx;

/** One parameter a form needs, and the phrase for it when it is missing. */
type Param = readonly [key: string, allowed: string];

/**
 * Checks that `o` uses exactly one of `forms` completely (e.g. lognormal: median and p99, or mu and
 * sigma), reporting a missing or mixed-in parameter at its own path.
 */
function checkForms(o: Record<string, unknown>, dist: string, forms: ReadonlyArray<readonly Param[]>, ctx: RefineCtx): void {
  const described = forms.map((f) => f.map(([k]) => k).join(" and ")).join(", or ");
  const takes = `${dist} takes ${described}`;
  const used = forms.filter((f) => f.some(([k]) => o[k] !== undefined));
  if (used.length === 0) {
    const [key, allowed] = forms[0]![0]!;
    ctx.addIssue({ code: "custom", path: [key], message: `${allowed}; ${takes}` });
    return;
  }
  if (used.length > 1) {
    const [key] = used[1]!.find(([k]) => o[k] !== undefined)!;
    ctx.addIssue({ code: "custom", path: [key], message: `either ${described} (${dist} takes one form, not a mix)` });
    return;
  }
  for (const [key, allowed] of used[0]!) {
    if (o[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: `${allowed}; ${takes}` });
  }
}

/** Optional memory-scaling keys, accepted by every variant and checked by the field that uses them. */
const SCALING = {
  atMemoryMB: integer(ALLOWED.memoryMB, LIMITS.memoryMB.min, LIMITS.memoryMB.max).optional(),
  cpuBound: numberIn(ALLOWED.cpuBound, 0, 1).optional(),
  threads: integer(ALLOWED.threads, 1, LIMITS.threadsMax).optional(),
  per: oneOf(ALLOWED.durationPer, ["message", "batch"]).optional(),
};

const constant = strictObject({ dist: z.literal("constant"), ...SCALING, value: time(false) }, ALLOWED.distribution);

const exponential = strictObject({ dist: z.literal("exponential"), ...SCALING, mean: time(true) }, ALLOWED.distribution);

const uniform = strictObject({ dist: z.literal("uniform"), ...SCALING, min: time(false), max: time(false) }, ALLOWED.distribution).superRefine(
  (o, ctx) => {
    if (o.max < o.min) ctx.addIssue({ code: "custom", path: ["max"], message: `a time ≥ min (${formatDuration(o.min)})` });
  },
);

const normal = strictObject(
  {
    dist: z.literal("normal"), ...SCALING,
    mean: time(false),
    sd: time(true),
    min: time(false).optional(),
    max: time(false).optional(),
  },
  ALLOWED.distribution,
).superRefine((o, ctx) => {
  const min = o.min ?? 0;
  if (o.max !== undefined && o.max <= min) {
    ctx.addIssue({ code: "custom", path: ["max"], message: `a time greater than min (${formatDuration(min)}${o.min === undefined ? ", the default" : ""})` });
    return;
  }
  // A truncation interval many sd away from the mean holds no probability mass in floating point;
  // the sampler's own check decides, so that validation and sampling agree.
  try {
    makeDistribution({ dist: "normal", mean: o.mean, sd: o.sd, min, max: o.max ?? Infinity });
  } catch {
    const range = `${formatDuration(min)}..${o.max === undefined ? "" : formatDuration(o.max)}`;
    ctx.addIssue({ code: "custom", path: ["mean"], message: `a mean within a few sd (${formatDuration(o.sd)}) of the range ${range}: this truncated normal has no probability mass` });
  }
});

const lognormal = jsonHint(strictObject(
  {
    dist: z.literal("lognormal"), ...SCALING,
    median: time(true).optional(),
    p99: time(true).optional(),
    mu: finiteNumber(ALLOWED.anyNumber + " (the mean of ln ms)", false).optional(),
    sigma: finiteNumber(ALLOWED.positiveNumber + " (the standard deviation of ln ms)", true).optional(),
  },
  ALLOWED.distribution,
).superRefine((o, ctx) => {
  checkForms(
    o,
    "lognormal",
    [
      [
        ["median", ALLOWED.timePositive],
        ["p99", ALLOWED.timePositive],
      ],
      [
        ["mu", ALLOWED.anyNumber],
        ["sigma", ALLOWED.positiveNumber],
      ],
    ],
    ctx,
  );
  if (o.median !== undefined && o.p99 !== undefined && o.p99 <= o.median) {
    ctx.addIssue({ code: "custom", path: ["p99"], message: `a time greater than median (${formatDuration(o.median)})` });
  }
}), { edit: formsJson([["median", "p99"], ["mu", "sigma"]]) });

const gamma = jsonHint(strictObject(
  {
    dist: z.literal("gamma"), ...SCALING,
    shape: finiteNumber(ALLOWED.positiveNumber, true).optional(),
    scale: time(true).optional(),
    mean: time(true).optional(),
    cv: numberIn(ALLOWED.gammaCv, LIMITS.gammaCv.min, LIMITS.gammaCv.max).optional(),
  },
  ALLOWED.distribution,
).superRefine((o, ctx) =>
  checkForms(
    o,
    "gamma",
    [
      [
        ["shape", ALLOWED.positiveNumber],
        ["scale", ALLOWED.timePositive],
      ],
      [
        ["mean", ALLOWED.timePositive],
        ["cv", ALLOWED.gammaCv],
      ],
    ],
    ctx,
  ),
), { edit: formsJson([["shape", "scale"], ["mean", "cv"]]) });

const weibull = strictObject(
  { dist: z.literal("weibull"), ...SCALING, shape: finiteNumber(ALLOWED.positiveNumber, true), scale: time(true) },
  ALLOWED.distribution,
);

const pareto = strictObject(
  { dist: z.literal("pareto"), ...SCALING, scale: time(true), alpha: finiteNumber(ALLOWED.positiveNumber, true) },
  ALLOWED.distribution,
);

const histogramPair = z.tuple([time(false), z.number({ error: ALLOWED.weight }).min(0, { error: ALLOWED.weight })], {
  error: ALLOWED.histogramPair,
});

const empirical = jsonHint(strictObject(
  {
    dist: z.literal("empirical"), ...SCALING,
    samples: z.array(time(false), { error: ALLOWED.samples }).min(1, { error: ALLOWED.samples }).optional(),
    histogram: z.array(histogramPair, { error: ALLOWED.histogram }).min(1, { error: ALLOWED.histogram }).optional(),
    file: z.string({ error: ALLOWED.empiricalFile }).min(1, { error: ALLOWED.empiricalFile }).optional(),
  },
  ALLOWED.distribution,
).superRefine((o, ctx) => {
  checkForms(o, "empirical", [[["samples", ALLOWED.samples]], [["histogram", ALLOWED.histogram]], [["file", ALLOWED.empiricalFile]]], ctx);
  if (o.histogram !== undefined && !(o.histogram.reduce((sum, [, w]) => sum + w, 0) > 0)) {
    ctx.addIssue({ code: "custom", path: ["histogram"], message: ALLOWED.histogram });
  }
}), { edit: formsJson([["samples"], ["histogram"], ["file"]]) });

/** The parsed form of one variant, before it becomes a DistSpec. */
type ParsedDist = z.output<typeof variants>;

const variants = z.discriminatedUnion("dist", [constant, exponential, uniform, normal, lognormal, gamma, weibull, pareto, empirical], {
  // A failure of the union itself: either not a mapping, or `dist` missing or unknown (reported at `.dist`).
  error: (iss) => (iss.code === "invalid_union" ? ALLOWED.distName : ALLOWED.distribution),
});

/**
 * A duration with a unit where a distribution goes (`idleLifetime: 10m`) is shorthand for a constant
 * (`{ dist: constant, value: 10m }`). A bare number is not: a distribution's numbers mean ms, a
 * field's plain times need a unit, and a bare number here would read as either.
 */
export function constantShorthand(input: unknown): unknown {
  return typeof input === "string" && parseDurationMs(input) !== undefined ? { dist: "constant", value: input } : input;
}

// The editor schema: a duration string (the constant shorthand) or one of the variants.
const distUnion = jsonHint(z.preprocess(constantShorthand, variants), { json: (render) => ({ anyOf: [DURATION_JSON, render(variants)] }) });

/** The object branches of a distribution's editor schema (the variants), for edits that apply to each. */
function variantBranches(json: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  const visit = (node: unknown) => {
    if (node === null || typeof node !== "object") return;
    const n = node as JsonSchema;
    if (n.type === "object") out.push(n);
    for (const key of ["anyOf", "oneOf"]) if (Array.isArray(n[key])) (n[key] as unknown[]).forEach(visit);
  };
  visit(json);
  return out;
}

/**
 * The editor schema of a distribution with parameter forms (lognormal: median and p99, or mu and
 * sigma): exactly one form, complete, and no key of another.
 */
function formsJson(forms: ReadonlyArray<readonly string[]>): JsonHint["edit"] {
  return (json) => {
    json.anyOf = forms.map((form) => {
      const others = forms.filter((f) => f !== form).flat();
      return { required: [...form], not: { anyOf: others.map((k) => ({ required: [k] })) } };
    });
  };
}

/** Converts a checked variant to the simulator's DistSpec (the forms were checked by the refinements). */
function toDistSpec(o: ParsedDist): DistSpec {
  switch (o.dist) {
    case "constant":
      return { dist: "constant", value: o.value };
    case "exponential":
      return { dist: "exponential", mean: o.mean };
    case "uniform":
      return { dist: "uniform", min: o.min, max: o.max };
    case "normal":
      return o.max === undefined
        ? { dist: "normal", mean: o.mean, sd: o.sd, min: o.min ?? 0 }
        : { dist: "normal", mean: o.mean, sd: o.sd, min: o.min ?? 0, max: o.max };
    case "lognormal":
      return o.median !== undefined && o.p99 !== undefined
        ? { dist: "lognormal", median: o.median, p99: o.p99 }
        : { dist: "lognormal", mu: o.mu!, sigma: o.sigma! };
    case "gamma":
      return o.shape !== undefined && o.scale !== undefined
        ? { dist: "gamma", shape: o.shape, scale: o.scale }
        : { dist: "gamma", mean: o.mean!, cv: o.cv! };
    case "weibull":
      return { dist: "weibull", shape: o.shape, scale: o.scale };
    case "pareto":
      return { dist: "pareto", scale: o.scale, alpha: o.alpha };
    case "empirical":
      if (o.samples !== undefined) return { dist: "empirical", samples: o.samples };
      // A log file is read when the scenario is loaded (scenario/duration-logs.ts), which fills the histogram.
      return o.file !== undefined ? { dist: "empirical", histogram: [], file: o.file } : { dist: "empirical", histogram: o.histogram! };
  }
}

/** The memory-scaling keys a `duration` distribution may carry beside its parameters. */
const SCALING_KEYS = ["atMemoryMB", "cpuBound", "threads", "per"] as const;

/** How a duration measured at one memory size scales to another (see platform/environments/duration-scaling.ts). */
export interface DurationScalingInput {
  atMemoryMB: number;
  cpuBound: number;
  threads: number;
}

/** A distribution of a time (ms), e.g. `{ dist: lognormal, median: 120ms, p99: 900ms }`, parsed to a DistSpec. */
export function timeDistribution() {
  const refined = distUnion.superRefine((o, ctx) => {
    for (const key of SCALING_KEYS) {
      if (o[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: ALLOWED.scalingOnlyOnDuration });
    }
  });
  // The editor schema leaves the scaling keys out, so that additionalProperties refuses them.
  const dropScaling = (json: JsonSchema) => variantBranches(json).forEach((b) => SCALING_KEYS.forEach((k) => delete (b.properties as JsonSchema)[k]));
  return jsonHint(refined, { edit: dropScaling, define: "timeDistribution" }).transform(toDistSpec);
}

/**
 * The `duration` distribution: a time distribution that may also say at which memory size it was
 * measured (`atMemoryMB`), which fraction of it is CPU-bound (`cpuBound`, required with
 * atMemoryMB) and how many threads use the CPU (`threads`, default 1).
 */
export function durationDistribution() {
  const refined = distUnion.superRefine((o, ctx) => {
    if (o.atMemoryMB === undefined) {
      for (const key of ["cpuBound", "threads"] as const) {
        if (o[key] !== undefined) ctx.addIssue({ code: "custom", path: ["atMemoryMB"], message: ALLOWED.atMemoryMBNeeded });
      }
    } else if (o.cpuBound === undefined) {
      ctx.addIssue({ code: "custom", path: ["cpuBound"], message: ALLOWED.cpuBound + "; required with atMemoryMB" });
    }
  });
  // The editor schema: cpuBound is required with atMemoryMB, and cpuBound and threads need atMemoryMB.
  const dependencies = { atMemoryMB: ["cpuBound"], cpuBound: ["atMemoryMB"], threads: ["atMemoryMB"] };
  const requireScaling = (json: JsonSchema) => variantBranches(json).forEach((b) => (b.dependencies = dependencies));
  return jsonHint(refined, { edit: requireScaling, define: "durationDistribution" }).transform(
    (o): { spec: DistSpec; scaling: DurationScalingInput | null; per: DurationPer | undefined } => ({
      spec: toDistSpec(o),
      per: o.per,
      scaling: o.atMemoryMB === undefined ? null : { atMemoryMB: o.atMemoryMB, cpuBound: o.cpuBound ?? 0, threads: o.threads ?? 1 },
    }),
  );
}
