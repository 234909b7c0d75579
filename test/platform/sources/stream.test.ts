import { describe, expect, it } from "vitest";
import type { FunctionConfig, StreamConfig } from "../../../src/platform/config.js";
import { STREAM_LANE_BASE, type BatchHost } from "../../../src/platform/sources/event-source.js";
import { BucketAxis } from "../../../src/core/stats/time-series.js";
import { EventKind } from "../../../src/platform/event-kinds.js";
import { simulate } from "../../../src/platform/simulate.js";
import { STREAM_RETRY_DELAY_MS, StreamSource } from "../../../src/platform/sources/stream-source.js";
import { fn, scenario } from "../../support/configs.js";

const DEFAULT_STREAM: StreamConfig = {
  shards: 2,
  parallelizationFactor: 1,
  batchSize: 100,
  batchingWindowMs: 0,
  maximumRecordAgeMs: -1,
  maximumRetryAttempts: -1,
  durationPer: "batch",
};

/** A chart axis for sources built by hand: one 1-hour bucket. */
const AXIS = new BucketAxis(0, 3_600_000, 3_600_000);

/** A host that admits every batch and lets the test end batches and fire retries by hand. */
class FakeHost implements BatchHost {
  /** Lanes with a batch in flight, in invocation order. */
  running: number[] = [];
  invocations: number[] = [];
  /** Arrival time of each completed record, by lane of the test's own bookkeeping. */
  completed: number[] = [];
  dropped = 0;
  retries: Array<{ at: number; lane: number }> = [];
  invokeBatch(_f: number, _now: number, code: number): boolean {
    const lane = code - STREAM_LANE_BASE;
    this.running.push(lane);
    this.invocations.push(lane);
    return true;
  }
  messageCompleted(_f: number, arrivalMs: number): void {
    this.completed.push(arrivalMs);
  }
  messageFails(): boolean {
    return false;
  }
  messageDropped(): void {
    this.dropped++;
  }
  schedule(timeMs: number, kind: number, target: number): void {
    if (kind === EventKind.StreamRetry) this.retries.push({ at: timeMs, lane: target });
  }
  /** Ends lane `lane`'s batch. */
  end(src: StreamSource, lane: number, failed: boolean, now: number): void {
    this.running.splice(this.running.indexOf(lane), 1);
    src.finish(lane, failed, false, now);
  }
  /** Fires the earliest pending retry; returns its time. */
  fireNext(src: StreamSource): number {
    const at = Math.min(...this.retries.map((r) => r.at));
    this.fireRetries(src, at);
    return at;
  }
  /** Fires the retries due by `now`. */
  fireRetries(src: StreamSource, now: number): void {
    const due = this.retries.filter((r) => r.at <= now);
    this.retries = this.retries.filter((r) => r.at > now);
    for (const r of due) src.retry(r.lane, r.at);
  }
}

function streamFn(stream: Partial<StreamConfig>, overrides: Partial<FunctionConfig> = {}): FunctionConfig {
  return fn({
    name: "consumer",
    invocation: "stream",
    stream: { ...DEFAULT_STREAM, ...stream },
    duration: { dist: "constant", value: 200 },
    ...overrides,
  });
}

describe("stream shards (lanes)", () => {
  it("blocks a shard behind its failing batch while the other shard proceeds, until the records expire", () => {
    const host = new FakeHost();
    const src = new StreamSource(0, { ...DEFAULT_STREAM, batchSize: 2, maximumRecordAgeMs: 60_000 }, host, 0, STREAM_LANE_BASE, 0, AXIS);
    // Round robin: records at 0, 2 ms go to shard 0; at 1, 3 ms to shard 1.
    for (let t = 0; t < 4; t++) src.arrive(t, true);
    expect(host.running).toEqual([0, 1]);
    host.end(src, 0, true, 10);
    host.end(src, 1, false, 10);
    expect(host.completed).toEqual([1]);
    expect(host.running).toEqual([1]); // shard 1 moved on to its record of 3 ms
    host.end(src, 1, false, 20);
    expect(host.completed).toEqual([1, 3]);
    // Shard 0 retries the same record for a minute and keeps its second record behind it.
    let now = 10;
    let retries = 0;
    // Each attempt takes 5 ms and the next one comes a retry delay later, at 10 + k · 1,005 ms.
    while (Math.min(...host.retries.map((r) => r.at)) <= 60_000) {
      now = host.fireNext(src);
      expect(host.running).toEqual([0]);
      expect(src.laneLength(0)).toBe(2);
      host.end(src, 0, true, now + 5);
      retries++;
    }
    expect(retries).toBe(59);
    const fifth = now + 5;
    src.arrive(fifth, true); // the 5th record: to shard 0, behind the blocked batch
    now = host.fireNext(src);
    expect(now).toBeGreaterThan(60_000);
    // Past 60 s both old records go to the on-failure destination and the lane takes the new one.
    expect(host.dropped).toBe(2);
    expect(host.running).toEqual([0]);
    host.end(src, 0, false, now + 5);
    expect(host.completed).toEqual([1, 3, fifth]);
  });

  it("drops a batch after maximumRetryAttempts retries and moves the shard on", () => {
    const host = new FakeHost();
    const src = new StreamSource(0, { ...DEFAULT_STREAM, shards: 1, batchSize: 2, maximumRetryAttempts: 2 }, host, 0, STREAM_LANE_BASE, 0, AXIS);
    for (let t = 0; t < 3; t++) src.arrive(t, true);
    let now = 10;
    host.end(src, 0, true, now);
    for (let i = 0; i < 2; i++) {
      now = host.fireNext(src);
      host.end(src, 0, true, now + 5);
    }
    // The first record came alone (no batching window): 1 attempt + 2 retries, then the next batch.
    expect(host.invocations).toEqual([0, 0, 0, 0]);
    expect(host.dropped).toBe(1);
    host.end(src, 0, false, now + 10);
    expect(host.completed).toEqual([1, 2]);
  });

  it("processes the records of every lane in arrival order whatever the order batches end in", () => {
    const host = new FakeHost();
    const shards = 3;
    const parallelizationFactor = 2;
    const src = new StreamSource(
      0,
      { ...DEFAULT_STREAM, shards, parallelizationFactor, batchSize: 4 },
      host,
      0,
      STREAM_LANE_BASE,
      0,
      AXIS,
    );
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let peak = 0;
    for (let now = 0; host.completed.length < 600 && now < 1_000_000; now++) {
      if (now < 600) src.arrive(now, true); // record k arrives at k ms
      host.fireRetries(src, now);
      if (host.running.length > 0 && rand() < 0.5) {
        const lane = host.running[Math.floor(rand() * host.running.length)]!;
        host.end(src, lane, rand() < 0.3, now);
      }
      peak = Math.max(peak, host.running.length);
    }
    expect(host.completed.length).toBe(600);
    expect(peak).toBeLessThanOrEqual(shards * parallelizationFactor);
    // Record k went to lane (k mod shards)·factor + ⌊k / shards⌋ mod factor.
    const laneOf = (k: number) => (k % shards) * parallelizationFactor + (Math.floor(k / shards) % parallelizationFactor);
    for (let lane = 0; lane < shards * parallelizationFactor; lane++) {
      const seen = host.completed.filter((k) => laneOf(k) === lane);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen.length).toBe(100);
    }
  });
});

