import type { FleetConfig } from "../fleet/config.js";
import type { FleetResult } from "../fleet/result.js";
import { simulateFleet } from "../fleet/simulate-fleet.js";
import { simulate } from "../platform/simulate.js";
import type { CostBreakdown } from "../platform/result.js";
import type { PriceCatalog } from "../pricing/catalog/types.js";
import { fleetCost, type FleetCost } from "../pricing/fleet-cost.js";
import { withCost, type PricingOptions } from "../pricing/result-cost.js";
import type { FunctionConfig, SimConfig } from "../platform/config.js";
import type { ArrivalSpec } from "../workload/arrival-spec.js";
import type { TraceOpener } from "../workload/trace-source.js";
import { roundDecimals6 } from "../core/round.js";

/** What `compare` needs of a resolved scenario: the simulation, the catalog and the pricing options. */
export interface CompareSetup {
  sim: SimConfig;
  catalog: PriceCatalog;
  pricing: PricingOptions;
  /** The function the fleets are compared with. */
  functionName: string;
  ec2: FleetConfig | null;
  fargate: FleetConfig | null;
  openTrace?: TraceOpener;
}

/** One comparison to simulate with a setup: these arrivals instead of the function's own (absent: its own), only this fleet (absent: each configured). */
export interface CompareRequest {
  arrivals?: ArrivalSpec;
  only?: "ec2" | "fargate";
}

/**
 * Simulates a batch of comparisons of one setup, resolving to their points in input order (injected:
 * the planner does no I/O and picks no thread; a caller may run them on a worker pool).
 */
export type EvaluateComparisons = (requests: readonly CompareRequest[]) => Promise<ComparePoint[]>;

/** Lambda's side of a comparison: monthly bill, latency and throttling of the one function. */
export interface LambdaSide {
  invocations: number;
  throttled: number;
  throttleRate: number | null;
  coldStartRate: number | null;
  latencyMs: { p50: number | null; p99: number | null; mean: number | null };
  /** Mean concurrency / mean environments alive: how busy the environments Lambda kept were. */
  utilization: number | null;
  cost: { window: CostBreakdown; monthly: CostBreakdown };
}

/** One fleet's side: its run and its bill. */
export interface FleetSide {
  result: FleetResult;
  cost: FleetCost;
}

/** Lambda, EC2 and Fargate on one traffic: the function's own arrivals, or a rate. */
export interface ComparePoint {
  /** The rate simulated, per second; null for the scenario's own arrivals. */
  ratePerSec: number | null;
  lambda: LambdaSide;
  ec2: FleetSide | null;
  fargate: FleetSide | null;
}

/**
 * Simulates the function alone on Lambda and on each fleet with the same arrivals and durations (the
 * same seed and random streams), and prices all three for a month. `arrivals` replaces the function's
 * own (a break-even probe); `only` limits the fleets run. Pure; cost: one Lambda run and one per fleet.
 */
export function comparePoint(setup: CompareSetup, arrivals?: ArrivalSpec, only?: "ec2" | "fargate"): ComparePoint {
  const base = setup.sim.functions.find((f) => f.name === setup.functionName);
  if (base === undefined) throw new Error(`no function ${setup.functionName} in the scenario`);
  const fn: FunctionConfig = arrivals === undefined ? base : { ...base, arrivals };
  const sim: SimConfig = { ...setup.sim, functions: [fn] };
  const priced = withCost(simulate(sim, { openTrace: setup.openTrace }), [fn], setup.catalog, setup.pricing);
  const fr = priced.functions[fn.name]!;
  const alive = fr.environments.meanAlive;
  const lambda: LambdaSide = {
    invocations: fr.invocations,
    throttled: fr.throttled,
    throttleRate: fr.throttleRate,
    coldStartRate: fr.coldStartRate,
    latencyMs: { p50: fr.latencyMs.p50, p99: fr.latencyMs.p99, mean: fr.latencyMs.mean },
    utilization: alive > 0 ? roundDecimals6(fr.concurrency.mean / alive) : null,
    cost: fr.cost!,
  };
  const windowSeconds = (sim.horizonMs - sim.warmupMs) / 1000;
  const side = (fleet: FleetConfig | null, kind: "ec2" | "fargate"): FleetSide | null => {
    if (fleet === null || (only !== undefined && only !== kind)) return null;
    const result = simulateFleet(
      {
        fleet,
        workload: { name: fn.name, memoryMB: fn.memoryMB, durationScaling: fn.durationScaling },
        arrivals: fn.arrivals,
        duration: fn.duration,
        seed: sim.seed,
        horizonMs: sim.horizonMs,
        warmupMs: sim.warmupMs,
      },
      setup.openTrace,
    );
    return { result, cost: fleetCost(fleet, result.instanceHours, windowSeconds, setup.catalog, setup.pricing.monthHours) };
  };
  return {
    ratePerSec: arrivals !== undefined && (arrivals.kind === "poisson" || arrivals.kind === "constant") ? arrivals.ratePerSec : null,
    lambda,
    ec2: side(setup.ec2, "ec2"),
    fargate: side(setup.fargate, "fargate"),
  };
}

/** An `EvaluateComparisons` that runs each request of a batch in turn in this thread (tests, the library API). */
export function comparisonsInThread(setup: CompareSetup): EvaluateComparisons {
  return async (requests) => requests.map((r) => comparePoint(setup, r.arrivals, r.only));
}
