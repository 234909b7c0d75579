import type { FleetConfig, FleetPricingPlan } from "../fleet/config.js";
import type { PriceCatalog } from "./catalog/types.js";
import { roundCents } from "./money.js";

/** What a fleet costs: the hourly price of one instance and the bill of the window and of a month, USD. */
export interface FleetCost {
  /** On-Demand price of one instance or task, USD per hour. */
  onDemandHourly: number;
  /** After the plan's discount, USD per hour. */
  hourly: number;
  plan: FleetPricingPlan;
  discount: number;
  /** The simulated window's instance-hours at `hourly`, to the cent. */
  window: number;
  /** The window projected to `monthHours`, to the cent. */
  monthly: number;
}

/**
 * On-Demand price of one instance: the EC2 type's hourly price, or Fargate's vCPU-hour and GB-hour
 * rates of the architecture times the task's size. Undefined for an EC2 type the catalog lacks.
 */
export function fleetOnDemandHourly(fleet: Pick<FleetConfig, "kind" | "instanceType" | "architecture" | "vcpu" | "memoryGB">, catalog: PriceCatalog): number | undefined {
  if (fleet.kind === "ec2") {
    const type = fleet.instanceType ?? "";
    return Object.prototype.hasOwnProperty.call(catalog.ec2.instances, type) ? catalog.ec2.instances[type]!.onDemandHourly.value : undefined;
  }
  const rates = catalog.fargate[fleet.architecture];
  return fleet.vcpu * rates.perVcpuHour.value + fleet.memoryGB * rates.perGbHour.value;
}

/** The largest discount the catalog gives for a plan (0 for On-Demand): Compute Savings Plan or Spot, "up to". */
export function maxFleetDiscount(kind: FleetConfig["kind"], plan: FleetPricingPlan, catalog: PriceCatalog): number {
  if (plan === "onDemand") return 0;
  const d = catalog.discounts;
  if (plan === "savingsPlan") return kind === "ec2" ? d.ec2SavingsPlan.value : d.fargateSavingsPlan.value;
  return kind === "ec2" ? d.ec2Spot.value : d.fargateSpot.value;
}

/**
 * The bill of `instanceHours` run in a window of `windowSeconds`, and of the same fleet for a month of
 * `monthHours` (the window's average fleet kept all month). Per-second billing is assumed (EC2 Linux
 * and Fargate bill per second after the first minute, catalog `ec2.billing`, `fargate.billing`); the
 * one-minute minimums are ignored.
 */
export function fleetCost(fleet: FleetConfig, instanceHours: number, windowSeconds: number, catalog: PriceCatalog, monthHours: number): FleetCost {
  const onDemandHourly = fleetOnDemandHourly(fleet, catalog);
  if (onDemandHourly === undefined) throw new Error(`no price for EC2 instance type ${String(fleet.instanceType)} (the scenario check should have caught it)`);
  const hourly = onDemandHourly * (1 - fleet.pricing.discount);
  const month = windowSeconds > 0 ? (instanceHours * monthHours * 3600) / windowSeconds : 0;
  return {
    onDemandHourly,
    hourly,
    plan: fleet.pricing.plan,
    discount: fleet.pricing.discount,
    window: roundCents(instanceHours * hourly),
    monthly: roundCents(month * hourly),
  };
}
