import type { FunctionConfig } from "../config.js";
import { SQS_BATCH_BASE, STREAM_LANE_BASE, type BatchHost } from "./event-source.js";
import { EventKind } from "../event-kinds.js";
import type { BatchResult, QueueResult } from "../result.js";
import { SqsSource } from "./sqs-source.js";
import { StreamSource } from "./stream-source.js";
import { roundDecimals6 } from "../../core/round.js";
import type { BucketAxis } from "../../core/stats/time-series.js";

/**
 * The event source mappings of an account: one SqsSource or StreamSource per function invoked by
 * `sqs` or `stream` (null for the others), and the routing of their events and batch ends.
 */
export class EventSources {
  private readonly sqs: Array<SqsSource | null>;
  private readonly streams: Array<StreamSource | null>;
  /** Stream function of each lane (lanes numbered across all stream functions). */
  private readonly laneFunction: Int32Array;
  private readonly functionCount: number;

  /** The sources' queue series go on `axis` (the account's bucket axis). */
  constructor(functions: readonly FunctionConfig[], host: BatchHost, warmupMs: number, horizonMs: number, axis: BucketAxis) {
    const n = functions.length;
    this.functionCount = n;
    let lanes = 0;
    this.sqs = functions.map((fc, f) => {
      if (fc.invocation !== "sqs") return null;
      if (!fc.sqs) throw new Error(`function ${fc.name}: invocation sqs without sqs settings`);
      return new SqsSource(f, n, fc.sqs, host, SQS_BATCH_BASE, warmupMs, horizonMs, axis);
    });
    this.streams = functions.map((fc, f) => {
      if (fc.invocation !== "stream") return null;
      if (!fc.stream) throw new Error(`function ${fc.name}: invocation stream without stream settings`);
      const s = new StreamSource(f, fc.stream, host, lanes, STREAM_LANE_BASE, warmupMs, axis);
      lanes += s.laneCount;
      return s;
    });
    this.laneFunction = new Int32Array(lanes);
    this.streams.forEach((s, f) => {
      if (s !== null) this.laneFunction.fill(f, s.laneBase, s.laneBase + s.laneCount);
    });
  }

  /** Whether function `f` is invoked by an event source mapping (its arrivals are messages). */
  has(f: number): boolean {
    return this.sqs[f] !== null || this.streams[f] !== null;
  }

  /** Starts the pollers' clocks. */
  start(): void {
    for (const s of this.sqs) s?.start();
  }

  /** A message (or record) of function `f` arrives. */
  arrive(f: number, nowMs: number, measured: boolean): void {
    const q = this.sqs[f];
    if (q) q.arrive(nowMs, measured);
    else this.streams[f]!.arrive(nowMs, measured);
  }

  /** Handles the event kinds of event sources (SqsTick..StreamRetry). */
  handle(kind: number, target: number, aux: number, nowMs: number): void {
    switch (kind) {
      case EventKind.SqsTick:
        this.sqs[target]!.tick(nowMs);
        break;
      case EventKind.SqsWindow:
        this.sqs[target]!.windowClosed(aux, nowMs);
        break;
      case EventKind.SqsReappear:
        this.sqs[target]!.reappear(aux, nowMs);
        break;
      case EventKind.StreamWindow: {
        const s = this.streamOfLane(target);
        s.windowClosed(target - s.laneBase, aux, nowMs);
        break;
      }
      case EventKind.StreamRetry: {
        const s = this.streamOfLane(target);
        s.retry(target - s.laneBase, nowMs);
        break;
      }
    }
  }

  /** Whether the batches of `f` draw function errors per message (an SQS queue; see SqsSource), not once per batch. */
  errorsPerMessage(f: number): boolean {
    const q = this.sqs[f];
    return q !== null && q !== undefined && q.errorsPerMessage;
  }

  /**
   * A batch with `requestEvent` code `code` (≥ SQS_BATCH_BASE) ended. Returns true when errors drawn
   * per message failed the whole batch (a function error the caller counts).
   */
  finish(code: number, failed: boolean, cold: boolean, nowMs: number): boolean {
    if (code >= STREAM_LANE_BASE) {
      const lane = code - STREAM_LANE_BASE;
      const s = this.streamOfLane(lane);
      s.finish(lane - s.laneBase, failed, cold, nowMs);
      return false;
    }
    const h = code - SQS_BATCH_BASE;
    const f = h % this.functionCount;
    return this.sqs[f]!.finish((h - f) / this.functionCount, failed, cold, nowMs);
  }

  /** Measured messages of `f` not yet completed or dropped (each counted once). */
  inFlight(f: number): number {
    const q = this.sqs[f];
    if (q) return q.measuredInFlight;
    const s = this.streams[f];
    return s ? s.measuredInFlight : 0;
  }

  /** Queue figures of function `f` over the measured window, or undefined for other invocation types. */
  queueResult(f: number, endMs: number): QueueResult | undefined {
    const src = this.sqs[f] ?? this.streams[f];
    if (!src) return undefined;
    const st = src.stats;
    st.series.finish(endMs);
    return { peakDepth: st.depth.peak, meanDepth: roundDecimals6(st.depth.mean(endMs)), maxAgeMs: st.maxAgeMs, series: st.series.toResult() };
  }

  /** Batch figures of function `f` over the measured window, or undefined for other invocation types. */
  batchResult(f: number): BatchResult | undefined {
    const q = this.sqs[f];
    const src = q ?? this.streams[f];
    if (!src) return undefined;
    const st = src.stats;
    return {
      invoked: st.batches,
      meanSize: st.batches > 0 ? roundDecimals6(st.batchedMessages / st.batches) : null,
      failed: st.failedBatches,
      throttled: st.throttledBatches,
      receives: st.receives,
      itemFailures: st.itemFailures,
      peakPollers: q ? q.pollers.peak : null,
    };
  }

  private streamOfLane(lane: number): StreamSource {
    return this.streams[this.laneFunction[lane]!]!;
  }
}
