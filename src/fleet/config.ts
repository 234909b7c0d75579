/**
 * A fleet that serves the same requests as a Lambda function: EC2 instances or Fargate tasks, each
 * with a number of request slots, a FIFO queue in front, and target-tracking autoscaling. Plain data,
 * resolved from a scenario's `compare:` section (times in ms).
 */

/** How a fleet's hours are priced: On-Demand, or with a Savings Plan or Spot discount. */
export type FleetPricingPlan = "onDemand" | "savingsPlan" | "spot";

/** One fleet (EC2 instances or Fargate tasks); "instance" below means either. */
export interface FleetConfig {
  kind: "ec2" | "fargate";
  /** A short name for tables: the instance type, or "fargate 1 vCPU / 2 GB". */
  label: string;
  /** EC2 instance type; null for Fargate. */
  instanceType: string | null;
  architecture: "x86_64" | "arm64";
  /** vCPU of one instance or task. */
  vcpu: number;
  /** Memory of one instance or task, GB (GiB for EC2, as AWS lists them). */
  memoryGB: number;
  /** Requests one instance serves at the same time. */
  slots: number;
  /** Target of busy slots / slots of running instances, 0 < t ≤ 1. */
  targetUtilization: number;
  minInstances: number;
  maxInstances: number;
  /** From the decision to launch until the instance takes requests, ms (billed from the decision). */
  launchDelayMs: number;
  /** Most requests waiting in the queue; an arrival finding it full is rejected. null: unbounded. */
  maxQueue: number | null;
  /** How often the autoscaler reads the utilization averaged over the last period, ms. */
  evaluationPeriodMs: number;
  /** Consecutive evaluations above the target's need before instances are launched. */
  scaleOutPeriods: number;
  /** Consecutive evaluations below the target's need before instances are removed. */
  scaleInPeriods: number;
  /** Discount applied to the On-Demand price (0 for onDemand). */
  pricing: { plan: FleetPricingPlan; discount: number };
}

/** The Lambda function's facts a fleet needs: its name (random streams), memory and duration scaling. */
export interface FleetWorkload {
  /** Function name: the fleet draws arrivals and durations from the same random streams as Lambda. */
  name: string;
  memoryMB: number;
  durationScaling: { atMemoryMB: number; cpuBound: number; threads: number } | null;
}
