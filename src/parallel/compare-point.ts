import type { FleetConfig } from "../fleet/config.js";
import type { FleetResult } from "../fleet/result.js";
import { simulateFleet } from "../fleet/simulate-fleet.js";
import { simulate } from "../platform/simulate.js";
import type { CostBreakdown } from "../platform/result.js";
import type { PriceCatalog } from "../pricing/catalog/types.js";
import { fleetCost, type FleetCost } from "../pricing/fleet-cost.js";
import { withCost, type PricingOptions } from "../pricing/result-cost.js";
import { albMonthlyCost, natMonthlyCost, type CompareNetwork } from "../pricing/network-cost.js";
import { roundCents, sumCents } from "../pricing/money.js";
import type { FunctionConfig, SimConfig } from "../platform/config.js";
import type { ArrivalSpec } from "../workload/arrival-spec.js";
import type { TraceOpener } from "../workload/trace-source.js";
import { roundDecimals6 } from "../core/round.js";
import { onManagedInstances, worstBucket, type ManagedOptionConfig, type ManagedSide, type WorstBucket } from "./managed-side.js";

/** What `compare` needs of a resolved scenario: the simulation, the catalog and the pricing options. */
export interface CompareSetup {
  sim: SimConfig;
  catalog: PriceCatalog;
  pricing: PricingOptions;
  /** The function the fleets are compared with. */
  functionName: string;
  ec2: FleetConfig | null;
  fargate: FleetConfig | null;
  /** The doors each side pays for: the fleets' load balancer, NAT gateways on both sides. */
  network: CompareNetwork;
  /** The function on Lambda Managed Instances (compare.managedInstances); absent or null: not compared. */
  managed?: ManagedOptionConfig | null;
  openTrace?: TraceOpener;
}

/** An option compared with on-demand Lambda: one of the fleets, or Lambda Managed Instances. */
export type Alternative = "ec2" | "fargate" | "managed";

/** One comparison to simulate with a setup: these arrivals instead of the function's own (absent: its own), only this fleet (absent: each configured). */
export interface CompareRequest {
  arrivals?: ArrivalSpec;
  only?: Alternative;
  /** Seed of this simulation (a replication); absent: the scenario's. */
  seed?: number;
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
  /** The busiest bucket (minute, on a day's horizon) of the run: most throttles, then the highest p99. */
  worstBucket: WorstBucket | null;
  /** The month's bill as compared: the function, its front door (`pricing.frontDoor`), the NAT gateways. */
  monthly: LambdaMonthly;
}

/** Lambda's monthly bill, itemised, USD to the cent. */
export interface LambdaMonthly {
  /** Requests, duration, INIT, provisioned concurrency, storage: everything but the front door. */
  function: number;
  /** API Gateway or function URL charges (`pricing.frontDoor`). */
  frontDoor: number;
  natGateway: number;
  total: number;
}

/** A fleet's monthly bill, itemised, USD to the cent. */
export interface FleetMonthly {
  instances: number;
  /** The Application Load Balancer in front of it (`compare.loadBalancer`), hours and LCUs. */
  loadBalancer: number;
  natGateway: number;
  total: number;
}

/** One fleet's side: its run and its bill. */
export interface FleetSide {
  result: FleetResult;
  cost: FleetCost;
  monthly: FleetMonthly;
}

/** Lambda, EC2 and Fargate on one traffic: the function's own arrivals, or a probe's. */
export interface ComparePoint {
  /** The mean arrival rate measured on Lambda's side (invocations over the measured window), per second. */
  ratePerSec: number;
  lambda: LambdaSide;
  ec2: FleetSide | null;
  fargate: FleetSide | null;
  /** The function on Lambda Managed Instances (absent or null: not compared, or not run at this point). */
  managed?: ManagedSide | null;
}

/** A side of a comparison: Lambda (on demand), one of the fleets, or Lambda Managed Instances. */
export type CompareSide = "lambda" | Alternative;

/**
 * One side of one comparison to simulate: these arrivals instead of the function's own (absent: its
 * own), this seed instead of the scenario's (a replication). The sides of one traffic and seed see the
 * very same requests (the same random streams), so they can run apart, on different workers.
 */
export interface SideRequest {
  side: CompareSide;
  arrivals?: ArrivalSpec;
  seed?: number;
}

