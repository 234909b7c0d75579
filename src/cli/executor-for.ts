import { BullMqExecutor, PiscinaExecutor, type Executor, type TraceCarrier, type WorkerModule } from "../parallel/index.js";

/** Where and how a command's simulations run: local threads, or the workers of a Redis server. */
export interface ExecutorChoice {
  /** Worker threads (≥ 1) of the local pool; unused with `redisUrl`. */
  workers: number;
  pointTimeoutMs: number | null;
  /** The Redis server whose `lambdasim worker`s run the tasks; null: a local Piscina pool. */
  redisUrl: string | null;
}

/** The executor of `worker`'s tasks: a BullMqExecutor on `redisUrl` when set, else a Piscina pool. */
export function executorFor<T extends { id: number } & TraceCarrier, O>(worker: WorkerModule<T, O>, choice: ExecutorChoice): Executor<T, O> {
  if (choice.redisUrl !== null) return new BullMqExecutor(worker, { redisUrl: choice.redisUrl, pointTimeoutMs: choice.pointTimeoutMs });
  return new PiscinaExecutor(worker, { workers: choice.workers, pointTimeoutMs: choice.pointTimeoutMs });
}
