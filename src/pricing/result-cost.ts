import type { FunctionConfig } from "../platform/config.js";
import type { CostBreakdown, FunctionResult, Result } from "../platform/result.js";
import type { PriceCatalog } from "./catalog/types.js";
import { costSummary } from "./cost-summary.js";
import { freeTierAllowance, type FreeTierAllowance } from "./free-tier.js";
import type { FrontDoor } from "./front-door.js";
import { gbSeconds } from "./gb-seconds.js";
import { initIsBilled } from "./init-billing.js";
import { lambdaBill } from "./lambda-bill.js";
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

/** The simulated usage of one function as the pricing layer reads it. */
export function usageOf(fr: FunctionResult, fc: FunctionConfig, catalog: PriceCatalog, date: string): LambdaUsage {
  const u = fr.usage;
  const usage: LambdaUsage = {
    architecture: fc.architecture,
    memoryMB: fc.memoryMB,
    requests: u.requests - u.provisionedRequests,
    billedMs: u.billedDurationMs - u.provisionedBilledDurationMs,
    ephemeralStorageMB: fc.ephemeralStorageMB,
  };
  if (initIsBilled({ packageType: fc.packageType, runtime: fc.runtime, date }, catalog)) usage.initBilledMs = u.initBilledMs;
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
 * Adds `cost` {window, monthly} to every function and the total of a result, in dollars. The
 * window is billed as it ran (no free tier); the month projects the window's usage to
 * `monthHours` and applies the free tier once for the account, function by function in scenario
 * order. Volume tiers apply per function (they start past 6 billion GB-s a month). Returns a copy.
 */
export function withCost(result: Result, functions: FunctionConfig[], catalog: PriceCatalog, options: PricingOptions): Result {
  const windowSeconds = result.horizonSeconds - result.warmupSeconds;
  const monthSeconds = options.monthHours * 3600;
  let free: FreeTierAllowance = freeTierAllowance(options.freeTier, catalog);
  const out: Result = { ...result, functions: { ...result.functions } };
  const windows: CostBreakdown[] = [];
  const months: CostBreakdown[] = [];
  for (const fc of functions) {
    const fr = result.functions[fc.name]!;
    const usage = usageOf(fr, fc, catalog, options.date);
    const bill = { frontDoor: options.frontDoor, savingsPlan: options.savingsPlan };
    const window = costSummary(lambdaBill(usage, catalog, { ...bill, freeTier: false }));
    const monthlyUsage = projectUsage(usage, windowSeconds, monthSeconds);
    const monthly = costSummary(lambdaBill(monthlyUsage, catalog, { ...bill, freeTier: free }));
    free = remainingFreeTier(free, monthlyUsage, catalog);
    out.functions[fc.name] = { ...fr, cost: { window, monthly } };
    windows.push(window);
    months.push(monthly);
  }
  out.total = { ...result.total, cost: { window: addCosts(windows), monthly: addCosts(months) } };
  return out;
}

/** What is left of the free tier after a function's month (requests and GB-s of on-demand duration). */
function remainingFreeTier(free: FreeTierAllowance, usage: LambdaUsage, catalog: PriceCatalog): FreeTierAllowance {
  return {
    requests: Math.max(0, free.requests - usage.requests - (usage.provisioned?.requests ?? 0)),
    gbSeconds: Math.max(0, free.gbSeconds - gbSeconds(usage.billedMs + (usage.initBilledMs ?? 0), usage.memoryMB, catalog)),
    streamingGB: free.streamingGB,
  };
}

/** Line-by-line sum of cost breakdowns, to the cent. */
function addCosts(costs: CostBreakdown[]): CostBreakdown {
  const keys = ["requests", "compute", "init", "provisioned", "ephemeralStorage", "snapStart", "frontDoor", "total"] as const;
  const out = {} as CostBreakdown;
  for (const k of keys) out[k] = sumCents(costs.map((c) => c[k]));
  return out;
}
