import type { SimConfig } from "../platform/config.js";
import type { ArrivalSpec, BurstSpec } from "../workload/arrival-spec.js";
import { makeArrivals } from "../workload/make-arrivals.js";
import { provisionedMax } from "../scenario/provisioned-schema.js";
import { WORK_COSTS } from "./work-limits.js";

/**
 * What a command will cost, estimated before anything runs. Counts are expectations (mean rates ×
 * horizon), good to an order of magnitude, which is what a limit needs.
 */
export interface WorkEstimate {
  /** Simulations the command runs (1 for `run`). */
  simulations: number;
  /** Functions of the largest scenario simulated. */
  functions: number;
  /** Expected arrivals over every simulation's horizon (trace replays not counted: see arrivalsOf). */
  arrivals: number;
  /** Expected simulated events, all simulations together. */
  events: number;
  /** Most execution environments alive at once in one simulation (an upper bound). */
  environments: number;
  /** Estimated peak resident memory of the command, bytes. */
  memoryBytes: number;
  /** The concurrency a scenario asks of its account: the account limit, then each function's provisioned concurrency (its most), with their fields. */
  concurrency: Array<{ value: number; path: string }>;
}

/**
 * Expected arrivals of one arrival spec over `horizonMs`: the process's long-run mean rate × horizon,
 * plus each burst's occurrences within the horizon × rate × length. A trace replay counts 0: its rows
 * are streamed from a file the user already holds, and its work is bounded by that file. O(bursts).
 */
export function arrivalsOf(spec: ArrivalSpec, horizonMs: number): number {
  if (spec.kind === "trace") return 0;
  const base = makeArrivals({ ...spec, bursts: [] } as ArrivalSpec).meanRatePerSec() * (horizonMs / 1000);
  let bursts = 0;
  for (const b of spec.bursts ?? []) bursts += burstOccurrences(b, horizonMs) * b.ratePerSec * (b.forMs / 1000);
  return base + bursts;
}

/** How many times burst `b` starts within the horizon. */
function burstOccurrences(b: BurstSpec, horizonMs: number): number {
  if (b.atMs >= horizonMs) return 0;
  return b.everyMs === null ? 1 : Math.floor((horizonMs - b.atMs) / b.everyMs) + 1;
}

/**
 * The estimate of one simulation of `sim`: arrivals and events from the arrival specs, environments
 * alive at once bounded by the account's concurrency (an environment is only created when every live
 * one is busy) or by the arrivals, whichever is lower, plus provisioned environments; memory from the
 * measured costs (WORK_COSTS). O(functions).
 */
export function estimateSimulation(sim: SimConfig): WorkEstimate {
  let arrivals = 0;
  let provisioned = 0;
  const concurrency = [{ value: sim.account.concurrencyLimit, path: "account.concurrencyLimit" }];
  sim.functions.forEach((f, i) => {
    arrivals += arrivalsOf(f.arrivals, sim.horizonMs);
    const pc = provisionedMax(f.provisioned);
    provisioned += pc;
    if (pc > 0) concurrency.push({ value: pc, path: `functions[${i}].provisionedConcurrency` });
  });
  const environments = provisioned + Math.min(sim.account.concurrencyLimit, Math.ceil(arrivals));
  return {
    simulations: 1,
    functions: sim.functions.length,
    arrivals,
    events: arrivals * WORK_COSTS.eventsPerArrival,
    environments,
    memoryBytes: WORK_COSTS.baseBytes + sim.functions.length * WORK_COSTS.perFunctionBytes + environments * WORK_COSTS.perEnvironmentBytes,
    concurrency,
  };
}

/**
 * The estimate of a command that runs `sims` (a sweep's tasks, a planner's simulations), `workers`
 * at a time: events add up; memory is the plan (WORK_COSTS.perSimulationBytes each) plus the
 * largest simulation's own memory above the base once per worker. O(simulations · functions).
 */
export function estimateSimulations(sims: readonly SimConfig[], workers: number): WorkEstimate {
  const each = sims.map(estimateSimulation);
  return combineEstimates(each, sims.length, workers);
}

/**
 * `count` simulations like the estimates `each` (the last one repeated when `each` is shorter),
 * `workers` at a time. O(count).
 */
