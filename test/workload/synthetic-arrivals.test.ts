import { describe, expect, it } from "vitest";
import { randomStream } from "../../src/core/random.js";
import { makeArrivals } from "../../src/workload/make-arrivals.js";
import { MmppArrivals } from "../../src/workload/mmpp-arrivals.js";
import { expectCountsMatch, integral, windowCounts } from "./window-counts.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Expected counts per window for a rate function written out in the test (independent of the curves). */
function expectedCounts(rate: (tMs: number) => number, windowMs: number, windows: number): number[] {
  return Array.from({ length: windows }, (_, i) => integral(rate, i * windowMs, (i + 1) * windowMs));
}

describe("non-homogeneous arrival kinds (counts over many windows match the integral of the rate)", () => {
  it("diurnal: a cosine with the given mean, peak-to-trough ratio and peak hour, over a week with a weekly shape", () => {
    const weekly = [1, 1, 1, 1, 1, 0.5, 0.5];
    const p = makeArrivals({ kind: "diurnal", meanPerSec: 2, peakToTrough: 4, peakAtMs: 14 * HOUR, weekly });
    const a = 3 / 5; // (4 − 1)/(4 + 1)
    const norm = 7 / weekly.reduce((x, y) => x + y, 0);
    const rate = (t: number) => 2 * weekly[Math.floor(t / DAY) % 7]! * norm * (1 + a * Math.cos((2 * Math.PI * (t - 14 * HOUR)) / DAY));
    const counts = windowCounts(p, randomStream(1, "diurnal", "arrivals"), HOUR / 2, 7 * 48);
    expectCountsMatch(counts, expectedCounts(rate, HOUR / 2, 7 * 48));
    // The peak hour is busier than the trough hour by about the ratio (4x, Poisson noise aside).
    expect(counts[28]! / counts[4]!).toBeGreaterThan(3.3);
    expect(p.meanRatePerSec()).toBe(2);
  });

  it("diurnal: weekly factors near 1e308 keep the week's shape instead of overflowing the sum into NaN rates (the fuzz campaign's hang)", () => {
    // [1e308 × 5, 0.5e308 × 2] is the shape [1, 1, 1, 1, 1, 0.5, 0.5]: the same counts with the same stream.
    const huge = makeArrivals({ kind: "diurnal", meanPerSec: 2, peakToTrough: 4, peakAtMs: 14 * HOUR, weekly: [1e308, 1e308, 1e308, 1e308, 1e308, 5e307, 5e307] });
    const plain = makeArrivals({ kind: "diurnal", meanPerSec: 2, peakToTrough: 4, peakAtMs: 14 * HOUR, weekly: [1, 1, 1, 1, 1, 0.5, 0.5] });
    const counts = windowCounts(huge, randomStream(1, "diurnal", "arrivals"), DAY, 7);
    expect(counts).toEqual(windowCounts(plain, randomStream(1, "diurnal", "arrivals"), DAY, 7));
    // Weekdays carry 7/6 of the mean, weekend days 7/12: 2/s · 86,400 s · 7/6 ≈ 201,600 arrivals on day 0.
    expect(counts[0]! / (2 * 86_400 * (7 / 6))).toBeCloseTo(1, 1);
    expect(counts[6]! / (2 * 86_400 * (7 / 12))).toBeCloseTo(1, 1);
  });

  it("profile, linear: rates interpolate between points and wrap from the last point to the next day's first", () => {
    const points: Array<[number, number]> = [[0, 1], [9 * HOUR, 20], [18 * HOUR, 2]];
    const p = makeArrivals({ kind: "profile", points, shape: "linear" });
    const lin = (t: number) => {
      const h = (t % DAY) / HOUR;
      if (h < 9) return 1 + (19 * h) / 9;
      if (h < 18) return 20 - (18 * (h - 9)) / 9;
      return 2 - (1 * (h - 18)) / 6;
    };
    expectCountsMatch(windowCounts(p, randomStream(2, "profile", "arrivals"), HOUR / 4, 2 * 96), expectedCounts(lin, HOUR / 4, 2 * 96));
    // Mean of the day: trapezoids 9h·10.5 + 9h·11 + 6h·1.5 over 24h.
    expect(p.meanRatePerSec()).toBeCloseTo((9 * 10.5 + 9 * 11 + 6 * 1.5) / 24, 12);
  });

  it("profile, step: each point's rate holds until the next point, and a zero step has no arrivals", () => {
    const points: Array<[number, number]> = [[6 * HOUR, 10], [12 * HOUR, 0], [13 * HOUR, 4]];
    const p = makeArrivals({ kind: "profile", points, shape: "step" });
    const step = (t: number) => {
      const h = (t % DAY) / HOUR;
      return h < 6 ? 4 : h < 12 ? 10 : h < 13 ? 0 : 4;
    };
    expectCountsMatch(windowCounts(p, randomStream(3, "step", "arrivals"), HOUR, 48), expectedCounts(step, HOUR, 48));
  });

  it("bursts: repeated bursts add their rate to a Poisson base inside each window and nothing outside", () => {
    const bursts = [{ atMs: 2 * HOUR, ratePerSec: 30, forMs: 5 * 60_000, everyMs: 4 * HOUR }, { atMs: 3 * HOUR, ratePerSec: 10, forMs: HOUR, everyMs: null }];
    const p = makeArrivals({ kind: "poisson", ratePerSec: 2, bursts });
    const rate = (t: number) => {
      let r = 2;
      if (t >= 2 * HOUR && (t - 2 * HOUR) % (4 * HOUR) < 5 * 60_000) r += 30;
      if (t >= 3 * HOUR && t < 4 * HOUR) r += 10;
      return r;
    };
    const w = 5 * 60_000; // windows aligned with the burst edges
    expectCountsMatch(windowCounts(p, randomStream(4, "bursts", "arrivals"), w, 24 * 12), expectedCounts(rate, w, 24 * 12));
    expect(p.meanRatePerSec()).toBeCloseTo(2 + (30 * 5) / 240, 12);
  });

  it("bursts on a diurnal base: the superposition's counts match the summed rate", () => {
    const p = makeArrivals({
      kind: "diurnal",
      meanPerSec: 3,
      peakToTrough: 2,
      peakAtMs: 20 * HOUR,
      weekly: null,
      bursts: [{ atMs: 10 * HOUR, ratePerSec: 50, forMs: HOUR / 2, everyMs: DAY }],
    });
    const a = 1 / 3;
    const rate = (t: number) => 3 * (1 + a * Math.cos((2 * Math.PI * (t - 20 * HOUR)) / DAY)) + ((t % DAY) >= 10 * HOUR && (t % DAY) < 10.5 * HOUR ? 50 : 0);
    expectCountsMatch(windowCounts(p, randomStream(5, "db", "arrivals"), HOUR / 2, 96), expectedCounts(rate, HOUR / 2, 96));
  });

  it("constant with a burst keeps the even spacing and adds the burst's Poisson arrivals", () => {
    const p = makeArrivals({ kind: "constant", ratePerSec: 1, bursts: [{ atMs: 60_000, ratePerSec: 100, forMs: 10_000, everyMs: null }] });
    const counts = windowCounts(p, randomStream(6, "cb", "arrivals"), 10_000, 12);
    expect(counts.filter((_, i) => i !== 6)).toEqual(new Array(11).fill(10));
    // 10 s at 100/s: Poisson(1000) plus the 10 constant ones; 5 standard deviations.
    expect(Math.abs(counts[6]! - 1010)).toBeLessThan(5 * Math.sqrt(1000));
  });
});

