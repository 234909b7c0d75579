import { simulate } from "../platform/simulate.js";
import { withCost } from "../pricing/index.js";
import type { PricedOutcome, PricedTask } from "./priced-task.js";
import { inTaskScope } from "./task-scope.js";

/**
 * Runs one priced task where it is called (a worker thread, or the main thread): simulate with a
 * trace-file opener, then price. Never throws: an error becomes a failed outcome with its message.
 */
export function runPricedTask(task: PricedTask): PricedOutcome {
  return inTaskScope(task.id, task, (catalog, openTrace) => ({
    id: task.id,
    ok: true as const,
    result: withCost(simulate(task.sim, { openTrace }), task.sim.functions, catalog, task.pricing),
  }));
}
