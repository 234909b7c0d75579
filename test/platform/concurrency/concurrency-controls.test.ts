import { describe, expect, it } from "vitest";
import { simulate } from "../../../src/platform/simulate.js";
import { fn, scenario } from "../../support/configs.js";

describe("scaling-rate limit", () => {
  // A step from 0 to 5,000 req/s of 1 s work needs 5,000 environments; the function may add 1,000
  // at once and 1,000 per 10 s after that (lambda-limits.json concurrency.scalingRate).
  const res = simulate(
    scenario(
      [
        fn({
          name: "f",
          arrivals: { kind: "poisson", ratePerSec: 5000 },
          duration: { dist: "constant", value: 1000 },
          coldStart: { dist: "constant", value: 0 },
        }),
      ],
      { horizonMs: 60_000, account: { concurrencyLimit: 20_000 } },
    ),
  );
  const s = res.series;

  it("adds at most 1,000 environments at once and 1,000 per 10 s after that", () => {
    expect(s.bucketSeconds).toBe(1);
    s.environmentsMax.forEach((envs, b) => {
      expect(envs).toBeLessThanOrEqual(1000 + 100 * (b + 1) + 1);
    });
    // It does reach the bound: ~4,000 environments after 30 s.
    expect(s.environmentsMax[29]).toBeGreaterThan(3900);
  });

  it("throttles exactly while the limit binds, and only for that reason", () => {
    expect(res.total.throttled).toBeGreaterThan(0);
    expect(res.total.throttledByScalingRate).toBe(res.total.throttled);
    // Demand (5,000 environments) is met at about 40 s; Poisson noise needs a few more.
    for (let b = 0; b < 38; b++) expect(s.throttles[b]).toBeGreaterThan(0);
    for (let b = 45; b < 60; b++) expect(s.throttles[b]).toBe(0);
  });
});

describe("provisioned concurrency", () => {
  const steady = (pc: number) =>
    simulate(
      scenario(
        [
          fn({
            name: "f",
            provisioned: { kind: "fixed", count: pc },
            arrivals: { kind: "poisson", ratePerSec: 5 },
            duration: { dist: "exponential", mean: 1000 },
            coldStart: { dist: "constant", value: 300 },
            idleLifetime: { dist: "constant", value: 60_000 },
          }),
        ],
        { horizonMs: 3_600_000 },
      ),
    );

  it("removes cold starts for traffic well below it", () => {
    const without = steady(0);
    const withPc = steady(30);
    expect(without.total.coldStarts).toBeGreaterThan(0);
    expect(withPc.total.coldStarts).toBe(0);
    expect(withPc.total.spillover).toBe(0);
  });

  it("is busy for the offered load divided by its size (5 erlangs on 30 environments)", () => {
    const r = steady(30);
    expect(r.total.provisionedUtilization!).toBeGreaterThan((5 / 30) * 0.95);
    expect(r.total.provisionedUtilization!).toBeLessThan((5 / 30) * 1.05);
  });

  it("spills over to on-demand environments above it", () => {
    const r = steady(2);
    expect(r.total.spillover).toBeGreaterThan(0);
    expect(r.total.provisionedUtilization!).toBeGreaterThan(0.8);
    expect(r.total.coldStarts).toBeGreaterThan(0);
  });
});

