import { describe, expect, it } from "vitest";
import type { SimConfig } from "../../src/platform/config.js";
import { simulate } from "../../src/platform/simulate.js";
import { withCost } from "../../src/pricing/result-cost.js";
import type { EvaluatePoints, ManagedGrid, ManagedOption, PointOutcome } from "../../src/plan/managed-options.js";
import { tuneManaged, type ManagedTuneInput } from "../../src/plan/managed-tuner.js";
import type { Slo } from "../../src/scenario/slo.js";
import { lmiFunction, resolved } from "../support/managed.js";

/**
 * On-Demand prices of the instance types used here, USD per hour (ec2-instances-us-east-1.json
 * instances.*.onDemandHourly); the management fee is 15 % of it and requests cost $0.20 per million
 * (aws-pricing.json lambda.managedInstances).
 */
const PRICE = { "c7g.large": 0.0725, "c7g.xlarge": 0.145, "m7g.xlarge": 0.1632 } as const;
const FEE = 0.15;
const REQUEST_PRICE = 0.2 / 1e6;
const MONTH_HOURS = 730;

/** A scenario of function `api` alone on provider `cp` (target tracking at 50 %, 3 instances at least), resolved. */
function setup(fn: Record<string, unknown>, provider: Record<string, unknown> = {}) {
  const s = resolved({
    horizon: "30m",
    warmup: "5m",
    seed: 7,
    capacityProviders: { cp: { instanceTypes: ["c7g.xlarge"], maxVCpu: 400, targetCpuUtilization: 0.5, minInstances: 3, launchDelay: "1m", ...provider } },
    functions: [lmiFunction(fn)],
  });
  const pricing = s.pricing;
  /** Simulates and prices each configuration in this thread, in input order (what the worker pool does). */
  const evaluate: EvaluatePoints = async (sims) => sims.map((sim) => ({ status: "ok", result: withCost(simulate(sim), sim.functions, s.catalog, pricing) }));
  const sizes = Object.fromEntries(
    Object.keys(PRICE).map((t) => {
      const it = s.catalog.ec2.instances[t]!;
      return [t, { vcpu: it.vcpu, memoryGiB: it.memoryGiB, onDemandHourly: it.onDemandHourly.value }];
    }),
  );
  const input = (grid: ManagedGrid, slo: Slo, exhaustive = false): ManagedTuneInput => ({
    base: s.sim,
    grid,
    sizes,
    slo,
    replications: 1,
    exhaustive,
    monthHours: MONTH_HOURS,
    paidFraction: 1,
    managementFeeFraction: FEE,
  });
  return { s, evaluate, input };
}

/** The rule, written again from its statement: strictly cheapest eligible; exact ties → lower p99, fewer throttles, smaller maxConcurrency, smaller ratio, type order. */
function pickByHand(options: readonly ManagedOption[], slo: Slo, types: readonly string[]): ManagedOption | undefined {
  const ok = options.filter(
    (o) =>
      o.status === "ok" &&
      o.p99Ms!.mean <= slo.p99LatencyMs! &&
      (slo.maxThrottleRate === undefined || (o.throttleRate?.mean ?? 0) <= slo.maxThrottleRate) &&
      o.timeoutRate!.mean === 0,
  );
  let best: ManagedOption | undefined;
  for (const o of ok) {
    if (best === undefined) {
      best = o;
      continue;
    }
    const keyO = [o.monthlyCost!.total, o.p99Ms!.mean, o.throttleRate?.mean ?? 0, o.maxConcurrency, o.memoryGiBPerVCpu, types.indexOf(o.instanceType)];
    const keyB = [best.monthlyCost!.total, best.p99Ms!.mean, best.throttleRate?.mean ?? 0, best.maxConcurrency, best.memoryGiBPerVCpu, types.indexOf(best.instanceType)];
    const k = keyO.findIndex((v, i) => v !== keyB[i]);
    if (k >= 0 && keyO[k]! < keyB[k]!) best = o;
  }
  return best;
}

