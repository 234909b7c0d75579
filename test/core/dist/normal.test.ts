import { describe, expect, it } from "vitest";
import { NormalDistribution } from "../../../src/core/dist/normal.js";
import { normalCdf } from "../../../src/core/dist/special-functions.js";
import { draw, ksCritical1Percent, ksStatistic, meanAndStandardError } from "./goodness-of-fit.js";

describe("NormalDistribution", () => {
  it("never leaves [min, max], however tight or far in the tail the truncation", () => {
    const cases: Array<[number, number, number, number]> = [
      [100, 30, 50, 120],
      [0, 1, 6, 6.5], // 6 sd out: rejection sampling would need ~1e9 tries per draw
      [0, 1, -12, -11.9],
      [0, 1, 20, Infinity],
      [500, 1, 499.999, 500.001],
    ];
    for (const [mean, sd, min, max] of cases) {
      const xs = draw(new NormalDistribution(mean, sd, min, max), 20_000, 1, `bounds-${min}`);
      let lo = Infinity;
      let hi = -Infinity;
      for (const x of xs) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
      expect(lo, `[${min}, ${max}]`).toBeGreaterThanOrEqual(min);
      expect(hi, `[${min}, ${max}]`).toBeLessThanOrEqual(max);
    }
  });

  it("has an empirical mean matching the closed form μ + σ(φ(α) − φ(β))/(Φ(β) − Φ(α))", () => {
    // Closed-form values from mpmath 1.3 (30 digits); scipy.stats.truncnorm.mean agrees.
    const cases: Array<[NormalDistribution, number]> = [
      [new NormalDistribution(100, 30, 50, 120), 90.568865751777848],
      [new NormalDistribution(0, 1, 6, 6.5), 6.1377404333443536],
      [new NormalDistribution(200, 50, 0), 200.00669172322343],
      [new NormalDistribution(10, 5, -Infinity, 0), -1.8660776641142043],
    ];
    cases.forEach(([dist, want], i) => {
      expect(Math.abs(dist.mean() - want) / Math.abs(want), dist.describe()).toBeLessThan(1e-13);
      const { mean, se } = meanAndStandardError(draw(dist, 100_000, 2, `trunc-mean-${i}`));
      expect(Math.abs(mean - want) / se, dist.describe()).toBeLessThan(5);
    });
  });

  it("follows the renormalized normal CDF when truncated, including 6 sd out (KS at 1%)", () => {
    for (const [mean, sd, min, max] of [[100, 30, 50, 120], [0, 1, 6, 6.5], [0, 1, -3, 0.2]] as const) {
      const a = normalCdf((min - mean) / sd);
      const b = normalCdf((max - mean) / sd);
      // Far above the mean compare complements, where Φ keeps its precision.
      const cdf = min > mean
        ? (x: number) => (normalCdf(-(min - mean) / sd) - normalCdf(-(x - mean) / sd)) / (normalCdf(-(min - mean) / sd) - normalCdf(-(max - mean) / sd))
        : (x: number) => (normalCdf((x - mean) / sd) - a) / (b - a);
      const n = 20_000;
      const xs = draw(new NormalDistribution(mean, sd, min, max), n, 3, `ks-${min}`);
      expect(ksStatistic(xs, cdf), `[${min}, ${max}]`).toBeLessThan(ksCritical1Percent(n));
    }
  });

  it("is the plain normal without bounds: mean, sd and CDF all match and values can go negative", () => {
    const n = 50_000;
    const xs = draw(new NormalDistribution(5, 10), n, 4, "plain");
    const { mean, sd, se } = meanAndStandardError(xs);
    expect(Math.abs(mean - 5) / se).toBeLessThan(5);
    // sd of the sample sd is about σ/√(2n) = 0.032.
    expect(Math.abs(sd - 10)).toBeLessThan(5 * (10 / Math.sqrt(2 * n)));
    expect(ksStatistic(xs, (x) => normalCdf((x - 5) / 10))).toBeLessThan(ksCritical1Percent(n));
    expect(xs.some((x) => x < 0)).toBe(true);
  });

  it("maps a uniform draw of exactly 0 to a finite value, and u = 0 to min when truncated", () => {
    expect(new NormalDistribution(0, 1).sample(() => 0)).toBeCloseTo(-6.33795775455379, 8); // Φ⁻¹(2⁻³³), mpmath
    expect(new NormalDistribution(0, 1, 2, 3).sample(() => 0)).toBeCloseTo(2, 6);
    expect(new NormalDistribution(0, 1, 2, 3).sample(() => 1 - 2 ** -53)).toBeCloseTo(3, 6);
    expect(new NormalDistribution(0, 1, -3, -2).sample(() => 0)).toBeCloseTo(-3, 6);
    expect(Number.isFinite(new NormalDistribution(0, 1, 30).sample(() => 1 - 2 ** -53))).toBe(true);
  });

  it("increases with u, above the mean as below it, so common random numbers stay coupled", () => {
    for (const dist of [new NormalDistribution(0, 1), new NormalDistribution(0, 1, 1, 4), new NormalDistribution(0, 1, 7, 9)]) {
      let previous = -Infinity;
      for (let u = 0; u < 1; u += 1 / 1024) {
        const x = dist.sample(() => u);
        expect(x, `${dist.describe()} at u = ${u}`).toBeGreaterThanOrEqual(previous);
        previous = x;
      }
    }
  });
});
