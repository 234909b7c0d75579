import { expect } from "vitest";
import type { Rng } from "../../src/core/random.js";
import type { ArrivalProcess } from "../../src/workload/arrival-process.js";

/** Arrivals of `p` counted in consecutive windows of `windowMs` over [0, windows · windowMs). */
export function windowCounts(p: ArrivalProcess, rng: Rng, windowMs: number, windows: number): number[] {
  const counts = new Array<number>(windows).fill(0);
  const end = windowMs * windows;
  let last = -Infinity;
  for (let t = p.first(0, rng); t < end; t = p.next(t, rng)) {
    if (t < last) throw new Error(`arrivals out of order: ${t} after ${last}`);
    last = t;
    counts[Math.floor(t / windowMs)]!++;
  }
  return counts;
}

/** ∫ rate dt over [a, b) in arrivals (rate per second, times ms), by Simpson's rule on `steps` pieces. */
export function integral(ratePerSec: (tMs: number) => number, aMs: number, bMs: number, steps = 3600): number {
  const h = (bMs - aMs) / steps;
  let s = ratePerSec(aMs) + ratePerSec(bMs);
  for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * ratePerSec(aMs + i * h);
  return ((s * h) / 3) / 1000;
}

/**
 * For a Poisson process, window counts N_i are independent Poisson(Λ_i). Checks (1) the total:
 * z = (ΣN − ΣΛ)/√ΣΛ, and (2) the shape: X = Σ(N_i − Λ_i)²/Λ_i has mean k and variance
 * Σ(2 + 1/Λ_i), standardised. Both |z| < 5: a false alarm below 1e-6 each (normal tails; the
 * windows hold thousands of arrivals, so the normal approximation is close).
 */
export function expectCountsMatch(counts: readonly number[], expected: readonly number[]): void {
  let n = 0;
  let lambda = 0;
  let x = 0;
  let varX = 0;
  counts.forEach((c, i) => {
    const l = expected[i]!;
    n += c;
    lambda += l;
    if (l > 0) {
      x += (c - l) ** 2 / l;
      varX += 2 + 1 / l;
    } else expect(c, `window ${i} has rate 0`).toBe(0);
  });
  const zTotal = (n - lambda) / Math.sqrt(lambda);
  const k = expected.filter((l) => l > 0).length;
  const zShape = (x - k) / Math.sqrt(varX);
  expect(Math.abs(zTotal), `total ${n} vs integral ${lambda.toFixed(1)}`).toBeLessThan(5);
  expect(Math.abs(zShape), `shape statistic ${x.toFixed(1)} over ${k} windows`).toBeLessThan(5);
}
