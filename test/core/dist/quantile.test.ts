import { describe, expect, it } from "vitest";
import type { DistSpec } from "../../../src/core/dist/distribution.js";
import { makeDistribution } from "../../../src/core/dist/make-distribution.js";
import { distQuantile } from "../../../src/core/dist/quantile.js";
import { randomStream } from "../../../src/core/random.js";

const specs: DistSpec[] = [
  { dist: "exponential", mean: 100 },
  { dist: "uniform", min: 10, max: 30 },
  { dist: "normal", mean: 100, sd: 50, min: 0 },
  { dist: "lognormal", median: 120, p99: 900 },
  { dist: "lognormal", mu: 5, sigma: 0.4 },
  { dist: "gamma", mean: 300, cv: 0.5 },
  { dist: "gamma", shape: 0.7, scale: 40 },
  { dist: "weibull", shape: 1.5, scale: 200 },
  { dist: "pareto", scale: 50, alpha: 2.5 },
];

describe("distQuantile", () => {
  for (const spec of specs) {
    it(`leaves a fraction p of ${JSON.stringify(spec)}'s draws below its p-quantile`, () => {
      const d = makeDistribution(spec);
      const rng = randomStream(3, "quantile", spec.dist);
      const n = 50_000;
      const xs = Array.from({ length: n }, () => d.sample(rng));
      for (const p of [0.1, 0.5, 0.9, 0.99]) {
        const q = distQuantile(spec, p);
        const below = xs.filter((x) => x <= q).length / n;
        // Binomial sd at n = 50,000 is at most 0.0023; 0.01 is over 4 sd.
        expect(Math.abs(below - p), `p=${p}`).toBeLessThan(0.01);
      }
    });
  }

  it("returns the lognormal's own median and p99", () => {
    expect(distQuantile({ dist: "lognormal", median: 120, p99: 900 }, 0.5)).toBeCloseTo(120, 9);
    expect(distQuantile({ dist: "lognormal", median: 120, p99: 900 }, 0.99)).toBeCloseTo(900, 6);
  });

  it("picks the smallest empirical value whose cumulative weight reaches p", () => {
    expect(distQuantile({ dist: "empirical", histogram: [[300, 1], [100, 1], [200, 2]] }, 0.5)).toBe(200);
    expect(distQuantile({ dist: "empirical", samples: [5, 1, 3, 2, 4] }, 0.99)).toBe(5);
    expect(distQuantile({ dist: "constant", value: 7 }, 0.99)).toBe(7);
  });
});
