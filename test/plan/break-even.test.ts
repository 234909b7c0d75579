import { describe, expect, it } from "vitest";
import { breakEven, breakEvens, roundToInterval } from "../../src/plan/break-even.js";
import { scaleArrivals } from "../../src/workload/scale-arrivals.js";
import { replicationSeed } from "../../src/plan/seeds.js";
import { comparePoint, compareSide, comparisonsInThread, sidesInThread, type CompareSetup, type EvaluateSides, type SideRequest } from "../../src/parallel/compare-point.js";
import { US_EAST_1 } from "../../src/pricing/index.js";
import { resolveScenarioData } from "../../src/scenario/index.js";
import { expectAgreesWithScan } from "../support/break-even-scan.js";

/** A constant 100 ms, 512 MB arm64 function compared with a small m7g.large fleet. */
function setup(): CompareSetup {
  const resolved = resolveScenarioData(
    {
      name: "probes",
      horizon: "10m",
      warmup: "1m",
      functions: [{ name: "api", runtime: "nodejs22.x", architecture: "arm64", memoryMB: 512, duration: { dist: "constant", value: "100ms" }, arrivals: { kind: "constant", rate: "10/s" } }],
      compare: { ec2: { instanceType: "m7g.large", slotsPerInstance: 16, targetUtilization: 0.7, minInstances: 1, maxInstances: 10 } },
    },
    "probes.yaml",
  );
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  const s = resolved.value;
  return { sim: s.sim, catalog: US_EAST_1, pricing: s.pricing, functionName: "api", ec2: s.compare!.ec2, fargate: null, network: s.compare!.network };
}

describe("breakEven", () => {
  it("reports every probe to onProbe, in the order it simulated them", async () => {
    const seen: number[] = [];
    const result = await breakEven(sidesInThread(setup()), "ec2", 1, 100, { process: "constant", relativeTolerance: 0.05, seed: 42, onProbe: (rate) => seen.push(rate) });
    expect(result.outcome).toBe("crosses");
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual(result.probes.map((p) => p.ratePerSec));
    expect(seen.slice(0, 2)).toEqual([1, 100]);
  });
});

/** The same comparison on Poisson traffic over a shorter window: noise for the replications to measure. */
function poissonSetup(arrivals: Record<string, unknown> = { kind: "poisson", rate: "10/s" }, fargate = false): CompareSetup {
  const resolved = resolveScenarioData(
    {
      name: "probes",
      horizon: "5m",
      warmup: "30s",
      seed: 7,
      functions: [{ name: "api", runtime: "nodejs22.x", architecture: "arm64", memoryMB: 512, duration: { dist: "lognormal", median: "80ms", p99: "300ms" }, arrivals }],
      compare: {
        ec2: { instanceType: "m7g.large", slotsPerInstance: 16, targetUtilization: 0.7, minInstances: 1, maxInstances: 10 },
        ...(fargate ? { fargate: { vcpu: 0.5, memoryGB: 1, slotsPerTask: 4, minTasks: 1, maxTasks: 20 } } : {}),
      },
    },
    "probes.yaml",
  );
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  const s = resolved.value;
  return { sim: s.sim, catalog: US_EAST_1, pricing: s.pricing, functionName: "api", ec2: s.compare!.ec2, fargate: s.compare!.fargate, network: s.compare!.network };
}

/** An in-thread evaluator that keeps every side request it is asked for, in order. */
function recording(setup: CompareSetup): { seen: SideRequest[]; evaluate: EvaluateSides } {
  const inner = sidesInThread(setup);
  const seen: SideRequest[] = [];
  return {
    seen,
    evaluate: async (requests) => {
      seen.push(...requests);
      return inner(requests);
    },
  };
}

