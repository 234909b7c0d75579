/** How a run of tasks ended: every task reported, or stopped early by the signal. */
export interface ExecutorRun {
  /** Tasks whose outcome was reported through `onResult`. */
  reported: number;
  interrupted: boolean;
}

/** The end of a task that has no result: it threw, its worker died, or it passed --point-timeout. */
export interface TaskFailure {
  id: number;
  ok: false;
  error: string;
  timedOut: boolean;
}

/** Options of `Executor.run`, for outcomes of type `O` (a task's own outcome, or a failure the executor made up). */
export interface ExecutorRunOptions<O> {
  /** Called once per finished task, in completion order (not task order). */
  onResult: (outcome: O | TaskFailure) => void;
  /** Aborting stops dispatching and cancels running tasks; `run` then resolves with `interrupted: true`. */
  signal?: AbortSignal;
}

/**
 * Runs independent tasks `T` (each with its `id`) somewhere (worker threads here; a job queue such as
 * BullMQ later) and reports each outcome `O`. A task's failure is an outcome, never a rejection of `run`.
 */
export interface Executor<T extends { id: number }, O> {
  run(tasks: readonly T[], options: ExecutorRunOptions<O>): Promise<ExecutorRun>;
  /** Releases workers; the executor is unusable afterwards. */
  close(): Promise<void>;
}
