import { describe, expect, it } from "vitest";
import { simulate } from "../../src/platform/simulate.js";
import { fn, scenario } from "../support/configs.js";

const everyMinutes = (m: number) => ({ kind: "constant" as const, ratePerSec: 1 / (m * 60) });

describe("execution environment lifecycle", () => {
  it("gives exactly one cold start when a request comes every 5 minutes and environments idle for 10", () => {
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            arrivals: everyMinutes(5),
            duration: { dist: "constant", value: 100 },
            coldStart: { dist: "constant", value: 250 },
            idleLifetime: { dist: "constant", value: 10 * 60_000 },
          }),
        ],
        { horizonMs: 6 * 3_600_000 },
      ),
    );
    expect(res.total.invocations).toBe(72);
    expect(res.total.coldStarts).toBe(1);
    expect(res.total.latencyMs.cold.max).toBe(350);
    expect(res.total.latencyMs.warm.max).toBe(100);
    expect(res.total.environments.peak).toBe(1);
  });

  it("gives a cold start to every request when they come every 11 minutes and environments idle for 10", () => {
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            arrivals: everyMinutes(11),
            duration: { dist: "constant", value: 100 },
            coldStart: { dist: "constant", value: 250 },
            idleLifetime: { dist: "constant", value: 10 * 60_000 },
          }),
        ],
        { horizonMs: 6 * 3_600_000 },
      ),
    );
    expect(res.total.invocations).toBe(33);
    expect(res.total.coldStarts).toBe(33);
    // Each environment is reclaimed 10 minutes after its request, before the next one arrives;
    // the last one (request at 352 min) would go at 362 min, after the 360-minute horizon.
    expect(res.total.environments.reclaimed).toBe(32);
    expect(res.total.environments.peak).toBe(1);
  });

  it("cuts an invocation at the function timeout and counts it timed out", () => {
    const res = simulate(
      scenario([fn({ name: "f", timeoutMs: 3000, arrivals: everyMinutes(1), duration: { dist: "constant", value: 5000 } })], {
        horizonMs: 600_000,
      }),
    );
    expect(res.total.timedOut).toBe(10);
    expect(res.total.completed).toBe(10);
    expect(res.total.latencyMs.warm.max).toBe(3000);
  });

  it("excludes the warm-up from every count", () => {
    const res = simulate(
      scenario([fn({ name: "f", arrivals: everyMinutes(1), duration: { dist: "constant", value: 10 } })], {
        horizonMs: 3_600_000,
        warmupMs: 600_000,
      }),
    );
    // Arrivals at 0, 1, ..., 59 minutes; those at 10..59 are measured and the first of them is warm.
    expect(res.total.invocations).toBe(50);
    expect(res.total.coldStarts).toBe(0);
    expect(res.series.arrivals.reduce((a, b) => a + b, 0)).toBe(50);
  });
});

describe("concurrency limits", () => {
  it("throttles a function at its reserved concurrency while its neighbour keeps the unreserved pool", () => {
    const res = simulate(
      scenario(
        [
          fn({ name: "capped", reservedConcurrency: 5, arrivals: { kind: "poisson", ratePerSec: 20 } }),
          fn({ name: "free", arrivals: { kind: "poisson", ratePerSec: 20 } }),
        ],
        { account: { concurrencyLimit: 1000 }, horizonMs: 600_000 },
      ),
    );
    expect(res.functions.capped!.concurrency.peak).toBe(5);
    expect(res.functions.capped!.throttled).toBeGreaterThan(0);
    expect(res.functions.free!.throttled).toBe(0);
  });

  it("counts every arrival as completed, throttled or in flight at the end", () => {
    const res = simulate(
      scenario([fn({ name: "f", arrivals: { kind: "poisson", ratePerSec: 30 }, duration: { dist: "exponential", mean: 2000 } })], {
        account: { concurrencyLimit: 40 },
        horizonMs: 600_000,
      }),
    );
    const t = res.total;
    expect(t.throttled).toBeGreaterThan(0);
    expect(t.inFlight).toBeGreaterThan(0);
    expect(t.completed + t.throttled + t.inFlight).toBe(t.invocations);
    expect(t.concurrency.peak).toBe(40);
  });
});

describe("billing usage", () => {
  it("bills each request's duration rounded up to the next millisecond, and INIT time of cold starts", () => {
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            arrivals: everyMinutes(1),
            duration: { dist: "constant", value: 100.2 },
            coldStart: { dist: "constant", value: 250.5 },
            idleLifetime: { dist: "constant", value: 30_000 },
          }),
        ],
        { horizonMs: 600_000 },
      ),
    );
    // 10 requests a minute apart; each environment is reclaimed after 30 s, so all are cold.
    expect(res.total.coldStarts).toBe(10);
    expect(res.total.usage.billedDurationMs).toBe(10 * 101);
    expect(res.total.usage.initDurationMs).toBeCloseTo(10 * 250.5, 9);
  });
});

describe("client retries of throttled sync requests", () => {
  const run = (clientRetries: { maxAttempts: number; baseMs: number; capMs: number } | null) =>
    simulate(
      scenario(
        [
          fn({
            name: "f",
            clientRetries,
            arrivals: { kind: "poisson", ratePerSec: 8 },
            duration: { dist: "exponential", mean: 1000 },
          }),
        ],
        { horizonMs: 3_600_000, account: { concurrencyLimit: 10 } },
      ),
    );

  it("turns most throttles into later successes, at the cost of latency", () => {
    const once = run(null);
    const retried = run({ maxAttempts: 5, baseMs: 1000, capMs: 20_000 });
    expect(retried.total.throttled).toBeLessThan(once.total.throttled / 5);
    expect(retried.total.retried).toBeGreaterThan(0);
    expect(retried.total.latencyMs.p99!).toBeGreaterThan(once.total.latencyMs.p99!);
    const t = retried.total;
    expect(t.completed + t.throttled + t.inFlight).toBe(t.invocations);
  });

  it("gives up after maxAttempts: with one attempt nothing is retried", () => {
    const r = run({ maxAttempts: 1, baseMs: 1000, capMs: 20_000 });
    expect(r.total.retried).toBe(0);
    expect(r.total.throttled).toBe(run(null).total.throttled);
  });
});
