import { describe, expect, it } from "vitest";
import type { FunctionConfig, SqsConfig } from "../../src/platform/config.js";
import { simulate } from "../../src/platform/simulate.js";
import { SqsPollers } from "../../src/platform/sqs-pollers.js";
import { fn, scenario } from "../support/configs.js";

/** An SQS-invoked function with the given settings over the documented defaults. */
function sqsFn(sqs: Partial<SqsConfig>, overrides: Partial<FunctionConfig> = {}): FunctionConfig {
  return fn({
    name: "worker",
    invocation: "sqs",
    sqs: { batchSize: 10, batchingWindowMs: 0, maximumConcurrency: null, visibilityTimeoutMs: 30_000, maxReceiveCount: null, ...sqs },
    duration: { dist: "constant", value: 1000 },
    ...overrides,
  });
}

describe("SQS pollers (policy)", () => {
  it("start at 5 batches, add 5 per 1-second tick while messages wait, and stop at the cap", () => {
    const p = new SqsPollers(23);
    expect(p.limit).toBe(5);
    p.tick(100, 5);
    expect(p.limit).toBe(10);
    p.tick(100, 3); // pollers not all busy: no need for more
    expect(p.limit).toBe(10);
    for (let i = 0; i < 10; i++) p.tick(100, p.limit);
    expect(p.limit).toBe(23);
  });

  it("scale down by 5 per tick on an empty queue, to the batches in progress or 2", () => {
    const p = new SqsPollers(null);
    for (let i = 0; i < 4; i++) p.tick(100, p.limit);
    expect(p.limit).toBe(25);
    p.tick(0, 12);
    expect(p.limit).toBe(20);
    p.tick(0, 18);
    expect(p.limit).toBe(18);
    for (let i = 0; i < 10; i++) p.tick(0, 0);
    expect(p.limit).toBe(2);
    expect(p.peak).toBe(25);
  });

  it("back off to the batches in progress after a throttle and skip the next scale-up", () => {
    const p = new SqsPollers(null);
    for (let i = 0; i < 4; i++) p.tick(100, p.limit);
    p.backOff(7);
    expect(p.limit).toBe(7);
    p.tick(100, 7);
    expect(p.limit).toBe(7);
    p.tick(100, 7);
    expect(p.limit).toBe(12);
  });
});