describe("tune managed: the planner", () => {
  it("picks what an exhaustive search of a 3 × 2 × 2 grid picks, recomputed by hand, with fewer simulations", async () => {
    // 80 requests/s of 60 ms median with 70 % CPU work at 1 vCPU: ~3.4 vCPUs busy. Few slots throttle and
    // scale out on slot utilisation; many slots on one vCPU stretch durations past the p99 objective.
    const { evaluate, input } = setup({
      memoryMB: 4096,
      duration: { dist: "lognormal", median: "60ms", p99: "300ms", atMemoryMB: 1769, cpuBound: 0.7 },
      arrivals: { kind: "poisson", rate: "80/s" },
    });
    const grid: ManagedGrid = { maxConcurrency: [2, 8, 64], memoryGiBPerVCpu: [2, 4], instanceTypes: ["c7g.large", "m7g.xlarge"] };
    const slo: Slo = { p99LatencyMs: 400, maxThrottleRate: 0.01 };
    const all = await tuneManaged(input(grid, slo, true), evaluate);
    const search = await tuneManaged(input(grid, slo), evaluate);
    expect(all.options).toHaveLength(12);
    const byHand = pickByHand(all.options, slo, grid.instanceTypes);
    expect(byHand).toBeDefined();
    expect(all.recommendation!.option).toBe(byHand!.label);
    expect(search.recommendation!.option).toBe(byHand!.label);
    expect(search.recommendation!.monthlyCost).toBe(byHand!.monthlyCost!.total);
    expect(search.simulations).toBeLessThan(all.simulations);
    // m7g.xlarge's floor, 3 × 730 h × $0.1632 × 1.15 = $411.03, is above the answer: the search skips it.
    if (search.recommendation!.monthlyCost < 411.03) expect(search.skipped.map((x) => x.instanceType)).toContain("m7g.xlarge");
    // The grid is not trivial: some options miss the objectives.
    expect(all.options.some((o) => o.meetsSlo === false)).toBe(true);
  }, 120_000);

  it("recommends the cheapest type whose 3 instances hold the slots Little's law needs, at 3 × hours × price × 1.15 + requests to the cent", async () => {
    // Constant 200 requests/s of 100 ms I/O: in flight = rate × duration = 20 (Little's law), no CPU work.
    // A 4 GiB, 2-vCPU environment: one per c7g.large, two per c7g.xlarge; the scaler tracks 50 % of the slots.
    // c7g.large holds 3 × 16 = 48 slots at maxConcurrency 16 (20 / 48 = 42 % < 50 %: no scale-out); 3 × 8 = 24 is not enough.
    const { evaluate, input } = setup({ memoryMB: 4096, duration: { dist: "constant", value: "100ms" }, arrivals: { kind: "constant", rate: "200/s" } });
    const grid: ManagedGrid = { maxConcurrency: [4, 8, 16, 32], memoryGiBPerVCpu: [2], instanceTypes: ["c7g.xlarge", "c7g.large"] };
    const rec = await tuneManaged(input(grid, { p99LatencyMs: 500 }), evaluate);
    // 16 and 32 tie exactly (3 instances each, p99 100 ms each): the smaller maxConcurrency wins.
    expect(rec.recommendation!.choice).toEqual({ instanceType: "c7g.large", memoryGiBPerVCpu: 2, maxConcurrency: 16 });
    const pick = rec.options.find((o) => o.label === rec.recommendation!.option)!;
    expect(pick.instances).toEqual({ mean: 3, peak: 3 });
    // Each line rounded to the cent, half up (aws-pricing.json conventions.rounding):
    // instances 3 × 730 h × $0.0725 = $158.775 → $158.78; fee × 0.15 = $23.81625 → $23.82;
    // requests 200/s × 3,600 s × 730 h = 525.6 M × $0.20 per million = $105.12.
    expect(3 * MONTH_HOURS * PRICE["c7g.large"]).toBeCloseTo(158.775, 9);
    expect(200 * 3600 * MONTH_HOURS * REQUEST_PRICE).toBeCloseTo(105.12, 9);
    expect(pick.monthlyCost).toEqual({ instances: 158.78, managementFee: 23.82, requests: 105.12, total: 287.72 });
    expect(rec.recommendation!.monthlyCost).toBe(287.72);
    // maxConcurrency 8 on c7g.large (24 slots, 83 % busy) scales out past 3 instances and costs more.
    const eight = rec.options.find((o) => o.instanceType === "c7g.large" && o.maxConcurrency === 8);
    if (eight) expect(eight.instances!.peak).toBeGreaterThan(3);
  }, 120_000);

  it("rejects a concurrency too high for the vCPUs: processor sharing stretches durations past the p99 objective", async () => {
    // 1 vCPU per environment (2 GiB at 2 GiB/vCPU), 100 ms of pure CPU work: k requests in progress take k × 100 ms each.
    // Three c7g.large (2 vCPUs each) and no room to scale out: 45 requests/s of 100 ms on 6 vCPUs, 75 % busy.
    const { evaluate, input } = setup(
      {
        memoryMB: 2048,
        duration: { dist: "constant", value: "100ms", atMemoryMB: 1769, cpuBound: 1 },
        arrivals: { kind: "poisson", rate: "45/s" },
      },
      { instanceTypes: ["c7g.large"], maxVCpu: 6 },
    );
    const grid: ManagedGrid = { maxConcurrency: [1, 64], memoryGiBPerVCpu: [2], instanceTypes: ["c7g.large"] };
    const slo: Slo = { p99LatencyMs: 150 };
    const rec = await tuneManaged(input(grid, slo), evaluate);
    const high = rec.options.find((o) => o.maxConcurrency === 64)!;
    const one = rec.options.find((o) => o.maxConcurrency === 1)!;
    // Alone, a request takes exactly 100 ms; shared, the p99 is at least two requests' worth.
    expect(one.p99Ms!.mean).toBeCloseTo(100, 0);
    expect(high.p99Ms!.mean).toBeGreaterThan(200);
    expect(high.meetsSlo).toBe(false);
    expect(high.verdicts.find((v) => v.objective === "p99LatencyMs")!.pass).toBe(false);
    expect(rec.recommendation!.choice.maxConcurrency).toBe(1);
  }, 120_000);

  it("reports a crashed option and recommends from the others", async () => {
    const { evaluate, input } = setup({ memoryMB: 4096, duration: { dist: "constant", value: "100ms" }, arrivals: { kind: "constant", rate: "200/s" } });
    const grid: ManagedGrid = { maxConcurrency: [16, 32], memoryGiBPerVCpu: [2], instanceTypes: ["c7g.large"] };
    const crashing: EvaluatePoints = async (sims: readonly SimConfig[]) => {
      const out = await evaluate(sims);
      return sims.map((sim, i): PointOutcome => (sim.functions[0]!.managed!.maxConcurrency === 16 ? { status: "failed", error: "worker died" } : out[i]!));
    };
    const rec = await tuneManaged(input(grid, { p99LatencyMs: 500 }, true), crashing);
    const failed = rec.options.find((o) => o.maxConcurrency === 16)!;
    expect(failed.status).toBe("failed");
    expect(failed.errors).toEqual(["worker died"]);
    expect(rec.recommendation!.choice.maxConcurrency).toBe(32);
  }, 60_000);

  it("keeps the options that finished when interrupted, and says so", async () => {
    const { evaluate, input } = setup({ memoryMB: 4096, duration: { dist: "constant", value: "100ms" }, arrivals: { kind: "constant", rate: "50/s" } });
    const grid: ManagedGrid = { maxConcurrency: [8, 16, 32], memoryGiBPerVCpu: [2], instanceTypes: ["c7g.large", "c7g.xlarge"] };
    let calls = 0;
    // The first round finishes; the second is stopped (Ctrl-C).
    const stopping: EvaluatePoints = async (sims) => {
      const out = await evaluate(sims);
      return calls++ === 0 ? out : sims.map((): PointOutcome => ({ status: "stopped" }));
    };
    const rec = await tuneManaged(input(grid, { p99LatencyMs: 500 }, false), stopping);
    expect(rec.interrupted).toBe(true);
    expect(rec.options.length).toBeGreaterThanOrEqual(1);
    expect(rec.options.every((o) => o.status === "ok")).toBe(true);
  }, 60_000);
});
