import type { SqsConfig } from "../config.js";
import type { BucketAxis } from "../../core/stats/time-series.js";
import { SourceStats, type BatchHost } from "./event-source.js";
import { EventKind } from "../event-kinds.js";
import { MessageRing } from "./message-ring.js";
import { SqsBatchTable } from "./sqs-batches.js";
import { POLLER_TICK_MS, SqsPollers } from "./sqs-pollers.js";

/**
 * The SQS event source mapping of one function: a standard queue, its pollers and their batches.
 *
 * - Messages wait in the visible queue (FIFO here; a standard queue promises no order).
 * - A free poller (see SqsPollers for how many there are) takes a batch at once when
 *   `batchSize` messages are visible or there is no batching window; otherwise one poller gathers
 *   until the batch is full or the window has passed since it saw its first message.
 * - Each batch is one synchronous invoke through the host; with `durationPer: message` it runs the
 *   sum of one duration draw per message (the handler loops over the records), with `batch` one draw.
 * - A successful batch completes all its messages; a failed one, or a throttled one, keeps its
 *   messages invisible until `visibilityTimeout` after they were received, then returns them to
 *   the queue, except those received `maxReceiveCount` times, which go to the DLQ. A timeout fails
 *   the whole batch. Function errors are drawn once per batch with `durationPer: batch` and no
 *   `reportBatchItemFailures`; otherwise once per message: one failed message fails the whole batch,
 *   unless the batch reports item failures (ReportBatchItemFailures), when only the failed messages
 *   stay invisible and return (AWS "Handling errors for an SQS event source in Lambda").
 * - A throttle also makes the pollers back off (SqsPollers.backOff) and take nothing until the next tick.
 * - Every receive counts (throttled ones too, as in SQS, where ReceiveMessage increments it).
 *
 * Event kinds: SqsTick (target f), SqsWindow (target f, aux generation), SqsReappear (target f,
 * aux batch slot). Batch ends come back through `finish(slot, ...)`.
 */
export class SqsSource {
  readonly stats: SourceStats;
  readonly pollers: SqsPollers;
  private readonly queue = new MessageRing(64);
  private readonly batches: SqsBatchTable;
  /** Batches being run by the function. */
  private running = 0;
  /** 1 while one poller gathers a batch inside its batching window. */
  private gathering = 0;
  private windowGeneration = 0;
  /** No batch is taken before this time (pollers backing off after a throttle), ms. */
  private pausedUntilMs = 0;
  /** 1 while a scaling tick is scheduled (ticks stop while the queue is idle and settled). */
  private ticking = 0;

  /** Function errors are drawn per message (see the class comment) rather than once per batch. */
  readonly errorsPerMessage: boolean;
  /** Scratch: 1 for each message of the ending batch that failed (allocated once, batchSize long). */
  private readonly failedMarks: Uint8Array;

  constructor(
    private readonly f: number,
    private readonly functionCount: number,
    private readonly config: SqsConfig,
    private readonly host: BatchHost,
    private readonly codeBase: number,
    warmupMs: number,
    private readonly horizonMs: number,
    axis: BucketAxis,
  ) {
    this.stats = new SourceStats(warmupMs, axis, true);
    this.errorsPerMessage = config.durationPer === "message" || config.reportBatchItemFailures;
    this.failedMarks = new Uint8Array(config.batchSize);
    this.pollers = new SqsPollers(config.maximumConcurrency);
    this.batches = new SqsBatchTable(config.batchSize);
  }

  /** Starts the pollers' scaling clock. */
  start(): void {
    this.keepTicking(0);
  }

  /** A message is sent to the queue at `nowMs`. */
  arrive(nowMs: number, measured: boolean): void {
    this.queue.push(nowMs, 0, measured);
    if (measured) this.stats.measuredAlive++;
    this.stats.setDepth(nowMs, this.queue.length);
    if (this.ticking === 0) this.keepTicking(nowMs);
    this.pump(nowMs);
  }

