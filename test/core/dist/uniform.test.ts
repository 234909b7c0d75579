import { describe, expect, it } from "vitest";
import { ConstantDistribution } from "../../../src/core/dist/constant.js";
import { UniformDistribution } from "../../../src/core/dist/uniform.js";
import { draw, ksCritical1Percent, ksStatistic } from "./goodness-of-fit.js";

describe("UniformDistribution", () => {
  it("follows the CDF (x − min)/(max − min) and stays in [min, max) (KS at 1%)", () => {
    const n = 20_000;
    const xs = draw(new UniformDistribution(-5, 15), n, 71, "ks");
    expect(ksStatistic(xs, (x) => (x + 5) / 20)).toBeLessThan(ksCritical1Percent(n));
    expect(xs.every((x) => x >= -5 && x < 15)).toBe(true);
  });
});

describe("ConstantDistribution", () => {
  it("returns its value without drawing from the rng", () => {
    const dist = new ConstantDistribution(250);
    expect(dist.sample(() => {
      throw new Error("constant must not draw");
    })).toBe(250);
    expect(dist.mean()).toBe(250);
  });
});
