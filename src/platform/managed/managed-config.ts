/**
 * Lambda Managed Instances (LMI): a function runs on a capacity provider, EC2 instances that Lambda
 * manages, each execution environment serving many requests at once (facts:
 * data/reference/lambda-managed-instances.json). These are the resolved, serialisable settings.
 */

/** How a capacity provider's instances are priced: On-Demand, or a Savings Plan at `discount` off (Spot is not offered). */
export interface ManagedPricing {
  plan: "onDemand" | "savingsPlan";
  /** Fraction off the EC2 On-Demand price (0 for onDemand); the management fee stays on the On-Demand price. */
  discount: number;
}

/** One EC2 instance type a capacity provider may launch: its name, vCPUs and memory. */
export interface InstanceShape {
  type: string;
  vcpu: number;
  memoryGiB: number;
}

/** The sizes of a provider's instance types, launched in this order: `instanceShapes`, or the first type alone. */
export function instanceShapes(c: CapacityProviderConfig): InstanceShape[] {
  return c.instanceShapes ?? [{ type: c.instanceTypes[0]!, vcpu: c.instanceVCpu, memoryGiB: c.instanceMemoryGiB }];
}

/** One capacity provider, fully resolved (every time in ms). */
export interface CapacityProviderConfig {
  name: string;
  /** The instance types allowed, launched in turn (round robin: a lambdasim choice, AWS does not publish how Lambda picks). */
  instanceTypes: string[];
  /** vCPUs and memory of the first type (from the EC2 catalog or the user's price file). */
  instanceVCpu: number;
  instanceMemoryGiB: number;
  /** Every allowed type's size, in the order of `instanceTypes`; absent: the first type only, of `instanceVCpu` and `instanceMemoryGiB`. */
  instanceShapes?: InstanceShape[];
  /** Most vCPUs across all instances, 2..15,000 (`lambda-managed-instances.json` `capacityProvider.maxVCpuCount`). */
  maxVCpu: number;
  /** Target of the scaling signal, a fraction in (0, 1] (`targetCpuUtilization`, or the automatic mode's choice). */
  targetUtilization: number;
  /** `target`: the user's target tracking; `auto`: Lambda's automatic mode, whose parameters are lambdasim choices. */
  scalingMode: "target" | "auto";
  /** Instances never scaled in below (3 by default: `capacityProvider.initialInstances`, AZ resiliency). */
  minInstances: number;
  /** From a scale-out decision to a running instance with environments, ms (not published: a lambdasim choice). */
  launchDelayMs: number;
  /** Period of the utilisation readings and scaling decisions, ms (not published: a lambdasim choice). */
  scalingPeriodMs: number;
  /** Consecutive readings below target before a scale-in (gradual scale-in, `scaling.scaleDown`). */
  scaleInPeriods: number;
  /** Largest fraction of the running instances drained by one scale-in decision (at least one). */
  scaleInFraction: number;
  pricing: ManagedPricing;
}

/** A function's execution environments on a capacity provider. */
export interface ManagedFunctionConfig {
  /** Index of its capacity provider in `SimConfig.capacityProviders`. */
  provider: number;
  /** Its capacity provider's name (result.json `capacityProviders` key). */
  providerName: string;
  /** vCPUs of one environment: memory (GiB) / `memoryGiBPerVCpu`. */
  vcpus: number;
  /** Memory of one environment, GiB. */
  memoryGiB: number;
  /** Requests one environment serves at once, 1..1,600 (`function.maxConcurrencyPerEnvironment`). */
  maxConcurrency: number;
  /** CPU-bound fraction of a drawn duration (the duration's `cpuBound`; 0 when not given: durations do not stretch). */
  cpuBound: number;
  /** Threads a request's CPU work can use (the duration's `threads`, default 1). */
  threads: number;
  /**
   * vCPU share the duration was measured with (min(atMemoryMB / 1769, threads), 1 without atMemoryMB):
   * the CPU work of a request is cpuBound × duration × this, in vCPU-ms.
   */
  measuredVCpu: number;
}
