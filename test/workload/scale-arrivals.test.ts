import { describe, expect, it } from "vitest";
import { randomStream } from "../../src/core/random.js";
import type { ArrivalSpec } from "../../src/workload/arrival-spec.js";
import { DiurnalCurve } from "../../src/workload/diurnal-curve.js";
import { makeArrivals } from "../../src/workload/make-arrivals.js";
import { scaleArrivals } from "../../src/workload/scale-arrivals.js";

/** Arrivals per hour of the day over 24 h. */
function hourlyCounts(spec: ArrivalSpec, seed: number): number[] {
  const process = makeArrivals(spec);
  const rng = randomStream(seed, "f", "arrivals");
  const counts = new Array<number>(24).fill(0);
  for (let t = process.first(0, rng); t < 86_400_000; t = process.next(t, rng)) counts[Math.floor(t / 3_600_000)]!++;
  return counts;
}

describe("scaleArrivals", () => {
  const diurnal: ArrivalSpec = { kind: "diurnal", meanPerSec: 5, peakToTrough: 4, peakAtMs: 14 * 3_600_000, weekly: null };

  it("keeps a diurnal day diurnal: each hour's arrivals follow the curve at twice the rate, peak at the same hour", () => {
    const scaled = scaleArrivals(diurnal, 2);
    expect(scaled).toEqual({ ...diurnal, meanPerSec: 10 });
    const counts = hourlyCounts(scaled, 7);
    const curve = new DiurnalCurve(10, 4, 14 * 3_600_000);
    for (let h = 0; h < 24; h++) {
      // The hour's expected count: the curve's rate integrated over the hour (midpoint rule at 1-minute steps).
      let want = 0;
      for (let m = 0; m < 60; m++) want += curve.rateAt(h * 3_600_000 + (m + 0.5) * 60_000) * 60;
      // Poisson count: within 5 standard deviations.
      expect(Math.abs(counts[h]! - want)).toBeLessThan(5 * Math.sqrt(want));
    }
    expect(counts.indexOf(Math.max(...counts))).toBeGreaterThanOrEqual(13);
    expect(counts.indexOf(Math.max(...counts))).toBeLessThanOrEqual(15);
  });

  it("scales flat rates, profile points, MMPP states, bursts and a trace's scale, and nothing else", () => {
    const burst = { atMs: 0, ratePerSec: 4, forMs: 1000, everyMs: null };
    expect(scaleArrivals({ kind: "poisson", ratePerSec: 3, bursts: [burst] }, 0.5)).toEqual({ kind: "poisson", ratePerSec: 1.5, bursts: [{ ...burst, ratePerSec: 2 }] });
    expect(scaleArrivals({ kind: "profile", points: [[0, 10], [3_600_000, 30]], shape: "linear" }, 3)).toEqual({ kind: "profile", points: [[0, 30], [3_600_000, 90]], shape: "linear" });
    const mmpp = scaleArrivals({ kind: "mmpp", states: [{ ratePerSec: 1, meanHoldingMs: 5 }, { ratePerSec: 0, meanHoldingMs: 7 }], transitions: null }, 4);
    expect(mmpp).toEqual({ kind: "mmpp", states: [{ ratePerSec: 4, meanHoldingMs: 5 }, { ratePerSec: 0, meanHoldingMs: 7 }], transitions: null });
    const trace = { kind: "trace" as const, file: "t.csv", format: "timestamps" as const, select: null, withinMinute: "uniform" as const, speedup: 2, scale: 1, offsetMs: 0, traceDurations: false };
    expect(scaleArrivals(trace, 2.5)).toEqual({ ...trace, scale: 2.5 });
  });

  it("refuses a factor that is not a positive number", () => {
    expect(() => scaleArrivals(diurnal, 0)).toThrow(RangeError);
    expect(() => scaleArrivals(diurnal, Number.NaN)).toThrow(RangeError);
  });
});