/** What one side's simulation gives: Lambda's side with the mean rate it measured, or a fleet's side. */
export type SideOutcome =
  | { side: "lambda"; ratePerSec: number; lambda: LambdaSide }
  | { side: "ec2" | "fargate"; fleet: FleetSide }
  | { side: "managed"; managed: ManagedSide };

/** The monthly total of a side's outcome (what a break-even compares). O(1). */
export function monthlyTotal(o: SideOutcome): number {
  return o.side === "lambda" ? o.lambda.monthly.total : o.side === "managed" ? o.managed.monthly.total : o.fleet.monthly.total;
}

/**
 * Simulates a batch of sides of one setup, resolving to their outcomes in input order (injected, like
 * `EvaluateComparisons`: the break-even search simulates each side of a probe once and shares it).
 */
export type EvaluateSides = (requests: readonly SideRequest[]) => Promise<SideOutcome[]>;

/** The function compared, with `arrivals` in place of its own, and the simulation of it alone with `seed`. */
function aloneWith(setup: CompareSetup, arrivals: ArrivalSpec | undefined, seed: number | undefined): { fn: FunctionConfig; sim: SimConfig } {
  const base = setup.sim.functions.find((f) => f.name === setup.functionName);
  if (base === undefined) throw new Error(`no function ${setup.functionName} in the scenario`);
  const fn: FunctionConfig = arrivals === undefined ? base : { ...base, arrivals };
  // One-minute buckets (up to two days of window), so that a side's worst bucket is its worst minute.
  const bucketMs = setup.sim.horizonMs - setup.sim.warmupMs <= 2 * 86_400_000 ? 60_000 : setup.sim.bucketMs;
  return { fn, sim: { ...setup.sim, functions: [fn], seed: seed ?? setup.sim.seed, bucketMs } };
}

/** Seconds of the measured window (after the warm-up). */
function windowSecondsOf(sim: SimConfig): number {
  return (sim.horizonMs - sim.warmupMs) / 1000;
}

/**
 * Simulates one side of a comparison: the function alone on Lambda, priced for a month with its front
 * door and the NAT gateways, or on one fleet with its load balancer and the NAT gateways. Pure; cost:
 * one simulation. Throws for a fleet the setup does not configure (a bug of the caller).
 */
export function compareSide(setup: CompareSetup, request: SideRequest): SideOutcome {
  const { fn, sim } = aloneWith(setup, request.arrivals, request.seed);
  const windowSeconds = windowSecondsOf(sim);
  const monthHours = setup.pricing.monthHours;
  const net = setup.network;
  const nat = natMonthlyCost(net.natGateways, monthHours, setup.catalog);
  if (request.side === "managed") return { side: "managed", managed: managedSideOf(setup, sim, fn, nat) };
  if (request.side === "lambda") {
    const priced = withCost(simulate(sim, { openTrace: setup.openTrace }), [fn], setup.catalog, setup.pricing);
    const fr = priced.functions[fn.name]!;
    const alive = fr.environments.meanAlive;
    const m = fr.cost!.monthly;
    const lambdaFunction = roundCents(m.total - m.frontDoor);
    const lambda: LambdaSide = {
      invocations: fr.invocations,
      throttled: fr.throttled,
      throttleRate: fr.throttleRate,
      coldStartRate: fr.coldStartRate,
      latencyMs: { p50: fr.latencyMs.p50, p99: fr.latencyMs.p99, mean: fr.latencyMs.mean },
      utilization: alive > 0 ? roundDecimals6(fr.concurrency.mean / alive) : null,
      cost: fr.cost!,
      worstBucket: worstBucket(priced),
      monthly: { function: lambdaFunction, frontDoor: m.frontDoor, natGateway: nat, total: sumCents([lambdaFunction, m.frontDoor, nat]) },
    };
    return { side: "lambda", ratePerSec: windowSeconds > 0 ? fr.invocations / windowSeconds : 0, lambda };
  }
  const fleet = setup[request.side];
  if (fleet === null) throw new Error(`compare: no ${request.side} fleet in the scenario's compare section`);
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
  const cost = fleetCost(fleet, result.instanceHours, windowSeconds, setup.catalog, monthHours);
  const rate = windowSeconds > 0 ? result.invocations / windowSeconds : 0;
  const loadBalancer = net.loadBalancer === "alb" ? albMonthlyCost(rate, net.requestBytes + net.responseBytes, monthHours, setup.catalog) : 0;
  return { side: request.side, fleet: { result, cost, monthly: { instances: cost.monthly, loadBalancer, natGateway: nat, total: sumCents([cost.monthly, loadBalancer, nat]) } } };
}