describe("SQS invocation", () => {
  it("ramps batch concurrency from 5 by 300 per minute under a large backlog and stops at maximumConcurrency", () => {
    const res = simulate(
      scenario([sqsFn({ maximumConcurrency: 200 }, { arrivals: { kind: "constant", ratePerSec: 5000 } })], {
        horizonMs: 120_000,
        bucketMs: 10_000,
      }),
    );
    const w = res.functions.worker!;
    // Ticks at 1 s, 2 s, ...: after tick k the limit is 5 + 5k; a 10 s bucket starting at a ends on tick a + 9.
    const want = res.series.t.map((t) => Math.min(200, 5 + 5 * (t + 9)));
    expect(res.series.concurrencyMax).toEqual(want);
    expect(w.concurrency.peak).toBe(200);
    expect(w.batches!.peakPollers).toBe(200);
    expect(w.completed + w.droppedToDlq + w.inFlight).toBe(w.invocations);
  });

  it("receives every message maxReceiveCount times, a visibility timeout apart, then sends it to the DLQ when every batch fails", () => {
    const res = simulate(
      scenario(
        [sqsFn({ maxReceiveCount: 3, visibilityTimeoutMs: 30_000 }, { errorRate: 1, duration: { dist: "constant", value: 50 }, arrivals: { kind: "constant", ratePerSec: 1 } })],
        { horizonMs: 3_600_000 },
      ),
    );
    const w = res.functions.worker!;
    expect(w.invocations).toBe(3600);
    expect(w.completed).toBe(0);
    // Received at 0 s, 30 s, 60 s after arrival; dropped at 90 s: the last 90 s of arrivals are in flight.
    expect(w.inFlight).toBe(90);
    expect(w.droppedToDlq).toBe(3600 - 90);
    const inFlightReceives = w.batches!.receives - 3 * w.droppedToDlq;
    expect(inFlightReceives).toBeGreaterThanOrEqual(w.inFlight);
    expect(inFlightReceives).toBeLessThanOrEqual(3 * w.inFlight);
    // The oldest message at a receive is one that reappeared twice: 2 visibility timeouts old, plus
    // at most one 50 ms batch when three batches (a new message, two returning) meet 2 idle pollers.
    expect(w.queue!.maxAgeMs).toBeGreaterThanOrEqual(60_000);
    expect(w.queue!.maxAgeMs).toBeLessThanOrEqual(60_050 + 1e-6);
    expect(w.errors).toBe(w.batches!.invoked);
  });

  it("completes min(arrival rate, concurrency × batch size / batch duration) messages per second", () => {
    const maximumConcurrency = 20;
    const batchSize = 10;
    const durationMs = 500;
    const bound = (maximumConcurrency * batchSize) / (durationMs / 1000); // 400 messages/s
    for (const rate of [1000, 200]) {
      const res = simulate(
        scenario(
          [
            sqsFn(
              { maximumConcurrency, batchSize },
              { duration: { dist: "constant", value: durationMs }, arrivals: { kind: "poisson", ratePerSec: rate } },
            ),
          ],
          { horizonMs: 600_000 },
        ),
      );
      const w = res.functions.worker!;
      const want = Math.min(rate, bound);
      // The first 3 s run below the cap (5, 10, 15 batches): a loss under 0.5 % of 600 s.
      expect(Math.abs(w.completed / 600 - want) / want).toBeLessThan(0.01);
      expect(w.completed + w.droppedToDlq + w.inFlight).toBe(w.invocations);
      if (rate > bound) {
        // Full batches from the moment a backlog forms (the first few at start-up are smaller).
        expect(w.batches!.meanSize).toBeGreaterThan(batchSize - 0.01);
        expect(w.queue!.peakDepth).toBeGreaterThan((rate - bound) * 500);
      }
    }
  });

  it("gathers a batch for batchingWindow after its first message when the batch does not fill", () => {
    const res = simulate(
      scenario(
        [
          sqsFn(
            { batchSize: 100, batchingWindowMs: 2000 },
            { duration: { dist: "constant", value: 100 }, arrivals: { kind: "constant", ratePerSec: 10 } },
          ),
        ],
        { horizonMs: 600_000 },
      ),
    );
    const w = res.functions.worker!;
    // A window opened by a message at t takes the messages of [t, t + 2 s): 20 of them, one every 100 ms
    // (the one at exactly t + 2 s may fall either side of the window's end).
    expect(w.batches!.meanSize).toBeGreaterThanOrEqual(20);
    expect(w.batches!.meanSize).toBeLessThanOrEqual(21);
    // A message waits for the rest of its window (1 s on average), then the 100 ms batch.
    expect(w.latencyMs.mean!).toBeGreaterThan(1000);
    expect(w.latencyMs.mean!).toBeLessThan(1200);
    expect(w.latencyMs.max!).toBeLessThanOrEqual(2100 + 1e-6);
  });

  it("rates cold starts per batch invocation, not per message", () => {
    // Batches of ~20 messages 2 s apart on an environment that expires 500 ms after each: every batch is cold.
    const res = simulate(
      scenario(
        [
          sqsFn(
            { batchSize: 100, batchingWindowMs: 2000 },
            { duration: { dist: "constant", value: 100 }, idleLifetime: { dist: "constant", value: 500 }, arrivals: { kind: "constant", ratePerSec: 10 } },
          ),
        ],
        { horizonMs: 600_000 },
      ),
    );
    const w = res.functions.worker!;
    expect(w.coldStarts).toBe(w.batches!.invoked);
    expect(w.coldStartRate).toBe(1);
    expect(res.total.coldStartRate).toBe(1);
    expect(w.invocations).toBeGreaterThan(19 * w.batches!.invoked);
  });

  it("counts only messages that arrive after the warm-up, even when a backlog straddles it", () => {
    const res = simulate(
      scenario(
        [sqsFn({ maximumConcurrency: 10 }, { duration: { dist: "constant", value: 1000 }, arrivals: { kind: "constant", ratePerSec: 200 } })],
        { horizonMs: 300_000, warmupMs: 60_000 },
      ),
    );
    const w = res.functions.worker!;
    expect(w.invocations).toBe(240 * 200);
    // 100 messages/s are served of 200/s: the warm-up's backlog of ~6,000 goes first.
    expect(w.completed).toBeGreaterThan(240 * 100 - 6000 - 200);
    expect(w.completed).toBeLessThan(240 * 100 - 6000 + 200);
    expect(w.completed + w.droppedToDlq + w.inFlight).toBe(w.invocations);
  });

  it("spends no events on an idle queue between sparse messages", () => {
    const res = simulate(
      scenario([sqsFn({}, { arrivals: { kind: "constant", ratePerSec: 1 / 600 } })], { horizonMs: 86_400_000 }),
    );
    const w = res.functions.worker!;
    expect(w.invocations).toBe(144);
    expect(w.completed).toBe(144);
    // An arrival, a finish, a few scaling ticks and idle expiries per message; not 86,400 ticks.
    expect(res.engine.events).toBeLessThan(10 * 144);
  });

  it("returns throttled batches to the queue and still completes every message under reserved concurrency", () => {
    const res = simulate(
      scenario(
        [
          sqsFn(
            { maximumConcurrency: 50 },
            { reservedConcurrency: 2, duration: { dist: "constant", value: 100 }, arrivals: { kind: "poisson", ratePerSec: 100 } },
          ),
        ],
        { horizonMs: 600_000 },
      ),
    );
    const w = res.functions.worker!;
    expect(w.concurrency.peak).toBe(2);
    expect(w.batches!.throttled).toBeGreaterThan(0);
    expect(w.throttledAttempts).toBe(w.batches!.throttled);
    expect(w.throttled).toBe(0);
    expect(w.droppedToDlq).toBe(0);
    // Capacity is 2 × 10 / 0.1 s = 200 messages/s > 100/s: all but the last moments are done.
    expect(w.completed / w.invocations).toBeGreaterThan(0.99);
    expect(w.completed + w.droppedToDlq + w.inFlight).toBe(w.invocations);
  });
});