  /** The pollers' scaling step; samples the oldest message's age for the queue chart. */
  tick(nowMs: number): void {
    this.ticking = 0;
    const series = this.stats.series;
    series.oldestAgeMs.set(nowMs, this.queue.length > 0 ? nowMs - this.queue.arrivalAt(0) : 0);
    this.pollers.tick(this.queue.length, this.running + this.gathering);
    series.pollers!.set(nowMs, this.pollers.limit);
    this.pausedUntilMs = 0; // a back-off lasts until the next tick
    this.pump(nowMs);
    // An idle, settled queue needs no clock: the next message restarts it on the same 1 s grid.
    const idle = this.queue.length === 0 && this.running === 0 && this.gathering === 0 && this.pollers.settled;
    if (!idle) this.keepTicking(nowMs);
  }

  /** The gathering poller's batching window (generation `generation`) closes. */
  windowClosed(generation: number, nowMs: number): void {
    if (generation !== this.windowGeneration || this.gathering === 0) return;
    this.gathering = 0;
    if (this.queue.length > 0 && nowMs >= this.pausedUntilMs) this.take(nowMs);
    this.pump(nowMs);
  }

  /**
   * The batch in `slot` ended at `nowMs`, admitted at its receive time: all its messages are done,
   * or (failed: a timeout, or an error drawn per batch) they reappear after the visibility timeout.
   * With errors drawn per message, draws them here (see the class comment). Returns true when
   * message errors failed the whole batch (a function error the host counts).
   */
  finish(slot: number, failed: boolean, cold: boolean, nowMs: number): boolean {
    this.running--;
    const b = this.batches;
    const base = slot * b.batchSize;
    const n = b.size[slot]!;
    let messageErrors = false;
    if (!failed && this.errorsPerMessage) {
      const marks = this.failedMarks;
      let failures = 0;
      for (let k = 0; k < n; k++) {
        const fails = this.host.messageFails(this.f);
        marks[k] = fails ? 1 : 0;
        if (fails) failures++;
      }
      if (failures > 0 && !this.config.reportBatchItemFailures) {
        failed = true; // the handler threw: the whole batch returns
        messageErrors = true;
      } else if (failures > 0) {
        this.completeReported(slot, failures, cold, nowMs);
        this.pump(nowMs);
        return false;
      }
    }
    if (failed) {
      this.stats.failed(b.receivedMs[slot]!);
      this.hide(slot, nowMs);
    } else {
      for (let k = 0; k < n; k++) {
        const measured = b.measured[base + k] === 1;
        if (measured) this.stats.measuredAlive--;
        this.host.messageCompleted(this.f, b.arrivalMs[base + k]!, measured, cold, nowMs);
      }
      this.stats.inFlightChanged(nowMs, -n);
      b.remove(slot);
    }
    this.pump(nowMs);
    return messageErrors;
  }

  /**
   * Partial batch response: completes the messages of `slot` not marked in `failedMarks` and keeps
   * the `failures` marked ones, moved to the front of the slot in order, invisible until their
   * visibility timeout (the batch is not a failed batch: the function returned normally).
   */
  private completeReported(slot: number, failures: number, cold: boolean, nowMs: number): void {
    const b = this.batches;
    const base = slot * b.batchSize;
    const n = b.size[slot]!;
    let kept = 0;
    for (let k = 0; k < n; k++) {
      const measured = b.measured[base + k] === 1;
      if (this.failedMarks[k] === 0) {
        if (measured) this.stats.measuredAlive--;
        this.host.messageCompleted(this.f, b.arrivalMs[base + k]!, measured, cold, nowMs);
        continue;
      }
      b.arrivalMs[base + kept] = b.arrivalMs[base + k]!;
      b.receives[base + kept] = b.receives[base + k]!;
      b.measured[base + kept] = b.measured[base + k]!;
      kept++;
    }
    b.size[slot] = kept;
    if (b.receivedMs[slot]! >= this.stats.warmupMs) this.stats.itemFailures += failures;
    this.stats.inFlightChanged(nowMs, kept - n);
    this.hide(slot, nowMs);
  }

