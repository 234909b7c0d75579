import { ceilToStep } from "./billing-step.js";
import type { PriceCatalog } from "./catalog/types.js";

/** GB-seconds of `billedMs` milliseconds at `memoryMB`, with AWS's 1 GB = 1024 MB (`lambda.duration.gbDefinition`). */
export function gbSeconds(billedMs: number, memoryMB: number, catalog: PriceCatalog): number {
  return (billedMs / 1000) * (memoryMB / catalog.lambda.mbPerGb.value);
}

/**
 * Billed milliseconds of `requests` invocations that each last `durationMs`: each is rounded up to the
 * billing granularity (1 ms, `lambda.duration.billingGranularityMs`), as AWS bills per invocation.
 * @example
 * billedMsFromAverage(3_000_000, 120, US_EAST_1) // 360_000_000
 */
export function billedMsFromAverage(requests: number, durationMs: number, catalog: PriceCatalog): number {
  return requests * ceilToStep(durationMs, catalog.lambda.billingGranularityMs.value);
}
