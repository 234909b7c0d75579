import { describe, expect, it } from "vitest";
import { simulate } from "../../src/platform/simulate.js";
import { aloneAtRate, arrivalsOf, breakEvenSimulations, combineEstimates, compareEstimate, estimateSimulation, planEstimate, sweepSize } from "../../src/plan/work-estimate.js";
import { WORK_COSTS } from "../../src/plan/work-limits.js";
import { fn, scenario } from "../support/configs.js";

const HOUR = 3_600_000;

describe("arrivalsOf", () => {
  it("counts a Poisson rate over the horizon: 50/s for an hour is 180,000", () => {
    expect(arrivalsOf({ kind: "poisson", ratePerSec: 50 }, HOUR)).toBeCloseTo(180_000, 6);
  });

  it("adds each burst's occurrences within the horizon: 2,000/s for 5 minutes, every 2 h over 5 h, is 3 bursts of 600,000", () => {
    const spec = { kind: "constant" as const, ratePerSec: 10, bursts: [{ atMs: 0.5 * HOUR, ratePerSec: 2000, forMs: 300_000, everyMs: 2 * HOUR }] };
    // Bursts at 0.5 h, 2.5 h and 4.5 h start within 5 h.
    expect(arrivalsOf(spec, 5 * HOUR)).toBeCloseTo(10 * 5 * 3600 + 3 * 2000 * 300, 6);
  });

  it("takes a diurnal curve at its mean rate and an on/off MMPP at its stationary mean", () => {
    expect(arrivalsOf({ kind: "diurnal", meanPerSec: 20, peakToTrough: 4, peakAtMs: 14 * HOUR, weekly: null }, 24 * HOUR)).toBeCloseTo(20 * 86_400, 0);
    // On 200/s for a mean 2 min, off for a mean 10 min: on 1/6 of the time, 33.3/s on average.
    const mmpp = { kind: "mmpp" as const, states: [{ ratePerSec: 200, meanHoldingMs: 120_000 }, { ratePerSec: 0, meanHoldingMs: 600_000 }], transitions: null };
    expect(arrivalsOf(mmpp, HOUR)).toBeCloseTo((200 / 6) * 3600, 0);
  });

  it("counts nothing for a trace replay, whose rows stream from a file", () => {
    expect(arrivalsOf({ kind: "trace", file: "x.csv", format: "timestamps", select: null, withinMinute: "uniform", speedup: 1, scale: 1, offsetMs: 0, traceDurations: false }, HOUR)).toBe(0);
  });
});

describe("estimateSimulation", () => {
  it("estimates the events of a run within 10 % of the engine's own count", () => {
    const sim = scenario([fn({ name: "a", duration: { dist: "exponential", mean: 50 }, arrivals: { kind: "poisson", ratePerSec: 20 } })], { horizonMs: 600_000 });
    const counted = simulate(sim).engine.events;
    expect(Math.abs(estimateSimulation(sim).events - counted) / counted).toBeLessThan(0.1);
  });

  it("bounds environments by the account's concurrency, plus every provisioned environment", () => {
    const sim = scenario([
      fn({ name: "a", arrivals: { kind: "poisson", ratePerSec: 1000 }, provisioned: { kind: "fixed", count: 300 } }),
      fn({ name: "b", arrivals: { kind: "poisson", ratePerSec: 1 }, provisioned: { kind: "schedule", steps: [{ atMsOfDay: 0, count: 50 }, { atMsOfDay: HOUR, count: 200 }] } }),
    ]);
    const e = estimateSimulation(sim);
    expect(e.environments).toBe(1000 + 300 + 200);
    expect(e.concurrency).toEqual([
      { value: 1000, path: "account.concurrencyLimit" },
      { value: 300, path: "functions[0].provisionedConcurrency" },
      { value: 200, path: "functions[1].provisionedConcurrency" },
    ]);
    expect(e.memoryBytes).toBe(WORK_COSTS.baseBytes + 2 * WORK_COSTS.perFunctionBytes + 1500 * WORK_COSTS.perEnvironmentBytes);
  });

  it("bounds environments by the arrivals when they are fewer than the account allows", () => {
    const sim = scenario([fn({ name: "a", arrivals: { kind: "constant", ratePerSec: 0.01 } })]);
    expect(estimateSimulation(sim).environments).toBe(36);
  });
});

describe("plans of several simulations", () => {
  it("multiplies a sweep's axes and replications without building the product", () => {
    expect(sweepSize([{ values: new Array(10_000) }, { values: new Array(10_000) }], 3)).toBe(300_000_000);
    expect(planEstimate(1000).memoryBytes).toBe(WORK_COSTS.baseBytes + 1000 * WORK_COSTS.perSimulationBytes);
  });

  it("adds up events and keeps one simulation's memory per worker", () => {
    const one = estimateSimulation(scenario([fn({ name: "a", arrivals: { kind: "poisson", ratePerSec: 10 } })]));
    const four = combineEstimates([one], 4, 2);
    expect(four.events).toBeCloseTo(4 * one.events, 6);
    expect(four.memoryBytes).toBe(WORK_COSTS.baseBytes + 4 * WORK_COSTS.perSimulationBytes + 2 * (one.memoryBytes - WORK_COSTS.baseBytes));
  });

  it("counts a bisection from 1/s to 2,000/s to half a percent as 14 simulations: two ends, 11 halvings, the crossing", () => {
    // 2000^(1/2^k) ≤ 1.005 first at k = 11 (2^11 = 2048 ≥ ln 2000 / ln 1.005 = 1524).
    expect(breakEvenSimulations(1, 2000)).toBe(14);
    // The bisection itself, step by step: each probe halves ln(hi/lo).
    let lo = 1;
    let hi = 2000;
    let probes = 2;
    while (hi / lo - 1 > 0.005) {
      lo = Math.sqrt(lo * hi);
      probes++;
    }
    expect(breakEvenSimulations(1, 2000)).toBe(probes + 1);
  });

  it("counts compare as Lambda and each fleet on the scenario's traffic, then two simulations per probe of each bisection", () => {
    const sim = scenario([fn({ name: "api", arrivals: { kind: "poisson", ratePerSec: 50 } })]);
    expect(compareEstimate(sim, "api", 2, null, 3).simulations).toBe(3);
    // One fleet bisected over 1/s..2,000/s: 14 probes (see above) of 2 simulations each, after the 2 on the scenario's traffic.
    const e = compareEstimate(sim, "api", 1, { lo: 1, hi: 2000 }, 2);
    expect(e.simulations).toBe(2 + 2 * 14);
    // Arrivals in an hour: 2 × 50/s on the scenario's traffic; both ends twice; 2 × 12 probes at √2000 = 44.7/s.
    expect(e.arrivals).toBeCloseTo(3600 * (2 * 50 + 2 * 1 + 2 * 2000 + 24 * Math.sqrt(2000)), 3);
  });

  it("puts the compared function alone at the probed rate", () => {
    const sim = scenario([fn({ name: "a" }), fn({ name: "b" })]);
    const alone = aloneAtRate(sim, "b", 500);
    expect(alone.functions.map((f) => f.name)).toEqual(["b"]);
    expect(alone.functions[0]!.arrivals).toEqual({ kind: "poisson", ratePerSec: 500 });
  });
});
