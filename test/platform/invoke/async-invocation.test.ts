import { describe, expect, it } from "vitest";
import { simulate } from "../../../src/platform/simulate.js";
import { fn, scenario } from "../../support/configs.js";

describe("asynchronous invocation", () => {
  it("attempts every event three times with errorRate 1 and 2 retries, then sends it to the DLQ", () => {
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            invocation: "async",
            errorRate: 1,
            arrivals: { kind: "constant", ratePerSec: 1 },
            duration: { dist: "constant", value: 50 },
          }),
        ],
        // Events arriving in the last 3 minutes are still waiting for a retry at the end.
        { horizonMs: 3_600_000 },
      ),
    );
    const t = res.total;
    const finished = t.droppedToDlq;
    expect(finished).toBeGreaterThan(3000);
    expect(t.completed).toBe(0);
    expect(t.throttled).toBe(0);
    expect(t.invocations).toBe(3600);
    expect(t.droppedToDlq + t.inFlight).toBe(t.invocations);
    // Each dropped event: 3 attempts, 2 retries. In-flight ones have made 1 or 2 attempts so far.
    const attempts = t.latencyMs.count;
    expect(attempts).toBeGreaterThanOrEqual(3 * finished + t.inFlight);
    expect(attempts).toBeLessThanOrEqual(3 * finished + 2 * t.inFlight);
    expect(t.errors).toBe(attempts);
    // Retries 1 and 2 come 60 s and 120 s after a failure: an event is done 3 minutes after it came.
    expect(t.inFlight).toBe(180);
  });

  it("succeeds on the first attempt and retries nothing when the function does not fail", () => {
    const res = simulate(
      scenario([fn({ name: "f", invocation: "async", arrivals: { kind: "poisson", ratePerSec: 10 } })], { horizonMs: 600_000 }),
    );
    expect(res.total.retried).toBe(0);
    expect(res.total.droppedToDlq).toBe(0);
    expect(res.total.completed + res.total.inFlight).toBe(res.total.invocations);
  });

  it("retries a failed event and lets it succeed on a later attempt at the documented spacing", () => {
    // errorRate 0.5: P(3 failures) = 1/8 of the events reach the DLQ.
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            invocation: "async",
            errorRate: 0.5,
            arrivals: { kind: "poisson", ratePerSec: 20 },
            duration: { dist: "constant", value: 20 },
          }),
        ],
        { horizonMs: 3_600_000, warmupMs: 0 },
      ),
    );
    const t = res.total;
    const ended = t.completed + t.droppedToDlq;
    const dlqShare = t.droppedToDlq / ended;
    // Binomial standard error with ~70,000 events is ~0.0013; allow 5 of them.
    expect(Math.abs(dlqShare - 1 / 8)).toBeLessThan(5 * Math.sqrt((1 / 8) * (7 / 8) / ended));
    expect(t.completed + t.droppedToDlq + t.inFlight).toBe(t.invocations);
  });

  it("lets events expire to the DLQ when a throttled function cannot take them within maximumEventAge", () => {
    // One slot, 10 s jobs, 1 event/s: the queue grows without bound, and events older than 60 s go.
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            invocation: "async",
            reservedConcurrency: 1,
            async: { maximumRetryAttempts: 2, maximumEventAgeMs: 60_000 },
            arrivals: { kind: "constant", ratePerSec: 1 },
            duration: { dist: "constant", value: 10_000 },
          }),
        ],
        { horizonMs: 1_800_000, account: { concurrencyLimit: 1000 } },
      ),
    );
    const t = res.total;
    expect(t.throttled).toBe(0); // async callers are never refused
    expect(t.throttledAttempts).toBeGreaterThan(0);
    expect(t.droppedToDlq).toBeGreaterThan(0.8 * t.invocations);
    expect(t.completed).toBeLessThanOrEqual(180 + 1); // one 10-s job at a time for 30 minutes
    expect(t.completed + t.droppedToDlq + t.inFlight).toBe(t.invocations);
  });

  it("sends every event straight to the DLQ when reserved concurrency is 0", () => {
    const res = simulate(
      scenario(
        [fn({ name: "f", invocation: "async", reservedConcurrency: 0, arrivals: { kind: "constant", ratePerSec: 1 } })],
        { horizonMs: 60_000 },
      ),
    );
    expect(res.total.droppedToDlq).toBe(60);
    expect(res.total.retried).toBe(0);
  });
});
