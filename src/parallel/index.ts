/**
 * `parallel/`: runs independent simulations in worker threads behind one `Executor` interface,
 * isolating failures and timeouts: sweep tasks send back small summaries, priced tasks their whole
 * priced result, compare tasks their comparison (never event logs).
 */
export { METRICS, type Metric, type SweepTask, type TaskSummary, type TaskOutcome } from "./sweep-task.js";
export type { PricedTask, PricedOutcome } from "./priced-task.js";
export type { CompareBase, CompareTask, CompareOutcome } from "./compare-task.js";
export type { Executor, ExecutorRun, ExecutorRunOptions, TaskFailure } from "./executor.js";
export { PiscinaExecutor, type PiscinaExecutorOptions } from "./piscina-executor.js";
export { SWEEP_WORKER, PRICED_WORKER, COMPARE_WORKER, JOB_WORKER_URL, type JobKind, type WorkerModule } from "./worker-modules.js";
export { InlineExecutor } from "./inline-executor.js";
export { runTask } from "./run-task.js";
export { runPricedTask } from "./run-priced-task.js";
export { runCompareTask } from "./run-compare-task.js";
export * from "./compare-point.js";
export * from "./managed-side.js";
export { BullMqExecutor, type BullMqExecutorOptions } from "./bullmq-executor.js";
export { TASK_QUEUE, reachRedis, redisConnection } from "./redis-queue.js";
export { withAbsoluteTraceFiles, type TraceCarrier } from "./portable-task.js";
