import type { SweepTask, TaskOutcome } from "./sweep-task.js";

/** How a run of tasks ended: every task reported, or stopped early by the signal. */
export interface ExecutorRun {
  /** Tasks whose outcome was reported through `onResult`. */
  reported: number;
  interrupted: boolean;
}

/** Options of `Executor.run`. */
export interface ExecutorRunOptions {
  /** Called once per finished task, in completion order (not task order). */
  onResult: (outcome: TaskOutcome) => void;
  /** Aborting stops dispatching and cancels running tasks; `run` then resolves with `interrupted: true`. */
  signal?: AbortSignal;
}

/**
 * Runs independent sweep tasks somewhere (worker threads here; a job queue such as BullMQ later) and
 * reports each outcome. A task's failure is an outcome, never a rejection of `run`.
 */
export interface Executor {
  run(tasks: readonly SweepTask[], options: ExecutorRunOptions): Promise<ExecutorRun>;
  /** Releases workers; the executor is unusable afterwards. */
  close(): Promise<void>;
}
