import { BucketMax, BucketSum, type BucketAxis } from "../core/stats/time-series.js";

/**
 * Chart series of each function of a multi-function account, on the account's bucket axis:
 * arrivals, throttles and the highest number of requests in flight per bucket. Built only when a
 * scenario has more than one function (AccountStats.perFunction), so a single-function run keeps
 * no per-function series. Memory: 3 float64 per bucket per function.
 */
export class FunctionSeries {
  /** Arrivals of function f per bucket (requests, async events, queue messages). */
  readonly arrivals: BucketSum[];
  /** Throttles of function f per bucket: the same events as the account's throttle series. */
  readonly throttles: BucketSum[];
  /** Requests in flight of function f, per bucket (maximum). */
  readonly concurrency: BucketMax[];

  /** Zeroed series for `functionCount` functions on `axis`. */
  constructor(axis: BucketAxis, functionCount: number) {
    this.arrivals = [];
    this.throttles = [];
    this.concurrency = [];
    for (let f = 0; f < functionCount; f++) {
      this.arrivals.push(new BucketSum(axis));
      this.throttles.push(new BucketSum(axis));
      this.concurrency.push(new BucketMax(axis));
    }
  }

  /** Carries every function's concurrency level through the bucket of `endMs`. O(functions + buckets). */
  finish(endMs: number): void {
    for (const c of this.concurrency) c.finish(endMs);
  }

  /** Function f's series for result.json. Allocates the arrays. */
  toResult(f: number): { arrivals: number[]; throttles: number[]; concurrencyMax: number[] } {
    return { arrivals: this.arrivals[f]!.toArray(), throttles: this.throttles[f]!.toArray(), concurrencyMax: this.concurrency[f]!.toArray() };
  }
}
