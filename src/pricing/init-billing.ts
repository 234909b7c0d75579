import type { PriceCatalog } from "./catalog/types.js";

/**
 * Whether the INIT phase of an on-demand cold start is billed on `date` (ISO `YYYY-MM-DD`): always for
 * container images and custom runtimes (`provided.*`), and for zip managed runtimes from 2025-08-01
 * (aws-pricing.json `lambda.initPhaseBilling`).
 * @example
 * initIsBilled({ packageType: "zip", runtime: "nodejs22.x", date: "2025-07-31" }, US_EAST_1) // false
 */
export function initIsBilled(fn: { packageType: "zip" | "image"; runtime: string; date: string }, catalog: PriceCatalog): boolean {
  if (fn.packageType === "image" || fn.runtime.startsWith("provided")) return true;
  return fn.date >= catalog.lambda.initBilledSince.value;
}
