import { inverseNormalCdf } from "./special-functions.js";

/** A summary statistic of a duration: the mean, or the q-quantile (0 < q < 1). */
export type DurationStatistic = { kind: "mean"; value: number } | { kind: "quantile"; q: number; value: number };

/** A fitted lognormal and how far each given statistic is from the fit. */
export interface LognormalFit {
  /** Mean and sd of ln X (X in the statistics' unit). */
  mu: number;
  sigma: number;
  /** Per statistic: the value given, the fit's, and (fit − given)/given. */
  agreement: Array<{ statistic: string; given: number; fitted: number; relativeError: number }>;
}

/** The statistic's name: `mean`, `p50`, `p99`, `p99.9`. */
export function statisticName(s: DurationStatistic): string {
  return s.kind === "mean" ? "mean" : `p${Math.round(s.q * 1000) / 10}`;
}

/**
 * Fits a lognormal to a duration's summary statistics by least squares on the log scale: ln q_p =
 * mu + sigma·z_p for a percentile, ln mean = mu + sigma²/2 for the mean. For a given sigma the best
 * mu is the average residual; sigma is found by golden-section search on [1e-3, 5]. Needs two
 * statistics that are not the same; returns null otherwise (or for a value ≤ 0). O(statistics · 100).
 * @example fitLognormal([{ kind: "quantile", q: 0.5, value: 100 }, { kind: "quantile", q: 0.99, value: 1000 }]) // mu ln 100, sigma ln 10 / z₀.₉₉
 */
export function fitLognormal(stats: readonly DurationStatistic[]): LognormalFit | null {
  if (stats.some((s) => !(s.value > 0) || (s.kind === "quantile" && !(s.q > 0 && s.q < 1)))) return null;
  const distinct = new Set(stats.map(statisticName));
  if (distinct.size < 2) return null;
  const logs = stats.map((s) => Math.log(s.value));
  const offset = (s: DurationStatistic, sigma: number) => (s.kind === "mean" ? (sigma * sigma) / 2 : sigma * inverseNormalCdf(s.q));
  const muFor = (sigma: number) => stats.reduce((sum, s, i) => sum + logs[i]! - offset(s, sigma), 0) / stats.length;
  const sse = (sigma: number) => {
    const mu = muFor(sigma);
    return stats.reduce((sum, s, i) => sum + (logs[i]! - mu - offset(s, sigma)) ** 2, 0);
  };
  let lo = 1e-3;
  let hi = 5;
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 100; k++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (sse(a) <= sse(b)) hi = b;
    else lo = a;
  }
  const sigma = (lo + hi) / 2;
  const mu = muFor(sigma);
  const agreement = stats.map((s) => {
    const fitted = Math.exp(mu + offset(s, sigma));
    return { statistic: statisticName(s), given: s.value, fitted, relativeError: (fitted - s.value) / s.value };
  });
  return { mu, sigma, agreement };
}
