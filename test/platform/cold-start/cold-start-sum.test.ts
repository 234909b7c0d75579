import { describe, expect, it } from "vitest";
import { randomStream } from "../../../src/core/random.js";
import { standardNormal } from "../../../src/core/dist/standard-normal.js";
import { overlapQuantiles, sumQuantiles, termFromMedianP99, type LognormalTerm } from "../../../src/platform/cold-start/cold-start-sum.js";

/** p50 and p99 of n Monte Carlo draws of the sum of independent lognormal terms (the independent truth). */
function monteCarlo(terms: LognormalTerm[], n: number): [number, number] {
  const rng = randomStream(11, "cold-start-sum-test", "draws");
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const t of terms) s += t.median * Math.exp(t.sigma * standardNormal(rng()));
    xs[i] = s;
  }
  xs.sort();
  return [xs[Math.floor(0.5 * n)]!, xs[Math.floor(0.99 * n)]!];
}

describe("sumQuantiles", () => {
  it("adds constants exactly", () => {
    const [p50, p99] = sumQuantiles({ median: 100, sigma: 0 }, [{ median: 50, sigma: 0 }, { median: 7, sigma: 0 }], [0.5, 0.99]);
    expect(p50).toBeCloseTo(157, 6);
    expect(p99).toBeCloseTo(157, 6);
  });

  it("gives one lognormal's own quantiles", () => {
    const [p50, p99] = sumQuantiles(termFromMedianP99(140, 182), [], [0.5, 0.99]);
    expect(p50).toBeCloseTo(140, 9);
    expect(p99).toBeCloseTo(182, 9);
  });

  const cases: Array<[string, LognormalTerm[]]> = [
    ["an INIT plus a 14 MB package term", [termFromMedianP99(140, 182), { median: 1415, sigma: 0.11 }]],
    ["an INIT plus a 50 MB package and a small third term", [termFromMedianP99(81.5, 99.4), { median: 5134, sigma: 0.22 }, { median: 224, sigma: 0.25 }]],
    ["a wide INIT plus a small term", [termFromMedianP99(264, 852), { median: 224, sigma: 0.25 }]],
  ];
  for (const [what, terms] of cases) {
    it(`matches a million-draw Monte Carlo within 1 % at p50 and p99 for ${what}`, () => {
      const [mc50, mc99] = monteCarlo(terms, 1_000_000);
      const [p50, p99] = sumQuantiles(terms[0]!, terms.slice(1), [0.5, 0.99]);
      expect(Math.abs(p50! / mc50 - 1)).toBeLessThan(0.01);
      expect(Math.abs(p99! / mc99 - 1)).toBeLessThan(0.01);
    });
  }
});

describe("overlapQuantiles", () => {
  it("takes, at each rank, the slower of the sum's own quantile and its median plus the attachment's quantile", () => {
    const s = termFromMedianP99(264, 852);
    const v = termFromMedianP99(233, 634);
    const [p50, p99] = overlapQuantiles(s, [], v, [0.5, 0.99]);
    expect(p50).toBeCloseTo(264 + 233, 6); // the median plus V's median
    expect(p99).toBeCloseTo(264 + 634, 6); // 898 > S's own p99, 852
    const wide = termFromMedianP99(3875, 6336);
    const [w50, w99] = overlapQuantiles(wide, [], v, [0.5, 0.99]);
    expect(w50).toBeCloseTo(3875 + 233, 6);
    expect(w99).toBeCloseTo(6336, 6); // 3,875 + 634 < 6,336: the tail is S's own
  });
});
