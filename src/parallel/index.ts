/**
 * `parallel/`: runs independent simulations (sweep tasks) in worker threads behind one `Executor`
 * interface, isolating failures and timeouts; small summaries come back, never event logs.
 */
export { METRICS, type Metric, type SweepTask, type TaskSummary, type TaskOutcome } from "./sweep-task.js";
export type { Executor, ExecutorRun, ExecutorRunOptions } from "./executor.js";
export { PiscinaExecutor, type PiscinaExecutorOptions } from "./piscina-executor.js";
export { InlineExecutor } from "./inline-executor.js";
export { runTask } from "./run-task.js";
