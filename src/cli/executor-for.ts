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
  const url = choice.redisUrl;
  if (url !== null) {
    const onNoWorker = (workers: number | null) => process.stderr.write(noWorkerLine(url, workers));
    return new BullMqExecutor(worker, { redisUrl: url, pointTimeoutMs: choice.pointTimeoutMs, onNoWorker });
  }
  return new PiscinaExecutor(worker, { workers: choice.workers, pointTimeoutMs: choice.pointTimeoutMs });
}

/** The stderr line when no simulation has started on Redis a few seconds into a run: who listens, and how to start a worker. */
export function noWorkerLine(url: string, workers: number | null): string {
  const start = `start one with \`lambdasim worker --redis ${url}\``;
  const listening =
    workers === 0
      ? `no \`lambdasim worker\` is listening on ${url}`
      : workers === null
        ? `no simulation has started on ${url} yet (is a \`lambdasim worker\` running?)`
        : `${workers} worker${workers === 1 ? " is" : "s are"} listening on ${url} but none has started a simulation yet (busy with other jobs?)`;
  return `lambdasim: ${listening}; ${start}; still waiting (Ctrl-C stops)\n`;
}
