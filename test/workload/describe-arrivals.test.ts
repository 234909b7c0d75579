import { describe, expect, it } from "vitest";
import { describeArrivals } from "../../src/workload/describe-arrivals.js";

describe("describeArrivals", () => {
  it("labels each kind in words, with its bursts", () => {
    expect(describeArrivals({ kind: "poisson", ratePerSec: 50 })).toBe("Poisson 50/s");
    expect(describeArrivals({ kind: "constant", ratePerSec: 0.5, bursts: [{ atMs: 0, ratePerSec: 9, forMs: 1, everyMs: null }] })).toBe("constant 0.5/s + 1 burst");
    expect(describeArrivals({ kind: "diurnal", meanPerSec: 50, peakToTrough: 4, peakAtMs: 14.5 * 3_600_000, weekly: null })).toBe("diurnal mean 50/s, peak/trough 4 at 14:30");
    expect(describeArrivals({ kind: "profile", points: [[0, 1], [1, 2]], shape: "step" })).toBe("step profile of 2 points");
    expect(describeArrivals({ kind: "mmpp", states: [], transitions: null })).toBe("MMPP of 0 states");
    expect(
      describeArrivals({ kind: "trace", file: "t.csv", format: "azure2021", select: null, withinMinute: "uniform", speedup: 2, scale: 1, offsetMs: 0, traceDurations: true }),
    ).toBe("trace azure2021 t.csv at 2x");
  });
});
