import { describe, expect, it } from "vitest";
import { ParetoDistribution } from "../../../src/core/dist/pareto.js";
import { draw, ksCritical1Percent, ksStatistic } from "./goodness-of-fit.js";

describe("ParetoDistribution", () => {
  it("follows the CDF 1 − (scale/x)^alpha and never goes below the scale (KS at 1%)", () => {
    const n = 50_000;
    const xs = draw(new ParetoDistribution(10, 1.5), n, 51, "ks");
    expect(ksStatistic(xs, (x) => 1 - (10 / x) ** 1.5)).toBeLessThan(ksCritical1Percent(n));
    expect(xs.every((x) => x >= 10 && Number.isFinite(x))).toBe(true);
  });

  it("has mean alpha·scale/(alpha − 1), and Infinity when alpha ≤ 1", () => {
    expect(new ParetoDistribution(10, 3).mean()).toBeCloseTo(15, 12);
    expect(new ParetoDistribution(10, 1).mean()).toBe(Infinity);
  });
});
