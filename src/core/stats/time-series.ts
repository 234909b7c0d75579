import { LatencyHistogram } from "./latency-histogram.js";

/**
 * Fixed-width time buckets for charts. A `BucketAxis` cuts the measured window [startMs, endMs]
 * into `count` buckets of `bucketMs`; the accumulators below keep one float64 per bucket, so memory
 * depends on the number of buckets only, never on the number of events.
 *
 * Times outside [startMs, endMs] are ignored by every accumulator. Bucket i covers
 * [startMs + i·bucketMs, startMs + (i+1)·bucketMs); the last bucket also takes endMs itself (and
 * ends there when the window is not a whole number of buckets).
 */

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Chart bucket widths people read easily, ms, ascending; past the last one, whole days. */
export const NICE_BUCKET_MS = [
  SECOND_MS,
  2 * SECOND_MS,
  5 * SECOND_MS,
  10 * SECOND_MS,
  15 * SECOND_MS,
  30 * SECOND_MS,
  MINUTE_MS,
  2 * MINUTE_MS,
  5 * MINUTE_MS,
  10 * MINUTE_MS,
  15 * MINUTE_MS,
  30 * MINUTE_MS,
  HOUR_MS,
  2 * HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS,
] as const;

/** Default bound on the number of chart buckets: enough detail for a chart, small enough for JSON. */
export const DEFAULT_MAX_BUCKETS = 2000;

/**
 * Smallest nice bucket width, ms (1 s, 2 s, 5 s, … 12 h, 1 d, then whole days), that cuts a span of
 * `spanMs` into at most `maxBuckets` buckets. A span of 0 gives 1 s.
 * @example niceBucketMs(24 * 3600_000) // 60_000: 1,440 one-minute buckets
 */
export function niceBucketMs(spanMs: number, maxBuckets = DEFAULT_MAX_BUCKETS): number {
  if (!(spanMs >= 0) || spanMs === Infinity) throw new RangeError(`niceBucketMs: spanMs must be finite and ≥ 0, got ${spanMs}`);
  if (!(maxBuckets >= 1)) throw new RangeError(`niceBucketMs: maxBuckets must be ≥ 1, got ${maxBuckets}`);
  for (const widthMs of NICE_BUCKET_MS) {
    if (Math.ceil(spanMs / widthMs) <= maxBuckets) return widthMs;
  }
  // Whole days: k days give ceil(span / (k·day)) ≤ maxBuckets once k ≥ span / (maxBuckets·day).
  let days = Math.max(1, Math.ceil(spanMs / (maxBuckets * DAY_MS)));
  while (Math.ceil(spanMs / (days * DAY_MS)) > maxBuckets) days++; // guards float rounding only
  return days * DAY_MS;
}

/** Fixed-width buckets over the measured window [startMs, endMs]; endMs falls in the last bucket. */
export class BucketAxis {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** Start of the first bucket, ms since simulation time 0. */
  declare readonly startMs: number;
  /** End of the window, ms; counted in the last bucket. */
  declare readonly endMs: number;
  /** Bucket width, ms. */
  declare readonly bucketMs: number;
  /** Number of buckets: ceil((endMs − originMs) / bucketMs), at least 1. */
  declare readonly count: number;
  /** Where bucket boundaries are counted from: startMs, or for an axis on the clock the multiple of bucketMs at or before it. */
  declare readonly originMs: number;
  /** The bucket `index` returned last for a time inside the window, and the exact times it covers: [cachedFromMs, cachedToMs). */
  private declare cachedIndex: number;
  private declare cachedFromMs: number;
  private declare cachedToMs: number;

