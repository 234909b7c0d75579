import type { FunctionConfig } from "../platform/config.js";
import type { CapacityProviderCost, CapacityProviderResult, Result } from "../platform/result.js";
import type { PriceCatalog } from "./catalog/types.js";
import { roundCents, sumCents } from "./money.js";

/*
 * The bill of Lambda Managed Instances (aws-pricing.json `lambda.managedInstances`, P1): per instance-hour
 * while an instance runs, its EC2 On-Demand price less the plan's discount plus a management fee of 15 %
 * of the On-Demand price, and a price per million requests; no duration (GB-s) and no INIT charge.
 */

/** USD per instance-hour of `instanceType` On-Demand, from the catalog (ec2-instances-us-east-1.json or the user's file). */
export function onDemandHourly(catalog: PriceCatalog, instanceType: string): number {
  const it = catalog.ec2.instances[instanceType];
  if (it === undefined) throw new Error(`bug: capacity provider instance type ${instanceType} is not in the catalog (resolve checks it)`);
  return it.onDemandHourly.value;
}

/**
 * One capacity provider's bill for `instanceHours` and `requests`, each line rounded to the cent and the
 * total the sum of the rounded lines (aws-pricing.json `conventions.rounding`).
 * @example managedBill(onDemandHourly(catalog, "m7g.xlarge"), { plan: "onDemand", discount: 0 }, 3, 1e6, catalog) // 3 instance-hours, 1 M requests
 */
export function managedBill(
  hourly: number,
  pricing: CapacityProviderResult["pricing"],
  instanceHours: number,
  requests: number,
  catalog: PriceCatalog,
): CapacityProviderCost {
  const m = catalog.lambda.managedInstances;
  const instances = roundCents(instanceHours * hourly * (1 - pricing.discount));
  const managementFee = roundCents(instanceHours * hourly * m.managementFeeFraction.value);
  const requestsCost = roundCents((requests / 1e6) * m.requestsPricePerMillion.value);
  return { instances, managementFee, requests: requestsCost, total: sumCents([instances, managementFee, requestsCost]), requestCount: Math.round(requests) };
}

/**
 * A provider's bill when it ran several instance types: each type's EC2 and fee lines rounded to the
 * cent (as a bill itemises usage by instance type), the provider's lines their sums. Returns the
 * provider's bill and each type's lines.
 */
function mixedBill(
  byType: Array<{ hourly: number; instanceHours: number }>,
  pricing: CapacityProviderResult["pricing"],
  requests: number,
  catalog: PriceCatalog,
): { bill: CapacityProviderCost; types: Array<{ instances: number; managementFee: number }> } {
  const types = byType.map((t) => {
    const b = managedBill(t.hourly, pricing, t.instanceHours, 0, catalog);
    return { instances: b.instances, managementFee: b.managementFee };
  });
  const own = managedBill(0, pricing, 0, requests, catalog);
  const instances = sumCents(types.map((t) => t.instances));
  const managementFee = sumCents(types.map((t) => t.managementFee));
  return { bill: { instances, managementFee, requests: own.requests, total: sumCents([instances, managementFee, own.requests]), requestCount: own.requestCount }, types };
}

/**
 * Each capacity provider's bill over the window and projected to `monthSeconds`, and each managed
 * function's share: its own requests, and the instance lines split by the vCPU-time of its environments
 * (its mean environments × vCPUs, over the provider's). Returns, by function name, the lines to add.
 */
export function managedCosts(
  result: Result,
  functions: readonly FunctionConfig[],
  catalog: PriceCatalog,
  windowSeconds: number,
  monthSeconds: number,
): { providers: Record<string, CapacityProviderResult>; lines: Map<string, { window: CapacityProviderCost; monthly: CapacityProviderCost }> } {
  const providers: Record<string, CapacityProviderResult> = Object.create(null) as Record<string, CapacityProviderResult>;
  const lines = new Map<string, { window: CapacityProviderCost; monthly: CapacityProviderCost }>();
  const scale = windowSeconds > 0 ? monthSeconds / windowSeconds : 0;
  for (const [name, cp] of Object.entries(result.capacityProviders ?? {})) {
    const fns = functions.filter((f) => f.managed?.providerName === name);
    const requests = fns.reduce((n, f) => n + result.functions[f.name]!.usage.requests, 0);
    const types = Object.entries(cp.byInstanceType ?? {});
    // Several types: the functions' shares are priced at the fleet's mean hourly price, weighted by each type's hours.
    const typeHours = types.reduce((h, [, t]) => h + t.instanceHours, 0);
    const hourly =
      types.length > 0 && typeHours > 0
        ? types.reduce((usd, [type, t]) => usd + t.instanceHours * onDemandHourly(catalog, type), 0) / typeHours
        : onDemandHourly(catalog, cp.instanceType);
    const bill = (hours: number, req: number) => managedBill(hourly, cp.pricing, hours, req, catalog);
    if (types.length > 0) {
      const at = (k: number) => types.map(([type, t]) => ({ hourly: onDemandHourly(catalog, type), instanceHours: t.instanceHours * k }));
      const window = mixedBill(at(1), cp.pricing, requests, catalog);
      const monthly = mixedBill(at(scale), cp.pricing, requests * scale, catalog);
      const byInstanceType = Object.fromEntries(
        types.map(([type, t], k) => [type, { ...t, cost: { window: window.types[k]!, monthly: monthly.types[k]! } }]),
      );
      providers[name] = { ...cp, byInstanceType, cost: { window: window.bill, monthly: monthly.bill } };
    } else {
      providers[name] = { ...cp, cost: { window: bill(cp.instanceHours, requests), monthly: bill(cp.instanceHours * scale, requests * scale) } };
    }
    const weight = (f: FunctionConfig) => result.functions[f.name]!.environments.meanAlive * f.managed!.vcpus;
    const totalWeight = fns.reduce((w, f) => w + weight(f), 0);
    for (const f of fns) {
      const share = totalWeight > 0 ? weight(f) / totalWeight : 1 / fns.length;
      const own = result.functions[f.name]!.usage.requests;
      lines.set(f.name, { window: bill(cp.instanceHours * share, own), monthly: bill(cp.instanceHours * share * scale, own * scale) });
    }
  }
  return { providers, lines };
}
