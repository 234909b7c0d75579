import type { StreamConfig } from "../config.js";
import type { BucketAxis } from "../../core/stats/time-series.js";
import { SourceStats, type BatchHost } from "./event-source.js";
import { EventKind } from "../event-kinds.js";
import { MessageRing } from "./message-ring.js";

/**
 * Delay before a lane retries a failed or throttled batch, ms. AWS publishes no figure for stream
 * retries; lambdasim's choice (it also keeps a zero-duration always-failing batch from looping at
 * one instant).
 */
export const STREAM_RETRY_DELAY_MS = 1000;

/** Lane states. */
const IDLE = 0;
const GATHERING = 1;
const RUNNING = 2;
const WAITING_RETRY = 3;

/**
 * The Kinesis / DynamoDB stream event source mapping of one function: `shards` ×
 * `parallelizationFactor` lanes (`lambda-limits.json` `streamEventSource.concurrentBatchesPerShard`),
 * each an ordered queue of records with at most one batch in flight, so concurrency never exceeds
 * shards × parallelizationFactor.
 *
 * - Records are spread round robin: record k goes to shard k mod shards and, within it, to lane
 *   ⌊k / shards⌋ mod parallelizationFactor (as if partition keys hashed evenly). Order holds per lane.
 * - A lane takes a batch at once when `batchSize` records wait or there is no batching window;
 *   otherwise it gathers until the batch is full or the window has passed since its first record.
 * - A batch runs the sum of one duration draw per record with `durationPer: message`, one draw with
 *   `batch`; function errors are drawn once per batch (the whole batch is retried).
 * - The batch is always the head of the lane's queue (records stay there until done), so a failing
 *   batch blocks its lane (`streamEventSource.blockingOnError`): it is retried after
 *   STREAM_RETRY_DELAY_MS until it succeeds, its records pass `maximumRecordAge`
 *   (`streamEventSource.maximumRecordAgeSeconds`) or it has been retried `maximumRetryAttempts`
 *   times (`streamEventSource.maximumRetryAttempts`); then its records go to the on-failure
 *   destination and the lane moves on. Records older than `maximumRecordAge` are also dropped
 *   when a batch is formed. A throttled batch is retried the same way; throttles are not retries.
 *
 * Event kinds: StreamWindow (target lane + laneBase, aux generation), StreamRetry (target lane +
 * laneBase). Batch ends come back through `finish(lane, ...)`.
 */
export class StreamSource {
  readonly stats: SourceStats;
  /** Lanes: shards × parallelizationFactor. */
  readonly laneCount: number;
  private readonly lanes: MessageRing[];
  private readonly state: Uint8Array;
  /** Records in the lane's current batch (the head of its queue). */
  private readonly batchSize: Int32Array;
  /** Failed attempts of the lane's current batch. */
  private readonly failures: Int32Array;
  private readonly generation: Int32Array;
  /** When the lane's current batch was started, ms. */
  private readonly startedMs: Float64Array;
  /** Records handed to lanes so far (the round robin). */
  private sent = 0;
  /** Records waiting behind the current batches. */
  private waiting = 0;

  constructor(
    private readonly f: number,
    private readonly config: StreamConfig,
    private readonly host: BatchHost,
    /** Number of this function's first lane across all stream functions (event targets and codes). */
    readonly laneBase: number,
    private readonly codeBase: number,
    warmupMs: number,
    axis: BucketAxis,
  ) {
    this.stats = new SourceStats(warmupMs, axis, false);
    const n = config.shards * config.parallelizationFactor;
    this.laneCount = n;
    this.lanes = [];
    for (let i = 0; i < n; i++) this.lanes.push(new MessageRing(16));
    this.state = new Uint8Array(n);
    this.batchSize = new Int32Array(n);
    this.failures = new Int32Array(n);
    this.generation = new Int32Array(n);
    this.startedMs = new Float64Array(n);
  }

  /** A record is written to the stream at `nowMs`. */
  arrive(nowMs: number, measured: boolean): void {
    const k = this.sent++;
    const shards = this.config.shards;
    const lane = (k % shards) * this.config.parallelizationFactor + (Math.floor(k / shards) % this.config.parallelizationFactor);
    this.lanes[lane]!.push(nowMs, 0, measured);
    if (measured) this.stats.measuredAlive++;
    this.waiting++;
    this.stats.setDepth(nowMs, this.waiting);
    const st = this.state[lane]!;
    if (st === IDLE) this.begin(lane, nowMs);
    else if (st === GATHERING && this.lanes[lane]!.length >= this.config.batchSize) {
      this.generation[lane]!++; // the window event is stale now
      this.take(lane, nowMs);
    }
  }

  /** Lane `lane`'s batching window (generation `generation`) closes. */
  windowClosed(lane: number, generation: number, nowMs: number): void {
    if (this.state[lane] !== GATHERING || this.generation[lane] !== generation) return;
    this.dropExpired(lane, 0, nowMs);
    if (this.lanes[lane]!.length === 0) this.state[lane] = IDLE;
    else this.take(lane, nowMs);
  }

