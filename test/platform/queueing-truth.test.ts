import { mean, sampleStandardDeviation } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/platform/simulate.js";
import { erlangB, fn, scenario } from "../support/configs.js";

/**
 * Throttle fraction of independent replications; the tolerance is derived from the run: four
 * standard errors of the replication mean (a false alarm about once in 16,000 runs).
 */
function throttleFractions(servers: number, erlangs: number, horizonS: number, replications: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < replications; r++) {
    const res = simulate(
      scenario([fn({ name: "f", arrivals: { kind: "poisson", ratePerSec: erlangs }, duration: { dist: "exponential", mean: 1000 } })], {
        seed: 1000 + r,
        horizonMs: horizonS * 1000,
        warmupMs: 50_000,
        account: { concurrencyLimit: servers },
      }),
    );
    out.push(res.total.throttled / res.total.invocations);
  }
  return out;
}

describe("queueing truth", () => {
  it("throttles the Erlang-B fraction when 10 environments face 8 erlangs", () => {
    const want = erlangB(10, 8);
    const xs = throttleFractions(10, 8, 20_000, 8);
    const se = sampleStandardDeviation(xs) / Math.sqrt(xs.length);
    expect(se / want).toBeLessThan(0.02); // the run is long enough to mean something
    expect(Math.abs(mean(xs) - want)).toBeLessThan(4 * se);
  });

  it("throttles the Erlang-B fraction when 1,000 environments face 1,100 erlangs", () => {
    const want = erlangB(1000, 1100);
    const xs = throttleFractions(1000, 1100, 350, 6);
    const se = sampleStandardDeviation(xs) / Math.sqrt(xs.length);
    expect(se / want).toBeLessThan(0.02);
    expect(Math.abs(mean(xs) - want)).toBeLessThan(4 * se);
  });

  it("obeys Little's law: mean concurrency equals throughput times mean busy time within 1 %", () => {
    const res = simulate(
      scenario(
        [
          fn({
            name: "api",
            arrivals: { kind: "poisson", ratePerSec: 50 },
            duration: { dist: "lognormal", median: 120, p99: 900 },
            coldStart: { dist: "lognormal", median: 150, p99: 400 },
            idleLifetime: { dist: "uniform", min: 300_000, max: 420_000 },
          }),
        ],
        { horizonMs: 4 * 3_600_000, warmupMs: 600_000 },
      ),
    );
    const t = res.total;
    expect(t.throttled).toBe(0);
    expect(t.coldStarts).toBeGreaterThan(0);
    const windowS = res.horizonSeconds - res.warmupSeconds;
    const throughput = t.completed / windowS;
    const busyS = t.latencyMs.mean! / 1000;
    expect(Math.abs(t.concurrency.mean - throughput * busyS) / t.concurrency.mean).toBeLessThan(0.01);
  });
});
