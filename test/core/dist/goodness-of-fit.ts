// Test helpers: draw many samples and compare them with ground truth (moments, CDFs, quantiles).
import type { Distribution } from "../../../src/core/dist/distribution.js";
import { randomStream, type Rng } from "../../../src/core/random.js";

/** `n` draws from `dist` using the seeded stream (seed, "dist-test", purpose). */
export function draw(dist: Distribution, n: number, seed: number, purpose: string): Float64Array {
  const rng = randomStream(seed, "dist-test", purpose);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = dist.sample(rng);
  return out;
}

/** Sample mean and its standard error sqrt(s²/n), with s² the unbiased sample variance. */
export function meanAndStandardError(xs: Float64Array): { mean: number; se: number; sd: number } {
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  return { mean, se: sd / Math.sqrt(n), sd };
}

/** Kolmogorov–Smirnov statistic D = sup |F_n(x) − F(x)| of the samples against `cdf`. O(n log n). */
export function ksStatistic(xs: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/**
 * The 1% critical value of the one-sample KS statistic for n draws: 1.6276236 (the 0.99 quantile of
 * the Kolmogorov distribution, scipy kstwobign.ppf(0.99)) with Stephens' finite-n correction
 * (Stephens 1970, JRSS B 32: D·(√n + 0.12 + 0.11/√n) is nearly free of n).
 */
export function ksCritical1Percent(n: number): number {
  const r = Math.sqrt(n);
  return 1.6276236115189502 / (r + 0.12 + 0.11 / r);
}

/** Empirical p-quantile (type 7, as numpy's default) of the samples. */
export function quantile(xs: Float64Array, p: number): number {
  const sorted = Float64Array.from(xs).sort();
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Wraps `rng` and counts its calls. */
export function countingRng(rng: Rng): { rng: Rng; calls: () => number } {
  let calls = 0;
  return {
    rng: () => {
      calls++;
      return rng();
    },
    calls: () => calls,
  };
}
