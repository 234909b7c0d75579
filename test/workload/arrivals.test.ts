import { describe, expect, it } from "vitest";
import { randomStream } from "../../src/core/random.js";
import { ConstantArrivals } from "../../src/workload/constant-arrivals.js";
import { PoissonArrivals } from "../../src/workload/poisson-arrivals.js";

describe("arrival processes", () => {
  it("spaces constant arrivals exactly 1/rate apart, starting at the start time, without drift", () => {
    const p = new ConstantArrivals(3000 / 60); // 3000/min
    const rng = randomStream(1, "f", "arrivals");
    let t = p.first(0, rng);
    expect(t).toBe(0);
    for (let i = 1; i <= 1_000_000; i++) t = p.next(t, rng);
    expect(t).toBe(1_000_000 * 20);
  });

  it("draws Poisson counts whose mean and variance both equal rate x window (index of dispersion 1)", () => {
    // 2,000 one-second windows at 40/s: the count per window is Poisson(40). The sample mean has a
    // standard error of sqrt(40/2000) = 0.14 and the dispersion index of ~sqrt(2/2000) = 0.032;
    // the bounds below are 5 standard errors (false alarm < 1e-6).
    const p = new PoissonArrivals(40);
    const rng = randomStream(7, "f", "arrivals");
    const counts = new Array<number>(2000).fill(0);
    let t = p.first(0, rng);
    while (t < 2_000_000) {
      counts[Math.floor(t / 1000)]!++;
      t = p.next(t, rng);
    }
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / (counts.length - 1);
    expect(Math.abs(mean - 40)).toBeLessThan(5 * Math.sqrt(40 / 2000));
    expect(Math.abs(variance / mean - 1)).toBeLessThan(5 * Math.sqrt(2 / 2000));
  });

  it("draws exponential gaps that pass a Kolmogorov-Smirnov test at the 1 % level", () => {
    const rate = 25;
    const p = new PoissonArrivals(rate);
    const rng = randomStream(11, "f", "arrivals");
    const n = 20_000;
    const gaps: number[] = [];
    let t = p.first(0, rng);
    for (let i = 0; i < n; i++) {
      const next = p.next(t, rng);
      gaps.push((next - t) / 1000);
      t = next;
    }
    gaps.sort((a, b) => a - b);
    let d = 0;
    gaps.forEach((g, i) => {
      const cdf = 1 - Math.exp(-rate * g);
      d = Math.max(d, Math.abs(cdf - i / n), Math.abs((i + 1) / n - cdf));
    });
    // Asymptotic critical value at level alpha: sqrt(-ln(alpha / 2) / 2) / sqrt(n).
    expect(d).toBeLessThan(Math.sqrt(-Math.log(0.01 / 2) / 2) / Math.sqrt(n));
  });
});
