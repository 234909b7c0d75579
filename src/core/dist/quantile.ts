import type { DistSpec } from "./distribution.js";
import { inverseNormalCdf, logGamma, normalCdf } from "./special-functions.js";

/** z₀.₉₉ = Φ⁻¹(0.99), as lognormal.ts uses for its median/p99 form. */
const Z99 = inverseNormalCdf(0.99);

/**
 * The p-quantile (0 < p < 1) of a distribution spec, in its units: closed forms where they exist, the
 * inverse of the regularized incomplete gamma function (bisection) for gamma, and the discrete
 * quantile (smallest value with cumulative probability ≥ p) for empirical specs. O(1), O(n log n)
 * for empirical.
 * @example distQuantile({ dist: "lognormal", median: 120, p99: 900 }, 0.99) // 900
 */
export function distQuantile(spec: DistSpec, p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile: p must be in (0, 1), got ${p}`);
  switch (spec.dist) {
    case "constant":
      return spec.value;
    case "exponential":
      return -spec.mean * Math.log1p(-p);
    case "uniform":
      return spec.min + p * (spec.max - spec.min);
    case "normal": {
      const lo = normalCdf(((spec.min ?? -Infinity) - spec.mean) / spec.sd);
      const hi = normalCdf(((spec.max ?? Infinity) - spec.mean) / spec.sd);
      return spec.mean + spec.sd * inverseNormalCdf(lo + p * (hi - lo));
    }
    case "lognormal": {
      const mu = "median" in spec ? Math.log(spec.median) : spec.mu;
      const sigma = "median" in spec ? (Math.log(spec.p99) - mu) / Z99 : spec.sigma;
      return Math.exp(mu + sigma * inverseNormalCdf(p));
    }
    case "gamma": {
      const shape = "shape" in spec ? spec.shape : 1 / (spec.cv * spec.cv);
      const scale = "shape" in spec ? spec.scale : spec.mean * spec.cv * spec.cv;
      return scale * inverseGammaP(shape, p);
    }
    case "weibull":
      return spec.scale * Math.pow(-Math.log1p(-p), 1 / spec.shape);
    case "pareto":
      return spec.scale * Math.pow(1 - p, -1 / spec.alpha);
    case "empirical": {
      const pairs: Array<readonly [number, number]> = "samples" in spec ? spec.samples.map((v) => [v, 1] as const) : spec.histogram;
      const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
      const total = sorted.reduce((s, [, w]) => s + w, 0);
      let cumulative = 0;
      for (const [value, weight] of sorted) {
        cumulative += weight;
        if (cumulative >= p * total) return value;
      }
      return sorted[sorted.length - 1]![0];
    }
  }
}

/** x with P(k, x) = p, where P is the regularized lower incomplete gamma function; bisection to 1e-12. */
function inverseGammaP(k: number, p: number): number {
  let lo = 0;
  let hi = Math.max(1, k);
  while (gammaP(k, hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (gammaP(k, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Regularized lower incomplete gamma P(k, x): series below k + 1, Lentz continued fraction above (Numerical Recipes §6.2). */
function gammaP(k: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = k * Math.log(x) - x - logGamma(k);
  if (x < k + 1) {
    let term = 1 / k;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (k + n);
      sum += term;
    }
    return sum * Math.exp(logPrefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - k;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - k);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 - Math.exp(logPrefix) * h;
}
