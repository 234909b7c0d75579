import { describe, expect, it } from "vitest";
import { meanInterval, studentTCdf, studentTQuantile } from "../../src/plan/index.js";

describe("Student's t quantile", () => {
  // Two-sided 95 % critical values t(0.975, df), NIST/SEMATECH e-Handbook of Statistical Methods,
  // §1.3.6.7.2 "Critical values of the Student's t distribution" (3 decimals), and the closed forms
  // for df 1 (tan(π(p − ½))) and df 2 (t = (2p − 1)·√(2 / (4p(1 − p)))).
  it("matches the closed forms for 1 and 2 degrees of freedom", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(Math.tan(Math.PI * 0.475), 10);
    const p = 0.975;
    expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p))), 10);
  });

  it("matches the NIST table of critical values", () => {
    const table: Array<[number, number]> = [[3, 3.182], [4, 2.776], [9, 2.262], [29, 2.045], [100, 1.984]];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3);
  });

  it("tends to the normal quantile 1.959964 as the degrees of freedom grow", () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it("is the inverse of its CDF and symmetric", () => {
    for (const df of [1, 3, 7.5, 40]) {
      for (const p of [0.6, 0.9, 0.995]) {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 12);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-studentTQuantile(p, df), 10);
      }
    }
  });
});

describe("mean and 95 % t-interval across replications", () => {
  it("equals the hand-computed interval of 1, 2, 3, 4, 5", () => {
    // mean 3, s = √2.5 = 1.58114, s/√5 = 0.70711, t(0.975, 4) = 2.77645 → half-width 1.96324.
    const v = meanInterval([1, 2, 3, 4, 5])!;
    expect(v.mean).toBe(3);
    expect(v.n).toBe(5);
    expect(v.low!).toBeCloseTo(3 - 1.96324, 4);
    expect(v.high!).toBeCloseTo(3 + 1.96324, 4);
  });

  it("has no interval with one replication and no mean with none", () => {
    expect(meanInterval([7])).toEqual({ mean: 7, low: null, high: null, n: 1 });
    expect(meanInterval([])).toBeNull();
  });
});
