import { describe, expect, it } from "vitest";
import { ExponentialDistribution } from "../../../src/core/dist/exponential.js";
import { draw, ksCritical1Percent, ksStatistic } from "./goodness-of-fit.js";

describe("ExponentialDistribution", () => {
  it("follows the CDF 1 − e^(−x/mean) (KS at 1%)", () => {
    const n = 50_000;
    const xs = draw(new ExponentialDistribution(50), n, 31, "ks");
    expect(ksStatistic(xs, (x) => 1 - Math.exp(-x / 50))).toBeLessThan(ksCritical1Percent(n));
  });

  it("is the inverse transform −mean·ln(1 − u), zero at u = 0", () => {
    const dist = new ExponentialDistribution(50);
    expect(dist.sample(() => 0.5)).toBeCloseTo(50 * Math.LN2, 12);
    expect(dist.sample(() => 0)).toBe(0);
  });
});