  /** The visibility timeout of the batch in `slot` has passed: its messages return or go to the DLQ. */
  reappear(slot: number, nowMs: number): void {
    const b = this.batches;
    const base = slot * b.batchSize;
    const n = b.size[slot]!;
    const maxReceives = this.config.maxReceiveCount ?? Infinity;
    for (let k = 0; k < n; k++) {
      const measured = b.measured[base + k] === 1;
      if (b.receives[base + k]! >= maxReceives) {
        if (measured) this.stats.measuredAlive--;
        this.host.messageDropped(this.f, measured);
      } else this.queue.push(b.arrivalMs[base + k]!, b.receives[base + k]!, measured);
    }
    b.remove(slot);
    this.stats.inFlightChanged(nowMs, -n);
    this.stats.setDepth(nowMs, this.queue.length);
    if (this.ticking === 0) this.keepTicking(nowMs);
    this.pump(nowMs);
  }

  /** Schedules the next scaling tick, on the grid of whole POLLER_TICK_MS periods after `nowMs`. */
  private keepTicking(nowMs: number): void {
    const next = (Math.floor(nowMs / POLLER_TICK_MS) + 1) * POLLER_TICK_MS;
    if (next >= this.horizonMs) return;
    this.ticking = 1;
    this.host.schedule(next, EventKind.SqsTick, this.f, 0);
  }

  /** Measured messages not yet completed or dropped. */
  get measuredInFlight(): number {
    return this.stats.measuredAlive;
  }

  /** Takes batches while pollers are free and messages are visible. */
  private pump(nowMs: number): void {
    if (nowMs < this.pausedUntilMs) return;
    const size = this.config.batchSize;
    while (this.queue.length > 0) {
      if (this.gathering === 1) {
        if (this.queue.length < size) return; // the gatherer holds every visible message
        this.gathering = 0;
        if (!this.take(nowMs)) return;
        continue;
      }
      if (this.running >= this.pollers.limit) return;
      if (this.queue.length >= size || this.config.batchingWindowMs === 0) {
        if (!this.take(nowMs)) return;
        continue;
      }
      this.gathering = 1;
      this.windowGeneration++;
      this.host.schedule(nowMs + this.config.batchingWindowMs, EventKind.SqsWindow, this.f, this.windowGeneration);
      return;
    }
  }

  /** Receives one batch from the head of the queue and invokes the function; false when throttled. */
  private take(nowMs: number): boolean {
    const q = this.queue;
    const b = this.batches;
    const n = Math.min(q.length, this.config.batchSize);
    const slot = b.add(nowMs);
    const base = slot * b.batchSize;
    this.stats.taken(nowMs, n, nowMs - q.arrivalAt(0));
    for (let k = 0; k < n; k++) {
      b.arrivalMs[base + k] = q.arrivalAt(0);
      b.receives[base + k] = q.receivesAt(0) + 1;
      b.measured[base + k] = q.measuredAt(0) ? 1 : 0;
      q.shift();
    }
    b.size[slot] = n;
    this.stats.setDepth(nowMs, q.length);
    this.stats.inFlightChanged(nowMs, n);
    const draws = this.config.durationPer === "message" ? n : 1;
    const admitted = this.host.invokeBatch(this.f, nowMs, this.codeBase + slot * this.functionCount + this.f, draws);
    this.stats.invoked(nowMs, n, admitted);
    if (admitted) {
      this.running++;
      return true;
    }
    this.pollers.backOff(this.running + this.gathering);
    this.stats.series.pollers!.set(nowMs, this.pollers.limit);
    this.pausedUntilMs = Infinity; // until the next tick
    this.hide(slot, nowMs);
    return false;
  }

  /** Keeps the batch in `slot` invisible until its visibility timeout has passed. */
  private hide(slot: number, nowMs: number): void {
    const visibleAt = Math.max(nowMs, this.batches.receivedMs[slot]! + this.config.visibilityTimeoutMs);
    // Past the horizon the messages simply stay invisible: in flight at the end.
    if (visibleAt < this.horizonMs) this.host.schedule(visibleAt, EventKind.SqsReappear, this.f, slot);
  }
}
