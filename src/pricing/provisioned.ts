import { ceilToStep } from "./billing-step.js";
import type { PriceCatalog } from "./catalog/types.js";
import type { ProvisionedAllocation } from "./usage.js";

/**
 * Seconds AWS meters for provisioned concurrency configured `seconds` long: rounded up to the next
 * 5 minutes (`lambda.provisionedConcurrency.meteringRoundingMinutes`).
 * @example
 * meteredProvisionedSeconds(301, US_EAST_1) // 600
 */
export function meteredProvisionedSeconds(seconds: number, catalog: PriceCatalog): number {
  return ceilToStep(seconds, catalog.lambda.provisioned.meteringRoundingMinutes.value * 60);
}

/** Provisioned GB-s of some allocations at `memoryMB`: Σ concurrency × memory (GB) × metered seconds. */
export function provisionedGbSeconds(allocations: readonly ProvisionedAllocation[], memoryMB: number, catalog: PriceCatalog): number {
  const gb = memoryMB / catalog.lambda.mbPerGb.value;
  let total = 0;
  for (const a of allocations) total += a.concurrency * gb * meteredProvisionedSeconds(a.seconds, catalog);
  return total;
}
