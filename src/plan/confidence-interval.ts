import { mean, sampleStandardDeviation } from "simple-statistics";
import { studentTQuantile } from "./t-quantile.js";

/** A mean across replications with its two-sided 95 % t-interval; low/high null with fewer than 2 values. */
export interface MeanInterval {
  mean: number;
  low: number | null;
  high: number | null;
  /** Replications the mean is over. */
  n: number;
}

/** Two-sided 95 %: the 0.975 quantile of Student's t. */
const UPPER_P = 0.975;

/**
 * Mean of `values` and its 95 % confidence interval mean ± t(0.975, n−1) · s / √n, with s the
 * sample standard deviation (simple-statistics). Null when `values` is empty. O(n).
 * @example meanInterval([1, 2, 3, 4, 5]) // { mean: 3, low: 1.0367..., high: 4.9632..., n: 5 }
 */
export function meanInterval(values: readonly number[]): MeanInterval | null {
  const n = values.length;
  if (n === 0) return null;
  const m = mean(values as number[]);
  if (n < 2) return { mean: m, low: null, high: null, n };
  const half = (studentTQuantile(UPPER_P, n - 1) * sampleStandardDeviation(values as number[])) / Math.sqrt(n);
  return { mean: m, low: m - half, high: m + half, n };
}
