import type { FunctionConfig, SimConfig } from "../platform/config.js";
import type { CapacityProviderConfig, ManagedFunctionConfig } from "../platform/managed/managed-config.js";
import type { CapacityProviderResult, CostBreakdown, Result } from "../platform/result.js";

/*
 * Lambda Managed Instances as an option of `compare` (compare.managedInstances): the compared function
 * placed on a capacity provider of its own and simulated by the Lambda model's managed path, on the same
 * arrivals and durations as the on-demand side (same function name, so the same random streams).
 */

/** The LMI option of a comparison, resolved by scenario/ for the compared function. A plain, serialisable value. */
export interface ManagedOptionConfig {
  /** "LMI m7g.xlarge": the option's name in tables, charts and compare.json. */
  label: string;
  /** The synthesized capacity provider the function runs on alone. */
  provider: CapacityProviderConfig;
  /** Memory of one environment, MB (compare.managedInstances.memoryMB, or the function's mapped: see `defaults`). */
  memoryMB: number;
  /** The function's environments on the provider. */
  managed: ManagedFunctionConfig;
  /** Every setting of the option with its value and where it came from (explain, the report's method). */
  defaults: Array<{ field: string; value: string; source: string }>;
}

/**
 * The simulation of `fn` alone on the LMI option: the same function (name, arrivals, duration,
 * invocation path, client retries) with the option's memory and environments on the option's
 * provider; the settings that belong to on-demand Lambda (provisioned and reserved concurrency,
 * SnapStart, memory-scaled durations) dropped, as a capacity provider has none of them. O(1).
 */
export function onManagedInstances(sim: SimConfig, fn: FunctionConfig, option: ManagedOptionConfig): SimConfig {
  const moved: FunctionConfig = {
    ...fn,
    memoryMB: option.memoryMB,
    reservedConcurrency: null,
    snapStart: false,
    provisioned: { kind: "fixed", count: 0 },
    // The duration is what a request takes alone; its CPU part is shared on the environment's vCPUs (managed-schema.ts managedFunction).
    durationScaling: null,
    managed: option.managed,
  };
  return { ...sim, functions: [moved], capacityProviders: [option.provider] };
}

/** The busiest bucket of the measured window: most throttles, then the highest p99 (the first on a tie). */
export interface WorstBucket {
  /** Start of the bucket, seconds from the start of the simulation (clock time of the simulated day). */
  startSeconds: number;
  bucketSeconds: number;
  arrivals: number;
  throttles: number;
  /** p99 of the requests completed in it, ms (null: none completed). */
  p99Ms: number | null;
}

/** The worst bucket of a single-function result's series (null without series or buckets). O(buckets). */
export function worstBucket(result: Result): WorstBucket | null {
  const s = result.series;
  if (s === undefined || s.t.length === 0) return null;
  let best = -1;
  for (let i = 0; i < s.t.length; i++) {
    if (best < 0) {
      best = i;
      continue;
    }
    const dt = s.throttles[i]! - s.throttles[best]!;
    if (dt > 0 || (dt === 0 && (s.p99[i] ?? -1) > (s.p99[best] ?? -1))) best = i;
  }
  return { startSeconds: s.t[best]!, bucketSeconds: s.bucketSeconds, arrivals: s.arrivals[best]!, throttles: s.throttles[best]!, p99Ms: s.p99[best] ?? null };
}

/** The LMI option's side of a comparison: the function on its capacity provider, billed for a month. */
export interface ManagedSide {
  /** The option's name ("LMI m7g.xlarge"). */
  label: string;
  invocations: number;
  throttled: number;
  throttleRate: number | null;
  coldStartRate: number | null;
  latencyMs: { p50: number | null; p99: number | null; mean: number | null };
  /** Busy vCPUs over running instances' vCPUs, time-weighted mean and the peak of the scaling readings. */
  vcpuUtilization: { mean: number; peak: number };
  instances: { peak: number; mean: number };
  environments: { peak: number; mean: number };
  /** The provider's figures as result.json `capacityProviders[name]` gives them, with its cost. */
  provider: CapacityProviderResult;
  cost: { window: CostBreakdown; monthly: CostBreakdown };
  /** The busiest bucket (minute, on a day's horizon) of the run: what a burst does to throttles and p99. */
  worstBucket: WorstBucket | null;
  monthly: ManagedMonthly;
}

/** LMI's monthly bill, itemised, USD to the cent (aws-pricing.json `lambda.managedInstances`). */
export interface ManagedMonthly {
  /** EC2 instance-hours at the On-Demand price less the plan's discount. */
  instances: number;
  /** 15 % of the On-Demand price per instance-hour. */
  managementFee: number;
  /** Requests at the LMI request price. */
  requests: number;
  /** The function's front door (`pricing.frontDoor`): an LMI function is invoked like any other. */
  frontDoor: number;
  natGateway: number;
  total: number;
}
