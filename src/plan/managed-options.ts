import type { SimConfig } from "../platform/config.js";
import type { Result } from "../platform/result.js";
import { meetsEvery, sloVerdicts, type SloVerdict } from "../report/slo-verdicts.js";
import type { Slo } from "../scenario/slo.js";
import { meanInterval, type MeanInterval } from "./confidence-interval.js";
import { COST_TIE_FRACTION } from "./memory-tuner.js";
import { replicationSeed } from "./seeds.js";

/*
 * The options of `tune managed`: one function of Lambda Managed Instances on a capacity provider of its
 * own, at one instance type × memoryGiBPerVCpu × maxConcurrency; how each is simulated, what it
 * achieved, and the rule that picks one (the same rule whether the options came from the search or
 * from the whole grid).
 */

/** vCPUs, memory and On-Demand price of an instance type (from the price catalog). */
export interface InstanceSize {
  vcpu: number;
  memoryGiB: number;
  /** USD per instance-hour, On-Demand (ec2-instances-us-east-1.json or the user's price file). */
  onDemandHourly: number;
}

/** The grid `tune managed` searches: every value in ascending order (instance types in the user's order). */
export interface ManagedGrid {
  maxConcurrency: number[];
  memoryGiBPerVCpu: number[];
  instanceTypes: string[];
}

/** One point of the grid. */
export interface ManagedChoice {
  instanceType: string;
  memoryGiBPerVCpu: number;
  maxConcurrency: number;
}

/** Monthly cost lines of an option (means across replications), USD. */
export interface ManagedMonthlyCost {
  instances: number;
  managementFee: number;
  requests: number;
  total: number;
}

/** One option simulated: its settings, what it achieved (means across replications), its cost and verdicts. */
export interface ManagedOption extends ManagedChoice {
  /** "c7g.xlarge, 2 GiB/vCPU, 64 per environment". */
  label: string;
  /** vCPUs of one environment: memoryMB / 1024 / memoryGiBPerVCpu. */
  vcpus: number;
  /** Environments one instance holds, by vCPU and memory. */
  environmentsPerInstance: number;
  status: "ok" | "failed";
  errors: string[];
  /** Replications finished (common random numbers: replication k has the same seed at every option). */
  replications: number;
  p50Ms: MeanInterval | null;
  p99Ms: MeanInterval | null;
  throttleRate: MeanInterval | null;
  /** Invocations cut by the function timeout, of those that arrived (an option with any is never recommended). */
  timeoutRate: MeanInterval | null;
  /** Monthly cost lines (means), and the total with its interval. */
  monthlyCost: ManagedMonthlyCost | null;
  monthlyCostInterval: MeanInterval | null;
  /** Instances billed (mean over time, peak), and vCPU utilisation of the running instances (mean, peak reading). */
  instances: { mean: number; peak: number } | null;
  cpuUtilization: { mean: number; peak: number } | null;
  environments: { mean: number; peak: number } | null;
  /** Whether every objective is met on the means (null without objectives). */
  meetsSlo: boolean | null;
  verdicts: SloVerdict[];
}

/** One replication's outcome on the worker pool: a priced result, a failure, or not run (interrupted). */
export type PointOutcome = { status: "ok"; result: Result } | { status: "failed"; error: string } | { status: "stopped" };

/** Simulates and prices a batch of configurations, outcomes in input order (injected: no I/O or threads here). */
export type EvaluatePoints = (sims: readonly SimConfig[]) => Promise<PointOutcome[]>;

/** The label of a choice: "c7g.xlarge, 2 GiB/vCPU, 64 per environment". */
export function choiceLabel(c: ManagedChoice): string {
  return `${c.instanceType}, ${c.memoryGiBPerVCpu} GiB/vCPU, ${c.maxConcurrency} per environment`;
}

/** vCPUs of one environment of `memoryMB` at `ratio` GiB per vCPU (whole only when the scenario check passes). */
export function environmentVCpus(memoryMB: number, ratio: number): number {
  return memoryMB / 1024 / ratio;
}