  /**
   * Buckets of `bucketMs` from `startMs` to `endMs` (all ms, endMs ≥ startMs, bucketMs > 0). With
   * `onClock`, boundaries fall on multiples of bucketMs since time 0 (hourly buckets are clock hours
   * whatever the warm-up); the first bucket then runs from startMs to the next boundary.
   */
  constructor(startMs: number, endMs: number, bucketMs: number, onClock = false) {
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || !(endMs >= startMs)) {
      throw new RangeError(`BucketAxis: need finite startMs ≤ endMs, got ${startMs}..${endMs}`);
    }
    if (!(bucketMs > 0) || bucketMs === Infinity) throw new RangeError(`BucketAxis: bucketMs must be finite and > 0, got ${bucketMs}`);
    this.startMs = startMs;
    this.endMs = endMs;
    this.bucketMs = bucketMs;
    this.originMs = onClock ? Math.floor(startMs / bucketMs) * bucketMs : startMs;
    this.count = Math.max(1, Math.ceil((endMs - this.originMs) / bucketMs));
    this.cachedIndex = -1;
    this.cachedFromMs = Infinity; // an empty range: nothing cached yet
    this.cachedToMs = -Infinity;
  }

  /**
   * Bucket of time `tMs`: in [0, count − 1] for tMs in [startMs, endMs], else −1. O(1).
   *
   * The bucket is floor((tMs − startMs) / bucketMs), clamped to the last one. Updates come in time
   * order, so consecutive calls (six or so per request) mostly land in the same bucket: that bucket
   * and the exact range of times that the formula maps to it are kept, and a time inside the range
   * costs two comparisons instead of a division. The range is found with the formula itself (see
   * `firstTimeOf`), so the answer is always the formula's, to the last bit.
   */
  index(tMs: number): number {
    if (tMs >= this.cachedFromMs && tMs < this.cachedToMs) return this.cachedIndex;
    if (!(tMs >= this.startMs && tMs <= this.endMs)) return -1;
    const raw = this.rawIndex(tMs);
    const i = raw < this.count ? raw : this.count - 1;
    this.cachedIndex = i;
    this.cachedFromMs = i === 0 ? this.startMs : this.firstTimeOf(i);
    // endMs belongs to the last bucket; a later time to none, whatever the formula says.
    const pastEnd = nextUp(this.endMs);
    this.cachedToMs = i === this.count - 1 ? pastEnd : Math.min(this.firstTimeOf(i + 1), pastEnd);
    return i;
  }

  /** Start of each bucket in seconds since simulation time 0 (not since startMs). Allocates the array. */
  times(): number[] {
    const out = new Array<number>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = (i === 0 ? this.startMs : this.originMs + i * this.bucketMs) / SECOND_MS;
    return out;
  }

  /** The bucket formula before clamping: floor((tMs − originMs) / bucketMs). */
  private rawIndex(tMs: number): number {
    return Math.floor((tMs - this.originMs) / this.bucketMs);
  }

  /**
   * The smallest time whose unclamped bucket is at least `i` (i ≥ 1). The formula only grows with
   * tMs (each rounding step is monotone), so that time is well defined; startMs + i·bucketMs is
   * within a few ulps of it, and the steps below walk the last ulps. Runs once per bucket.
   */
  private firstTimeOf(i: number): number {
    let t = this.originMs + i * this.bucketMs;
    while (this.rawIndex(t) < i) t = nextUp(t);
    for (let below = nextDown(t); this.rawIndex(below) >= i; below = nextDown(t)) t = below;
    return t;
  }
}

/** Scratch views of one float64's bits, for stepping to an adjacent double (IEEE 754 order). */
const STEP_F64 = new Float64Array(1);
const STEP_BITS = new BigInt64Array(STEP_F64.buffer);

/** The least double above finite `x`. */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  STEP_F64[0] = x;
  // For x > 0 the next double has the next bit pattern; for x < 0 the previous one.
  STEP_BITS[0] = x > 0 ? STEP_BITS[0]! + 1n : STEP_BITS[0]! - 1n;
  return STEP_F64[0]!;
}

/** The greatest double below finite `x`. */
function nextDown(x: number): number {
  return -nextUp(-x);
}

/** A counter per bucket (arrivals, throttles, cold starts). */
export class BucketSum {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** The axis the counters follow. */
  declare readonly axis: BucketAxis;
  private declare readonly sums: Float64Array;

  /** Zeroed counters, one per bucket of `axis`. */
  constructor(axis: BucketAxis) {
    this.axis = axis;
    this.sums = new Float64Array(axis.count);
  }

  /** Adds `n` to the bucket of time `tMs`; ignored outside the window. O(1). */
  add(tMs: number, n = 1): void {
    const i = this.axis.index(tMs);
    if (i >= 0) this.sums[i] += n;
  }

  /** The counters, one per bucket. Allocates the array. */
  toArray(): number[] {
    return Array.from(this.sums);
  }
}

function throwOutOfOrder(who: string, tMs: number): never {
  throw new RangeError(`${who}: time ${tMs} ms is in an earlier bucket than a previous update`);
}

/**
 * Highest value per bucket of a piecewise-constant level (requests in flight). A bucket the level
 * spans without an update still gets that level: the level is carried into later buckets lazily
 * when time advances, and by `finish`. Updates must come in non-decreasing time. Levels held for
 * no time still count: the level carried into a bucket counts even if replaced at its very start.
 */
