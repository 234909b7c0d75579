import { z } from "zod";
import type { FleetConfig, FleetPricingPlan } from "../fleet/config.js";
import { FARGATE_SIZES, fargateMemoryText, isFargateSize } from "../fleet/fargate-sizes.js";
import type { PriceCatalog } from "../pricing/catalog/types.js";
import type { FrontDoor } from "../pricing/front-door.js";
import type { CompareNetwork } from "../pricing/network-cost.js";
import { maxFleetDiscount } from "../pricing/fleet-cost.js";
import type { FunctionConfig } from "../platform/config.js";
import { DEFAULTS } from "./defaults.js";
import type { Issue } from "./issues.js";
import { durationWithUnit, integer, matching, numberIn, oneOf, strictObject } from "./leaves.js";
import { ALLOWED } from "./messages.js";
import { jsonHint } from "./json-hints.js";
import { buildCompareManaged, compareManagedIssues, compareManagedSchema, type ComparedFunction, type ParsedCompareManaged } from "./compare-managed.js";
import type { ManagedOptionConfig } from "../parallel/managed-side.js";

/*
 * The `compare:` section (DESIGN.md "Scenario format"): an EC2 fleet and/or a Fargate service that
 * would serve the same traffic as one of the scenario's functions. Parsed here; the catalog checks
 * (instance type known, discount within the catalog's largest) are in `compareIssues`, and the
 * defaults are filled by `buildCompare`.
 */

/** `pricing:` of a fleet: a plan name, or a plan with its discount. */
const FLEET_PLANS = ["onDemand", "savingsPlan", "spot"] as const;
/** A discount plan with its fraction, as the editor schema writes `{ savingsPlan: 0.3 }`. */
const discountJson = (plan: string) => ({
  type: "object",
  properties: { [plan]: { type: "number", minimum: 0, exclusiveMaximum: 1 } },
  required: [plan],
  additionalProperties: false,
});
const fleetPricingInput = jsonHint(z.unknown(), {
  json: { anyOf: [{ type: "string", enum: [...FLEET_PLANS] }, discountJson("savingsPlan"), discountJson("spot")] },
});
const fleetPricing = fleetPricingInput.transform((input, ctx): { plan: FleetPricingPlan; discount?: number } => {
  if (input === "onDemand" || input === "savingsPlan" || input === "spot") return { plan: input };
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    const entries = Object.entries(input);
    if (entries.length === 1) {
      const [plan, discount] = entries[0]!;
      if ((plan === "savingsPlan" || plan === "spot") && typeof discount === "number" && discount >= 0 && discount < 1) {
        return { plan, discount };
      }
    }
  }
  ctx.addIssue({ code: "custom", message: ALLOWED.fleetPricing, input });
  return z.NEVER;
});

const launchDelay = durationWithUnit(ALLOWED.launchDelay, (ms) => ms >= 0 && ms <= 3_600_000);
const target = z.number({ error: ALLOWED.fleetTarget }).gt(0, { error: ALLOWED.fleetTarget }).max(1, { error: ALLOWED.fleetTarget });

const ec2Schema = strictObject(
  {
    instanceType: matching(ALLOWED.instanceType, /^[a-z0-9-]+\.[a-z0-9]+$/),
    slotsPerInstance: integer(ALLOWED.fleetSlots, 1).optional(),
    targetUtilization: target.optional(),
    minInstances: integer(ALLOWED.fleetMin, 1).optional(),
    maxInstances: integer(ALLOWED.fleetMax, 1).optional(),
    launchDelay: launchDelay.optional(),
    maxQueue: integer(ALLOWED.maxQueue, 0).optional(),
    pricing: fleetPricing.optional(),
  },
  ALLOWED.compareEc2,
);

const fargateSchema = strictObject(
  {
    vcpu: jsonHint(
      z.number({ error: ALLOWED.fargateVcpu }).refine((v) => FARGATE_SIZES.some((s) => s.vcpu === v), { error: ALLOWED.fargateVcpu }),
      { json: { type: "number", enum: FARGATE_SIZES.map((s) => s.vcpu) } },
    ),
    memoryGB: numberIn(ALLOWED.fargateMemoryGB, 0.5, 120),
    architecture: z.enum(["x86_64", "arm64"], { error: ALLOWED.architecture }).optional(),
    slotsPerTask: integer(ALLOWED.fleetSlots, 1).optional(),
    targetUtilization: target.optional(),
    minTasks: integer(ALLOWED.fleetMin, 1).optional(),
    maxTasks: integer(ALLOWED.fleetMax, 1).optional(),
    launchDelay: launchDelay.optional(),
    maxQueue: integer(ALLOWED.maxQueue, 0).optional(),
    pricing: fleetPricing.optional(),
  },
  ALLOWED.compareFargate,
);

