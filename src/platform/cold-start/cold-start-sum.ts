import { Z99 } from "../../core/dist/lognormal.js";
import { inverseNormalCdf, normalCdf } from "../../core/dist/special-functions.js";

/** z₀.₉₉ = Φ⁻¹(0.99), the lognormal median/p99 form's constant (re-exported for bench/cold-start-fits.ts). */
export { Z99 };

/*
 * Quantiles of a sum of independent lognormal terms (a cold start = runtime INIT + package load), and of the
 * overlap rule that adds a VPC attachment to such a sum (overlapQuantiles), computed deterministically: every term but the last is discretised into equal-probability
 * atoms and convolved (atoms of the partial sum reduced back to ATOMS by block means of the sorted
 * sums), then the last term enters through its exact CDF, P(S ≤ t) = mean_i F_last(t − a_i), and each
 * quantile is found by bisection. Pure; used when a function is configured, never per cold start.
 */

/** A lognormal term: its median (ms) and sigma, the sd of its logarithm (0 = a constant). */
export interface LognormalTerm {
  readonly median: number;
  readonly sigma: number;
}

/** Atoms per discretised term (test/platform/cold-start/cold-start-sum.test.ts: p50 and p99 within 1 % of a 10⁶-draw Monte Carlo). */
const ATOMS = 400;

/** The lognormal term with this median and p99 (p99 ≥ median). */
export function termFromMedianP99(median: number, p99: number): LognormalTerm {
  return { median, sigma: Math.max(0, Math.log(p99 / median) / Z99) };
}

/** The p-quantile of one term. */
export function termQuantile(t: LognormalTerm, p: number): number {
  return t.median * Math.exp(t.sigma * inverseNormalCdf(p));
}

/**
 * Quantiles `ps` (each in (0,1)) of the sum of independent terms: `first` (a lognormal term, or measured
 * samples as equal-probability atoms) plus each of `rest`. O(n² log n) per middle term, O(n · 48) per quantile.
 * @example sumQuantiles({ median: 100, sigma: 0 }, [{ median: 50, sigma: 0 }], [0.5]) // [150]
 */
export function sumQuantiles(first: LognormalTerm | Float64Array, rest: readonly LognormalTerm[], ps: readonly number[], atomsPerTerm = ATOMS): number[] {
  if (rest.length === 0) {
    if (first instanceof Float64Array) throw new RangeError("sumQuantiles: samples alone have no term to add");
    return ps.map((p) => termQuantile(first, p));
  }
  const last = rest[rest.length - 1]!;
  let atoms = first instanceof Float64Array ? first : atomsOf(first, atomsPerTerm);
  for (const t of rest.slice(0, -1)) atoms = convolve(atoms, atomsOf(t, atoms.length));
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of atoms) {
    lo = Math.min(lo, a);
    hi = Math.max(hi, a);
  }
  return ps.map((p) => {
    let a = lo + termQuantile(last, 1e-9);
    let b = hi + termQuantile(last, 1 - 1e-9);
    for (let k = 0; k < 48; k++) {
      const m = (a + b) / 2;
      if (sumCdf(atoms, last, m) < p) a = m;
      else b = m;
    }
    return (a + b) / 2;
  });
}

/**
 * Quantiles `ps` of the comonotone overlap rule: q(p) = max(q_S(p), q_S(½) + q_V(p)), S = `first` + each of
 * `rest` (as sumQuantiles), V a lognormal term drawn at the same rank as S. A cold start with this rule is as
 * slow as the slower of its own S and S's median plus V: V lengthens the body of S by about its own size and
 * the slowest tail of S less or not at all (the VPC rule, fitted in bench/cold-start-fits.ts).
 * @example overlapQuantiles({ median: 100, sigma: 0 }, [], { median: 50, sigma: 0 }, [0.5]) // [150]
 */
export function overlapQuantiles(first: LognormalTerm, rest: readonly LognormalTerm[], v: LognormalTerm, ps: readonly number[]): number[] {
  const [median, ...qs] = sumQuantiles(first, rest, [0.5, ...ps]);
  return qs.map((q, i) => Math.max(q!, median! + termQuantile(v, ps[i]!)));
}

/** Equal-probability atoms of one term, at the mid-probabilities (i + ½)/ATOMS. */
function atomsOf(t: LognormalTerm, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = termQuantile(t, (i + 0.5) / n);
  return out;
}

/** The sum of two atom sets of the same size n, reduced to n atoms by block means of the sorted pairwise sums. */
function convolve(a: Float64Array, b: Float64Array): Float64Array {
  const all = new Float64Array(a.length * b.length);
  let k = 0;
  for (const x of a) for (const y of b) all[k++] = x + y;
  all.sort();
  const n = a.length;
  const out = new Float64Array(n);
  const block = b.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = i * block; j < (i + 1) * block; j++) s += all[j]!;
    out[i] = s / block;
  }
  return out;
}

/** P(atoms + last ≤ t). */
function sumCdf(atoms: Float64Array, last: LognormalTerm, t: number): number {
  let s = 0;
  for (const a of atoms) {
    const rest = t - a;
    if (rest <= 0) continue;
    s += last.sigma === 0 ? (rest >= last.median ? 1 : 0) : normalCdf(Math.log(rest / last.median) / last.sigma);
  }
  return s / atoms.length;
}