describe("stream invocation", () => {
  it("never runs more than shards × parallelizationFactor batches, and reaches it under overload", () => {
    const res = simulate(
      scenario([streamFn({ shards: 4, parallelizationFactor: 3, batchSize: 10 }, { arrivals: { kind: "poisson", ratePerSec: 2000 } })], {
        horizonMs: 300_000,
      }),
    );
    const c = res.functions.consumer!;
    expect(c.concurrency.peak).toBe(12);
    // 12 lanes × 10 records / 0.2 s = 600 records/s of 2,000/s arriving.
    expect(Math.abs(c.completed / 300 - 600) / 600).toBeLessThan(0.01);
    expect(c.completed + c.droppedToDlq + c.inFlight).toBe(c.invocations);
  });

  it("attempts every batch 1 + maximumRetryAttempts times when all fail, then drops its records", () => {
    const res = simulate(
      scenario(
        [streamFn({ shards: 2, batchSize: 5, maximumRetryAttempts: 2 }, { errorRate: 1, duration: { dist: "constant", value: 50 }, arrivals: { kind: "constant", ratePerSec: 2 } })],
        { horizonMs: 600_000 },
      ),
    );
    const c = res.functions.consumer!;
    expect(c.completed).toBe(0);
    expect(c.droppedToDlq + c.inFlight).toBe(c.invocations);
    expect(c.droppedToDlq).toBeGreaterThan(1100);
    // Each record is handed over 3 times before it is dropped; records in flight fewer times.
    const inFlightReceives = c.batches!.receives - 3 * c.droppedToDlq;
    expect(inFlightReceives).toBeGreaterThanOrEqual(0);
    expect(inFlightReceives).toBeLessThanOrEqual(3 * c.inFlight);
    expect(c.errors).toBe(c.batches!.invoked);
  });

  it("gathers records for the batching window on each lane", () => {
    const res = simulate(
      scenario(
        [streamFn({ shards: 2, batchSize: 100, batchingWindowMs: 1000 }, { duration: { dist: "constant", value: 50 }, arrivals: { kind: "constant", ratePerSec: 20 } })],
        { horizonMs: 600_000 },
      ),
    );
    const c = res.functions.consumer!;
    // Each shard gets 10 records/s; a window of 1 s from a lane's first record gathers 10 of them.
    expect(c.batches!.meanSize).toBeGreaterThanOrEqual(9.9);
    expect(c.batches!.meanSize).toBeLessThanOrEqual(11);
    // At worst a record arrives while its lane's batch runs (50 ms), then waits a window and its own batch.
    expect(c.latencyMs.max!).toBeLessThanOrEqual(50 + 1000 + 50 + 1e-6);
    expect(c.completed + c.droppedToDlq + c.inFlight).toBe(c.invocations);
  });

  it("retries a failing batch until its records are older than maximumRecordAge", () => {
    const res = simulate(
      scenario(
        [streamFn({ shards: 1, batchSize: 10, maximumRecordAgeMs: 60_000 }, { errorRate: 1, duration: { dist: "constant", value: 50 }, arrivals: { kind: "constant", ratePerSec: 1 } })],
        { horizonMs: 1_200_000 },
      ),
    );
    const c = res.functions.consumer!;
    expect(c.completed).toBe(0);
    expect(c.droppedToDlq + c.inFlight).toBe(c.invocations);
    // A record is dropped once older than 60 s (at the next retry, 1.05 s apart): the last ~61 s are in flight.
    expect(c.inFlight).toBeGreaterThanOrEqual(60);
    expect(c.inFlight).toBeLessThanOrEqual(62);
    expect(c.queue!.maxAgeMs).toBeLessThanOrEqual(60_000 + STREAM_RETRY_DELAY_MS + 50);
  });
});