/**
 * The `compare` field: at least one of `ec2`, `fargate`, `managedInstances` (Lambda Managed Instances); `function` names the function compared (default: the
 * first); the doors each side pays for (`loadBalancer` in front of the fleets, `natGateways` on both sides) and
 * the average request and response sizes the load balancer processes.
 */
export const compareSchema = jsonHint(strictObject(
  {
    function: z.string({ error: ALLOWED.compareFunction }).optional(),
    ec2: ec2Schema.optional(),
    fargate: fargateSchema.optional(),
    managedInstances: compareManagedSchema.optional(),
    loadBalancer: oneOf(ALLOWED.loadBalancer, ["alb", "none"]).optional(),
    natGateways: integer(ALLOWED.natGateways, 0, 16).optional(),
    requestBytes: integer(ALLOWED.messageBytes, 0).optional(),
    responseBytes: integer(ALLOWED.messageBytes, 0).optional(),
  },
  ALLOWED.compare,
).superRefine((o, ctx) => {
  if (o.ec2 === undefined && o.fargate === undefined && o.managedInstances === undefined) ctx.addIssue({ code: "custom", message: ALLOWED.compare });
}), { edit: (json) => void (json.anyOf = [{ required: ["ec2"] }, { required: ["fargate"] }, { required: ["managedInstances"] }]) });

/** The `compare` section as parsed. */
export type ParsedCompare = z.output<typeof compareSchema>;

/** The resolved `compare` section: the function compared and its fleets (null where not asked for). */
export interface CompareConfig {
  function: string;
  ec2: FleetConfig | null;
  fargate: FleetConfig | null;
  /** Lambda Managed Instances for `function` (null where not asked for). */
  managed: ManagedOptionConfig | null;
  /** `managedInstances` as parsed, to build the option for another function (`compare --function`); null where absent. */
  managedInput: ParsedCompareManaged | null;
  /** The network both sides pay for: the fleets' load balancer, NAT gateways on both sides. */
  network: CompareNetwork;
}

/**
 * Checks across fields, against the price catalog and the functions: min ≤ max, a Fargate task size
 * AWS offers, a known EC2 instance type, a discount within the catalog's largest for its plan, and a
 * `function` the scenario has, and `managedInstances` checked as a capacity provider with the compared
 * function on it (`compared`: that function, when the scenario has it). Run on the section as parsed, so
 * these come with the other files' issues.
 */
export function compareIssues(compare: ParsedCompare, functionNames: string[], catalog: PriceCatalog, compared?: ComparedFunction): Issue[] {
  const issues: Issue[] = [];
  if (compare.managedInstances !== undefined && compared !== undefined) issues.push(...compareManagedIssues(compare.managedInstances, compared, catalog));
  for (const [key, field, min, max] of [
    ["ec2", "maxInstances", compare.ec2?.minInstances, compare.ec2?.maxInstances],
    ["fargate", "maxTasks", compare.fargate?.minTasks, compare.fargate?.maxTasks],
  ] as const) {
    if (min !== undefined && max !== undefined && max < min) issues.push({ path: `compare.${key}.${field}`, value: max, allowed: `${ALLOWED.fleetMax} (${min})` });
  }
  const f = compare.fargate;
  if (f !== undefined && !isFargateSize(f.vcpu, f.memoryGB)) {
    issues.push({ path: "compare.fargate.memoryGB", value: f.memoryGB, allowed: ALLOWED.fargateMemory(f.vcpu, fargateMemoryText(f.vcpu)) });
  }
  if (compare.function !== undefined && !functionNames.includes(compare.function)) {
    issues.push({ path: "compare.function", value: compare.function, allowed: `${ALLOWED.compareFunction}: ${functionNames.join(", ")}` });
  }
  if (compare.ec2 !== undefined) {
    const known = Object.keys(catalog.ec2.instances);
    if (!known.includes(compare.ec2.instanceType)) {
      issues.push({ path: "compare.ec2.instanceType", value: compare.ec2.instanceType, allowed: ALLOWED.instanceTypeKnown(compare.ec2.instanceType, known) });
    }
  }
  for (const kind of ["ec2", "fargate"] as const) {
    const p = compare[kind]?.pricing;
    if (p?.discount === undefined) continue;
    const max = maxFleetDiscount(kind, p.plan, catalog);
    if (p.discount > max) {
      const ref = discountRef(kind, p.plan, catalog);
      issues.push({ path: `compare.${kind}.pricing.${p.plan}`, value: p.discount, allowed: ALLOWED.fleetDiscountMax(p.plan, max, ref) });
    }
  }
  return issues;
}

