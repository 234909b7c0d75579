import { describe, expect, it } from "vitest";
import { fitLognormal } from "../../../src/core/dist/lognormal-fit.js";

describe("fitLognormal", () => {
  // A lognormal with mu = ln 100 and sigma = 0.6 has p50 100, p90 100·e^(0.6·1.2815516) = 215.85,
  // p99 100·e^(0.6·2.3263479) = 404.15 and mean 100·e^(0.18) = 119.72 (closed forms; z from tables).
  const exact = [
    { kind: "quantile" as const, q: 0.5, value: 100 },
    { kind: "quantile" as const, q: 0.9, value: 100 * Math.exp(0.6 * 1.2815516) },
    { kind: "quantile" as const, q: 0.99, value: 100 * Math.exp(0.6 * 2.3263479) },
    { kind: "mean" as const, value: 100 * Math.exp(0.18) },
  ];

  it("recovers mu and sigma from the mean and three percentiles of a lognormal, agreeing within 1e-6", () => {
    const fit = fitLognormal(exact)!;
    expect(fit.mu).toBeCloseTo(Math.log(100), 6);
    expect(fit.sigma).toBeCloseTo(0.6, 6);
    for (const a of fit.agreement) expect(Math.abs(a.relativeError)).toBeLessThan(1e-6);
    expect(fit.agreement.map((a) => a.statistic)).toEqual(["p50", "p90", "p99", "mean"]);
  });

  it("reports the disagreement when the statistics are not lognormal (a p99 far out)", () => {
    const fit = fitLognormal([exact[0]!, exact[1]!, { kind: "quantile", q: 0.99, value: 2000 }])!;
    expect(Math.max(...fit.agreement.map((a) => Math.abs(a.relativeError)))).toBeGreaterThan(0.2);
  });

  it("needs two different statistics with positive values", () => {
    expect(fitLognormal([exact[0]!])).toBeNull();
    expect(fitLognormal([exact[0]!, { kind: "quantile", q: 0.9, value: 0 }])).toBeNull();
  });
});
