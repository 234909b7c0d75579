/**
 * `parallel/`: runs independent simulations in worker threads behind one `Executor` interface,
 * isolating failures and timeouts: sweep tasks send back small summaries, priced tasks their whole
 * priced result (never event logs).
 */
export { METRICS, type Metric, type SweepTask, type TaskSummary, type TaskOutcome } from "./sweep-task.js";
export type { PricedTask, PricedOutcome } from "./priced-task.js";
export type { Executor, ExecutorRun, ExecutorRunOptions, TaskFailure } from "./executor.js";
export { PiscinaExecutor, type PiscinaExecutorOptions } from "./piscina-executor.js";
export { SWEEP_WORKER, PRICED_WORKER, type WorkerModule } from "./worker-modules.js";
export { InlineExecutor } from "./inline-executor.js";
export { runTask } from "./run-task.js";
export { runPricedTask } from "./run-priced-task.js";
