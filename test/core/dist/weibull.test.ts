import { describe, expect, it } from "vitest";
import { WeibullDistribution } from "../../../src/core/dist/weibull.js";
import { draw, ksCritical1Percent, ksStatistic } from "./goodness-of-fit.js";

describe("WeibullDistribution", () => {
  it("follows the CDF 1 − exp(−(x/scale)^shape) for light and heavy tails (KS at 1%)", () => {
    const n = 50_000;
    for (const [shape, scale] of [[1.5, 100], [0.6, 20]] as const) {
      const xs = draw(new WeibullDistribution(shape, scale), n, 41, `ks-${shape}`);
      expect(ksStatistic(xs, (x) => 1 - Math.exp(-((x / scale) ** shape))), `shape ${shape}`).toBeLessThan(
        ksCritical1Percent(n),
      );
    }
  });

  it("has mean scale·Γ(1 + 1/shape), equal to the scale when shape is 1", () => {
    expect(new WeibullDistribution(1, 70).mean()).toBeCloseTo(70, 12);
    // 100·Γ(5/3) = 90.274529295093361 (mpmath 1.3).
    expect(new WeibullDistribution(1.5, 100).mean()).toBeCloseTo(90.274529295093361, 11);
    // shape 2 is Rayleigh: mean scale·√π/2.
    expect(new WeibullDistribution(2, 10).mean()).toBeCloseTo((10 * Math.sqrt(Math.PI)) / 2, 12);
  });
});
