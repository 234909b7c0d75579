import type { Rng } from "../random.js";

/**
 * A random variable on numbers (milliseconds for durations). Implementations are monomorphic
 * classes with every field set in the constructor, so `sample` stays cheap in the hot loop.
 */
export interface Distribution {
  /** One draw using the uniform stream `rng`. Never allocates. */
  sample(rng: Rng): number;
  /** The exact mean of the (truncated, if applicable) distribution, for analytic checks. */
  mean(): number;
  /** A short human description, e.g. "lognormal(median 120, p99 900)". */
  describe(): string;
}

/**
 * Plain-data description of a distribution, as resolved from a scenario (times already in ms).
 * This is the form that crosses worker-thread boundaries; `makeDistribution` turns it into a sampler.
 */
export type DistSpec =
  | { dist: "constant"; value: number }
  | { dist: "exponential"; mean: number }
  | { dist: "uniform"; min: number; max: number }
  | { dist: "normal"; mean: number; sd: number; min?: number; max?: number }
  | { dist: "lognormal"; median: number; p99: number }
  | { dist: "lognormal"; mu: number; sigma: number }
  | { dist: "gamma"; shape: number; scale: number }
  | { dist: "gamma"; mean: number; cv: number }
  | { dist: "weibull"; shape: number; scale: number }
  | { dist: "pareto"; scale: number; alpha: number }
  | { dist: "empirical"; samples: number[] }
  | { dist: "empirical"; histogram: Array<[number, number]>; file?: string };

/*
 * An empirical histogram with `file` came from a log (a REPORT log's Duration or Init Duration): the
 * scenario is parsed with an empty histogram and the file is read when it is loaded, which fills it.
 */

/** The names accepted in `dist:`. */
export const DIST_NAMES = [
  "constant",
  "exponential",
  "uniform",
  "normal",
  "lognormal",
  "gamma",
  "weibull",
  "pareto",
  "empirical",
] as const;
export type DistName = (typeof DIST_NAMES)[number];