function discountRef(kind: "ec2" | "fargate", plan: FleetPricingPlan, catalog: PriceCatalog): string {
  const d = catalog.discounts;
  if (plan === "savingsPlan") return (kind === "ec2" ? d.ec2SavingsPlan : d.fargateSavingsPlan).ref;
  return (kind === "ec2" ? d.ec2Spot : d.fargateSpot).ref;
}

/**
 * Fills the defaults of a checked `compare` section (DEFAULTS `fleet*`, `ec2LaunchDelayMs`, `fargateLaunchDelayMs`,
 * `compareLoadBalancer`: an ALB when Lambda has a front door, `frontDoor` being the scenario's `pricing.frontDoor`).
 */
export function buildCompare(c: ParsedCompare, functions: FunctionConfig[], catalog: PriceCatalog, frontDoor: FrontDoor): CompareConfig {
  const alarms = DEFAULTS.fleetAlarms.value;
  const pricing = (kind: "ec2" | "fargate", p: { plan: FleetPricingPlan; discount?: number } | undefined) =>
    p === undefined ? { plan: "onDemand" as const, discount: 0 } : { plan: p.plan, discount: p.discount ?? maxFleetDiscount(kind, p.plan, catalog) };
  const fn = functions.find((f) => f.name === c.function) ?? functions[0]!;
  let ec2: FleetConfig | null = null;
  if (c.ec2 !== undefined) {
    const type = catalog.ec2.instances[c.ec2.instanceType]!;
    ec2 = {
      kind: "ec2",
      label: c.ec2.instanceType,
      instanceType: c.ec2.instanceType,
      architecture: type.architecture,
      vcpu: type.vcpu,
      memoryGB: type.memoryGiB,
      slots: c.ec2.slotsPerInstance ?? Math.max(1, Math.floor(type.vcpu)),
      targetUtilization: c.ec2.targetUtilization ?? DEFAULTS.fleetTargetUtilization.value,
      minInstances: c.ec2.minInstances ?? DEFAULTS.fleetMinInstances.value,
      maxInstances: c.ec2.maxInstances ?? Math.max(DEFAULTS.fleetMaxInstances.value, c.ec2.minInstances ?? 1),
      launchDelayMs: c.ec2.launchDelay ?? DEFAULTS.ec2LaunchDelayMs.value,
      maxQueue: c.ec2.maxQueue ?? null,
      ...alarms,
      pricing: pricing("ec2", c.ec2.pricing),
    };
  }
  let fargate: FleetConfig | null = null;
  if (c.fargate !== undefined) {
    const f = c.fargate;
    fargate = {
      kind: "fargate",
      label: `fargate ${f.vcpu} vCPU / ${f.memoryGB} GB`,
      instanceType: null,
      architecture: f.architecture ?? fn.architecture,
      vcpu: f.vcpu,
      memoryGB: f.memoryGB,
      slots: f.slotsPerTask ?? Math.max(1, Math.floor(f.vcpu)),
      targetUtilization: f.targetUtilization ?? DEFAULTS.fleetTargetUtilization.value,
      minInstances: f.minTasks ?? DEFAULTS.fleetMinInstances.value,
      maxInstances: f.maxTasks ?? Math.max(DEFAULTS.fleetMaxInstances.value, f.minTasks ?? 1),
      launchDelayMs: f.launchDelay ?? DEFAULTS.fargateLaunchDelayMs.value,
      maxQueue: f.maxQueue ?? null,
      ...alarms,
      pricing: pricing("fargate", f.pricing),
    };
  }
  const network: CompareNetwork = {
    loadBalancer: c.loadBalancer ?? (frontDoor === "none" ? "none" : "alb"),
    natGateways: c.natGateways ?? 0,
    requestBytes: c.requestBytes ?? 0,
    responseBytes: c.responseBytes ?? 0,
  };
  const index = functions.indexOf(fn);
  const managed = c.managedInstances === undefined ? null : buildCompareManaged(c.managedInstances, fn, index, catalog);
  return { function: fn.name, ec2, fargate, managed, managedInput: c.managedInstances ?? null, network };
}
