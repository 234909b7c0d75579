import type { SimConfig } from "../platform/config.js";
import type { Result } from "../platform/result.js";
import type { PricingOptions } from "../pricing/result-cost.js";
import type { CatalogOverlay } from "../pricing/catalog/overlay.js";
import type { TaskFailure } from "./executor.js";

/**
 * One independent simulation to price: a resolved scenario and what pricing needs. A plain,
 * structured-cloneable value: it crosses to a worker thread, and could go to another machine.
 */
export interface PricedTask {
  /** Position in the task list; outcomes are matched back by it. */
  id: number;
  sim: SimConfig;
  /** Region of the price catalog. */
  region: string;
  /** The user's price file over the region's catalog (`pricing.catalog`), if any. */
  catalogOverlay?: CatalogOverlay | null;
  pricing: PricingOptions;
}

/** The end of a priced task: the whole priced `Result` (series included, no event log), or why there is none. */
export type PricedOutcome = { id: number; ok: true; result: Result } | TaskFailure;
