import { describe, expect, it } from "vitest";
import { EmpiricalHistogramDistribution, EmpiricalSamplesDistribution } from "../../../src/core/dist/empirical.js";
import { draw } from "./goodness-of-fit.js";

/** Counts of each value among the draws. */
function tally(xs: Float64Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return counts;
}

/** Asserts each value's share is within 5 binomial standard errors of its probability. */
function expectShares(xs: Float64Array, want: Map<number, number>): void {
  const n = xs.length;
  const counts = tally(xs);
  for (const value of counts.keys()) expect(want.has(value), `drew ${value}`).toBe(true);
  for (const [value, p] of want) {
    const share = (counts.get(value) ?? 0) / n;
    const se = Math.sqrt((p * (1 - p)) / n);
    if (p === 0) expect(share, `value ${value}`).toBe(0);
    else expect(Math.abs(share - p) / se, `value ${value}`).toBeLessThan(5);
  }
}

describe("EmpiricalSamplesDistribution", () => {
  it("draws only stored samples, each with probability 1/n, counting repeats", () => {
    const samples = [3, 1, 4, 1, 5, 9, 2, 6];
    const xs = draw(new EmpiricalSamplesDistribution(samples), 80_000, 61, "samples");
    expectShares(xs, new Map([[3, 1 / 8], [1, 2 / 8], [4, 1 / 8], [5, 1 / 8], [9, 1 / 8], [2, 1 / 8], [6, 1 / 8]]));
  });

  it("copies its samples, so later edits to the input change nothing", () => {
    const samples = [10, 20];
    const dist = new EmpiricalSamplesDistribution(samples);
    samples[0] = 1000;
    expect(dist.mean()).toBe(15);
    expect(dist.sample(() => 0)).toBe(10);
    expect(dist.sample(() => 1 - 2 ** -53)).toBe(20);
  });
});

describe("EmpiricalHistogramDistribution", () => {
  it("draws each value in proportion to its weight and never a zero-weight value", () => {
    const hist: Array<[number, number]> = [[0, 0], [10, 1], [20, 0], [50, 3], [80, 0.5], [99, 0]];
    const xs = draw(new EmpiricalHistogramDistribution(hist), 90_000, 62, "histogram");
    expectShares(xs, new Map([[0, 0], [10, 1 / 4.5], [20, 0], [50, 3 / 4.5], [80, 0.5 / 4.5], [99, 0]]));
  });

  it("has the weighted mean Σ value·weight / Σ weight", () => {
    expect(new EmpiricalHistogramDistribution([[10, 1], [50, 3]]).mean()).toBe(40);
  });

  it("picks the last positive-weight value when u·total rounds up to the total", () => {
    const dist = new EmpiricalHistogramDistribution([[1, 0.1], [2, 0.2], [3, 0]]);
    expect(dist.sample(() => 1 - 2 ** -53)).toBe(2);
    expect(dist.sample(() => 0)).toBe(1);
  });
});
