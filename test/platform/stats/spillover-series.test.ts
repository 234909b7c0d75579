import { describe, expect, it } from "vitest";
import { simulate } from "../../../src/platform/simulate.js";
import type { FunctionConfig } from "../../../src/platform/config.js";
import { erlangB, fn, scenario } from "../../support/configs.js";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** One function `f` with `pc` fixed provisioned environments (0: none configured). */
const withPc = (pc: number, o: Partial<FunctionConfig>): FunctionConfig =>
  fn({ name: "f", provisioned: { kind: "fixed", count: pc }, coldStart: { dist: "constant", value: 100 }, idleLifetime: { dist: "constant", value: 600_000 }, ...o });

describe("per-period provisioned-concurrency spillover series", () => {
  it("sums, bucket by bucket over the functions and in total, to the spillover counters (Poisson load above PC)", () => {
    // Two functions, so per-function series are kept: 5 erlangs on 2 provisioned, and one without PC.
    const res = simulate(
      scenario(
        [
          withPc(2, { arrivals: { kind: "poisson", ratePerSec: 5 }, duration: { dist: "exponential", mean: 1000 } }),
          fn({ name: "g", arrivals: { kind: "poisson", ratePerSec: 5 }, duration: { dist: "exponential", mean: 1000 } }),
        ],
        { horizonMs: 1_800_000, warmupMs: 60_000, bucketMs: 60_000 },
      ),
    );
    const f = res.functions.f!;
    expect(f.spillover).toBeGreaterThan(1000);
    expect(sum(f.series!.spillover)).toBe(f.spillover);
    expect(sum(res.series.spillover)).toBe(res.total.spillover);
    expect(res.functions.g!.series!.spillover.every((v) => v === 0)).toBe(true);
    expect(res.series.spillover).toEqual(f.series!.spillover);
    expect(res.series.spillover).toHaveLength(res.series.t.length);
  });

  // Constant arrivals every 100 ms, each running 450 ms: at most 5 in flight, ever.
  const light = (pc: number) =>
    simulate(scenario([withPc(pc, { arrivals: { kind: "constant", ratePerSec: 10 }, duration: { dist: "constant", value: 450 } })], { horizonMs: 600_000, bucketMs: 60_000 }));

  it("is zero in every period with no provisioned concurrency configured, though on-demand environments start cold", () => {
    const r = light(0);
    expect(r.total.coldStarts).toBeGreaterThan(0);
    expect(r.series.spillover).toEqual(new Array(10).fill(0));
  });

  it("is zero in every period when provisioned concurrency covers all traffic (5 environments for at most 5 in flight)", () => {
    const r = light(5);
    expect(r.total.coldStarts).toBe(0);
    expect(r.series.spillover).toEqual(new Array(10).fill(0));
  });

  it("is exactly the arrivals the provisioned environments cannot take: 4 of every 10 per second with 6 environments and 950 ms work", () => {
    // Arrivals every 100 ms, each 950 ms: a provisioned environment serves one request per second
    // (freed 50 ms before the 10th arrival after its own), so 6 take 6/s and 4/s spill: 240 a minute.
    const r = simulate(scenario([withPc(6, { arrivals: { kind: "constant", ratePerSec: 10 }, duration: { dist: "constant", value: 950 } })], { horizonMs: 600_000, bucketMs: 60_000 }));
    expect(r.series.arrivals).toEqual(new Array(10).fill(600));
    expect(r.series.spillover).toEqual(new Array(10).fill(240));
  });

  it("spills only in the periods where a step in load exceeds provisioned concurrency, at the Erlang-B overflow rate", () => {
    // 1 req/s for 30 min then 30 req/s, 1 s each, on 10 provisioned environments. Below: P(all 10
    // busy) = B(10, 1) ≈ 1e-7 per arrival. Above: requests overflow the 10 provisioned environments
    // (an M/G/10/10 loss system, on-demand takes the rest) with probability B(10, 30) ≈ 0.68.
    const r = simulate(
      scenario(
        [withPc(10, { arrivals: { kind: "profile", points: [[0, 1], [1_800_000, 30]], shape: "step" }, duration: { dist: "constant", value: 1000 } })],
        { horizonMs: 3_600_000, bucketMs: 60_000 },
      ),
    );
    const s = r.series.spillover;
    expect(s).toHaveLength(60);
    expect(s.slice(0, 30)).toEqual(new Array(30).fill(0));
    for (const v of s.slice(30)) expect(v).toBeGreaterThan(0);
    // Skip the first minute above the step (the loss system fills in ~1 s, noise aside), then compare rates.
    const arrivals = sum(r.series.arrivals.slice(31));
    expect(sum(s.slice(31)) / arrivals).toBeCloseTo(erlangB(10, 30), 2);
    expect(sum(s)).toBe(r.total.spillover);
  });
});
