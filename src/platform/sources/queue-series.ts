import { BucketMax, BucketSum, type BucketAxis } from "../../core/stats/time-series.js";

/**
 * Chart series of one event source mapping (an `sqs` or `stream` function's queue) on the account's
 * bucket axis: messages waiting and in flight, the age of the oldest waiting message, the SQS pollers
 * and the throttled batches. Levels are per-bucket maxima, throttles per-bucket counts. Memory: 5
 * float64 per bucket; updates are O(1) and allocate nothing.
 */
export class QueueSeries {
  /** Messages waiting to be taken into a batch (SQS: visible; stream: behind the lanes' batches), maximum per bucket. */
  readonly waiting: BucketMax;
  /** Messages received and not yet done (in a running batch, or invisible until their visibility timeout), maximum per bucket. */
  readonly inFlight: BucketMax;
  /** Age of the oldest waiting message, ms, maximum per bucket (sampled at queue events and SQS poller ticks). */
  readonly oldestAgeMs: BucketMax;
  /** Concurrent batches the SQS pollers allow, maximum per bucket; null for streams (their lanes are fixed). */
  readonly pollers: BucketMax | null;
  /** Batch invocations throttled per bucket. */
  readonly throttledBatches: BucketSum;

  /** Zeroed series on `axis`; `pollers` only for an SQS queue. */
  constructor(axis: BucketAxis, withPollers: boolean) {
    this.waiting = new BucketMax(axis);
    this.inFlight = new BucketMax(axis);
    this.oldestAgeMs = new BucketMax(axis);
    this.pollers = withPollers ? new BucketMax(axis) : null;
    this.throttledBatches = new BucketSum(axis);
  }

  /** Carries every level through the bucket of `endMs`. O(buckets). */
  finish(endMs: number): void {
    this.waiting.finish(endMs);
    this.inFlight.finish(endMs);
    this.oldestAgeMs.finish(endMs);
    this.pollers?.finish(endMs);
  }

  /** The series for result.json (on `Result.series.t`). Allocates the arrays. */
  toResult(): QueueSeriesResult {
    return {
      waiting: this.waiting.toArray(),
      inFlight: this.inFlight.toArray(),
      oldestAgeMs: this.oldestAgeMs.toArray(),
      pollers: this.pollers === null ? null : this.pollers.toArray(),
      throttledBatches: this.throttledBatches.toArray(),
    };
  }
}

/** A queue's chart series in result.json, one value per bucket of `Result.series.t`. */
export interface QueueSeriesResult {
  /** Messages waiting (maximum per bucket). */
  waiting: number[];
  /** Messages received and not yet done: in running batches or invisible (maximum per bucket). */
  inFlight: number[];
  /** Age of the oldest waiting message, ms (maximum per bucket). */
  oldestAgeMs: number[];
  /** SQS poller concurrency (maximum per bucket); null for streams. */
  pollers: number[] | null;
  /** Batch invocations throttled per bucket. */
  throttledBatches: number[];
}
