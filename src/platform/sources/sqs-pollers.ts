/**
 * Scaling of the SQS pollers of one function: how many batches may be gathered or in flight at
 * once. A pure policy: the source calls `tick` once per POLLER_TICK_MS and reads `limit`.
 *
 * - Start: 5 concurrent batches (`lambda-limits.json` `sqsEventSource.initialConcurrentBatches`).
 * - Up: while messages wait and every poller is busy, +5 per 1-second tick, i.e. at most 300 per
 *   minute (`sqsEventSource.scaleUpPerMinute`), never past the cap: `maximumConcurrency` when set
 *   (`sqsEventSource.maximumConcurrencySetting`), else 1,250 (`sqsEventSource.maxConcurrentInvokes`).
 * - Throttled: a throttled batch drops the limit to the batches in progress (never below the idle
 *   floor) and stops scaling up until the next tick (lambdasim's reading of "pollers back off").
 * - Down (lambdasim choice): each tick with no message waiting drops the limit by the same step,
 *   never below the batches in progress nor below 2 (`sqsEventSource.minIdleBatches`).
 */
export class SqsPollers {
  /** Concurrent batches the pollers may gather or run now. */
  limit: number;
  /** Highest `limit` reached. */
  peak: number;
  /** Most concurrent batches ever: maximumConcurrency, or 1,250. */
  readonly cap: number;
  private readonly floor: number;
  private throttled = false;

  constructor(maximumConcurrency: number | null) {
    this.cap = maximumConcurrency ?? SQS_MAX_CONCURRENT_INVOKES;
    this.floor = Math.min(SQS_MIN_IDLE_BATCHES, this.cap);
    this.limit = Math.min(SQS_INITIAL_BATCHES, this.cap);
    this.peak = this.limit;
  }

  /** The 1-second step: `waiting` messages are visible and `busy` batches are gathering or running. */
  tick(waiting: number, busy: number): void {
    if (waiting > 0) {
      if (!this.throttled && busy >= this.limit) this.limit = Math.min(this.cap, this.limit + SQS_STEP_PER_TICK);
    } else this.limit = Math.max(this.floor, busy, this.limit - SQS_STEP_PER_TICK);
    if (this.limit > this.peak) this.peak = this.limit;
    this.throttled = false;
  }

  /** Whether the limit is as low as it goes and no back-off is pending: an idle queue's ticks would change nothing. */
  get settled(): boolean {
    return this.limit === this.floor && !this.throttled;
  }

  /** A batch invocation was throttled while `busy` batches were gathering or running. */
  backOff(busy: number): void {
    this.throttled = true;
    this.limit = Math.max(this.floor, busy);
  }
}

/** Concurrent batches when pollers start (`lambda-limits.json` `sqsEventSource.initialConcurrentBatches`). */
export const SQS_INITIAL_BATCHES = 5;
/** Concurrent batches added per minute at most (`sqsEventSource.scaleUpPerMinute`). */
export const SQS_SCALE_UP_PER_MINUTE = 300;
/** Most concurrent batches per event source mapping (`sqsEventSource.maxConcurrentInvokes`). */
export const SQS_MAX_CONCURRENT_INVOKES = 1250;
/** Concurrent batches kept when traffic is low (`sqsEventSource.minIdleBatches`). */
export const SQS_MIN_IDLE_BATCHES = 2;
/** Period of the poller scaling step, ms (lambdasim choice: the per-minute rate in 1-second steps). */
export const POLLER_TICK_MS = 1000;
/** Batches added per tick: 300 per minute in 1-second steps = 5. */
export const SQS_STEP_PER_TICK = (SQS_SCALE_UP_PER_MINUTE * POLLER_TICK_MS) / 60_000;
