import { BucketMax, BucketQuantile, BucketSum, type BucketAxis } from "../../core/stats/time-series.js";

/**
 * Chart series of each function of a multi-function account, on the account's bucket axis:
 * arrivals, throttles, cold starts, the highest number of requests in flight and the p99 latency
 * per bucket (what a planner judges one function's hours on), and its provisioned-concurrency
 * spillover. Built only when a scenario has more than one function (AccountStats.perFunction), so a
 * single-function run keeps no per-function series (the account's are its own). Memory: 6 float64
 * per bucket and one latency histogram (~30 KB) per function.
 */
export class FunctionSeries {
  /** Arrivals of function f per bucket (requests, async events, queue messages). */
  readonly arrivals: BucketSum[];
  /** Throttles of function f per bucket: the same events as the account's throttle series. */
  readonly throttles: BucketSum[];
  /** Requests in flight of function f, per bucket (maximum). */
  readonly concurrency: BucketMax[];
  /** Cold starts of function f's requests per bucket: the same events as the account's cold-start series. */
  readonly coldStarts: BucketSum[];
  /** p99 latency of function f per bucket, by completion time as the account's. */
  readonly p99: BucketQuantile[];
  /** Spillover of function f per bucket: requests started on on-demand environments while it has provisioned concurrency. */
  readonly spillover: BucketSum[];

  /** Zeroed series for `functionCount` functions on `axis`. */
  constructor(axis: BucketAxis, functionCount: number) {
    this.arrivals = [];
    this.throttles = [];
    this.concurrency = [];
    this.coldStarts = [];
    this.p99 = [];
    this.spillover = [];
    for (let f = 0; f < functionCount; f++) {
      this.coldStarts.push(new BucketSum(axis));
      this.p99.push(new BucketQuantile(axis, 0.99));
      this.arrivals.push(new BucketSum(axis));
      this.throttles.push(new BucketSum(axis));
      this.concurrency.push(new BucketMax(axis));
      this.spillover.push(new BucketSum(axis));
    }
  }

  /** Carries every function's concurrency level through the bucket of `endMs` and closes the latency buckets. O(functions + buckets). */
  finish(endMs: number): void {
    for (const c of this.concurrency) c.finish(endMs);
    for (const q of this.p99) q.finish();
  }

  /** Function f's series for result.json. Allocates the arrays. */
  toResult(f: number): { arrivals: number[]; throttles: number[]; concurrencyMax: number[]; coldStarts: number[]; p99: (number | null)[]; spillover: number[] } {
    return {
      arrivals: this.arrivals[f]!.toArray(),
      throttles: this.throttles[f]!.toArray(),
      concurrencyMax: this.concurrency[f]!.toArray(),
      coldStarts: this.coldStarts[f]!.toArray(),
      p99: this.p99[f]!.toArray(),
      spillover: this.spillover[f]!.toArray(),
    };
  }
}
