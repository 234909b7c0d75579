import { describe, expect, it } from "vitest";
import type { DistSpec } from "../../../src/core/dist/distribution.js";
import { makeDistribution } from "../../../src/core/dist/make-distribution.js";
import { randomStream } from "../../../src/core/random.js";
import { countingRng, draw, meanAndStandardError } from "./goodness-of-fit.js";

/** Φ⁻¹(0.99) from mpmath 1.3 (30 digits), independent of the code under test. */
const Z99 = 2.3263478740408408;

/**
 * Specs with their means from closed forms evaluated independently (mpmath 1.3 at 30 digits for the
 * Γ and truncated-normal values; scipy.stats.truncnorm.mean agrees to 1e-15).
 */
const CASES: Array<{ spec: DistSpec; mean: number }> = [
  { spec: { dist: "constant", value: 42 }, mean: 42 },
  { spec: { dist: "exponential", mean: 50 }, mean: 50 },
  { spec: { dist: "uniform", min: 10, max: 30 }, mean: 20 },
  { spec: { dist: "normal", mean: 100, sd: 20 }, mean: 100 },
  { spec: { dist: "normal", mean: 100, sd: 30, min: 50, max: 120 }, mean: 90.568865751777848 },
  { spec: { dist: "normal", mean: 0, sd: 1, min: 6, max: 6.5 }, mean: 6.1377404333443536 },
  { spec: { dist: "normal", mean: 10, sd: 5, max: 0 }, mean: -1.8660776641142043 },
  { spec: { dist: "lognormal", median: 120, p99: 900 }, mean: 120 * Math.exp((Math.log(7.5) / Z99) ** 2 / 2) },
  { spec: { dist: "lognormal", mu: 3, sigma: 0.5 }, mean: Math.exp(3.125) },
  { spec: { dist: "gamma", shape: 2.5, scale: 40 }, mean: 100 },
  { spec: { dist: "gamma", shape: 0.3, scale: 100 }, mean: 30 },
  { spec: { dist: "gamma", mean: 80, cv: 1.5 }, mean: 80 },
  { spec: { dist: "weibull", shape: 1.5, scale: 100 }, mean: 90.274529295093361 },
  { spec: { dist: "weibull", shape: 0.7, scale: 50 }, mean: 63.291175302864168 },
  { spec: { dist: "pareto", scale: 10, alpha: 4 }, mean: 40 / 3 },
  { spec: { dist: "empirical", samples: [3, 1, 4, 1, 5, 9, 2, 6] }, mean: 31 / 8 },
  { spec: { dist: "empirical", histogram: [[10, 1], [20, 0], [50, 3]] }, mean: 40 },
];

