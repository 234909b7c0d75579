import type { BucketAxis } from "../../core/stats/time-series.js";
import { TimeWeighted } from "../../core/stats/time-weighted.js";
import { QueueSeries } from "./queue-series.js";

/**
 * What an event source mapping (SQS pollers, stream shards) needs from the Lambda model: a way
 * to invoke the function for one batch through the normal admission path, and to hand over the
 * messages it has finished with. `LambdaModel` implements it; unit tests use a fake.
 */
export interface BatchHost {
  /**
   * Invokes function `f` synchronously for one batch now (concurrency governor, scaling-rate
   * limit, environments, cold start, duration, timeout). `code` goes to `EnvironmentPool.requestEvent`
   * and comes back when the batch ends. The batch runs the sum of `draws` duration draws (its message
   * count with `duration.per: message`, 1 with `per: batch`). Returns true when admitted, false when throttled.
   */
  invokeBatch(f: number, nowMs: number, code: number, draws: number): boolean;
  /** Whether one message of `f` fails in its batch (a draw at the function's errorRate, from its error stream). */
  messageFails(f: number): boolean;
  /** A message of `f` that arrived at `arrivalMs` was processed by a successful batch ending at `nowMs`. */
  messageCompleted(f: number, arrivalMs: number, measured: boolean, cold: boolean, nowMs: number): void;
  /** A message of `f` went to the dead-letter queue / on-failure destination. */
  messageDropped(f: number, measured: boolean): void;
  /** Schedules a model event (one of the EventKind values) at `timeMs`. */
  schedule(timeMs: number, kind: number, target: number, aux: number): void;
}

/**
 * Counters and levels of one event source mapping over the measured window (measured-window
 * counts cover batches started, and messages received, after the warm-up). Fixed size.
 */
export class SourceStats {
  /** Batches admitted (invocations of the function). */
  batches = 0;
  /** Messages in admitted batches (for the mean batch size). */
  batchedMessages = 0;
  /** Admitted batches that failed (function error or timeout). */
  failedBatches = 0;
  /** Batch invocations throttled by the concurrency governor or the scaling-rate limit. */
  throttledBatches = 0;
  /** Messages (records) handed to the function, each delivery counted: SQS receives, stream attempts. */
  receives = 0;
  /** Messages reported failed by their batch (ReportBatchItemFailures), each time. */
  itemFailures = 0;
  /** Oldest message age seen when a batch was taken, ms (SQS ApproximateAgeOfOldestMessage, stream iterator age). */
  maxAgeMs = 0;
  /** Measured messages not yet completed or dropped (queued, in a batch, or invisible). */
  measuredAlive = 0;
  /** Messages waiting to be taken into a batch (SQS: visible; stream: behind the lane's current batch). */
  readonly depth: TimeWeighted;
  /** The queue over time (the queue chart). */
  readonly series: QueueSeries;
  /** Messages received and not yet done (in a running batch or invisible), at any time (warm-up included). */
  private inFlightNow = 0;
  /** Start of the measured window, ms: batches received from here on count. */
  readonly warmupMs: number;

  /** Zeroed counters; the series on `axis`, with a pollers series for SQS (`withPollers`). */
  constructor(warmupMs: number, axis: BucketAxis, withPollers: boolean) {
    this.warmupMs = warmupMs;
    this.depth = new TimeWeighted(warmupMs, 0);
    this.series = new QueueSeries(axis, withPollers);
  }

  /** `waiting` messages wait to be taken at `nowMs`: the depth level and its chart series. */
  setDepth(nowMs: number, waiting: number): void {
    this.depth.set(nowMs, waiting);
    this.series.waiting.set(nowMs, waiting);
    if (waiting === 0) this.series.oldestAgeMs.set(nowMs, 0); // nothing waits: no age until the next sample
  }

  /** `delta` messages were received (> 0) or are done, back in the queue or dropped (< 0) at `nowMs`. */
  inFlightChanged(nowMs: number, delta: number): void {
    this.inFlightNow += delta;
    this.series.inFlight.set(nowMs, this.inFlightNow);
  }

  /** A batch of `size` messages, the oldest `ageMs` old, was handed to the function at `nowMs`. */
  taken(nowMs: number, size: number, ageMs: number): void {
    this.series.oldestAgeMs.set(nowMs, ageMs);
    if (nowMs < this.warmupMs) return;
    this.receives += size;
    if (ageMs > this.maxAgeMs) this.maxAgeMs = ageMs;
  }

  /** One batch invocation at `nowMs` was admitted (`admitted`) or throttled. */
  invoked(nowMs: number, size: number, admitted: boolean): void {
    if (!admitted) this.series.throttledBatches.add(nowMs, 1);
    if (nowMs < this.warmupMs) return;
    if (admitted) {
      this.batches++;
      this.batchedMessages += size;
    } else this.throttledBatches++;
  }

  /** An admitted batch started at `startMs` failed. */
  failed(startMs: number): void {
    if (startMs >= this.warmupMs) this.failedBatches++;
  }
}

/**
 * `EnvironmentPool.requestEvent` codes of batches, above every async event slot (slots stay far
 * below 2^30: each costs tens of bytes). [SQS_BATCH_BASE, STREAM_LANE_BASE): an SQS batch, code −
 * SQS_BATCH_BASE = slot · functions + function. [STREAM_LANE_BASE, 2^31): a stream lane's batch,
 * code − STREAM_LANE_BASE = the lane's number across all stream functions.
 */
export const SQS_BATCH_BASE = 2 ** 30;
/** See SQS_BATCH_BASE. */
export const STREAM_LANE_BASE = 2 ** 30 + 2 ** 29;