describe("breakEven on the scenario's own traffic", () => {
  it("probes the scenario's diurnal arrivals scaled to each rate, not flat traffic, with one seed per replication", async () => {
    const setup = poissonSetup({ kind: "diurnal", mean: "10/s", peakToTrough: 3, peakAt: "02:00" });
    const { seen, evaluate } = recording(setup);
    const arrivals = setup.sim.functions[0]!.arrivals;
    await breakEven(evaluate, "ec2", 2, 80, { process: "scenario", scenario: { arrivals, ratePerSec: 10 }, seed: 7, replications: 2, relativeTolerance: 0.2 });
    expect(seen.length).toBeGreaterThan(6);
    for (const r of seen) expect(r.arrivals).toMatchObject({ kind: "diurnal", peakToTrough: 3, peakAtMs: 2 * 3_600_000 });
    // The first probes are the ends: 80/s and 2/s are 8 and 0.2 times the scenario's 10/s. The high end,
    // the dearest probe, runs first with one seed (its others only when it decides); the low end two on each side.
    const first = seen.slice(0, 6).map((r) => [(r.arrivals as { meanPerSec: number }).meanPerSec, r.side, r.seed]);
    expect(first).toEqual([
      [80, "lambda", 7],
      [80, "ec2", 7],
      [2, "lambda", 7],
      [2, "lambda", replicationSeed(7, 1)],
      [2, "ec2", 7],
      [2, "ec2", replicationSeed(7, 1)],
    ]);
  });

  it("puts the break-even interval around the crossing an exhaustive scan of a fine grid finds with the same seeds", async () => {
    const setup = poissonSetup();
    const evaluate = comparisonsInThread(setup);
    const b = await breakEven(sidesInThread(setup), "ec2", 1, 100, { process: "poisson", seed: 7, replications: 3 });
    expect(b.outcome).toBe("crosses");
    // The exhaustive scan: every rate of a 2 % grid from 10/s to 50/s, three seeds each, the mean cost difference.
    const grid: Array<{ rate: number; diff: number }> = [];
    for (let rate = 10; rate <= 50; rate *= 1.02) {
      const reps = await evaluate([0, 1, 2].map((r) => ({ arrivals: { kind: "poisson" as const, ratePerSec: rate }, only: "ec2" as const, seed: replicationSeed(7, r) })));
      grid.push({ rate, diff: reps.reduce((sum, p) => sum + p.lambda.monthly.total - p.ec2!.monthly.total, 0) / 3 });
    }
    // The scan's crossing lies in (grid[at − 1], grid[at]]; the search's interval overlaps it and holds its estimate.
    expectAgreesWithScan(b, grid);
    // Lambda is cheaper beyond noise at the interval's low end, the fleet at its high end.
    const byRate = new Map(b.probes.map((p) => [p.ratePerSec, p]));
    expect(byRate.get(b.lowPerSec)!.difference.high!).toBeLessThan(0);
    expect(byRate.get(b.highPerSec)!.difference.low!).toBeGreaterThan(0);
  });

  it("reports the break-even to the digits its interval supports, not five significant figures", () => {
    expect(roundToInterval(26.173, 25.9, 26.4)).toBe(26.2);
    expect(roundToInterval(26.173, 24, 29)).toBe(26);
    expect(roundToInterval(26.173, 10, 60)).toBe(30);
    expect(roundToInterval(0.4321, 0.42, 0.44)).toBe(0.43);
  });

  it("probes both ends for a fleet that is cheaper over the whole range, so it is drawn as a line", async () => {
    const b = await breakEven(sidesInThread(setup()), "ec2", 40, 100, { process: "constant", seed: 42, replications: 1 });
    expect(b.outcome).toBe("fleetCheaper");
    expect(b.probes.map((p) => p.ratePerSec)).toEqual([40, 100]);
  });

  it("scales the scenario's own arrivals by 1 into the very same simulation, so its table's run is a probe", () => {
    const setup = poissonSetup({ kind: "diurnal", mean: "10/s", peakToTrough: 3, peakAt: "02:00" });
    const own = setup.sim.functions[0]!.arrivals;
    for (const side of ["lambda", "ec2"] as const) {
      expect(compareSide(setup, { side, arrivals: scaleArrivals(own, 1) })).toEqual(compareSide(setup, { side }));
    }
  });

  it("simulates each side of a probe once for every fleet and reuses the scenario's traffic as replication 0 of its rate", async () => {
    const setup = poissonSetup({ kind: "poisson", rate: "20/s" }, true);
    const known = comparePoint(setup);
    const { seen, evaluate } = recording(setup);
    const arrivals = setup.sim.functions[0]!.arrivals;
    const rateOf = (r: SideRequest) => (r.arrivals as { ratePerSec: number }).ratePerSec;
    const found = await breakEvens(evaluate, ["ec2", "fargate"], 1, 100, { process: "scenario", scenario: { arrivals, ratePerSec: known.ratePerSec }, known, seed: 7, replications: 3 });
    // No (rate, side, seed) twice: Lambda's runs at the ends serve both fleets.
    const keys = seen.map((r) => `${rateOf(r)}|${r.side}|${r.seed}`);
    expect(new Set(keys).size).toBe(keys.length);
    const top = Math.max(...seen.map(rateOf));
    expect(seen.filter((r) => r.side === "lambda" && rateOf(r) === top)).toHaveLength(1);
    // The scenario's traffic (seed 7 = replication 0) is never simulated again, and each search shows it as a probe.
    // (Probes scale the arrivals by rate / measured rate: the probe at the measured rate runs the scenario's 20/s.)
    const scaledToKnown = seen.filter((r) => rateOf(r) === 20);
    expect(scaledToKnown.every((r) => r.seed !== 7)).toBe(true);
    for (const b of found) {
      const p = b.probes.find((x) => x.ratePerSec === known.ratePerSec)!;
      expect(p.lambdaMonthly).toBe(known.lambda.monthly.total);
      expect(p.fleetMonthly).toBe(known[b.fleet]!.monthly.total);
    }
  });

  it("gives the top of the range one seed when a probe below it finds the fleet cheaper beyond noise, and its replications when it decides", async () => {
    const setup = poissonSetup();
    const wide = await breakEven(sidesInThread(setup), "ec2", 1, 100, { process: "poisson", seed: 7, replications: 3 });
    expect(wide.outcome).toBe("crosses");
    const top = wide.probes.find((p) => p.ratePerSec === 100)!;
    expect(top.replications).toBe(1);
    expect(wide.probes.some((p) => p.ratePerSec < 100 && p.difference.low! > 0)).toBe(true);
    // Lambda cheaper up to the top: the top decides, so it has an interval, below 0.
    const low = await breakEven(sidesInThread(setup), "ec2", 1, 8, { process: "poisson", seed: 7, replications: 3 });
    expect(low.outcome).toBe("lambdaCheaper");
    const top8 = low.probes.find((p) => p.ratePerSec === 8)!;
    expect(top8.replications).toBeGreaterThanOrEqual(2);
    expect(top8.difference.high!).toBeLessThan(0);
    // The break-even just below the top: the top bounds the interval, so it has its replications too.
    const near = await breakEven(sidesInThread(setup), "ec2", 1, wide.highPerSec * 1.005, { process: "poisson", seed: 7, replications: 3 });
    const upper = near.probes.find((p) => p.ratePerSec === near.highPerSec)!;
    expect(upper.replications).toBeGreaterThanOrEqual(2);
  });
});
