import type { CompareSetup, SideOutcome, SideRequest } from "./compare-point.js";
import type { TaskFailure } from "./executor.js";
import type { CatalogOverlay } from "../pricing/catalog/overlay.js";

/**
 * What every comparison of one `compare` shares: its setup, with the catalog's region in place of the
 * catalog and no trace opener (the worker opens trace files itself).
 */
export interface CompareBase extends Omit<CompareSetup, "catalog" | "openTrace"> {
  /** Region of the price catalog. */
  region: string;
  /** The user's price file over the region's catalog (`pricing.catalog`), if any. */
  catalogOverlay?: CatalogOverlay | null;
}

/**
 * One side of a comparison (Lambda or a fleet on one traffic and seed) to simulate: a plain,
 * structured-cloneable value that crosses to a worker thread.
 */
export interface CompareTask extends CompareBase, SideRequest {
  /** Position in the task list; outcomes are matched back by it. */
  id: number;
}

/** The end of a compare task: its side's outcome, or why there is none. */
export type CompareOutcome = { id: number; ok: true; result: SideOutcome } | TaskFailure;
