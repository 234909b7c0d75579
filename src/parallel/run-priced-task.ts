import { simulate } from "../platform/simulate.js";
import { catalogFor, withCost } from "../pricing/index.js";
import { traceFileScope } from "../scenario/trace-file.js";
import type { PricedOutcome, PricedTask } from "./priced-task.js";

/**
 * Runs one priced task where it is called (a worker thread, or the main thread): simulate with a
 * trace-file opener, then price. Never throws: an error becomes a failed outcome with its message.
 */
export function runPricedTask(task: PricedTask): PricedOutcome {
  const traces = traceFileScope();
  try {
    const catalog = catalogFor(task.region);
    if (catalog === undefined) return { id: task.id, ok: false, error: `no price catalog for region ${task.region}`, timedOut: false };
    return { id: task.id, ok: true, result: withCost(simulate(task.sim, { openTrace: traces.open }), task.sim.functions, catalog, task.pricing) };
  } catch (err) {
    return { id: task.id, ok: false, error: err instanceof Error ? err.message : String(err), timedOut: false };
  } finally {
    traces.closeAll();
  }
}
