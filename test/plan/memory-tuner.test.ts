import { describe, expect, it } from "vitest";
import { recommendMemory, type MemoryCurvePoint } from "../../src/plan/index.js";

const iv = (mean: number) => ({ mean, low: null, high: null, n: 1 });
function point(memoryMB: number, p99: number, cost: number, sloPass: boolean | null = null, timeouts = 0): MemoryCurvePoint {
  const verdicts = sloPass === null ? [] : [{ objective: "p99LatencyMs", target: 0, actual: p99, pass: sloPass }];
  return { memoryMB, status: "ok", errors: [], p99Ms: iv(p99), p50Ms: iv(p99 / 2), monthlyCost: iv(cost), timeoutRate: iv(timeouts), sloPass, meetsSlo: sloPass, verdicts };
}

describe("memory recommendation", () => {
  const curve = [point(128, 900, 10), point(256, 500, 10.05), point(512, 300, 14), point(1024, 250, 30)];

  it("takes the cheapest size on the measured numbers, naming a faster size within 1 % as a near-tie", () => {
    const rec = recommendMemory(curve, "cost")!;
    expect(rec.memoryMB).toBe(128);
    // 256 MB: $10.05 is 0.5 % above $10.00; 512 MB at $14 is 40 % above, no tie.
    expect(rec.nearTies).toEqual([{ memoryMB: 256, monthlyCost: 10.05, p99Ms: 500 }]);
    expect(rec.reason).toBe(
      "cheapest monthly cost on the measured numbers; 256 MB costs within 1 % of it ($10.05 a month, +0.5 %) and is faster (p99 500 ms against 900 ms): " +
        "a near-tie, not recommended because it costs more on the measured numbers (take it if the speed is worth that much)",
    );
  });

  it("breaks an exact cost tie towards the faster size, then the smaller", () => {
    const tied = [point(128, 900, 10), point(256, 500, 10), point(512, 500, 10)];
    expect(recommendMemory(tied, "cost")).toMatchObject({ memoryMB: 256, nearTies: [{ memoryMB: 512 }, { memoryMB: 128 }] });
  });

  it("takes the lowest p99 with the speed strategy", () => {
    expect(recommendMemory(curve, "speed")?.memoryMB).toBe(1024);
  });

  it("balances cost/max cost and p99/max p99 equally", () => {
    // scores: 128 → 10/30/2 + 900/900/2 = 0.667; 256 → 0.1675 + 0.278 = 0.445; 512 → 0.233 + 0.167 = 0.4; 1024 → 0.5 + 0.139 = 0.639
    expect(recommendMemory(curve, "balanced")?.memoryMB).toBe(512);
  });

  it("skips sizes that fail the SLO or time out, and says when none fits", () => {
    const slo = [point(128, 900, 10, false), point(256, 500, 11, true, 0.01), point(512, 300, 14, true)];
    expect(recommendMemory(slo, "cost")).toMatchObject({ memoryMB: 512, sloMet: true });
    const none = [point(128, 900, 10, false), point(256, 500, 11, false)];
    expect(recommendMemory(none, "cost")).toMatchObject({ memoryMB: 128, sloMet: false });
    expect(recommendMemory([{ ...point(128, 1, 1), status: "failed", p99Ms: null, monthlyCost: null }], "cost")).toBeNull();
  });
});
