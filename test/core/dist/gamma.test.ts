import { describe, expect, it } from "vitest";
import { GammaDistribution } from "../../../src/core/dist/gamma.js";
import { normalCdf } from "../../../src/core/dist/special-functions.js";
import { draw, ksCritical1Percent, ksStatistic, meanAndStandardError } from "./goodness-of-fit.js";

const N = 20_000;

describe("GammaDistribution", () => {
  it("with shape 1 is the exponential distribution (KS at 1%)", () => {
    const xs = draw(new GammaDistribution(1, 40), N, 21, "shape-1");
    expect(ksStatistic(xs, (x) => 1 - Math.exp(-x / 40))).toBeLessThan(ksCritical1Percent(N));
  });

  it("with shape 2 is Erlang-2, CDF 1 − e^(−x/θ)(1 + x/θ) (KS at 1%)", () => {
    const xs = draw(new GammaDistribution(2, 15), N, 22, "shape-2");
    expect(ksStatistic(xs, (x) => 1 - Math.exp(-x / 15) * (1 + x / 15))).toBeLessThan(ksCritical1Percent(N));
  });

  it("with shape ½ and scale 2 is chi-square with one degree of freedom, the law of Z² (KS at 1%)", () => {
    // Exercises the shape < 1 boost; P(Z² ≤ x) = 2Φ(√x) − 1.
    const xs = draw(new GammaDistribution(0.5, 2), N, 23, "chi2");
    expect(ksStatistic(xs, (x) => 2 * normalCdf(Math.sqrt(x)) - 1)).toBeLessThan(ksCritical1Percent(N));
  });

  it("from mean and cv has shape 1/cv², scale mean·cv², and that sample mean and cv", () => {
    const dist = GammaDistribution.fromMeanCv(200, 0.5);
    expect(dist.shape).toBeCloseTo(4, 14);
    expect(dist.scale).toBeCloseTo(50, 12);
    const n = 100_000;
    const { mean, sd, se } = meanAndStandardError(draw(dist, n, 24, "mean-cv"));
    expect(Math.abs(mean - 200) / se).toBeLessThan(5);
    expect(Math.abs(sd / mean - 0.5)).toBeLessThan(0.01);
  });

  it("stays strictly positive and finite even for a tiny shape", () => {
    const xs = draw(new GammaDistribution(0.05, 1), 20_000, 25, "tiny-shape");
    expect(xs.every((x) => x > 0 && Number.isFinite(x))).toBe(true);
  });
});