export function combineEstimates(each: readonly WorkEstimate[], count: number, workers: number): WorkEstimate {
  if (each.length === 0) throw new RangeError("combineEstimates needs at least one estimate");
  let arrivals = 0;
  let events = 0;
  let largest = each[0]!;
  for (let i = 0; i < count; i++) {
    const e = each[Math.min(i, each.length - 1)]!;
    arrivals += e.arrivals;
    events += e.events;
    if (e.memoryBytes > largest.memoryBytes) largest = e;
  }
  // The simulations of one command share a scenario: the largest of each field's values speaks for them.
  const byPath = new Map<string, number>();
  for (const e of each) for (const c of e.concurrency) byPath.set(c.path, Math.max(byPath.get(c.path) ?? 0, c.value));
  const concurrency = [...byPath].map(([path, value]) => ({ path, value }));
  const perWorker = largest.memoryBytes - WORK_COSTS.baseBytes;
  return {
    simulations: count,
    functions: Math.max(...each.map((e) => e.functions)),
    arrivals,
    events,
    environments: Math.max(...each.map((e) => e.environments)),
    memoryBytes: WORK_COSTS.baseBytes + count * WORK_COSTS.perSimulationBytes + Math.max(1, Math.min(workers, count)) * perWorker,
    concurrency,
  };
}

/**
 * The estimate of a plan of `simulations` before its scenario is read (a sweep's points ×
 * replications): only its count and the memory of the plan itself, so that a plan too large to build
 * is refused before it is built. O(1).
 */
export function planEstimate(simulations: number): WorkEstimate {
  return {
    simulations,
    functions: 0,
    arrivals: 0,
    events: 0,
    environments: 0,
    memoryBytes: WORK_COSTS.baseBytes + simulations * WORK_COSTS.perSimulationBytes,
    concurrency: [],
  };
}

/** Points × replications of a sweep over `axes` (the cartesian product's size, not built). O(axes). */
export function sweepSize(axes: ReadonlyArray<{ values: readonly unknown[] }>, replications: number): number {
  return axes.reduce((n, a) => n * a.values.length, 1) * replications;
}

/**
 * Simulations of one break-even bisection over [lowPerSec, highPerSec] (plan/break-even.ts): the two
 * ends, a probe per halving of ln(high/low) down to `tolerance`, at most `maxProbes`, and the crossing
 * itself. O(1).
 */
export function breakEvenSimulations(lowPerSec: number, highPerSec: number, tolerance = 0.005, maxProbes = 40): number {
  const halvings = Math.max(0, Math.ceil(Math.log2(Math.log(highPerSec / lowPerSec) / Math.log(1 + tolerance))));
  return Math.min(maxProbes, 2 + halvings) + 1;
}

/** Function `name` of `sim` alone at a Poisson `ratePerSec`: what a break-even probe simulates. */
export function aloneAtRate(sim: SimConfig, name: string, ratePerSec: number): SimConfig {
  const f = sim.functions.find((x) => x.name === name) ?? sim.functions[0]!;
  return { ...sim, functions: [{ ...f, arrivals: { kind: "poisson", ratePerSec } }] };
}

/**
 * The estimate of `compare`: Lambda and each of `fleets` alternatives (the EC2 and Fargate fleets and
 * Lambda Managed Instances, each one more side) on the scenario's traffic, then per alternative (with a traffic range) a bisection whose probes each simulate function `name` on Lambda and
 * on the fleet: the two ends at their rates, the probes between at the range's geometric middle
 * (where bisection spends them, on average), the fleet's simulation taken as costly as Lambda's, each
 * probe once per replication (an upper bound: the search stops replicating a clear difference). O(probes).
 */
export function compareEstimate(sim: SimConfig, name: string, fleets: number, range: { lo: number; hi: number } | null, workers: number, replications = 1): WorkEstimate {
  const here = estimateSimulation(sim);
  const each: WorkEstimate[] = new Array<WorkEstimate>(1 + fleets).fill(here);
  if (range !== null) {
    const at = (rate: number) => estimateSimulation(aloneAtRate(sim, name, rate));
    const lo = at(range.lo);
    const hi = at(range.hi);
    const mid = at(Math.sqrt(range.lo * range.hi));
    const inner = breakEvenSimulations(range.lo, range.hi) - 2;
    // Each probe simulates every replication's seed on both sides.
    for (let k = 0; k < fleets; k++) for (let r = 0; r < replications; r++) each.push(lo, lo, hi, hi, ...new Array<WorkEstimate>(2 * inner).fill(mid));
  }
  return combineEstimates(each, each.length, workers);
}