describe("MMPP", () => {
  it("on/off: the long-run rate and the index of dispersion of counts match the two-state formulas", () => {
    // On 20/s for a mean 1 min, off for a mean 3 min: mean rate λ = 20 · 1/4 = 5/s. For a 2-state
    // MMPP (switching rates q1 = 1/60 s, q2 = 1/180 s) the variance of counts in a long window T is
    // ≈ T·(λ + 2(λ1 − λ2)² q1 q2 / (q1 + q2)³) (Fischer and Meier-Hellstern 1993), so the index of
    // dispersion of 1-hour counts is ≈ 1 + 2·400·q1q2/((q1+q2)³·5) = 1 + 2·400·(1/10800)·45³/5 = 1351 (less a
    // correction of order 1/((q1+q2)·T) ≈ 1 %).
    const p = new MmppArrivals([{ ratePerSec: 20, meanHoldingMs: 60_000 }, { ratePerSec: 0, meanHoldingMs: 180_000 }]);
    expect(p.meanRatePerSec()).toBeCloseTo(5, 12);
    const windows = 1000;
    const counts = windowCounts(p, randomStream(8, "mmpp", "arrivals"), HOUR, windows);
    const mean = counts.reduce((x, y) => x + y, 0) / windows;
    const variance = counts.reduce((x, c) => x + (c - mean) ** 2, 0) / (windows - 1);
    const q = 1 / 60 + 1 / 180;
    const varRatePerSec = 5 + (2 * 400 * (1 / 60) * (1 / 180)) / q ** 3;
    // The mean of 1,000 hourly counts: standard error √(var · 3600 / 2000); 5 standard errors.
    expect(Math.abs(mean - 5 * 3600)).toBeLessThan(5 * Math.sqrt((varRatePerSec * 3600) / windows));
    // The dispersion index, within 15 % (its sampling error at 1,000 windows is ~4.5 %, plus the ~1 % finite-window bias).
    const index = variance / mean;
    const want = varRatePerSec / 5;
    expect(want).toBeCloseTo(1351, 6);
    expect(Math.abs(index / want - 1)).toBeLessThan(0.15);
  });

  it("n-state with a transition matrix: the stationary time fractions weight the rates", () => {
    // Cycle 0 → 1 → 2 → 0 with holding means 1, 2, 3 min: time fractions 1/6, 2/6, 3/6.
    const p = new MmppArrivals(
      [{ ratePerSec: 6, meanHoldingMs: 60_000 }, { ratePerSec: 3, meanHoldingMs: 120_000 }, { ratePerSec: 0, meanHoldingMs: 180_000 }],
      [[0, 1, 0], [0, 0, 1], [1, 0, 0]],
    );
    expect(Array.from(p.stationary)).toEqual([1 / 6, 2 / 6, 3 / 6].map((x) => expect.closeTo(x, 9)));
    expect(p.meanRatePerSec()).toBeCloseTo(6 / 6 + 3 * (2 / 6), 9);
    const counts = windowCounts(p, randomStream(9, "mmpp3", "arrivals"), DAY, 20);
    const perSec = counts.reduce((x, y) => x + y, 0) / (20 * 86_400);
    // 20 days hold ~9,600 state cycles of 6 min: the time average is within a few % of the mean.
    expect(Math.abs(perSec / 2 - 1)).toBeLessThan(0.05);
  });

  it("transition weights near 1e308 split as their ratio, not all to the last state (their sum overflowed to Infinity)", () => {
    // From state 0, weights 1e308 and 1e308 are 1:1, so states 1 and 2 share the time after it equally.
    const states = [{ ratePerSec: 0, meanHoldingMs: 60_000 }, { ratePerSec: 6, meanHoldingMs: 60_000 }, { ratePerSec: 1, meanHoldingMs: 60_000 }];
    const huge = new MmppArrivals(states, [[0, 1e308, 1e308], [1, 0, 0], [1, 0, 0]]);
    const plain = new MmppArrivals(states, [[0, 1, 1], [1, 0, 0], [1, 0, 0]]);
    // Time fractions: 0 half the time, 1 and 2 a quarter each.
    expect(Array.from(huge.stationary)).toEqual([0.5, 0.25, 0.25].map((x) => expect.closeTo(x, 9)));
    expect(huge.meanRatePerSec()).toBeCloseTo(plain.meanRatePerSec(), 12);
  });
});
