import { describe, expect, it } from "vitest";
import { recommendMemory, type MemoryCurvePoint } from "../../src/plan/index.js";

const iv = (mean: number) => ({ mean, low: null, high: null, n: 1 });
function point(memoryMB: number, p99: number, cost: number, sloPass: boolean | null = null, timeouts = 0): MemoryCurvePoint {
  const verdicts = sloPass === null ? [] : [{ objective: "p99LatencyMs", target: 0, actual: p99, pass: sloPass }];
  return { memoryMB, status: "ok", errors: [], p99Ms: iv(p99), p50Ms: iv(p99 / 2), monthlyCost: iv(cost), timeoutRate: iv(timeouts), sloPass, meetsSlo: sloPass, verdicts };
}

describe("memory recommendation", () => {
  const curve = [point(128, 900, 10), point(256, 500, 10.05), point(512, 300, 14), point(1024, 250, 30)];

  it("takes the cheapest size, a cost within 1 % going to the faster one", () => {
    expect(recommendMemory(curve, "cost")?.memoryMB).toBe(256);
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
