import type { BucketAxis } from "./time-series.js";

/**
 * Time-weighted mean per bucket of a piecewise-constant level (instances billed, busy vCPUs): the
 * level's integral over each bucket, divided by the bucket's width when read. Bucket i covers
 * [originMs + i·bucketMs, originMs + (i+1)·bucketMs) cut to the window [startMs, endMs], as on the
 * axis. Updates must come in non-decreasing time; time before the window changes the level only.
 * O(1) per update plus one step per bucket boundary crossed; one float64 per bucket, no allocation.
 * @example
 * const m = new BucketMean(new BucketAxis(0, 20, 10));
 * m.set(5, 2); m.finish(20);
 * m.toArray(); // [1, 2]: 2 for half of the first bucket, all of the second
 */
export class BucketMean {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** The axis the means follow. */
  declare readonly axis: BucketAxis;
  /** Integral of the level over each bucket, level × ms. */
  private declare readonly areas: Float64Array;
  private declare level: number;
  /** Time up to which the level has been integrated, ms (never before the window's start). */
  private declare lastMs: number;
  /** The bucket holding lastMs, and where it ends, ms. */
  private declare bucket: number;
  private declare bucketEndMs: number;

  /** Zeroed integrals, one per bucket of `axis`, for a level that is `initial` until first set. */
  constructor(axis: BucketAxis, initial = 0) {
    this.axis = axis;
    this.areas = new Float64Array(axis.count);
    this.level = initial;
    this.lastMs = axis.startMs;
    this.bucket = 0;
    this.bucketEndMs = this.endOf(0);
  }

  /** The current level. */
  get value(): number {
    return this.level;
  }

  /** The level is `level` from `tMs` on. Amortised O(1). */
  set(tMs: number, level: number): void {
    this.advance(tMs);
    this.level = level;
  }

  /** Integrates the current level up to `endMs` (the axis end at most). Call once, before reading. */
  finish(endMs: number): void {
    this.advance(endMs);
  }

  /** Integral of the level over bucket `i`, level × ms (what the mean is made of). */
  area(i: number): number {
    return this.areas[i]!;
  }

  /** Width of bucket `i` within the window, ms. */
  widthMs(i: number): number {
    return this.endOf(i) - (i === 0 ? this.axis.startMs : this.axis.originMs + i * this.axis.bucketMs);
  }

  /** The time-weighted mean of each bucket (its integral over its width). Allocates the array. */
  toArray(): number[] {
    const out = new Array<number>(this.axis.count);
    for (let i = 0; i < out.length; i++) {
      const w = this.widthMs(i);
      out[i] = w > 0 ? this.areas[i]! / w : this.level;
    }
    return out;
  }

  /** End of bucket `i`, ms: the next boundary, or the window's end for the last bucket. */
  private endOf(i: number): number {
    const a = this.axis;
    return i >= a.count - 1 ? a.endMs : Math.min(a.endMs, a.originMs + (i + 1) * a.bucketMs);
  }

  /** Adds level × time from lastMs to `tMs` (clamped to the window), bucket by bucket. */
  private advance(tMs: number): void {
    const to = tMs < this.axis.endMs ? tMs : this.axis.endMs;
    if (!(to > this.lastMs)) return;
    const level = this.level;
    let from = this.lastMs;
    while (to > this.bucketEndMs && this.bucket < this.axis.count - 1) {
      this.areas[this.bucket]! += level * (this.bucketEndMs - from);
      from = this.bucketEndMs;
      this.bucket++;
      this.bucketEndMs = this.endOf(this.bucket);
    }
    this.areas[this.bucket]! += level * (to - from);
    this.lastMs = to;
  }
}
