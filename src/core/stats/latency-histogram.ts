/**
 * Log-linear (HDR-style) latency histogram in one Float64Array, after HdrHistogramJS
 * (`src/TypedArrayHistogram.ts`, `src/JsHistogram.ts`).
 *
 * Layout. Index 0 is the zero bucket: every value below 2^LOWEST_EXPONENT ms (about 0.000977 ms).
 * Then each power-of-two range [2^e, 2^(e+1)), e = LOWEST_EXPONENT..HIGHEST_EXPONENT, is cut into
 * SUB_BUCKETS equal-width linear sub-buckets of width 2^e / SUB_BUCKETS:
 *
 *   index(v) = 1 + (e - LOWEST_EXPONENT) * SUB_BUCKETS + floor((v / 2^e - 1) * SUB_BUCKETS)
 *
 * Every sub-bucket is at most 1/SUB_BUCKETS of its lower edge wide, so reporting its midpoint is
 * off by at most 1/(2 * SUB_BUCKETS) of the true value: 0.39 % with 128 sub-buckets.
 * Values at or above 2^(HIGHEST_EXPONENT + 1) ms (about 278 years) clamp into the top bucket.
 * Count, sum, min and max are kept exactly beside the buckets.
 *
 * Memory is fixed (BUCKET_COUNT float64 = 53 KiB) whatever the number of values recorded.
 */

/** Linear sub-buckets per power-of-two range. Sets the error bound: 1 / (2 · SUB_BUCKETS). */
const SUB_BUCKETS = 128;
/** log2(SUB_BUCKETS), so that a bucket's range and sub-bucket are a shift and a mask. */
const SUB_BUCKET_BITS = 7;
/** Exponent of the lowest power-of-two range: 2^-10 ms ≈ 0.000977 ms ≤ 0.001 ms. */
const LOWEST_EXPONENT = -10;
/** Exponent of the highest power-of-two range: [2^42, 2^43) ms, 139..278 years. */
const HIGHEST_EXPONENT = 42;
/** Number of power-of-two ranges. */
const RANGES = HIGHEST_EXPONENT - LOWEST_EXPONENT + 1;
/** Zero bucket plus RANGES · SUB_BUCKETS log-linear buckets. */
const BUCKET_COUNT = 1 + RANGES * SUB_BUCKETS;
/** Lowest value that gets a log-linear bucket, ms; anything below goes to the zero bucket. */
const LOWEST_MS = 2 ** LOWEST_EXPONENT;
/** First value past the highest range, ms; anything at or above clamps into the top bucket. */
const CEILING_MS = 2 ** (HIGHEST_EXPONENT + 1);

/**
 * POW2[k] = 2^(LOWEST_EXPONENT + k) for k = 0..RANGES: the edges of the power-of-two ranges,
 * exact in float64.
 */
const POW2 = new Float64Array(RANGES + 1);
for (let k = 0; k <= RANGES; k++) {
  POW2[k] = 2 ** (LOWEST_EXPONENT + k);
}

/**
 * Scratch view of one float64 as two uint32 words, to read a value's exponent and leading mantissa
 * bits directly (IEEE 754: sign 1 bit, exponent 11 bits biased by 1023, mantissa 52 bits).
 * `HI` is the index of the word holding sign, exponent and the top 20 mantissa bits: 1 on
 * little-endian machines (every platform Node ships for), 0 on big-endian ones.
 */
const SCRATCH_F64 = new Float64Array(1);
const SCRATCH_U32 = new Uint32Array(SCRATCH_F64.buffer);
SCRATCH_F64[0] = 1;
const HI = SCRATCH_U32[1] === 0x3ff00000 ? 1 : 0;

/**
 * Bucket index of a value, ms (must be ≥ 0 and finite). O(1), allocation-free, exact.
 *
 * For a normal float64 v = 2^E · (1.m), the biased exponent E + 1023 sits in bits 20..30 of the
 * high word and the first 7 mantissa bits in bits 13..19. The power-of-two range is E − LOWEST
 * and the linear sub-bucket is exactly floor((v / 2^E − 1) · 128) = those 7 bits, so the index
 * is read off the bits with no rounding at all. (An earlier version used Math.log2 plus a
 * correction step; reading the bits measured 3-9 ns against ~34 ns per record.)
 */
