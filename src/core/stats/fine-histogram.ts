/**
 * A fine log-linear histogram of recorded values (ms) that keeps, per bucket, the count and the sum
 * of the values in it, so that it can stand in for the samples themselves: `pairs()` gives
 * [bucket mean, count] for an empirical distribution whose every draw is within one bucket width
 * (1/1024 = 0.1 % of the value) of a recorded value, with the overall mean exact.
 *
 * Layout as LatencyHistogram (core/stats/latency-histogram.ts), with SUB_BUCKETS = 1024: a zero
 * bucket below 2^-10 ms, then each power-of-two range [2^e, 2^(e+1)), e = -10..20, cut into 1024
 * linear sub-buckets; values at or above 2^21 ms (35 min, past Lambda's 15-minute timeout) clamp
 * into the top bucket. Memory is fixed: 2 · 31,745 float64 = 496 KiB, whatever the number of values.
 */

const SUB_BUCKET_BITS = 10;
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
const LOWEST_EXPONENT = -10;
const HIGHEST_EXPONENT = 20;
const BUCKET_COUNT = 1 + (HIGHEST_EXPONENT - LOWEST_EXPONENT + 1) * SUB_BUCKETS;
const LOWEST_MS = 2 ** LOWEST_EXPONENT;
const CEILING_MS = 2 ** (HIGHEST_EXPONENT + 1);

/** Scratch view of a float64's words, to read its exponent and top mantissa bits (see LatencyHistogram). */
const SCRATCH_F64 = new Float64Array(1);
const SCRATCH_U32 = new Uint32Array(SCRATCH_F64.buffer);
SCRATCH_F64[0] = 1;
const HI = SCRATCH_U32[1] === 0x3ff00000 ? 1 : 0;

/** Bucket of a finite value ≥ 0: the exponent and the first 10 mantissa bits, read off the bits. O(1). */
function bucketOf(v: number): number {
  if (v < LOWEST_MS) return 0;
  if (v >= CEILING_MS) return BUCKET_COUNT - 1;
  SCRATCH_F64[0] = v;
  const hi = SCRATCH_U32[HI]!;
  const k = ((hi >>> 20) & 0x7ff) - 1023 - LOWEST_EXPONENT;
  return 1 + (k << SUB_BUCKET_BITS) + ((hi >>> (20 - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1));
}

/**
 * Streaming histogram of values with per-bucket sums: O(1) allocation-free `record`, fixed memory.
 * @example
 * const h = new FineHistogram();
 * h.record(12.34);
 * h.quantile(0.5); // 12.34 (the mean of its bucket's values)
 */
export class FineHistogram {
  /** Largest relative width of a bucket: 1/1024 of its lower edge. */
  static readonly RELATIVE_WIDTH = 1 / SUB_BUCKETS;
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  private declare readonly counts: Float64Array;
  private declare readonly sums: Float64Array;
  /** Values recorded. */
  declare count: number;
  /** Sum of the values recorded. */
  declare sum: number;
  /** Smallest and largest value recorded (Infinity / -Infinity before any). */
  declare min: number;
  declare max: number;

  constructor() {
    this.counts = new Float64Array(BUCKET_COUNT);
    this.sums = new Float64Array(BUCKET_COUNT);
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  /** Records a finite value ≥ 0 (the caller checks; a bug guard throws RangeError otherwise). */
  record(v: number): void {
    if (!(v >= 0) || v === Infinity) throw new RangeError(`FineHistogram.record: value must be a finite number ≥ 0, got ${v}`);
    const i = bucketOf(v);
    this.counts[i]++;
    this.sums[i] += v;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  /** The mean of the values recorded; NaN before any. */
  mean(): number {
    return this.count === 0 ? NaN : this.sum / this.count;
  }

  /**
   * The nearest-rank q-quantile (the value of rank ⌈q·n⌉), as the mean of its bucket's values: within
   * one bucket width of the exact one. NaN before any value. O(buckets).
   */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKET_COUNT; i++) {
      const c = this.counts[i]!;
      if (c === 0) continue;
      seen += c;
      if (seen >= rank) return this.sums[i]! / c;
    }
    return this.max;
  }

  /** [bucket mean, count] of every bucket that holds a value, in increasing value: an empirical histogram. O(buckets). */
  pairs(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let i = 0; i < BUCKET_COUNT; i++) {
      const c = this.counts[i]!;
      if (c > 0) out.push([this.sums[i]! / c, c]);
    }
    return out;
  }
}
