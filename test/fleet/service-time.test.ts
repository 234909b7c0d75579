import { describe, expect, it } from "vitest";
import { fleetDurationFactor } from "../../src/fleet/index.js";

describe("service time on a fleet slot", () => {
  it("leaves durations unchanged when the scenario says nothing about CPU", () => {
    expect(fleetDurationFactor({ name: "f", memoryMB: 512, durationScaling: null }, { vcpu: 2, slots: 8 })).toBe(1);
  });

  it("halves a fully CPU-bound duration measured at 1 vCPU (1,769 MB) on a slot with 2 vCPU", () => {
    const fn = { name: "f", memoryMB: 512, durationScaling: { atMemoryMB: 1769, cpuBound: 1, threads: 2 } };
    expect(fleetDurationFactor(fn, { vcpu: 4, slots: 2 })).toBeCloseTo(0.5, 12);
  });

  it("scales only the CPU-bound part (Amdahl): 40 % CPU at 1 vCPU on a quarter vCPU takes 0.6 + 0.4 × 4 = 2.2×", () => {
    const fn = { name: "f", memoryMB: 1769, durationScaling: { atMemoryMB: 1769, cpuBound: 0.4, threads: 1 } };
    expect(fleetDurationFactor(fn, { vcpu: 2, slots: 8 })).toBeCloseTo(2.2, 12);
  });

  it("gives a single-threaded handler no more than one vCPU however idle the instance", () => {
    const fn = { name: "f", memoryMB: 1769, durationScaling: { atMemoryMB: 1769, cpuBound: 1, threads: 1 } };
    expect(fleetDurationFactor(fn, { vcpu: 16, slots: 1 })).toBe(1);
  });
});