/**
 * The function alone on the LMI option (the same arrivals and durations as on demand: the same function
 * name and seed), priced for a month with its front door and the NAT gateways. Cost: one simulation.
 */
function managedSideOf(setup: CompareSetup, sim: SimConfig, fn: FunctionConfig, nat: number): ManagedSide {
  const option = setup.managed;
  if (option === undefined || option === null) throw new Error("compare: no managedInstances option in the scenario's compare section");
  const moved = onManagedInstances(sim, fn, option);
  const priced = withCost(simulate(moved, { openTrace: setup.openTrace }), moved.functions, setup.catalog, setup.pricing);
  const fr = priced.functions[fn.name]!;
  const provider = priced.capacityProviders![option.provider.name]!;
  const m = fr.cost!.monthly;
  const lines = { instances: m.instances ?? 0, managementFee: m.managementFee ?? 0, requests: m.requests };
  return {
    label: option.label,
    invocations: fr.invocations,
    throttled: fr.throttled,
    throttleRate: fr.throttleRate,
    coldStartRate: fr.coldStartRate,
    latencyMs: { p50: fr.latencyMs.p50, p99: fr.latencyMs.p99, mean: fr.latencyMs.mean },
    vcpuUtilization: provider.vcpuUtilization,
    instances: provider.instances,
    environments: provider.environments,
    provider,
    cost: fr.cost!,
    worstBucket: worstBucket(priced),
    monthly: { ...lines, frontDoor: m.frontDoor, natGateway: nat, total: sumCents([lines.instances, lines.managementFee, lines.requests, m.frontDoor, nat]) },
  };
}

/** A point from its sides' outcomes (Lambda's, and the fleets' and LMI's that ran). O(sides). */
export function pointOfSides(outcomes: readonly SideOutcome[]): ComparePoint {
  const lambda = outcomes.find((o) => o.side === "lambda");
  if (lambda === undefined || lambda.side !== "lambda") throw new Error("pointOfSides: no Lambda side");
  const fleet = (kind: "ec2" | "fargate"): FleetSide | null => {
    const o = outcomes.find((x) => x.side === kind);
    return o !== undefined && (o.side === "ec2" || o.side === "fargate") ? o.fleet : null;
  };
  const point: ComparePoint = { ratePerSec: lambda.ratePerSec, lambda: lambda.lambda, ec2: fleet("ec2"), fargate: fleet("fargate") };
  const managed = outcomes.find((o) => o.side === "managed");
  // Only when LMI ran, so that a comparison without it keeps its shape.
  if (managed !== undefined && managed.side === "managed") point.managed = managed.managed;
  return point;
}

/** The sides a point simulates: Lambda, then each configured fleet and LMI that `only` allows. */
export function sidesOf(setup: Pick<CompareSetup, "ec2" | "fargate" | "managed">, only?: Alternative): CompareSide[] {
  const configured = (k: Alternative) => (k === "managed" ? (setup.managed ?? null) : setup[k]) !== null;
  return ["lambda", ...(["ec2", "fargate", "managed"] as const).filter((k) => configured(k) && (only === undefined || only === k))];
}

/**
 * Simulates the function alone on Lambda and on each fleet with the same arrivals and durations (the
 * same seed and random streams), and prices all three for a month. `arrivals` replaces the function's
 * own (a break-even probe); `only` limits the fleets run; `seed` replaces the scenario's (a replication).
 * Pure; cost: one Lambda run and one per fleet.
 */
export function comparePoint(setup: CompareSetup, arrivals?: ArrivalSpec, only?: Alternative, seed?: number): ComparePoint {
  return pointOfSides(sidesOf(setup, only).map((side) => compareSide(setup, { side, arrivals, seed })));
}

/** An `EvaluateComparisons` that runs each request of a batch in turn in this thread (tests, the library API). */
export function comparisonsInThread(setup: CompareSetup): EvaluateComparisons {
  return async (requests) => requests.map((r) => comparePoint(setup, r.arrivals, r.only, r.seed));
}

/** An `EvaluateSides` that simulates each side of a batch in turn in this thread (tests, the library API). */
export function sidesInThread(setup: CompareSetup): EvaluateSides {
  return async (requests) => requests.map((r) => compareSide(setup, r));
}
