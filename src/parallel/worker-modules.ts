import type { CompareOutcome, CompareTask } from "./compare-task.js";
import type { PricedOutcome, PricedTask } from "./priced-task.js";
import type { SweepTask, TaskOutcome } from "./sweep-task.js";

/** The kinds of task, and the names of their jobs on the Redis queue (JOB_WORKER's exports). */
export type JobKind = "sweep" | "priced" | "compare";

/**
 * A compiled worker module whose default export maps a task `T` to an outcome `O`. Piscina loads it
 * by URL; `run` is never set and only carries the types, so an executor built on it is typed.
 */
export interface WorkerModule<T, O> {
  readonly url: URL;
  /** Its tasks' kind: `lambdasim worker` runs them with JOB_WORKER's export of that name. */
  readonly kind: JobKind;
  readonly run?: (task: T) => O;
}

/**
 * A worker module's URL. Piscina loads JavaScript, so it is always the file in dist/: next to this
 * module once built, and the built copy when this module runs from its TypeScript source (vitest).
 */
function workerUrl(basename: string): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL(`../../dist/src/parallel/${basename}.js`, here) : new URL(`./${basename}.js`, here);
}

/** Sweep tasks to their summaries (`sweep`, `tune memory`). */
export const SWEEP_WORKER: WorkerModule<SweepTask, TaskOutcome> = { url: workerUrl("sweep-worker"), kind: "sweep" };

/** Priced tasks to their whole priced results (`tune provisioned`). */
export const PRICED_WORKER: WorkerModule<PricedTask, PricedOutcome> = { url: workerUrl("priced-worker"), kind: "priced" };

/** Compare tasks to their points: Lambda and the fleets on one traffic (`compare`). */
export const COMPARE_WORKER: WorkerModule<CompareTask, CompareOutcome> = { url: workerUrl("compare-worker"), kind: "compare" };

/** The module of `lambdasim worker`'s threads: a named export per JobKind (job-worker.ts). */
export const JOB_WORKER_URL: URL = workerUrl("job-worker");
