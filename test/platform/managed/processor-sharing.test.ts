import { describe, expect, it } from "vitest";
import { Simulation } from "../../../src/core/simulation.js";
import type { FunctionConfig } from "../../../src/platform/config.js";
import { EventKind } from "../../../src/platform/event-kinds.js";
import type { CapacityProviderConfig } from "../../../src/platform/managed/managed-config.js";
import { ManagedInstances } from "../../../src/platform/managed/managed-instances.js";
import { FunctionStats } from "../../../src/platform/stats/function-stats.js";
import { lmiFunction, managedRun } from "../../support/managed.js";

/** One provider of one 2-vCPU instance that holds one environment of `vcpus` vCPUs (no scaling within the test). */
function singleEnvironment(vcpus: number, threads = 1) {
  const provider: CapacityProviderConfig = {
    name: "cp", instanceTypes: ["c7g.large"], instanceVCpu: vcpus, instanceMemoryGiB: 4, maxVCpu: vcpus, targetUtilization: 1, scalingMode: "target",
    minInstances: 1, launchDelayMs: 60_000, scalingPeriodMs: 1e12, scaleInPeriods: 5, scaleInFraction: 0.1, pricing: { plan: "onDemand", discount: 0 },
  };
  const fn = {
    name: "f",
    managed: { provider: 0, providerName: "cp", vcpus, memoryGiB: 4, maxConcurrency: 64, cpuBound: 1, threads, measuredVCpu: 1 },
  } as unknown as FunctionConfig;
  const sim = new Simulation();
  const ends: number[] = [];
  const host = {
    schedule: (t: number, kind: number, target: number, aux: number) => sim.schedule(t, kind, target, aux),
    managedRequestDone: (_f: number, _flags: number, event: number, _arrival: number, now: number) => void (ends[event] = now),
    managedEnvironmentsChanged: () => undefined,
  };
  const managed = new ManagedInstances([fn], [provider], host, [new FunctionStats(0)], 0, 1e12);
  managed.start();
  const run = (requests: Array<[atMs: number, runMs: number]>) => {
    const handler = {
      handle(kind: number, target: number, aux: number, now: number) {
        if (kind === 99) managed.begin(0, managed.route(0), now, requests[target]![1], 0, target, now, false);
        else managed.handle(kind, target, aux, now);
      },
    };
    requests.forEach(([at], k) => sim.schedule(at, 99, k, 0));
    sim.run(handler, 1e9);
    return ends;
  };
  return { run, EventKind };
}

describe("processor sharing on a managed environment", () => {
  it("runs k CPU-bound requests that start together on one vCPU in k × D each", () => {
    const ends = singleEnvironment(1).run([[0, 100], [0, 100], [0, 100], [0, 100]]);
    for (const t of ends) expect(t).toBeCloseTo(400, 9);
  });

  it("stretches only while requests overlap: 100 ms alone, then two sharing one vCPU", () => {
    // A: 100 ms of CPU from t=0; B: 100 ms from t=50. A is alone for 50 ms, then both run at half speed:
    // A's last 50 ms take 100 ms (ends at 150); B has done 50 by then and ends alone at 200.
    const ends = singleEnvironment(1).run([[0, 100], [50, 100]]);
    expect(ends[0]).toBeCloseTo(150, 9);
    expect(ends[1]).toBeCloseTo(200, 9);
  });

  it("does not stretch single-threaded requests while they are no more than the environment's vCPUs", () => {
    const ends = singleEnvironment(2).run([[0, 100], [0, 100], [0, 100]]);
    // Two vCPUs shared by three: each runs at 2/3 speed, so all end at 150 ms.
    for (const t of ends) expect(t).toBeCloseTo(150, 9);
    const two = singleEnvironment(2).run([[0, 100], [0, 100]]);
    for (const t of two) expect(t).toBeCloseTo(100, 9);
  });

  it("gives the M/G/1-PS mean response time D / (1 − ρ) at one vCPU, whatever the duration's distribution", () => {
    // c7g.large (2 vCPU, 4 GiB) holds one 4 GiB environment of 1 vCPU (ratio 4); maxVCpu 2 keeps it at one instance.
    // Constant D = 100 ms at 5 requests/s: ρ = 0.5, so E[T] = 200 ms (PS is insensitive to the service distribution).
    const { result } = managedRun({
      horizon: "6h",
      warmup: "10m",
      seed: 11,
      capacityProviders: { cp: { instanceTypes: ["c7g.large"], maxVCpu: 2, minInstances: 1, targetCpuUtilization: 1 } },
      functions: [
        lmiFunction({ memoryMB: 4096, memoryGiBPerVCpu: 4, maxConcurrency: 200, duration: { dist: "constant", value: "100ms", atMemoryMB: 1769, cpuBound: 1 }, arrivals: { kind: "poisson", rate: "5/s" } }),
      ],
    });
    const f = result.functions.api!;
    expect(result.capacityProviders!.cp!.instances.peak).toBe(1);
    expect(f.throttled).toBe(0);
    // ~105,000 requests; the batch-means standard error of the PS mean at ρ = 0.5 is about 1 %.
    expect(Math.abs(f.latencyMs.mean! - 200) / 200).toBeLessThan(0.04);
    // Utilisation is ρ itself.
    expect(Math.abs(result.capacityProviders!.cp!.vcpuUtilization.mean * 2 - 0.5)).toBeLessThan(0.01);
  });
});
