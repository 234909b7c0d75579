import { describe, expect, it } from "vitest";
import { Simulation } from "../../../src/core/simulation.js";
import type { FunctionConfig } from "../../../src/platform/config.js";
import { RequestFlag } from "../../../src/platform/event-kinds.js";
import type { CapacityProviderConfig } from "../../../src/platform/managed/managed-config.js";
import { ManagedInstances } from "../../../src/platform/managed/managed-instances.js";
import { FunctionStats } from "../../../src/platform/stats/function-stats.js";
import { lmiFunction, managedRun } from "../../support/managed.js";

/**
 * One provider of one instance that holds one environment of `vcpus` vCPUs (no scaling within the
 * test), for a function with timeout `timeoutMs`; `run` gives each request's end time, and `timedOut` which ended at the timeout.
 */
function singleEnvironment(vcpus: number, threads = 1, timeoutMs = 900_000) {
  const provider: CapacityProviderConfig = {
    name: "cp", instanceTypes: ["c7g.large"], instanceVCpu: vcpus, instanceMemoryGiB: 4, maxVCpu: vcpus, targetUtilization: 1, scalingMode: "target",
    minInstances: 1, launchDelayMs: 60_000, scalingPeriodMs: 1e12, scaleInPeriods: 5, scaleInFraction: 0.1, pricing: { plan: "onDemand", discount: 0 },
  };
  const fn = {
    name: "f",
    timeoutMs,
    managed: { provider: 0, providerName: "cp", vcpus, memoryGiB: 4, maxConcurrency: 64, cpuBound: 1, threads, measuredVCpu: 1 },
  } as unknown as FunctionConfig;
  const sim = new Simulation();
  const ends: number[] = [];
  const timedOut: boolean[] = [];
  const host = {
    schedule: (t: number, kind: number, target: number, aux: number) => sim.schedule(t, kind, target, aux),
    managedRequestDone: (_f: number, flags: number, event: number, _arrival: number, now: number) => {
      ends[event] = now;
      timedOut[event] = (flags & RequestFlag.TimedOut) !== 0;
    },
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
  return { run, timedOut, managed };
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

  it("ends at the timeout exactly the requests that the processor-sharing schedule finishes after it", () => {
    // One vCPU, k = 5 CPU-bound requests started together with 100..500 ms of CPU work. PS closed form:
    // the i-th smallest ends at c_i = c_(i-1) + (s_i − s_(i-1)) × (k − i + 1): 500, 900, 1200, 1400, 1500 ms.
    // With a 1,000 ms timeout the first two end on their own and the other three at 1,000 ms, timed out.
    const env = singleEnvironment(1, 1, 1000);
    const ends = env.run([[0, 100], [0, 200], [0, 300], [0, 400], [0, 500]]);
    expect(ends[0]).toBeCloseTo(500, 9);
    expect(ends[1]).toBeCloseTo(900, 9);
    expect(ends.slice(2)).toEqual([1000, 1000, 1000]);
    expect(env.timedOut).toEqual([false, false, true, true, true]);
    expect(env.managed.inflight[0]).toBe(0);
  });

  it("times out all of k equal requests when the timeout falls between D and k × D", () => {
    // k = 4 requests of D = 100 ms at once on one vCPU each take k × D = 400 ms; a 250 ms timeout ends them all at 250.
    const env = singleEnvironment(1, 1, 250);
    const ends = env.run([[0, 100], [0, 100], [0, 100], [0, 100]]);
    expect(ends).toEqual([250, 250, 250, 250]);
    expect(env.timedOut).toEqual([true, true, true, true]);
    // With the timeout at k × D itself they all end on their own, at 400 ms.
    const loose = singleEnvironment(1, 1, 400);
    const all = loose.run([[0, 100], [0, 100], [0, 100], [0, 100]]);
    for (const t of all) expect(t).toBeCloseTo(400, 9);
  });

  it("frees a timed-out request's CPU share at the timeout: the others speed up at once", () => {
    // One vCPU, timeout 300 ms. A (10 s of CPU) and B (100 ms) from 0 share it: B ends at 200. A runs alone
    // until its timeout at 300. C (100 ms) from 250 shares with A for 50 ms (does 25), then runs alone: ends
    // at 375 (at 450 if A kept its share past its timeout).
    const env = singleEnvironment(1, 1, 300);
    const ends = env.run([[0, 10_000], [0, 100], [250, 100]]);
    expect(ends[1]).toBeCloseTo(200, 9);
    expect(ends[0]).toBe(300);
    expect(ends[2]).toBeCloseTo(375, 9);
    expect(env.timedOut).toEqual([true, false, false]);
  });

  it("counts stretched timeouts as errors and keeps arrivals = completed + throttled + in flight", () => {
    // One 1-vCPU environment, constant 400 ms of CPU at 2/s (ρ = 0.8) with a 1 s timeout: PS stretches some
    // requests past it. Sync: a timed-out request is completed (cut), an error and a timeout.
    const { result } = managedRun({
      horizon: "2h",
      seed: 5,
      capacityProviders: { cp: { instanceTypes: ["c7g.large"], maxVCpu: 2, minInstances: 1, targetCpuUtilization: 1 } },
      functions: [
        lmiFunction({ memoryMB: 4096, memoryGiBPerVCpu: 4, maxConcurrency: 8, timeout: "1s", duration: { dist: "constant", value: "400ms", atMemoryMB: 1769, cpuBound: 1 }, arrivals: { kind: "poisson", rate: "2/s" } }),
      ],
    });
    const f = result.functions.api!;
    expect(f.timedOut).toBeGreaterThan(100);
    expect(f.throttled).toBeGreaterThan(0);
    expect(f.errors).toBe(f.timedOut);
    expect(f.invocations).toBe(f.completed + f.throttled + f.inFlight);
    // No request outlives its timeout: the slowest latency is the timeout itself.
    expect(f.latencyMs.max).toBeLessThanOrEqual(1000 + 1e-6);
  });

  it("retries an async event whose stretched duration timed out, as on demand", () => {
    const { result } = managedRun({
      horizon: "1h",
      seed: 5,
      capacityProviders: { cp: { instanceTypes: ["c7g.large"], maxVCpu: 2, minInstances: 1, targetCpuUtilization: 1 } },
      functions: [
        lmiFunction({ invocation: "async", memoryMB: 4096, memoryGiBPerVCpu: 4, maxConcurrency: 8, timeout: "1s", duration: { dist: "constant", value: "400ms", atMemoryMB: 1769, cpuBound: 1 }, arrivals: { kind: "poisson", rate: "2/s" } }),
      ],
    });
    const f = result.functions.api!;
    expect(f.timedOut).toBeGreaterThan(50);
    expect(f.errors).toBe(f.timedOut);
    // Every function error of an async event is retried (up to 2 retries) or sent to the DLQ.
    expect(f.retried).toBeGreaterThan(0);
    expect(f.retried).toBeGreaterThanOrEqual(f.errors - f.droppedToDlq);
  });
});
