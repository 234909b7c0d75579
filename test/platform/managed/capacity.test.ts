import { describe, expect, it } from "vitest";
import { erlangB } from "../../support/configs.js";
import { lmiFunction, managedRun } from "../../support/managed.js";

/**
 * Three m7g.xlarge instances (4 vCPU, 16 GiB), each holding one 4-vCPU 8 GiB environment of `slots`
 * slots; maxVCpu 12 keeps the provider at three. The duration is I/O only (no cpuBound): it never stretches.
 */
function threeEnvironments(rate: string, slots: number, duration: object) {
  return managedRun({
    horizon: "1h",
    warmup: "5m",
    seed: 5,
    capacityProviders: { cp: { instanceTypes: ["m7g.xlarge"], maxVCpu: 12 } },
    functions: [lmiFunction({ memoryMB: 8192, maxConcurrency: slots, duration, arrivals: { kind: "poisson", rate } })],
  }).result;
}

describe("capacity of a capacity provider", () => {
  it("saturates at instances × environments × C / mean duration and throttles the Erlang-B fraction", () => {
    // 3 × 1 × 10 slots / 0.1 s = 300 requests/s at most; 1,000/s offered is 100 erlangs on 30 servers.
    const r = threeEnvironments("1000/s", 10, { dist: "constant", value: "100ms" });
    const f = r.functions.api!;
    expect(r.capacityProviders!.cp!.environments.peak).toBe(3);
    const windowS = 3600 - 300;
    const throughput = f.completed / windowS;
    const want = erlangB(30, 100);
    expect(Math.abs(f.throttled / f.invocations - want) / want).toBeLessThan(0.01);
    // Carried traffic λ(1 − B) = 29.6 erlangs: within 2 % of the 300/s ceiling and never above it.
    expect(Math.abs(throughput - 1000 * (1 - want)) / throughput).toBeLessThan(0.005);
    expect(throughput).toBeLessThan(300);
    expect(throughput).toBeGreaterThan(0.98 * 300);
    // Little's law: mean in flight = throughput × duration (30 busy slots).
    expect(Math.abs(f.concurrency.mean - throughput * 0.1) / (throughput * 0.1)).toBeLessThan(0.005);
    expect(f.coldStarts).toBe(0);
  });

  it("obeys Little's law below saturation: mean in flight = arrival rate × mean duration", () => {
    const r = threeEnvironments("100/s", 64, { dist: "exponential", mean: "80ms" });
    const f = r.functions.api!;
    expect(f.throttled).toBe(0);
    expect(Math.abs(f.concurrency.mean - 100 * 0.08) / 8).toBeLessThan(0.02);
    expect(f.inFlight + f.completed).toBe(f.invocations);
  });
});
