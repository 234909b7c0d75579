import { describe, expect, it } from "vitest";
import type { CapacityProviderResult, Result } from "../../../src/platform/result.js";
import { simulate } from "../../../src/platform/simulate.js";
import { lmiFunction, managedRun, resolved } from "../../support/managed.js";

/**
 * The step scenario of scaling.test.ts: m7g.xlarge (4 vCPU) instances, 2-vCPU environments, 50 ms of
 * CPU work per request; 100/s until 30:00, 300/s from 31:00 on (a 1-minute linear step), 2-second
 * buckets after a 10-minute warm-up. 300/s need 15 busy vCPUs, more than the 3 minimum instances hold.
 */
function stepScenario(launchDelay = "3m", fns: unknown[] = [stepFunction()]): unknown {
  return {
    horizon: "1h",
    warmup: "10m",
    seed: 3,
    capacityProviders: { cp: { instanceTypes: ["m7g.xlarge"], maxVCpu: 400, targetCpuUtilization: 0.5, launchDelay } },
    functions: fns,
  };
}

function stepFunction(name = "api"): Record<string, unknown> {
  return lmiFunction({
    name,
    duration: { dist: "constant", value: "50ms", atMemoryMB: 1769, cpuBound: 1 },
    arrivals: { kind: "profile", points: [["00:00", "100/s"], ["00:30", "100/s"], ["00:31", "300/s"], ["02:00", "300/s"]] },
  });
}

function provider(r: Result, name = "cp"): CapacityProviderResult & { series: NonNullable<CapacityProviderResult["series"]> } {
  const cp = r.capacityProviders![name]!;
  expect(cp.series).toBeDefined();
  return cp as CapacityProviderResult & { series: NonNullable<CapacityProviderResult["series"]> };
}

/** Width of each bucket of the run, s (the last one cut at the horizon). */
function widths(r: Result): number[] {
  return r.series.t.map((t) => Math.min(r.series.bucketSeconds, r.horizonSeconds - t));
}

