import type { DistSpec } from "./distribution.js";

/**
 * A distribution of times for people, its time parameters written by `time` (a report's rounded
 * "5.0 min", the explain command's exact "5m"): `uniform 5.0 min..7.0 min`, `lognormal, median 150 ms, p99 1.20 s`.
 */
export function describeTimes(d: DistSpec, time: (ms: number) => string): string {
  switch (d.dist) {
    case "constant":
      return `constant ${time(d.value)}`;
    case "exponential":
      return `exponential, mean ${time(d.mean)}`;
    case "uniform":
      return `uniform ${time(d.min)}..${time(d.max)}`;
    case "normal":
      return `normal, mean ${time(d.mean)}, sd ${time(d.sd)}`;
    case "lognormal":
      return "median" in d ? `lognormal, median ${time(d.median)}, p99 ${time(d.p99)}` : `lognormal, mu ${d.mu}, sigma ${d.sigma} (ln ms)`;
    case "gamma":
      return "mean" in d ? `gamma, mean ${time(d.mean)}, cv ${d.cv}` : `gamma, shape ${d.shape}, scale ${time(d.scale)}`;
    case "weibull":
      return `Weibull, shape ${d.shape}, scale ${time(d.scale)}`;
    case "pareto":
      return `Pareto, scale ${time(d.scale)}, alpha ${d.alpha}`;
    case "empirical":
      if ("samples" in d) return `empirical, ${d.samples.length} samples`;
      return d.file === undefined ? `empirical histogram, ${d.histogram.length} values` : `empirical from ${d.file}, ${countOf(d.histogram)} invocations`;
  }
}

/** Sum of a histogram's weights. */
function countOf(h: ReadonlyArray<readonly [number, number]>): number {
  let n = 0;
  for (const [, w] of h) n += w;
  return n;
}
