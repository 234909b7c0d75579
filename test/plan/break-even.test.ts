import { describe, expect, it } from "vitest";
import { breakEven, roundToInterval } from "../../src/plan/break-even.js";
import { replicationSeed } from "../../src/plan/seeds.js";
import { comparisonsInThread, type CompareRequest, type CompareSetup, type EvaluateComparisons } from "../../src/parallel/compare-point.js";
import { US_EAST_1 } from "../../src/pricing/index.js";
import { resolveScenarioData } from "../../src/scenario/index.js";

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
    const result = await breakEven(comparisonsInThread(setup()), "ec2", 1, 100, { process: "constant", relativeTolerance: 0.05, seed: 42, onProbe: (rate) => seen.push(rate) });
    expect(result.outcome).toBe("crosses");
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual(result.probes.map((p) => p.ratePerSec));
    expect(seen.slice(0, 2)).toEqual([1, 100]);
  });
});

/** The same comparison on Poisson traffic over a shorter window: noise for the replications to measure. */
function poissonSetup(arrivals: Record<string, unknown> = { kind: "poisson", rate: "10/s" }): CompareSetup {
  const resolved = resolveScenarioData(
    {
      name: "probes",
      horizon: "5m",
      warmup: "30s",
      seed: 7,
      functions: [{ name: "api", runtime: "nodejs22.x", architecture: "arm64", memoryMB: 512, duration: { dist: "lognormal", median: "80ms", p99: "300ms" }, arrivals }],
      compare: { ec2: { instanceType: "m7g.large", slotsPerInstance: 16, targetUtilization: 0.7, minInstances: 1, maxInstances: 10 } },
    },
    "probes.yaml",
  );
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  const s = resolved.value;
  return { sim: s.sim, catalog: US_EAST_1, pricing: s.pricing, functionName: "api", ec2: s.compare!.ec2, fargate: null, network: s.compare!.network };
}

describe("breakEven on the scenario's own traffic", () => {
  it("probes the scenario's diurnal arrivals scaled to each rate, not flat traffic, with one seed per replication", async () => {
    const setup = poissonSetup({ kind: "diurnal", mean: "10/s", peakToTrough: 3, peakAt: "02:00" });
    const inner = comparisonsInThread(setup);
    const seen: CompareRequest[] = [];
    const evaluate: EvaluateComparisons = async (requests) => {
      seen.push(...requests);
      return inner(requests);
    };
    const arrivals = setup.sim.functions[0]!.arrivals;
    await breakEven(evaluate, "ec2", 2, 80, { process: "scenario", scenario: { arrivals, ratePerSec: 10 }, seed: 7, replications: 2, relativeTolerance: 0.2 });
    expect(seen.length).toBeGreaterThan(4);
    for (const r of seen) expect(r.arrivals).toMatchObject({ kind: "diurnal", peakToTrough: 3, peakAtMs: 2 * 3_600_000 });
    // The first probes are the ends: 2/s and 80/s are 0.2 and 8 times the scenario's 10/s.
    expect(seen.slice(0, 4).map((r) => (r.arrivals as { meanPerSec: number }).meanPerSec)).toEqual([2, 2, 80, 80]);
    expect(seen.slice(0, 2).map((r) => r.seed)).toEqual([7, replicationSeed(7, 1)]);
  });

  it("puts the break-even interval around the crossing an exhaustive scan of a fine grid finds with the same seeds", async () => {
    const setup = poissonSetup();
    const evaluate = comparisonsInThread(setup);
    const b = await breakEven(evaluate, "ec2", 1, 100, { process: "poisson", seed: 7, replications: 3 });
    expect(b.outcome).toBe("crosses");
    // The exhaustive scan: every rate of a 2 % grid from 10/s to 50/s, three seeds each, the mean cost difference.
    const grid: Array<{ rate: number; diff: number }> = [];
    for (let rate = 10; rate <= 50; rate *= 1.02) {
      const reps = await evaluate([0, 1, 2].map((r) => ({ arrivals: { kind: "poisson" as const, ratePerSec: rate }, only: "ec2" as const, seed: replicationSeed(7, r) })));
      grid.push({ rate, diff: reps.reduce((sum, p) => sum + p.lambda.monthly.total - p.ec2!.monthly.total, 0) / 3 });
    }
    const at = grid.findIndex((g) => g.diff >= 0);
    expect(at).toBeGreaterThan(0);
    // The scan's crossing lies in (grid[at − 1], grid[at]]; the search's interval overlaps it and holds its estimate.
    expect(b.lowPerSec).toBeLessThanOrEqual(grid[at]!.rate);
    expect(b.highPerSec).toBeGreaterThanOrEqual(grid[at - 1]!.rate);
    expect(b.ratePerSec!).toBeGreaterThanOrEqual(Math.min(b.lowPerSec, grid[at - 1]!.rate) * 0.99);
    expect(b.ratePerSec!).toBeLessThanOrEqual(Math.max(b.highPerSec, grid[at]!.rate) * 1.01);
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
    const b = await breakEven(comparisonsInThread(setup()), "ec2", 40, 100, { process: "constant", seed: 42, replications: 1 });
    expect(b.outcome).toBe("fleetCheaper");
    expect(b.probes.map((p) => p.ratePerSec)).toEqual([40, 100]);
  });
});
