import type { Architecture } from "../platform/config.js";
import type { PriceCatalog } from "./catalog/types.js";
import { freeTierAllowance, type FreeTierAllowance } from "./free-tier.js";
import { gbSeconds } from "./gb-seconds.js";
import { lambdaBill, type BillOptions, type LambdaBill } from "./lambda-bill.js";
import { tieredCost } from "./tiers.js";
import type { LambdaUsage } from "./usage.js";

/**
 * The bills of one account's functions for the same month (or window), one per usage, in order. The free
 * tier (`options.freeTier`, the account's) is used up function by function in order. Volume tiers are per
 * account, Region, architecture and month (aws-pricing.json `lambda.duration.tierAggregation`): the on-demand
 * duration and INIT GB-s of all functions on an architecture go through its tiers once, free GB-s first,
 * and each function pays that cost in proportion to its billable GB-s (see `onDemandRates`). Each bill's
 * lines are rounded to the cent on their own (half up), so the functions' lines sum to an account total
 * that can differ from the combined cost rounded once by up to half a cent per compute or INIT line.
 * Cost: O(functions × tiers).
 * @example
 * // two x86_64 functions of 4e9 GB-s: 6e9 GB-s at the first tier's price + 2e9 at the second's, half each
 * accountBills([fourBillion, fourBillion], US_EAST_1).map((b) => b.lineItems.compute) // [65000.1, 65000.1]
 */
export function accountBills(usages: readonly LambdaUsage[], catalog: PriceCatalog, options: BillOptions = {}): LambdaBill[] {
  const frees: FreeTierAllowance[] = [];
  let free = freeTierAllowance(options.product === "edge" ? false : options.freeTier, catalog);
  for (const u of usages) {
    frees.push(free);
    free = remainingFreeTier(free, u, catalog);
  }
  // Allocation: a function pays its architecture's tiered cost × its billable GB-s ÷ the architecture's.
  const rates = options.product === "edge" ? undefined : onDemandRates(usages, frees, catalog);
  return usages.map((u, i) => lambdaBill(u, catalog, { ...options, freeTier: frees[i]!, onDemandRate: rates?.[u.architecture] }));
}

/**
 * USD per billable on-demand GB-s of each architecture: the tiered cost of the architecture's combined GB-s
 * (invocations then INIT, as `lambdaBill` adds them) with the free GB-s its functions used at the start of
 * the month, divided by its billable GB-s (0 where nothing is billable).
 */
function onDemandRates(usages: readonly LambdaUsage[], frees: readonly FreeTierAllowance[], catalog: PriceCatalog): Record<Architecture, number> {
  const used = { x86_64: 0, arm64: 0 };
  const freeUsed = { x86_64: 0, arm64: 0 };
  const billable = { x86_64: 0, arm64: 0 };
  usages.forEach((u, i) => {
    const gbs = gbSeconds(u.billedMs, u.memoryMB, catalog) + gbSeconds(u.initBilledMs ?? 0, u.memoryMB, catalog);
    const free = frees[i]!.gbSeconds;
    used[u.architecture] += gbs;
    freeUsed[u.architecture] += Math.min(free, gbs);
    billable[u.architecture] += Math.max(gbs, free) - free; // what lambdaBill bills of this function at the rate
  });
  const rate = (a: Architecture) =>
    billable[a] > 0 ? tieredCost(catalog.lambda.duration[a].tiers, freeUsed[a], used[a]) / billable[a] : 0;
  return { x86_64: rate("x86_64"), arm64: rate("arm64") };
}

/** What is left of the free tier after a function's usage (requests and GB-s of on-demand duration and INIT). */
function remainingFreeTier(free: FreeTierAllowance, usage: LambdaUsage, catalog: PriceCatalog): FreeTierAllowance {
  return {
    requests: Math.max(0, free.requests - usage.requests - (usage.provisioned?.requests ?? 0)),
    gbSeconds: Math.max(0, free.gbSeconds - gbSeconds(usage.billedMs + (usage.initBilledMs ?? 0), usage.memoryMB, catalog)),
    streamingGB: free.streamingGB,
  };
}
