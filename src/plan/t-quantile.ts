import { logGamma } from "../core/dist/special-functions.js";

/** Continued-fraction terms evaluated before giving up (converges in < 100 for the arguments used here). */
const MAX_TERMS = 300;
/** Relative change at which the continued fraction has converged. */
const EPS = 1e-15;
/** Smallest magnitude kept in Lentz's method, so no denominator is exactly 0. */
const TINY = 1e-300;

/**
 * Regularized incomplete beta function I_x(a, b), by the continued fraction of Numerical Recipes
 * (Press et al., 3rd ed., §6.4, `betacf`, evaluated with Lentz's method), using the symmetry
 * I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges faster. O(number of terms).
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    // Even step of the fraction.
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPS) break;
  }
  return h;
}

/**
 * Student's t cumulative distribution function with `df` degrees of freedom:
 * P(T ≤ t) = 1 − ½ I_{df/(df+t²)}(df/2, ½) for t ≥ 0, symmetric below 0. O(1) (bounded series).
 */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * Quantile of Student's t distribution: the t with P(T ≤ t) = p, for 0 < p < 1 and df > 0, by
 * bisection on the CDF to full double precision (about 1,100 bisection steps at most, each O(1)).
 * Throws RangeError outside those domains (a bug: callers pass 0.975 and n − 1 ≥ 1).
 * @example studentTQuantile(0.975, 4) // 2.7764451051977987 (tables: 2.776)
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError(`studentTQuantile: p must be in (0, 1) and df > 0 (got p=${p}, df=${df})`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  // Bracket: double the upper end until the CDF passes p (t(0.9999999, 1) ≈ 3.2e6).
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Infinity;
  }
  for (;;) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) return mid; // adjacent doubles: converged
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
}
