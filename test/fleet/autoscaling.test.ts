import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/core/simulation.js";
import { FleetModel, simulateFleet, type FleetInput } from "../../src/fleet/index.js";
import { fleet } from "./support.js";

const MIN = 60_000;
const HOUR = 3_600_000;

/**
 * 20/s until 1h, then 200/s (a `profile` with step shape: Poisson at each rate); 100 ms per request,
 * 4 slots per instance, target 0.6: one instance runs 20/s at 0.5 (under target), and 200/s needs
 * 200 × 0.1 / (4 × 0.6) = 8.33 instances, so 9. The target is kept off those exact fits so that the
 * one-minute readings' noise (about ±2 % at 12,000 arrivals a minute) cannot tip a ceil either way.
 */
const input = (over: Partial<FleetInput["fleet"]> = {}): FleetInput => ({
  fleet: fleet({ slots: 4, targetUtilization: 0.6, minInstances: 1, maxInstances: 20, launchDelayMs: 3 * MIN, ...over }),
  workload: { name: "api", memoryMB: 512, durationScaling: null },
  arrivals: { kind: "profile", points: [[0, 20], [HOUR, 200]], shape: "step" },
  duration: { dist: "constant", value: 100 },
  seed: 3,
  horizonMs: 2 * HOUR,
  warmupMs: 0,
});

/** Running instances sampled at each time in `atMs` (the model stepped through one run). */
function runningAt(atMs: number[], over: Partial<FleetInput["fleet"]> = {}): number[] {
  const sim = new Simulation();
  const model = new FleetModel(input(over), sim);
  model.start();
  return atMs.map((t) => (sim.run(model, t), model.running));
}

describe("target-tracking autoscaling of a fleet", () => {
  // One run, read at: before the step, around the end of the launch delay, and at the end.
  const [before, justBefore3m, justAfter3m, settled] = runningAt([HOUR - 1, HOUR + 6 * MIN - 1, HOUR + 6 * MIN + 1, 2 * HOUR - 1]);

  it("holds one instance at 20/s and launches none before the step", () => {
    expect(before).toBe(1);
  });

  it("adds no capacity until the launch delay has passed after 3 high one-minute readings", () => {
    // Readings at 1h+1m, +2m, +3m are high: the launch is decided at 1h+3m and runs from 1h+6m.
    const [justBefore, justAfter] = [justBefore3m, justAfter3m];
    expect(justBefore).toBe(1);
    expect(justAfter).toBe(2); // ceil(1 × 1.0 / 0.6): utilization is pinned at 1 while the queue grows
  });

  it("with a shorter launch delay, capacity arrives that much sooner", () => {
    const [justBefore, justAfter] = runningAt([HOUR + 4 * MIN - 1, HOUR + 4 * MIN + 1], { launchDelayMs: MIN });
    expect(justBefore).toBe(1);
    expect(justAfter).toBe(2);
  });

  it("settles at the instance count the target asks for, ceil(200 × 0.1 / (4 × 0.6)) = 9, within the hour", () => {
    // It overshoots first (the backlog keeps utilization at 1), then scales in after 15 low readings.
    expect(settled).toBe(9);
  });

  it("bills the launching instances", () => {
    // (Conservation is asserted inside simulateFleet itself, which throws FleetInvariantError.)
    const r = simulateFleet(input());
    expect(r.instances.peak).toBeGreaterThanOrEqual(9);
    expect(r.instances.peak).toBeLessThanOrEqual(20);
    // At least 1 instance for the first hour and 9 for most of the second.
    expect(r.instanceHours).toBeGreaterThan(1 + 9 * 0.5);
    expect(r.queued).toBeGreaterThan(0);
  });
});