function bucketIndexOf(valueMs: number): number {
  if (valueMs < LOWEST_MS) return 0;
  if (valueMs >= CEILING_MS) return BUCKET_COUNT - 1;
  SCRATCH_F64[0] = valueMs;
  const hi = SCRATCH_U32[HI]!;
  const k = ((hi >>> 20) & 0x7ff) - 1023 - LOWEST_EXPONENT;
  const sub = (hi >>> (20 - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1);
  return 1 + (k << SUB_BUCKET_BITS) + sub;
}

/** Midpoint of a bucket, ms; 0 for the zero bucket. */
function bucketMidpointOf(index: number): number {
  if (index <= 0) return 0;
  const k = (index - 1) >> SUB_BUCKET_BITS;
  const sub = (index - 1) & (SUB_BUCKETS - 1);
  // Lower edge 2^e · (1 + sub / S) plus half a width 2^e / (2S); every step is exact in float64.
  return POW2[k]! * (1 + (sub + 0.5) / SUB_BUCKETS);
}

/** Lower edge of a bucket, ms (inclusive); 0 for the zero bucket. */
function bucketLowerOf(index: number): number {
  if (index <= 0) return 0;
  const k = (index - 1) >> SUB_BUCKET_BITS;
  const sub = (index - 1) & (SUB_BUCKETS - 1);
  return POW2[k]! * (1 + sub / SUB_BUCKETS);
}

/** Rounds to 3 decimals (microseconds when the unit is ms), for JSON. */
function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function throwBadValue(valueMs: number): never {
  throw new RangeError(`LatencyHistogram.record: value must be a finite number ≥ 0 ms, got ${valueMs}`);
}

function throwBadQuantile(q: number): never {
  throw new RangeError(`LatencyHistogram.quantile: q must be in [0, 1], got ${q}`);
}

/** Latency percentiles for reports, ms rounded to 3 decimals; every field but count is null when count is 0. */
export interface LatencySummary {
  count: number;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  p999: number | null;
  max: number | null;
  mean: number | null;
}

/**
 * Streaming latency histogram: O(1) allocation-free `record`, fixed memory, quantiles within
 * RELATIVE_ERROR of the exact nearest-rank value (for values in [0.001 ms, 2^43 ms)).
 * @example
 * const h = new LatencyHistogram();
 * h.record(12.5);
 * h.quantile(0.99); // ≈ 12.5, within 0.39 %
 */
export class LatencyHistogram {
  /** Linear sub-buckets per power-of-two range. */
  static readonly SUB_BUCKETS = SUB_BUCKETS;
  /** Lowest value with its own log-linear bucket, ms (2^-10); smaller values share the zero bucket. */
  static readonly LOWEST_MS = LOWEST_MS;
  /** Values at or above this, ms (2^43, about 278 years), clamp into the top bucket. */
  static readonly CEILING_MS = CEILING_MS;
  /** Length of `counts`: the zero bucket plus 53 ranges of 128 sub-buckets (6,785). */
  static readonly BUCKET_COUNT = BUCKET_COUNT;
  /**
   * Largest relative error of a reported quantile, for values in [LOWEST_MS, CEILING_MS):
   * half a sub-bucket over its lower edge, 1 / (2 · 128) = 0.390625 %.
   */
  static readonly RELATIVE_ERROR = 1 / (2 * SUB_BUCKETS);

  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** Count per bucket (float64: exact to 2^53). Read-only for callers; index with `bucketIndex`. */
  declare readonly counts: Float64Array;
  private declare n: number;
  private declare total: number;
  private declare lowest: number;
  private declare highest: number;

  /** An empty histogram (allocates BUCKET_COUNT float64, once). */
  constructor() {
    this.counts = new Float64Array(BUCKET_COUNT);
    this.n = 0;
    this.total = 0;
    this.lowest = Infinity;
    this.highest = -Infinity;
  }

  /** Bucket index of a value ≥ 0, ms. O(1). */
  static bucketIndex(valueMs: number): number {
    return bucketIndexOf(valueMs);
  }

  /** Value reported for a bucket (its midpoint, before clamping to [min, max]), ms; 0 for the zero bucket. */
  static bucketMidpoint(index: number): number {
    return bucketMidpointOf(index);
  }

  /** Inclusive lower edge of a bucket, ms; 0 for the zero bucket. */
  static bucketLower(index: number): number {
    return bucketLowerOf(index);
  }

  /** Number of values recorded. */
  get count(): number {
    return this.n;
  }

  /** Exact sum of the values recorded (float64 addition), ms. */
  get sum(): number {
    return this.total;
  }

  /** Exact smallest value recorded, ms; NaN when empty. */
  get min(): number {
    return this.n > 0 ? this.lowest : NaN;
  }

  /** Exact largest value recorded, ms; NaN when empty. */
  get max(): number {
    return this.n > 0 ? this.highest : NaN;
  }

  /** Adds one value, ms. O(1), no allocation. Throws RangeError on NaN, a negative value or Infinity (a bug). */
  record(valueMs: number): void {
    if (!(valueMs >= 0) || valueMs === Infinity) throwBadValue(valueMs);
    this.counts[bucketIndexOf(valueMs)]++;
    this.n++;
    this.total += valueMs;
    if (valueMs < this.lowest) this.lowest = valueMs;
    if (valueMs > this.highest) this.highest = valueMs;
  }

  /** Exact mean, ms; NaN when empty. */
  mean(): number {
    return this.n > 0 ? this.total / this.n : NaN;
  }

  /**
   * Nearest-rank quantile, ms: the midpoint of the first bucket whose cumulative count reaches
   * ceil(q · count), clamped to [min, max]. q = 0 gives the exact min, q = 1 the exact max; NaN
   * when empty. Cost: O(buckets between min and max), at most BUCKET_COUNT.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throwBadQuantile(q);
    const n = this.n;
    if (n === 0) return NaN;
    if (q === 0) return this.lowest;
    if (q === 1) return this.highest;
    const rank = Math.max(1, Math.ceil(q * n));
    const counts = this.counts;
    const last = bucketIndexOf(this.highest);
    let i = bucketIndexOf(this.lowest);
    let seen = counts[i]!;
    while (seen < rank && i < last) seen += counts[++i]!;
    const mid = bucketMidpointOf(i);
    return mid < this.lowest ? this.lowest : mid > this.highest ? this.highest : mid;
  }

  /** Adds every value of `other` to this histogram, as if recorded here. O(buckets between other's min and max). */
  merge(other: LatencyHistogram): void {
    if (other.n === 0) return;
    const from = bucketIndexOf(other.lowest);
    const to = bucketIndexOf(other.highest);
    const mine = this.counts;
    const theirs = other.counts;
    for (let i = from; i <= to; i++) mine[i] += theirs[i]!;
    this.n += other.n;
    this.total += other.total;
    if (other.lowest < this.lowest) this.lowest = other.lowest;
    if (other.highest > this.highest) this.highest = other.highest;
  }

  /**
   * Coarse bins shared by several histograms, for charts of a latency distribution: each
   * power-of-two range split into `binsPerOctave` equal bins (a power of two up to 128), from the
   * bin of the smallest recorded value to that of the largest. `lowerMs[i]` is bin i's lower edge;
   * `counts[h][i]` is histogram h's count in it. Empty arrays when nothing was recorded. O(buckets).
   */
  static coarseBins(histograms: LatencyHistogram[], binsPerOctave = 8): { lowerMs: number[]; counts: number[][] } {
    const group = SUB_BUCKETS / binsPerOctave;
    if (!Number.isInteger(group) || group < 1) {
      throw new RangeError(`coarseBins: binsPerOctave must be a power of two up to ${SUB_BUCKETS}, got ${binsPerOctave}`);
    }
    let lo = Infinity;
    let hi = -Infinity;
    for (const h of histograms) {
      if (h.n === 0) continue;
      lo = Math.min(lo, bucketIndexOf(h.lowest));
      hi = Math.max(hi, bucketIndexOf(h.highest));
    }
    const lowerMs: number[] = [];
    const counts: number[][] = histograms.map(() => []);
    if (lo > hi) return { lowerMs, counts };
    // Bin of a bucket: the zero bucket alone, then (index - 1) / group.
    const binOf = (i: number) => (i === 0 ? -1 : Math.floor((i - 1) / group));
    for (let b = binOf(lo); b <= binOf(hi); b++) {
      const first = b < 0 ? 0 : 1 + b * group;
      const last = b < 0 ? 0 : first + group - 1;
      lowerMs.push(bucketLowerOf(first));
      histograms.forEach((h, k) => {
        let c = 0;
        for (let i = first; i <= last; i++) c += h.counts[i]!;
        counts[k]!.push(c);
      });
    }
    return { lowerMs, counts };
  }

  /** Empties the histogram, keeping its memory. O(buckets between min and max). */
  reset(): void {
    if (this.n > 0) this.counts.fill(0, bucketIndexOf(this.lowest), bucketIndexOf(this.highest) + 1);
    this.n = 0;
    this.total = 0;
    this.lowest = Infinity;
    this.highest = -Infinity;
  }

  /** p50, p90, p95, p99, p99.9, max and mean in ms rounded to 3 decimals, for JSON; nulls (never NaN) when empty. */
  summary(): LatencySummary {
    if (this.n === 0) {
      return { count: 0, p50: null, p90: null, p95: null, p99: null, p999: null, max: null, mean: null };
    }
    return {
      count: this.n,
      p50: round3(this.quantile(0.5)),
      p90: round3(this.quantile(0.9)),
      p95: round3(this.quantile(0.95)),
      p99: round3(this.quantile(0.99)),
      p999: round3(this.quantile(0.999)),
      max: round3(this.highest),
      mean: round3(this.total / this.n),
    };
  }
}
