import { describe, expect, it } from "vitest";
import { durationFactor, vcpuFor } from "../../../src/platform/environments/duration-scaling.js";
import { simulate } from "../../../src/platform/simulate.js";
import { fn, scenario } from "../../support/configs.js";

describe("memory to duration scaling", () => {
  it("gives one vCPU at 1,769 MB, proportionally more above, and never more than six", () => {
    expect(vcpuFor(1769)).toBe(1);
    expect(vcpuFor(10_240)).toBeCloseTo(10_240 / 1769, 12); // 5.79: the reference's formula, min(m/1769, 6)
    expect(vcpuFor(20_000)).toBe(6);
    expect(vcpuFor(128)).toBeCloseTo(128 / 1769, 12);
  });

  it("halves a fully CPU-bound single-threaded duration when memory doubles below one vCPU", () => {
    expect(durationFactor(1024, { atMemoryMB: 512, cpuBound: 1, threads: 1 })).toBeCloseTo(0.5, 12);
  });

  it("stops helping a single thread past one vCPU, but helps four threads up to four vCPU", () => {
    expect(durationFactor(4096, { atMemoryMB: 1769, cpuBound: 1, threads: 1 })).toBe(1);
    expect(durationFactor(4 * 1769, { atMemoryMB: 1769, cpuBound: 1, threads: 4 })).toBeCloseTo(0.25, 12);
  });

  it("leaves the I/O-bound part alone (Amdahl)", () => {
    // 30 % CPU-bound, memory x4 under one vCPU: 0.7 + 0.3/4.
    expect(durationFactor(1024, { atMemoryMB: 256, cpuBound: 0.3, threads: 1 })).toBeCloseTo(0.775, 12);
  });

  it("applies the factor to simulated durations", () => {
    const res = simulate(
      scenario(
        [
          fn({
            name: "f",
            memoryMB: 1024,
            duration: { dist: "constant", value: 400 },
            durationScaling: { atMemoryMB: 256, cpuBound: 0.5, threads: 1 },
            arrivals: { kind: "constant", ratePerSec: 1 },
          }),
        ],
        { horizonMs: 60_000 },
      ),
    );
    // 400 ms x (0.5 + 0.5/4) = 250 ms for every (warm) request.
    expect(res.total.latencyMs.warm.max).toBe(250);
    expect(res.total.usage.billedDurationMs).toBe(60 * 250);
  });
});
