import type { Executor, ExecutorRun, ExecutorRunOptions } from "./executor.js";
import { runTask } from "./run-task.js";
import type { SweepTask, TaskOutcome } from "./sweep-task.js";

/**
 * Runs tasks one after another in the calling thread: no workers, no timeout (a synchronous
 * simulation cannot be pre-empted); the signal is checked between tasks. For tests and tiny sweeps.
 */
export class InlineExecutor implements Executor<SweepTask, TaskOutcome> {
  async run(tasks: readonly SweepTask[], { onResult, signal }: ExecutorRunOptions<TaskOutcome>): Promise<ExecutorRun> {
    let reported = 0;
    for (const task of tasks) {
      if (signal?.aborted) return { reported, interrupted: true };
      onResult(runTask(task));
      reported++;
      await Promise.resolve();
    }
    return { reported, interrupted: false };
  }

  async close(): Promise<void> {}
}
