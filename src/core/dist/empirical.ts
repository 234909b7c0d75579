import type { Rng } from "../random.js";
import type { Distribution } from "./distribution.js";
import { requireFinite } from "./param-checks.js";

/**
 * Empirical distribution over recorded samples: each sample is drawn with probability 1/n
 * (bootstrap resampling). Values are copied into a Float64Array; one rng call per sample, O(1).
 */
export class EmpiricalSamplesDistribution implements Distribution {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** The samples, copied. */
  declare readonly values: Float64Array;
  /** Their arithmetic mean. */
  private declare readonly average: number;

  /** Copies `samples` (non-empty, all finite). O(n). */
  constructor(samples: ArrayLike<number>) {
    if (samples.length === 0) throw new RangeError("empirical: samples must not be empty");
    const values = Float64Array.from(samples);
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
      requireFinite("empirical", `samples[${i}]`, values[i]!);
      sum += values[i]!;
    }
    this.values = values;
    this.average = sum / values.length;
  }

  /** A uniformly chosen stored sample. */
  sample(rng: Rng): number {
    const n = this.values.length;
    const i = (rng() * n) | 0;
    // u·n can round up to n when u is within an ulp of 1.
    return this.values[i < n ? i : n - 1]!;
  }

  /** The mean of the stored samples. */
  mean(): number {
    return this.average;
  }

  describe(): string {
    return `empirical(${this.values.length} samples)`;
  }
}

/**
 * Discrete distribution over histogram values, each drawn with probability proportional to its
 * weight. One rng call and a binary search over the cumulative weights per sample, O(log n).
 */
export class EmpiricalHistogramDistribution implements Distribution {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** The values, in the order given. */
  declare readonly values: Float64Array;
  /** Cumulative weights: cumulative[i] = w₀ + … + wᵢ. */
  private declare readonly cumulative: Float64Array;
  /** Sum of the weights. */
  private declare readonly totalWeight: number;
  /** Index of the last value with positive weight, the upper end of the search. */
  private declare readonly lastPositive: number;
  /** Weighted mean of the values. */
  private declare readonly average: number;

  /** Copies `histogram` ([value, weight] pairs, weights ≥ 0 with a positive sum). O(n). */
  constructor(histogram: ReadonlyArray<readonly [number, number]>) {
    const n = histogram.length;
    if (n === 0) throw new RangeError("empirical: histogram must not be empty");
    const values = new Float64Array(n);
    const cumulative = new Float64Array(n);
    let total = 0;
    let weighted = 0;
    let lastPositive = -1;
    for (let i = 0; i < n; i++) {
      const [value, weight] = histogram[i]!;
      requireFinite("empirical", `histogram[${i}][0]`, value);
      requireFinite("empirical", `histogram[${i}][1]`, weight);
      if (weight < 0) throw new RangeError(`empirical: histogram[${i}][1] (weight) must be >= 0, got ${weight}`);
      values[i] = value;
      total += weight;
      weighted += value * weight;
      cumulative[i] = total;
      if (weight > 0) lastPositive = i;
    }
    if (!(total > 0)) throw new RangeError("empirical: histogram weights must have a positive sum");
    this.values = values;
    this.cumulative = cumulative;
    this.totalWeight = total;
    this.lastPositive = lastPositive;
    this.average = weighted / total;
  }

  /** The first value whose cumulative weight exceeds u·total (so zero-weight values are never drawn). */
  sample(rng: Rng): number {
    const target = rng() * this.totalWeight;
    const cumulative = this.cumulative;
    let lo = 0;
    let hi = this.lastPositive;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }

  /** Σ value·weight / Σ weight. */
  mean(): number {
    return this.average;
  }

  describe(): string {
    return `empirical(histogram of ${this.values.length} values)`;
  }
}