describe("environment lifetimes and the INIT limit", () => {
  it("recycles an environment at its maximum lifetime even when it is kept busy", () => {
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            arrivals: { kind: "constant", ratePerSec: 1 / 60 },
            duration: { dist: "constant", value: 100 },
            idleLifetime: { dist: "constant", value: 600_000 },
            maxLifetime: { dist: "constant", value: 30.5 * 60_000 },
          }),
        ],
        { horizonMs: 6 * 3_600_000 },
      ),
    );
    // Born at 0, retired at 30.5 min, so the request at 31 min is cold, and so on every 31 minutes.
    expect(res.total.coldStarts).toBe(Math.ceil(360 / 31));
  });

  it("cuts an on-demand init at 10 s and retries it inside the invocation", () => {
    const run = (timeoutMs: number) =>
      simulate(
        scenario(
          [
            fn({
              name: "f",
              timeoutMs,
              arrivals: { kind: "constant", ratePerSec: 1 / 3600 },
              duration: { dist: "constant", value: 100 },
              coldStart: { dist: "constant", value: 12_000 },
            }),
          ],
          { horizonMs: 60_000 },
        ),
      );
    const roomy = run(30_000);
    expect(roomy.total.initTimeouts).toBe(1);
    expect(roomy.total.latencyMs.cold.max).toBe(10_000 + 12_000 + 100);
    const tight = run(5000);
    expect(tight.total.timedOut).toBe(1);
    expect(tight.total.latencyMs.cold.max).toBe(10_000 + 5000);
  });

  it("gives a SnapStart function max(130 s, timeout) for its init instead of 10 s", () => {
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            runtime: "java21",
            snapStart: true,
            timeoutMs: 30_000,
            arrivals: { kind: "constant", ratePerSec: 1 / 3600 },
            duration: { dist: "constant", value: 100 },
            coldStart: { dist: "constant", value: 12_000 },
          }),
        ],
        { horizonMs: 60_000 },
      ),
    );
    expect(res.total.initTimeouts).toBe(0);
    expect(res.total.latencyMs.cold.max).toBe(12_000 + 100);
  });
});

describe("provisioned concurrency over time", () => {
  it("follows a daily schedule: 20 environments from 08:00, 2 from 20:00", () => {
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            provisioned: {
              kind: "schedule",
              steps: [
                { atMsOfDay: 8 * 3_600_000, count: 20 },
                { atMsOfDay: 20 * 3_600_000, count: 2 },
              ],
            },
            arrivals: { kind: "poisson", ratePerSec: 5 },
            duration: { dist: "exponential", mean: 1000 },
            coldStart: { dist: "constant", value: 200 },
          }),
        ],
        { horizonMs: 86_400_000 },
      ),
    );
    const t = res.total;
    // 00:00-08:00 and 20:00-24:00 at 2, 08:00-20:00 at 20: a mean of 11 environments.
    expect(t.provisionedConcurrency).toBeCloseTo(11, 6);
    expect(t.usage.provisionedEnvironmentMs).toBeCloseTo(11 * 86_400_000, 0);
    // 5 erlangs overflow 2 provisioned environments at night but not 20 by day.
    expect(t.spillover).toBeGreaterThan(0);
    const dayStart = res.series.t.findIndex((s) => s >= 9 * 3600);
    const dayEnd = res.series.t.findIndex((s) => s >= 19 * 3600);
    const dayColdStarts = res.series.coldStarts.slice(dayStart, dayEnd).reduce((a, b) => a + b, 0);
    expect(dayColdStarts).toBe(0);
  });

  it("tracks a 0.7 utilization target under a steady load", () => {
    // 14 erlangs: target tracking should settle near 14 / 0.7 = 20 environments.
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            provisioned: { kind: "targetTracking", target: 0.7, min: 2, max: 200, scaleOutPoints: 3, scaleInPoints: 15 },
            arrivals: { kind: "poisson", ratePerSec: 14 },
            duration: { dist: "exponential", mean: 1000 },
            coldStart: { dist: "constant", value: 200 },
          }),
        ],
        { horizonMs: 6 * 3_600_000, warmupMs: 3_600_000 },
      ),
    );
    const t = res.total;
    expect(t.provisionedConcurrency).toBeGreaterThan(17);
    expect(t.provisionedConcurrency).toBeLessThan(26);
    expect(t.provisionedUtilization!).toBeGreaterThan(0.55);
    expect(t.provisionedUtilization!).toBeLessThan(0.8);
  });
});

describe("synchronous request-rate limit", () => {
  it("throttles sync requests beyond 10 per second per unit of concurrency limit", () => {
    // Reserved 10 allows 100 req/s; 1 ms requests never fill the 10 environments, so only the
    // request rate binds. At a constant 150 req/s a third are throttled.
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            reservedConcurrency: 10,
            arrivals: { kind: "constant", ratePerSec: 150 },
            duration: { dist: "constant", value: 1 },
          }),
        ],
        { horizonMs: 600_000 },
      ),
    );
    const t = res.total;
    expect(t.throttledByRequestRate).toBe(t.throttled);
    // A full bucket (100) at the start, then 100 of every 150 pass.
    expect(t.invocations - t.throttled).toBeCloseTo(100 * 600 + 100, -1);
  });
});

