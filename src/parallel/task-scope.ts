import { catalogWith, type CatalogOverlay, type PriceCatalog } from "../pricing/index.js";
import { traceFileScope } from "../scenario/trace-file.js";
import type { TraceOpener } from "../workload/trace-source.js";
import type { TaskFailure } from "./executor.js";

/** Which prices a task is costed with: a region, and the user's price file over its catalog (if any). */
export interface TaskPrices {
  region: string;
  catalogOverlay?: CatalogOverlay | null;
}

/**
 * Runs one task's work where it is called (a worker thread, or the main thread) with the price
 * catalog of `prices` and a trace-file opener, closing the trace files after. Never throws: a region
 * without a catalog, or an error, becomes task `id`'s failed outcome with its message.
 */
export function inTaskScope<S>(id: number, prices: TaskPrices, work: (catalog: PriceCatalog, openTrace: TraceOpener) => S): S | TaskFailure {
  const traces = traceFileScope();
  const region = prices.region;
  try {
    const catalog = catalogWith(region, prices.catalogOverlay ?? null);
    if (catalog === undefined) return { id, ok: false, error: `no price catalog for region ${region}`, timedOut: false };
    return work(catalog, traces.open);
  } catch (err) {
    return { id, ok: false, error: err instanceof Error ? err.message : String(err), timedOut: false };
  } finally {
    traces.closeAll();
  }
}
