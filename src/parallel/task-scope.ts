import { catalogFor } from "../pricing/index.js";
import type { PriceCatalog } from "../pricing/catalog/types.js";
import { traceFileScope } from "../scenario/trace-file.js";
import type { TraceOpener } from "../workload/trace-source.js";
import type { TaskFailure } from "./executor.js";

/**
 * Runs one task's work where it is called (a worker thread, or the main thread) with the price
 * catalog of `region` and a trace-file opener, closing the trace files after. Never throws: a region
 * without a catalog, or an error, becomes task `id`'s failed outcome with its message.
 */
export function inTaskScope<S>(id: number, region: string, work: (catalog: PriceCatalog, openTrace: TraceOpener) => S): S | TaskFailure {
  const traces = traceFileScope();
  try {
    const catalog = catalogFor(region);
    if (catalog === undefined) return { id, ok: false, error: `no price catalog for region ${region}`, timedOut: false };
    return work(catalog, traces.open);
  } catch (err) {
    return { id, ok: false, error: err instanceof Error ? err.message : String(err), timedOut: false };
  } finally {
    traces.closeAll();
  }
}