describe("makeDistribution", () => {
  it("builds distributions whose mean() equals the independently computed closed form", () => {
    for (const { spec, mean } of CASES) {
      const got = makeDistribution(spec).mean();
      expect(Math.abs(got - mean) / Math.abs(mean), JSON.stringify(spec)).toBeLessThan(1e-13);
    }
  });

  it("gives a sample mean of 200,000 draws within 5 standard errors of mean() for every distribution", () => {
    CASES.forEach(({ spec }, i) => {
      const dist = makeDistribution(spec);
      const { mean, se } = meanAndStandardError(draw(dist, 200_000, 7, `mean-${i}`));
      if (spec.dist === "constant") expect(mean).toBe(dist.mean());
      else expect(Math.abs(mean - dist.mean()) / se, dist.describe()).toBeLessThan(5);
    });
  });

  it("reports an infinite mean for a Pareto tail with alpha ≤ 1", () => {
    expect(makeDistribution({ dist: "pareto", scale: 1, alpha: 1 }).mean()).toBe(Infinity);
    expect(makeDistribution({ dist: "pareto", scale: 1, alpha: 0.5 }).mean()).toBe(Infinity);
  });

  it("rejects a negative sd with a RangeError naming sd", () => {
    expect(() => makeDistribution({ dist: "normal", mean: 100, sd: -1 })).toThrow(RangeError);
    expect(() => makeDistribution({ dist: "normal", mean: 100, sd: -1 })).toThrow(/\bsd\b/);
  });

  it("rejects each out-of-range parameter with a RangeError that names it", () => {
    const bad: Array<[DistSpec, string]> = [
      [{ dist: "constant", value: NaN }, "value"],
      [{ dist: "exponential", mean: 0 }, "mean"],
      [{ dist: "uniform", min: 5, max: 1 }, "max"],
      [{ dist: "normal", mean: Infinity, sd: 1 }, "mean"],
      [{ dist: "normal", mean: 0, sd: 1, min: 3, max: 2 }, "min"],
      [{ dist: "normal", mean: 0, sd: 1, min: 40 }, "min"], // no mass left above 40 sd
      [{ dist: "lognormal", median: 100, p99: 50 }, "p99"],
      [{ dist: "lognormal", median: -1, p99: 50 }, "median"],
      [{ dist: "lognormal", mu: 1, sigma: 0 }, "sigma"],
      [{ dist: "gamma", shape: 0, scale: 1 }, "shape"],
      [{ dist: "gamma", mean: 10, cv: -0.5 }, "cv"],
      [{ dist: "weibull", shape: 1, scale: -3 }, "scale"],
      [{ dist: "pareto", scale: 1, alpha: 0 }, "alpha"],
      [{ dist: "empirical", samples: [] }, "samples"],
      [{ dist: "empirical", samples: [1, NaN] }, "samples[1]"],
      [{ dist: "empirical", histogram: [[1, 0], [2, 0]] }, "weights"],
      [{ dist: "empirical", histogram: [[1, 1], [2, -1]] }, "histogram[1][1]"],
    ];
    for (const [spec, name] of bad) {
      let error: unknown;
      try {
        makeDistribution(spec);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(spec)).toBeInstanceOf(RangeError);
      expect((error as Error).message, JSON.stringify(spec)).toContain(name);
    }
    expect(() => makeDistribution({ dist: "zipf" } as unknown as DistSpec)).toThrow(/zipf/);
  });

  it("describes each distribution in the parameters it was given", () => {
    const want: Array<[DistSpec, string]> = [
      [{ dist: "constant", value: 5 }, "constant(5)"],
      [{ dist: "exponential", mean: 50 }, "exponential(mean 50)"],
      [{ dist: "uniform", min: 1, max: 2.5 }, "uniform(min 1, max 2.5)"],
      [{ dist: "normal", mean: 100, sd: 20 }, "normal(mean 100, sd 20)"],
      [{ dist: "normal", mean: 100, sd: 20, min: 0 }, "normal(mean 100, sd 20, min 0)"],
      [{ dist: "lognormal", median: 120, p99: 900 }, "lognormal(median 120, p99 900)"],
      [{ dist: "lognormal", mu: 4.5, sigma: 0.8 }, "lognormal(mu 4.5, sigma 0.8)"],
      [{ dist: "gamma", shape: 2, scale: 50 }, "gamma(shape 2, scale 50)"],
      [{ dist: "gamma", mean: 100, cv: 0.7 }, "gamma(mean 100, cv 0.7)"],
      [{ dist: "weibull", shape: 1.5, scale: 100 }, "weibull(shape 1.5, scale 100)"],
      [{ dist: "pareto", scale: 10, alpha: 2.5 }, "pareto(scale 10, alpha 2.5)"],
      [{ dist: "empirical", samples: [1, 2, 3] }, "empirical(3 samples)"],
      [{ dist: "empirical", histogram: [[1, 1], [2, 1]] }, "empirical(histogram of 2 values)"],
    ];
    for (const [spec, text] of want) expect(makeDistribution(spec).describe()).toBe(text);
  });

  it("gives the same sequence for the same seed, and a different one for another seed or purpose", () => {
    const dist = makeDistribution({ dist: "gamma", shape: 0.6, scale: 30 });
    const run = (seed: number, purpose: string) => {
      const rng = randomStream(seed, "fn", purpose);
      return Array.from({ length: 50 }, () => dist.sample(rng));
    };
    expect(run(1, "durations")).toEqual(run(1, "durations"));
    expect(run(1, "durations")).not.toEqual(run(2, "durations"));
    expect(run(1, "durations")).not.toEqual(run(1, "coldStarts"));
  });

  it("maps both lognormal forms to the same sampler when they describe the same law", () => {
    const mu = Math.log(120);
    const sigma = 0.75;
    const byQuantiles = makeDistribution({ dist: "lognormal", median: 120, p99: Math.exp(mu + sigma * Z99) });
    const byLogMoments = makeDistribution({ dist: "lognormal", mu, sigma });
    const a = draw(byQuantiles, 1000, 3, "same-law");
    const b = draw(byLogMoments, 1000, 3, "same-law");
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!) / b[i]!).toBeLessThan(1e-12);
  });

  it("draws exactly one uniform per sample for every distribution except constant (none) and gamma (varies)", () => {
    for (const { spec } of CASES) {
      if (spec.dist === "gamma") continue;
      const dist = makeDistribution(spec);
      const counter = countingRng(randomStream(9, "fn", "count"));
      for (let i = 0; i < 1000; i++) dist.sample(counter.rng);
      expect(counter.calls(), dist.describe()).toBe(spec.dist === "constant" ? 0 : 1000);
    }
  });
});
