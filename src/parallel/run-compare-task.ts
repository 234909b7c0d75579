import { compareSide } from "./compare-point.js";
import type { CompareOutcome, CompareTask } from "./compare-task.js";
import { inTaskScope } from "./task-scope.js";

/**
 * Runs one compare task where it is called (a worker thread, or the main thread): `compareSide`
 * with a trace-file opener. Never throws: an error becomes a failed outcome with its message.
 */
export function runCompareTask(task: CompareTask): CompareOutcome {
  const { id, region, catalogOverlay, side, arrivals, seed, ...setup } = task;
  return inTaskScope(id, { region, catalogOverlay }, (catalog, openTrace) => ({ id, ok: true as const, result: compareSide({ ...setup, catalog, openTrace }, { side, arrivals, seed }) }));
}
