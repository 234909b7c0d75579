import { describe, expect, it } from "vitest";
import { simulate } from "../../src/platform/simulate.js";
import type { Result } from "../../src/platform/result.js";
import { fn, scenario } from "../support/configs.js";

function withoutWallClock(r: Result): unknown {
  return { ...r, engine: { ...r.engine, wallSeconds: 0, eventsPerSecond: 0 } };
}

const twoFunctions = (bMeanMs: number, seed = 42) =>
  scenario(
    [
      fn({ name: "a", arrivals: { kind: "poisson", ratePerSec: 20 }, duration: { dist: "lognormal", median: 80, p99: 600 } }),
      fn({ name: "b", arrivals: { kind: "poisson", ratePerSec: 5 }, duration: { dist: "exponential", mean: bMeanMs } }),
    ],
    { seed, horizonMs: 1_800_000, warmupMs: 60_000 },
  );

describe("determinism", () => {
  it("gives an identical result for the same scenario and seed, apart from wall-clock fields", () => {
    const clock = (() => {
      let t = 0;
      return () => (t += 7);
    })();
    const a = simulate(twoFunctions(500), { clockMs: clock });
    const b = simulate(twoFunctions(500), { clockMs: clock });
    expect(JSON.stringify(withoutWallClock(a))).toBe(JSON.stringify(withoutWallClock(b)));
  });

  it("gives a different result for another seed", () => {
    const a = simulate(twoFunctions(500, 1));
    const b = simulate(twoFunctions(500, 2));
    expect(a.total.invocations).not.toBe(b.total.invocations);
  });

  it("keeps one function's arrival draws when another function's parameters change", () => {
    const a = simulate(twoFunctions(500));
    const b = simulate(twoFunctions(2500));
    expect(b.functions.b!.latencyMs.mean).not.toBe(a.functions.b!.latencyMs.mean);
    // Same arrivals, durations and cold starts for `a`: with the account limit far away, its whole result is equal.
    expect(b.functions.a).toEqual(a.functions.a);
  });
});
