import type { FunctionConfig } from "../platform/config.js";
import type { CostBreakdown, FunctionResult, Result } from "../platform/result.js";
import type { PriceCatalog } from "./catalog/types.js";
import { accountBills } from "./account-bill.js";
import { priceOrigin } from "./catalog/overlay.js";
import { costSummary } from "./cost-summary.js";
import type { FrontDoor } from "./front-door.js";
import { initIsBilled } from "./init-billing.js";
import { managedCosts } from "./managed-cost.js";
import { sumCents } from "./money.js";
import { projectUsage, type LambdaUsage } from "./usage.js";

/** How a scenario is priced (DESIGN.md `pricing:`). */
export interface PricingOptions {
  /** Apply the monthly free tier (shared by the account's functions, in scenario order). */
  freeTier: boolean;
  frontDoor: FrontDoor;
  /** Hours in the month the window is projected to (aws-pricing.json conventions.monthHours: 730). */
  monthHours: number;
  /** Compute Savings Plan discount, 0..catalog maximum. */
  savingsPlan: number;
  /** Date the prices apply on ("YYYY-MM-DD"): INIT is billed for managed zip runtimes from 2025-08-01. */
  date: string;
}

/**
 * The simulated usage of one function over a window of `windowSeconds` as the pricing layer reads it.
 * A SnapStart function on Python or .NET is billed its snapshot cache over the window and a restore
 * per cold start (`price --snapstart-restores` prices the same usage); Java managed runtimes are not
 * (aws-pricing.json `lambda.snapStart.javaManagedRuntimesCharged`: false).
 */
export function usageOf(fr: FunctionResult, fc: FunctionConfig, catalog: PriceCatalog, date: string, windowSeconds: number): LambdaUsage {
  const u = fr.usage;
  const usage: LambdaUsage = {
    architecture: fc.architecture,
    memoryMB: fc.memoryMB,
    // Async payloads above the included size are billed as extra requests (asyncEventRequestAccounting).
    requests: u.requests - u.provisionedRequests + (u.payloadExtraRequests ?? 0),
    billedMs: u.billedDurationMs - u.provisionedBilledDurationMs,
    ephemeralStorageMB: fc.ephemeralStorageMB,
  };
  if (initIsBilled({ packageType: fc.packageType, runtime: fc.runtime, date }, catalog)) usage.initBilledMs = u.initBilledMs;
  if (fc.snapStart && !fc.runtime.startsWith("java")) usage.snapStart = { activeSeconds: windowSeconds, restores: fr.coldStarts };
  if (u.provisionedAllocations.length > 0) {
    usage.provisioned = {
      allocations: u.provisionedAllocations,
      requests: u.provisionedRequests,
      billedMs: u.provisionedBilledDurationMs,
    };
  }
  return usage;
}

/**
 * Adds `cost` {window, monthly} to every function and the total of a result, in dollars (the total's
 * with `prices`, where the catalog's prices came from). The
 * window is billed as it ran (no free tier); the month projects the window's usage to
 * `monthHours` and applies the free tier once for the account, function by function in scenario
 * order. Both are billed as one account (`accountBills`): each architecture's volume tiers apply to
 * the GB-s of all its functions together. The total is the sum of the functions' rounded lines. Returns a copy.
 */
export function withCost(result: Result, functions: FunctionConfig[], catalog: PriceCatalog, options: PricingOptions): Result {
  const windowSeconds = result.horizonSeconds - result.warmupSeconds;
  const monthSeconds = options.monthHours * 3600;
  const usages = functions.map((fc) => usageOf(result.functions[fc.name]!, fc, catalog, options.date, windowSeconds));
  const bill = { frontDoor: options.frontDoor, savingsPlan: options.savingsPlan };
  const windows = accountBills(usages, catalog, { ...bill, freeTier: false }).map(costSummary);
  const monthlyUsages = usages.map((u) => projectUsage(u, windowSeconds, monthSeconds));
  const months = accountBills(monthlyUsages, catalog, { ...bill, freeTier: options.freeTier }).map(costSummary);
  // Without a prototype, so that a function named `__proto__` is an entry like any other.
  const out: Result = { ...result, functions: Object.assign(Object.create(null) as Result["functions"], result.functions) };
  if (result.capacityProviders !== undefined) {
    // Lambda Managed Instances: instance-hours, the management fee and requests replace the on-demand lines.
    const managed = managedCosts(result, functions, catalog, windowSeconds, monthSeconds);
    out.capacityProviders = managed.providers;
    functions.forEach((fc, i) => {
      const lines = managed.lines.get(fc.name);
      if (lines === undefined) return;
      windows[i] = managedBreakdown(windows[i]!, lines.window);
      months[i] = managedBreakdown(months[i]!, lines.monthly);
    });
  }
  functions.forEach((fc, i) => {
    out.functions[fc.name] = { ...result.functions[fc.name]!, cost: { window: windows[i]!, monthly: months[i]! } };
  });
  out.total = { ...result.total, cost: { window: addCosts(windows), monthly: addCosts(months), prices: priceOrigin(catalog) } };
  return out;
}

/** A managed function's cost: its provider share's lines in place of requests, duration and INIT; the front door kept. */
function managedBreakdown(onDemand: CostBreakdown, m: { instances: number; managementFee: number; requests: number }): CostBreakdown {
  return {
    requests: m.requests,
    instances: m.instances,
    managementFee: m.managementFee,
    compute: 0,
    init: 0,
    provisioned: 0,
    ephemeralStorage: 0,
    snapStart: 0,
    frontDoor: onDemand.frontDoor,
    total: sumCents([m.requests, m.instances, m.managementFee, onDemand.frontDoor]),
  };
}

/** Line-by-line sum of cost breakdowns, to the cent. */
function addCosts(costs: CostBreakdown[]): CostBreakdown {
  const keys = ["requests", "compute", "init", "provisioned", "ephemeralStorage", "snapStart", "frontDoor", "total"] as const;
  const out = {} as CostBreakdown;
  for (const k of keys) out[k] = sumCents(costs.map((c) => c[k]));
  // Managed-instance lines appear in the total only when some function has them.
  if (costs.some((c) => c.instances !== undefined)) {
    out.instances = sumCents(costs.map((c) => c.instances ?? 0));
    out.managementFee = sumCents(costs.map((c) => c.managementFee ?? 0));
  }
  return out;
}
