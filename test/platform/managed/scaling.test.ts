import { describe, expect, it } from "vitest";
import type { Result } from "../../../src/platform/result.js";
import { lmiFunction, managedRun } from "../../support/managed.js";

/**
 * A provider of m7g.xlarge (4 vCPU): three instances hold six 2-vCPU environments (12 vCPU). Each
 * request is 50 ms of CPU work: 100/s keep 5 vCPUs busy (42 %, under the 50 % target), 300/s need 15,
 * more than the three instances have. `points` is the arrival profile (linear between points).
 */
function run(points: Array<[string, string]>, launchDelay = "3m"): Result {
  return managedRun({
    horizon: "1h30m",
    seed: 3,
    capacityProviders: { cp: { instanceTypes: ["m7g.xlarge"], maxVCpu: 400, targetCpuUtilization: 0.5, launchDelay } },
    functions: [
      lmiFunction({
        duration: { dist: "constant", value: "50ms", atMemoryMB: 1769, cpuBound: 1 },
        arrivals: { kind: "profile", points },
      }),
    ],
  }).result;
}

const STEP: Array<[string, string]> = [["00:00", "100/s"], ["00:30", "100/s"], ["00:31", "300/s"], ["02:00", "300/s"]];
const RAMP: Array<[string, string]> = [["00:00", "100/s"], ["00:30", "100/s"], ["01:00", "300/s"], ["02:00", "300/s"]];

/** Seconds from the start of the bucket of the last throttle (-1: none). */
function lastThrottleAtS(r: Result): number {
  const t = r.series.throttles;
  for (let k = t.length - 1; k >= 0; k--) if (t[k]! > 0) return r.series.t[k]!;
  return -1;
}

describe("scaling of a capacity provider", () => {
  it("throttles a step from 100/s to 300/s within one minute until instances launched after the delay are running", () => {
    const r = run(STEP);
    const f = r.functions.api!;
    expect(f.throttled / f.invocations).toBeGreaterThan(0.005);
    expect(f.coldStarts).toBe(0);
    const cp = r.capacityProviders!.cp!;
    expect(cp.launched).toBeGreaterThan(0);
    // 15 busy vCPUs at a 50 % target want 30 vCPUs: at least 8 instances in the end.
    expect(cp.instances.peak).toBeGreaterThanOrEqual(8);
    // Demand passes the 240/s the six environments serve at 30:42; the reading at 31:00 is the first to
    // see it and launches, and those instances run 3 minutes later (34:00): throttles go on until then
    // (the last throttle's chart bucket ends after 34:00) and stop within two more decisions.
    const last = lastThrottleAtS(r);
    expect(last + r.series.bucketSeconds).toBeGreaterThanOrEqual(34 * 60);
    expect(last).toBeLessThan(37 * 60);
  });

  it("throttles longer when instances take longer to launch", () => {
    const fast = run(STEP, "3m").functions.api!;
    const slow = run(STEP, "10m").functions.api!;
    expect(slow.throttled).toBeGreaterThan(2 * fast.throttled);
  });

  it("throttles (almost) nothing when the same increase is spread over 30 minutes: under 0.01 % of requests", () => {
    const r = run(RAMP);
    const f = r.functions.api!;
    expect(f.throttled / f.invocations).toBeLessThan(1e-4);
    expect(r.capacityProviders!.cp!.instances.peak).toBeGreaterThanOrEqual(8);
  });
});
