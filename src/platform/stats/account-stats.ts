import { BucketAxis, BucketMax, BucketQuantile, BucketSum, niceBucketMs } from "../../core/stats/time-series.js";
import { TimeWeighted } from "../../core/stats/time-weighted.js";
import { FunctionSeries } from "./function-series.js";

/**
 * Streaming statistics of the account as a whole over the measured window: its time-weighted
 * levels (the peak of a sum is not the sum of the functions' peaks) and the per-bucket chart
 * series of result.json. Fixed size: at most ~2,000 buckets per series.
 */
export class AccountStats {
  /** Requests in flight in the account. */
  readonly concurrency: TimeWeighted;
  /** Environments alive in the account. */
  readonly alive: TimeWeighted;
  /** Provisioned environments allocated in the account. */
  readonly pcAllocated: TimeWeighted;
  /** The buckets every series shares. */
  readonly axis: BucketAxis;
  /** Arrivals (requests, async events, queue messages) per bucket. */
  readonly seriesArrivals: BucketSum;
  /** Throttles that end a request and throttled attempts that are retried, per bucket. */
  readonly seriesThrottles: BucketSum;
  /** Cold starts of requests per bucket (provisioned inits are not counted). */
  readonly seriesColdStarts: BucketSum;
  /** Requests started on on-demand environments while their function has provisioned concurrency, per bucket. */
  readonly seriesSpillover: BucketSum;
  /** Requests in flight in the account, per bucket (maximum). */
  readonly seriesConcurrency: BucketMax;
  /** Environments alive in the account, per bucket (maximum). */
  readonly seriesEnvironments: BucketMax;
  /** Idle environments in the account (alive − busy), per bucket (maximum). */
  readonly seriesIdle: BucketMax;
  /** Provisioned environments allocated in the account, per bucket (maximum). */
  readonly seriesProvisioned: BucketMax;
  /** p50 (index 0) and p99 (index 1) latency per bucket. */
  readonly seriesLatency: BucketQuantile;
  /** Arrivals, throttles and concurrency per function on the same buckets; null with one function (nothing kept). */
  readonly perFunction: FunctionSeries | null;

  /**
   * Statistics over [warmupMs, horizonMs) in buckets of `bucketMs` (0: a round width chosen for the
   * window), with per-function series when `functionCount` > 1; `onClock` puts the boundaries on
   * multiples of the width since time 0 (see BucketAxis).
   */
  constructor(warmupMs: number, horizonMs: number, bucketMs: number, functionCount = 1, onClock = false) {
    this.concurrency = new TimeWeighted(warmupMs, 0);
    this.alive = new TimeWeighted(warmupMs, 0);
    this.pcAllocated = new TimeWeighted(warmupMs, 0);
    this.axis = new BucketAxis(warmupMs, horizonMs, bucketMs > 0 ? bucketMs : niceBucketMs(horizonMs - warmupMs), onClock);
    this.seriesArrivals = new BucketSum(this.axis);
    this.seriesThrottles = new BucketSum(this.axis);
    this.seriesColdStarts = new BucketSum(this.axis);
    this.seriesSpillover = new BucketSum(this.axis);
    this.seriesConcurrency = new BucketMax(this.axis);
    this.seriesEnvironments = new BucketMax(this.axis);
    this.seriesIdle = new BucketMax(this.axis);
    this.seriesProvisioned = new BucketMax(this.axis);
    this.seriesLatency = new BucketQuantile(this.axis, [0.5, 0.99]);
    this.perFunction = functionCount > 1 ? new FunctionSeries(this.axis, functionCount) : null;
  }

  /**
   * A measured throttle of function `f` at `tMs` (one that ends a request or a throttled attempt
   * that is retried): the account series and, with several functions, f's. O(1).
   */
  throttle(f: number, tMs: number): void {
    this.seriesThrottles.add(tMs, 1);
    if (this.perFunction !== null) this.perFunction.throttles[f]!.add(tMs, 1);
  }

  /**
   * A measured spillover of function `f` at `tMs` (a request started on an on-demand environment
   * while f has provisioned concurrency allocated): the account series and, with several functions, f's. O(1).
   */
  spillover(f: number, tMs: number): void {
    this.seriesSpillover.add(tMs, 1);
    if (this.perFunction !== null) this.perFunction.spillover[f]!.add(tMs, 1);
  }
}
