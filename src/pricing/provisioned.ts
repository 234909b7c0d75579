import type { PriceCatalog } from "./catalog/types.js";
import type { ProvisionedAllocation } from "./usage.js";

/**
 * Seconds AWS meters for provisioned concurrency configured `seconds` long: rounded up to the next
 * 5 minutes (`lambda.provisionedConcurrency.meteringRoundingMinutes`).
 * @example
 * meteredProvisionedSeconds(301, US_EAST_1) // 600
 */
export function meteredProvisionedSeconds(seconds: number, catalog: PriceCatalog): number {
  const step = catalog.lambda.provisioned.meteringRoundingMinutes.value * 60;
  // Cut to 12 significant digits first, so that 28,800.000000001 s (binary noise) stays 96 steps.
  return Math.ceil(Number((seconds / step).toPrecision(12))) * step;
}

/** Provisioned GB-s of some allocations at `memoryMB`: Σ concurrency × memory (GB) × metered seconds. */
export function provisionedGbSeconds(allocations: readonly ProvisionedAllocation[], memoryMB: number, catalog: PriceCatalog): number {
  const gb = memoryMB / catalog.lambda.mbPerGb.value;
  let total = 0;
  for (const a of allocations) total += a.concurrency * gb * meteredProvisionedSeconds(a.seconds, catalog);
  return total;
}
