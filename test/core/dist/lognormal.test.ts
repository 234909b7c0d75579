import { describe, expect, it } from "vitest";
import { LognormalDistribution } from "../../../src/core/dist/lognormal.js";
import { normalCdf } from "../../../src/core/dist/special-functions.js";
import { draw, ksCritical1Percent, ksStatistic, quantile } from "./goodness-of-fit.js";

describe("LognormalDistribution", () => {
  it("reproduces its median and p99 within 2% from 200,000 draws", () => {
    const dist = LognormalDistribution.fromMedianP99(120, 900);
    const xs = draw(dist, 200_000, 11, "median-p99");
    expect(Math.abs(quantile(xs, 0.5) / 120 - 1)).toBeLessThan(0.02);
    expect(Math.abs(quantile(xs, 0.99) / 900 - 1)).toBeLessThan(0.02);
  });

  it("from median and p99 has mu = ln(median) and sigma = ln(p99/median)/Φ⁻¹(0.99)", () => {
    const dist = LognormalDistribution.fromMedianP99(120, 900);
    expect(dist.mu).toBeCloseTo(Math.log(120), 14);
    // Φ⁻¹(0.99) = 2.3263478740408408 (mpmath 1.3, 30 digits).
    expect(dist.sigma).toBeCloseTo(Math.log(7.5) / 2.3263478740408408, 14);
    expect(dist.mean()).toBeCloseTo(120 * Math.exp(dist.sigma ** 2 / 2), 10);
  });

  it("follows the CDF Φ((ln x − mu)/sigma) (KS at 1%) and stays positive", () => {
    const dist = new LognormalDistribution(2, 1.2);
    const n = 20_000;
    const xs = draw(dist, n, 12, "ks");
    expect(ksStatistic(xs, (x) => normalCdf((Math.log(x) - 2) / 1.2))).toBeLessThan(ksCritical1Percent(n));
    expect(xs.every((x) => x > 0)).toBe(true);
  });
});
