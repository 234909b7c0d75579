/** Piscina worker module: runs one compare task per call (loaded from dist/ as compiled JavaScript). */
import type { CompareOutcome, CompareTask } from "./compare-task.js";
import { runCompareTask } from "./run-compare-task.js";

export default function compareWorker(task: CompareTask): CompareOutcome {
  return runCompareTask(task);
}
