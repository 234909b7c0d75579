/** Piscina worker module: runs one sweep task per call (loaded from dist/ as compiled JavaScript). */
import { runTask } from "./run-task.js";
import type { SweepTask, TaskOutcome } from "./sweep-task.js";

export default function sweepWorker(task: SweepTask): TaskOutcome {
  return runTask(task);
}
