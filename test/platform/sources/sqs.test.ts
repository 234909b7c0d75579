import { describe, expect, it } from "vitest";
import type { FunctionConfig, SqsConfig } from "../../../src/platform/config.js";
import { simulate } from "../../../src/platform/simulate.js";
import { SqsPollers } from "../../../src/platform/sources/sqs-pollers.js";
import { fn, scenario } from "../../support/configs.js";

/**
 * An SQS-invoked function with the given settings over the documented defaults, its duration drawn
 * once per batch (`per: batch`: the closed forms below are per batch) unless the test says otherwise.
 */
function sqsFn(sqs: Partial<SqsConfig>, overrides: Partial<FunctionConfig> = {}): FunctionConfig {
  return fn({
    name: "worker",
    invocation: "sqs",
    sqs: { batchSize: 10, batchingWindowMs: 0, maximumConcurrency: null, visibilityTimeoutMs: 30_000, maxReceiveCount: null, durationPer: "batch", reportBatchItemFailures: false, ...sqs },
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

describe("SQS work per message (duration.per: message)", () => {
  const perMessage = (sqs: Partial<SqsConfig>, overrides: Partial<FunctionConfig>) => sqsFn({ durationPer: "message", ...sqs }, overrides);

  it("completes N pollers × batch size / (batch size × mean message duration) messages per second when saturated", () => {
    // 20 pollers, batches of 10, messages of mean 50 ms (exponential): a batch runs 10 draws, 500 ms on
    // average, so the pollers complete 20 × 10 / (10 × 0.05 s) = 400 messages/s. Per batch it would be 4,000/s.
    const pollers = 20;
    const batchSize = 10;
    const meanMs = 50;
    const bound = (pollers * batchSize) / ((batchSize * meanMs) / 1000);
    const res = simulate(
      scenario(
        [perMessage({ maximumConcurrency: pollers, batchSize }, { timeoutMs: 60_000, duration: { dist: "exponential", mean: meanMs }, arrivals: { kind: "poisson", ratePerSec: 1000 } })],
        { horizonMs: 600_000 },
      ),
    );
    const w = res.functions.worker!;
    expect(Math.abs(w.completed / 600 - bound) / bound).toBeLessThan(0.01);
    expect(w.batches!.meanSize).toBeGreaterThan(batchSize - 0.01);
    // Each batch is one invocation, billed for the sum of its messages: mean billed ≈ 500 ms.
    expect(Math.abs(w.usage.billedDurationMs / w.batches!.invoked - batchSize * meanMs) / (batchSize * meanMs)).toBeLessThan(0.02);
    expect(w.completed + w.droppedToDlq + w.inFlight).toBe(w.invocations);
  });

  it("drains a backlog at the closed-form rate minus the arrival rate, as the queue chart shows", () => {
    // 400 messages/s of capacity (as above) against 100/s, after a burst of 1,100/s for 60 s: the
    // backlog of (1,100 − 400) × 60 = 42,000 drains at 400 − 100 = 300 messages/s, in 140 s.
    const res = simulate(
      scenario(
        [
          perMessage(
            { maximumConcurrency: 20, batchSize: 10 },
            {
              timeoutMs: 60_000,
              duration: { dist: "exponential", mean: 50 },
              arrivals: { kind: "poisson", ratePerSec: 100, bursts: [{ atMs: 120_000, ratePerSec: 1000, forMs: 60_000, everyMs: null }] },
            },
          ),
        ],
        { horizonMs: 600_000, bucketMs: 1000 },
      ),
    );
    const q = res.functions.worker!.queue!.series;
    const at = (s: number) => res.series.t.indexOf(s);
    // The drain: between 20 s and 100 s after the burst the waiting messages fall by 300/s.
    const slope = (q.waiting[at(200)]! - q.waiting[at(280)]!) / 80;
    expect(Math.abs(slope - 300) / 300).toBeLessThan(0.04);
    // Peak about 42,000 at the burst's end, empty about 140 s later.
    const peak = Math.max(...q.waiting);
    expect(Math.abs(peak - 42_000) / 42_000).toBeLessThan(0.04);
    const emptyAt = res.series.t.find((t, i) => t > 180 && q.waiting[i]! < 50)!;
    expect(Math.abs(emptyAt - 320)).toBeLessThan(10);
    // The oldest message waited about 42,000 / 400 s = 105 s (first in, first out) at the peak.
    expect(Math.abs(Math.max(...q.oldestAgeMs) - 105_000) / 105_000).toBeLessThan(0.05);
    // In flight: 20 batches of 10 while saturated; the pollers sit at their cap; nothing throttled.
    expect(Math.max(...q.inFlight)).toBe(200);
    expect(Math.max(...q.pollers!)).toBe(20);
    expect(q.throttledBatches.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it("retries only the failed messages with reportBatchItemFailures, and the whole batch without it", () => {
    // errorRate 0.1 per message, full batches of 10: a message is received 1 / 0.9 times on average when
    // failures are reported per item, and 1 / 0.9^10 times when one failed message returns its whole batch.
    const run = (reportBatchItemFailures: boolean) =>
      simulate(
        scenario(
          [
            perMessage(
              { batchSize: 10, batchingWindowMs: 60_000, reportBatchItemFailures, visibilityTimeoutMs: 30_000 },
              { errorRate: 0.1, duration: { dist: "constant", value: 1 }, arrivals: { kind: "poisson", ratePerSec: 100 } },
            ),
          ],
          { horizonMs: 3_600_000 },
        ),
      ).functions.worker!;
    const partial = run(true);
    expect(Math.abs(partial.batches!.receives / partial.completed - 1 / 0.9) / (1 / 0.9)).toBeLessThan(0.02);
    expect(Math.abs(partial.batches!.itemFailures / partial.batches!.receives - 0.1) / 0.1).toBeLessThan(0.03);
    expect(partial.batches!.failed).toBe(0);
    expect(partial.errors).toBe(0);
    const whole = run(false);
    const want = 1 / 0.9 ** 10;
    expect(Math.abs(whole.batches!.receives / whole.completed - want) / want).toBeLessThan(0.05);
    expect(whole.batches!.itemFailures).toBe(0);
    expect(Math.abs(whole.batches!.failed / whole.batches!.invoked - (1 - 0.9 ** 10)) / (1 - 0.9 ** 10)).toBeLessThan(0.03);
    expect(whole.errors).toBe(whole.batches!.failed);
  });

  it("cuts a batch at the timeout as a whole: every message returns", () => {
    // 10 messages of 100 ms take 1 s: a 500 ms timeout fails every full batch, so nothing completes.
    const w = simulate(
      scenario(
        [perMessage({ batchSize: 10, batchingWindowMs: 10_000, maxReceiveCount: 2 }, { timeoutMs: 500, duration: { dist: "constant", value: 100 }, arrivals: { kind: "constant", ratePerSec: 10 } })],
        { horizonMs: 600_000 },
      ),
    ).functions.worker!;
    expect(w.completed).toBe(0);
    // Billed at the start, counted timed out at the end: the batches still running at the horizon differ.
    expect(w.usage.billedDurationMs).toBe(500 * w.batches!.invoked);
    expect(w.timedOut).toBeGreaterThanOrEqual(w.batches!.invoked - 2);
    expect(w.timedOut).toBeLessThanOrEqual(w.batches!.invoked);
  });
});