/** The width-weighted mean of a per-bucket series over the measured window. */
function weightedMean(r: Result, xs: number[]): number {
  const w = widths(r);
  return xs.reduce((sum, x, i) => sum + x * w[i]!, 0) / (r.horizonSeconds - r.warmupSeconds);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("capacity-provider series", () => {
  const step = managedRun(stepScenario()).result;
  const cp = provider(step);
  const s = cp.series;
  const n = step.series.t.length;

  it("lie on the buckets of result.series: one value per bucket of t in every series", () => {
    expect(n).toBe(1500); // 2-second buckets from 10:00 to 60:00 (the finest width that keeps 2,000 or fewer)
    for (const key of ["instances", "instancesMax", "launching", "environments", "environmentsMax", "cpuUtilization", "scalingReading", "throttles"] as const) {
      expect(s[key], key).toHaveLength(n);
    }
    expect(s.target).toBe(0.5);
  });

  it("average, weighted by bucket width, to the provider's time-weighted mean instances and environments (within 1e-5)", () => {
    expect(Math.abs(weightedMean(step, s.instances) - cp.instances.mean)).toBeLessThan(1e-5);
    expect(Math.abs(weightedMean(step, s.environments) - cp.environments.mean)).toBeLessThan(1e-5);
  });

  it("peak, over the bucket maxima, at the provider's instance and environment peaks", () => {
    expect(Math.max(...s.instancesMax)).toBe(cp.instances.peak);
    expect(Math.max(...s.environmentsMax)).toBe(cp.environments.peak);
  });

  it("hold each launched instance in `launching` for exactly the 3-minute launch delay: launched × 180 instance-seconds", () => {
    // Every launch here starts after 30:00 and ends before the horizon (the fleet is settled by 40:00).
    const w = widths(step);
    const area = s.launching.reduce((sum, x, i) => sum + x * w[i]!, 0);
    expect(cp.launched).toBeGreaterThan(0);
    expect(Math.abs(area - cp.launched * 180)).toBeLessThan(1e-3);
  });

  it("sum their throttles to the provider function's throttled requests and attempts", () => {
    const f = step.functions.api!;
    expect(f.throttled).toBeGreaterThan(0);
    expect(sum(s.throttles)).toBe(f.throttled + f.throttledAttempts);
  });

  it("hold three instances, none launching, until the step; instances rise only after the 3-minute launch delay", () => {
    const t = step.series.t;
    // The step starts at 30:00 and the first reading that sees it is at 31:00: nothing is billed above 3 before.
    for (let i = 0; i < n; i++) if (t[i]! < 30 * 60) expect(s.instancesMax[i], `bucket at ${t[i]} s`).toBe(3);
    const firstLaunching = s.launching.findIndex((x) => x > 0);
    expect(t[firstLaunching]).toBeGreaterThanOrEqual(30 * 60);
    // Serving instances (billed − launching) grow only once the launch delay has passed since the step began.
    const serving = s.instances.map((x, i) => x - s.launching[i]!);
    const firstMore = serving.findIndex((x) => x > 3 + 1e-9);
    expect(t[firstMore]).toBeGreaterThanOrEqual(30 * 60 + 3 * 60);
    expect(t[firstMore]).toBeLessThan(30 * 60 + 3 * 60 + 3 * 60); // and soon after: within two more decisions
  });

  it("throttle only in the buckets after the step began", () => {
    const t = step.series.t;
    for (let i = 0; i < n; i++) if (t[i]! < 30 * 60) expect(s.throttles[i], `bucket at ${t[i]} s`).toBe(0);
    expect(s.throttles.some((x) => x > 0)).toBe(true);
  });

  it("read the CPU utilisation of the closed form in steady state: 100/s × 50 ms on 3 × 4 vCPU is 5/12", () => {
    // Before the step: 5 busy vCPUs on average over 12 serving vCPUs (Little's law on the CPU work).
    const t = step.series.t;
    const before = s.cpuUtilization.filter((_, i) => t[i]! < 29 * 60) as number[];
    const mean = sum(before) / before.length;
    expect(Math.abs(mean - 5 / 12)).toBeLessThan(0.01);
    // The scaling readings say the same (the larger of CPU and slot utilisation; slots are 128 × 6 here).
    const readings = s.scalingReading.filter((x, i) => x !== null && t[i]! < 29 * 60) as number[];
    expect(readings).toHaveLength(19); // one per minute: the periods starting at 10:00 .. 28:00
    expect(Math.abs(sum(readings) / readings.length - 5 / 12)).toBeLessThan(0.01);
  });

  it("give each of two providers its own functions' throttles, summing to the account's", () => {
    const raw = stepScenario("3m", [stepFunction("api"), { ...stepFunction("other"), capacityProvider: "cp2" }]) as Record<string, unknown>;
    raw.capacityProviders = { ...(raw.capacityProviders as object), cp2: { instanceTypes: ["m7g.xlarge"], maxVCpu: 400, targetCpuUtilization: 0.5, launchDelay: "10m" } };
    const r = managedRun(raw).result;
    const a = provider(r, "cp").series.throttles;
    const b = provider(r, "cp2").series.throttles;
    expect(sum(a)).toBe(r.functions.api!.throttled + r.functions.api!.throttledAttempts);
    expect(sum(b)).toBe(r.functions.other!.throttled + r.functions.other!.throttledAttempts);
    expect(sum(b)).toBeGreaterThan(sum(a)); // the slower launch throttles longer
    expect(a.map((x, i) => x + b[i]!)).toEqual(r.series.throttles);
  });

  it("are the same for the same seed: result.json repeats byte for byte (wall time aside)", () => {
    const sim = resolved(stepScenario()).sim;
    const strip = (r: Result) => JSON.stringify({ ...r, engine: { ...r.engine, wallSeconds: 0, eventsPerSecond: 0 } });
    expect(strip(simulate(sim))).toBe(strip(simulate(sim)));
  });
});