/** Environments of `vcpus` vCPUs and `memoryGiB` that one instance of `size` holds (0: it does not fit). O(1). */
export function environmentsPerInstance(size: InstanceSize, vcpus: number, memoryGiB: number): number {
  return Math.max(0, Math.min(Math.floor(size.vcpu / vcpus + 1e-9), Math.floor(size.memoryGiB / memoryGiB + 1e-9)));
}

/**
 * `base` (the tuned function alone, on capacity provider 0) at `choice`, replication `replication`:
 * the provider launches `choice.instanceType`, the function's environments get memoryMB / ratio vCPUs
 * and `choice.maxConcurrency` slots; everything else (scaling, minimum, launch delay, pricing) stays.
 */
export function choiceSim(base: SimConfig, choice: ManagedChoice, size: InstanceSize, replication: number): SimConfig {
  const provider = base.capacityProviders![0]!;
  const f = base.functions[0]!;
  const vcpus = environmentVCpus(f.memoryMB, choice.memoryGiBPerVCpu);
  return {
    ...base,
    seed: replicationSeed(base.seed, replication),
    // One type: its shape replaces the provider's (instanceShapes, when present, decides what is launched).
    capacityProviders: [{
      ...provider,
      instanceTypes: [choice.instanceType],
      instanceVCpu: size.vcpu,
      instanceMemoryGiB: size.memoryGiB,
      instanceShapes: [{ type: choice.instanceType, vcpu: size.vcpu, memoryGiB: size.memoryGiB }],
    }],
    functions: [{ ...f, managed: { ...f.managed!, provider: 0, vcpus, maxConcurrency: choice.maxConcurrency } }],
  };
}

/** The option of `choice` from its replications' outcomes (all finished: ok or failed), judged against `slo`. O(replications). */
export function optionOf(base: SimConfig, choice: ManagedChoice, size: InstanceSize, outcomes: readonly PointOutcome[], slo: Slo | null): ManagedOption {
  const f = base.functions[0]!;
  const providerName = base.capacityProviders![0]!.name;
  const vcpus = environmentVCpus(f.memoryMB, choice.memoryGiBPerVCpu);
  const errors = outcomes.flatMap((o) => (o.status === "failed" ? [o.error] : []));
  const results = outcomes.flatMap((o) => (o.status === "ok" ? [o.result] : []));
  const head = { ...choice, label: choiceLabel(choice), vcpus, environmentsPerInstance: environmentsPerInstance(size, vcpus, f.memoryMB / 1024) };
  if (errors.length > 0 || results.length === 0) {
    const empty = { p50Ms: null, p99Ms: null, throttleRate: null, timeoutRate: null, monthlyCost: null, monthlyCostInterval: null };
    return { ...head, status: "failed", errors, replications: results.length, ...empty, instances: null, cpuUtilization: null, environments: null, meetsSlo: null, verdicts: [] };
  }
  const fr = results.map((r) => r.functions[f.name]!);
  const cp = results.map((r) => r.capacityProviders![providerName]!);
  const over = (values: Array<number | null>) => (values.some((v) => v === null) ? null : meanInterval(values as number[]));
  const avg = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  const monthly = fr.map((x) => x.cost!.monthly);
  const p99Ms = over(fr.map((x) => x.latencyMs.p99));
  const throttleRate = over(fr.map((x) => x.throttleRate));
  const verdicts = sloVerdicts(slo, { latencyMs: { p99: p99Ms?.mean ?? null }, coldStartRate: avg(fr.map((x) => x.coldStartRate ?? 0)), throttleRate: throttleRate?.mean ?? null });
  return {
    ...head,
    status: "ok",
    errors: [],
    replications: results.length,
    p50Ms: over(fr.map((x) => x.latencyMs.p50)),
    p99Ms,
    throttleRate,
    timeoutRate: meanInterval(fr.map((x) => (x.invocations > 0 ? x.timedOut / x.invocations : 0))),
    monthlyCost: {
      instances: avg(monthly.map((m) => m.instances ?? 0)),
      managementFee: avg(monthly.map((m) => m.managementFee ?? 0)),
      requests: avg(monthly.map((m) => m.requests)),
      total: avg(monthly.map((m) => m.total)),
    },
    monthlyCostInterval: meanInterval(monthly.map((m) => m.total)),
    instances: { mean: avg(cp.map((c) => c.instances.mean)), peak: Math.max(...cp.map((c) => c.instances.peak)) },
    cpuUtilization: { mean: avg(cp.map((c) => c.vcpuUtilization.mean)), peak: Math.max(...cp.map((c) => c.vcpuUtilization.peak)) },
    environments: { mean: avg(cp.map((c) => c.environments.mean)), peak: Math.max(...cp.map((c) => c.environments.peak)) },
    meetsSlo: meetsEvery(verdicts),
    verdicts,
  };
}