export class BucketMax {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** The axis the maxima follow. */
  declare readonly axis: BucketAxis;
  private declare readonly maxes: Float64Array;
  private declare level: number;
  /** Last bucket whose maximum already includes the level carried into it; −1 before the window. */
  private declare opened: number;

  /** One maximum per bucket of `axis`, for a level that is `initial` until first set. */
  constructor(axis: BucketAxis, initial = 0) {
    this.axis = axis;
    this.maxes = new Float64Array(axis.count);
    this.level = initial;
    this.opened = -1;
  }

  /** The level is `level` from `tMs` on. Before the window it only sets the level carried in; after it, ignored. Amortised O(1). */
  set(tMs: number, level: number): void {
    if (tMs < this.axis.startMs) {
      this.level = level;
      return;
    }
    const i = this.axis.index(tMs);
    if (i < 0) return;
    if (i < this.opened) throwOutOfOrder("BucketMax.set", tMs);
    this.carryTo(i);
    if (level > this.maxes[i]!) this.maxes[i] = level;
    this.level = level;
  }

  /** Carries the current level through the bucket of `endMs` (the last bucket when endMs ≥ the axis end). */
  finish(endMs: number): void {
    if (endMs < this.axis.startMs) return;
    const i = endMs >= this.axis.endMs ? this.axis.count - 1 : this.axis.index(endMs);
    if (i > this.opened) this.carryTo(i);
  }

  /** The maxima, one per bucket (0 for a bucket not yet reached). Allocates the array. */
  toArray(): number[] {
    return Array.from(this.maxes);
  }

  /** Opens buckets opened+1..i, each starting at the level in force when it begins. */
  private carryTo(i: number): void {
    const level = this.level;
    for (let b = this.opened + 1; b <= i; b++) this.maxes[b] = level;
    if (i > this.opened) this.opened = i;
  }
}

/**
 * One or more quantiles per bucket of values recorded with non-decreasing time (latency by
 * completion time). One LatencyHistogram holds the open bucket; when a record lands in a later
 * bucket, the quantiles of the open one are written and the histogram is reset, so several
 * quantiles cost one record per value. Empty buckets give null.
 */
export class BucketQuantile {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** The axis the quantiles follow. */
  declare readonly axis: BucketAxis;
  /** Quantiles computed per bucket, each in [0, 1]. */
  declare readonly qs: readonly number[];
  /** values[k * axis.count + bucket] is quantile qs[k] of that bucket (NaN while empty). */
  private declare readonly values: Float64Array;
  private declare readonly current: LatencyHistogram;
  private declare bucket: number;

  /** Quantile(s) `q` (each 0..1) of each bucket of `axis`. */
  constructor(axis: BucketAxis, q: number | readonly number[]) {
    const qs = typeof q === "number" ? [q] : [...q];
    for (const x of qs) if (!(x >= 0 && x <= 1)) throw new RangeError(`BucketQuantile: q must be in [0, 1], got ${x}`);
    this.axis = axis;
    this.qs = qs;
    this.values = new Float64Array(axis.count * qs.length).fill(NaN);
    this.current = new LatencyHistogram();
    this.bucket = -1;
  }

  /** Records value `valueMs` at time `tMs`; ignored outside the window. O(1) except when a bucket closes. */
  record(tMs: number, valueMs: number): void {
    const i = this.axis.index(tMs);
    if (i < 0) return;
    if (i !== this.bucket) {
      if (i < this.bucket) throwOutOfOrder("BucketQuantile.record", tMs);
      this.flush();
      this.bucket = i;
    }
    this.current.record(valueMs);
  }

  /** Writes the quantiles of the last open bucket. Call once, after the last record. */
  finish(): void {
    this.flush();
  }

  /**
   * Quantile qs[k] per bucket, ms rounded to 3 decimals; null for a bucket with no values.
   * Allocates the array.
   */
  toArray(k = 0): (number | null)[] {
    const n = this.axis.count;
    const out = new Array<number | null>(n);
    for (let i = 0; i < n; i++) {
      const v = this.values[k * n + i]!;
      out[i] = Number.isNaN(v) ? null : Math.round(v * 1000) / 1000;
    }
    return out;
  }

  private flush(): void {
    if (this.current.count === 0) return;
    const n = this.axis.count;
    for (let k = 0; k < this.qs.length; k++) this.values[k * n + this.bucket] = this.current.quantile(this.qs[k]!);
    this.current.reset();
  }
}