  /** Lane `lane` tries its current batch again. */
  retry(lane: number, nowMs: number): void {
    if (this.state[lane] !== WAITING_RETRY) return;
    const left = this.dropExpired(lane, this.batchSize[lane]!, nowMs);
    if (left === 0) {
      this.moveOn(lane, nowMs);
      return;
    }
    this.batchSize[lane] = left;
    this.invoke(lane, nowMs);
  }

  /** The batch of `lane` ended at `nowMs`: done, or retried, or dropped to the on-failure destination. */
  finish(lane: number, failed: boolean, cold: boolean, nowMs: number): void {
    const q = this.lanes[lane]!;
    const n = this.batchSize[lane]!;
    if (!failed) {
      for (let k = 0; k < n; k++) {
        const measured = q.measuredAt(0);
        if (measured) this.stats.measuredAlive--;
        this.host.messageCompleted(this.f, q.arrivalAt(0), measured, cold, nowMs);
        q.shift();
      }
      this.stats.inFlightChanged(nowMs, -n);
      this.moveOn(lane, nowMs);
      return;
    }
    this.stats.failed(this.startedMs[lane]!);
    const retries = ++this.failures[lane]!;
    const maxRetries = this.config.maximumRetryAttempts;
    if (maxRetries >= 0 && retries > maxRetries) {
      for (let k = 0; k < n; k++) this.dropHead(q);
      this.stats.inFlightChanged(nowMs, -n);
      this.moveOn(lane, nowMs);
      return;
    }
    this.state[lane] = WAITING_RETRY;
    this.host.schedule(nowMs + STREAM_RETRY_DELAY_MS, EventKind.StreamRetry, this.laneBase + lane, 0);
  }

  /** Measured records not yet completed or dropped. */
  get measuredInFlight(): number {
    return this.stats.measuredAlive;
  }

  /** Records queued in `lane` (its current batch included). */
  laneLength(lane: number): number {
    return this.lanes[lane]!.length;
  }

  /** Ends the lane's current batch and starts the next one. */
  private moveOn(lane: number, nowMs: number): void {
    this.failures[lane] = 0;
    this.batchSize[lane] = 0;
    this.state[lane] = IDLE;
    this.begin(lane, nowMs);
  }

  /** An idle lane: takes a batch now, gathers one in its window, or stays idle. */
  private begin(lane: number, nowMs: number): void {
    this.dropExpired(lane, 0, nowMs);
    const q = this.lanes[lane]!;
    if (q.length === 0) return;
    if (q.length >= this.config.batchSize || this.config.batchingWindowMs === 0) {
      this.take(lane, nowMs);
      return;
    }
    this.state[lane] = GATHERING;
    const g = ++this.generation[lane]!;
    this.host.schedule(nowMs + this.config.batchingWindowMs, EventKind.StreamWindow, this.laneBase + lane, g);
  }

  /** Makes the head of the lane's queue its current batch and invokes the function. */
  private take(lane: number, nowMs: number): void {
    const q = this.lanes[lane]!;
    const n = Math.min(q.length, this.config.batchSize);
    this.batchSize[lane] = n;
    this.waiting -= n;
    this.stats.setDepth(nowMs, this.waiting);
    this.stats.inFlightChanged(nowMs, n);
    this.invoke(lane, nowMs);
  }

  private invoke(lane: number, nowMs: number): void {
    const q = this.lanes[lane]!;
    const n = this.batchSize[lane]!;
    this.stats.taken(nowMs, n, nowMs - q.arrivalAt(0));
    this.startedMs[lane] = nowMs;
    const draws = this.config.durationPer === "message" ? n : 1;
    const admitted = this.host.invokeBatch(this.f, nowMs, this.codeBase + this.laneBase + lane, draws);
    this.stats.invoked(nowMs, n, admitted);
    if (admitted) {
      this.state[lane] = RUNNING;
      return;
    }
    this.state[lane] = WAITING_RETRY;
    this.host.schedule(nowMs + STREAM_RETRY_DELAY_MS, EventKind.StreamRetry, this.laneBase + lane, 0);
  }

  /**
   * Drops records older than maximumRecordAge from the head of `lane`. `inBatch` of them belong to
   * the current batch (0 when none is formed); returns how many of those are left.
   */
  private dropExpired(lane: number, inBatch: number, nowMs: number): number {
    const maxAge = this.config.maximumRecordAgeMs;
    if (maxAge < 0) return inBatch;
    const q = this.lanes[lane]!;
    let left = inBatch;
    while (q.length > 0 && nowMs - q.arrivalAt(0) > maxAge) {
      if (left > 0) {
        left--;
        this.stats.inFlightChanged(nowMs, -1);
      } else {
        this.waiting--;
        this.stats.setDepth(nowMs, this.waiting);
      }
      this.dropHead(q);
    }
    return left;
  }

  private dropHead(q: MessageRing): void {
    const measured = q.measuredAt(0);
    if (measured) this.stats.measuredAlive--;
    this.host.messageDropped(this.f, measured);
    q.shift();
  }
}