/** The answer of `tune managed`. */
export interface ManagedRecommendation {
  option: string;
  choice: ManagedChoice;
  monthlyCost: number;
  reason: string;
  /** Other eligible options whose monthly cost is within COST_TIE_FRACTION of the pick's, faster first, with their p99. */
  nearTies: Array<{ option: string; monthlyCost: number; p99Ms: number }>;
}

/** Whether an option may be recommended: it ran, meets every objective (on the means) and no invocation timed out. */
export function eligible(o: ManagedOption): boolean {
  return o.status === "ok" && o.monthlyCost !== null && o.p99Ms !== null && o.meetsSlo !== false && (o.timeoutRate?.mean ?? 0) === 0;
}

/**
 * The tie rules, as a comparator: the cheaper monthly total (strictly: no tolerance); at an exactly equal
 * total the lower p99, then the lower throttle rate, then the smaller maxConcurrency (less processor
 * sharing on the same instances), then the smaller memoryGiBPerVCpu (more vCPUs per environment), then
 * the instance type's position in `typeOrder`.
 */
export function compareOptions(typeOrder: readonly string[]): (a: ManagedOption, b: ManagedOption) => number {
  return (a, b) =>
    a.monthlyCost!.total - b.monthlyCost!.total ||
    a.p99Ms!.mean - b.p99Ms!.mean ||
    (a.throttleRate?.mean ?? 0) - (b.throttleRate?.mean ?? 0) ||
    a.maxConcurrency - b.maxConcurrency ||
    a.memoryGiBPerVCpu - b.memoryGiBPerVCpu ||
    typeOrder.indexOf(a.instanceType) - typeOrder.indexOf(b.instanceType);
}

/**
 * The cheapest eligible option by `compareOptions`, with the other eligible options costing at most
 * COST_TIE_FRACTION more named as near-ties (not chosen: they cost more on the measured numbers).
 * Null when no option is eligible. O(options log options).
 */
export function recommendManaged(options: readonly ManagedOption[], typeOrder: readonly string[]): ManagedRecommendation | null {
  const pool = options.filter(eligible).sort(compareOptions(typeOrder));
  const pick = pool[0];
  if (pick === undefined) return null;
  const cost = pick.monthlyCost!.total;
  const near = pool
    .slice(1)
    .filter((o) => o.monthlyCost!.total <= cost * (1 + COST_TIE_FRACTION))
    .sort((a, b) => a.p99Ms!.mean - b.p99Ms!.mean || compareOptions(typeOrder)(a, b));
  let reason = "the cheapest option simulated that meets every objective without timeouts";
  const exact = near.filter((o) => o.monthlyCost!.total === cost).length;
  if (exact > 0) reason += `; ${exact} other${exact === 1 ? " costs" : "s cost"} exactly the same (the tie rules: lower p99, fewer throttles, smaller maxConcurrency, smaller ratio)`;
  if (near.length > exact) reason += `; ${near.length - exact} within ${COST_TIE_FRACTION * 100} % of its cost (near-ties, listed with their p99: they cost more on the measured numbers)`;
  return {
    option: pick.label,
    choice: { instanceType: pick.instanceType, memoryGiBPerVCpu: pick.memoryGiBPerVCpu, maxConcurrency: pick.maxConcurrency },
    monthlyCost: cost,
    reason,
    nearTies: near.map((o) => ({ option: o.label, monthlyCost: o.monthlyCost!.total, p99Ms: o.p99Ms!.mean })),
  };
}