describe("target tracking under a diurnal load", () => {
  it("follows the load up and down over the day", () => {
    // 20 req/s on average with a 4:1 peak-to-trough ratio peaking at 14:00, 1 s per request:
    // about 32 erlangs at the peak and 8 at the trough.
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            provisioned: { kind: "targetTracking", target: 0.7, min: 1, max: 500, scaleOutPoints: 3, scaleInPoints: 15 },
            arrivals: { kind: "diurnal", meanPerSec: 20, peakToTrough: 4, peakAtMs: 14 * 3_600_000, weekly: null },
            duration: { dist: "exponential", mean: 1000 },
            coldStart: { dist: "constant", value: 200 },
          }),
        ],
        { horizonMs: 2 * 86_400_000, warmupMs: 86_400_000, bucketMs: 3_600_000 },
      ),
    );
    // Environments alive include the provisioned ones: more at the 14:00 peak than at the 02:00 trough.
    const s = res.series;
    const hourOf = (h: number) => s.t.findIndex((t) => t === 86_400 + h * 3600);
    const peak = s.environmentsMax[hourOf(14)]!;
    const trough = s.environmentsMax[hourOf(2)]!;
    expect(peak).toBeGreaterThan(2.5 * trough);
    // Over the day the provisioned environments run near the 0.7 target.
    expect(res.total.provisionedUtilization!).toBeGreaterThan(0.55);
    expect(res.total.provisionedUtilization!).toBeLessThan(0.8);
    // And they absorb most of the load: few requests spill over to on-demand environments.
    expect(res.total.spillover / res.total.invocations).toBeLessThan(0.1);
  });
});

describe("provisioned environments over their lifetime", () => {
  it("recycles provisioned environments at their maximum lifetime and replaces them off the request path", () => {
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            provisioned: { kind: "fixed", count: 2 },
            maxLifetime: { dist: "constant", value: 3_600_000 },
            arrivals: { kind: "poisson", ratePerSec: 0.05 },
            duration: { dist: "constant", value: 100 },
            coldStart: { dist: "constant", value: 300 },
          }),
        ],
        { horizonMs: 6 * 3_600_000 + 1000 },
      ),
    );
    const t = res.total;
    // A replacement's lifetime counts from its creation, so both slots are recycled at 1 h, 2 h, ... 6 h.
    expect(t.provisionedRecycled).toBe(2 * 6);
    expect(t.provisionedConcurrency).toBeCloseTo(2, 6);
    expect(t.coldStarts).toBe(0);
  });
});

describe("reserved concurrency against a noisy neighbour", () => {
  const run = (reserved: number | null) =>
    simulate(
      scenario(
        [
          fn({ name: "checkout", reservedConcurrency: reserved, arrivals: { kind: "poisson", ratePerSec: 50 } }),
          fn({ name: "batch", arrivals: { kind: "poisson", ratePerSec: 400 } }),
        ],
        // 450 erlangs of demand on an account limit of 300.
        { horizonMs: 1_200_000, warmupMs: 60_000, account: { concurrencyLimit: 300 } },
      ),
    );

  it("moves the throttles from the protected function to its neighbour", () => {
    const shared = run(null);
    const protectedRun = run(100);
    // Sharing the pool, checkout loses a large share of its requests.
    expect(shared.functions.checkout!.throttleRate!).toBeGreaterThan(0.2);
    // With 100 reserved for 50 erlangs, checkout is (almost) never throttled ...
    expect(protectedRun.functions.checkout!.throttleRate!).toBeLessThan(0.001);
    // ... and the neighbour, left with 200, takes more throttles than before.
    expect(protectedRun.functions.batch!.throttled).toBeGreaterThan(shared.functions.batch!.throttled);
    expect(protectedRun.functions.batch!.concurrency.peak).toBe(200);
  });
});
