import { Piscina } from "piscina";
import type { Executor, ExecutorRun, ExecutorRunOptions, TaskFailure } from "./executor.js";
import { Slots } from "./slots.js";
import type { WorkerModule } from "./worker-modules.js";

/** Options of the worker-thread executor. */
export interface PiscinaExecutorOptions {
  /** Worker threads (≥ 1). */
  workers: number;
  /** A task running longer than this is aborted (its worker is terminated) and reported; null: no limit. */
  pointTimeoutMs: number | null;
}

/**
 * Runs the tasks of one worker module (e.g. `SWEEP_WORKER`) on a Piscina pool of worker threads. At
 * most `workers` tasks are handed to the pool at once, across concurrent runs too, so a task's timeout
 * counts its own run, not its wait, and an abort stops dispatch at once. A task that throws, times
 * out, or kills its worker becomes a failed outcome; the others go on.
 */
export class PiscinaExecutor<T extends { id: number }, O> implements Executor<T, O> {
  private readonly pool: Piscina;
  /** The pool's workers, shared by concurrent `run`s. */
  private readonly slots: Slots;

  constructor(
    worker: WorkerModule<T, O>,
    private readonly options: PiscinaExecutorOptions,
  ) {
    this.pool = new Piscina({
      filename: worker.url.href,
      minThreads: options.workers,
      maxThreads: options.workers,
      // Workers are kept for the whole run of the command.
      idleTimeout: 60_000,
    });
    this.slots = new Slots(options.workers);
  }

  run(tasks: readonly T[], { onResult, signal }: ExecutorRunOptions<O>): Promise<ExecutorRun> {
    const cancel = new AbortController();
    const onAbort = () => cancel.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    let next = 0;
    let running = 0;
    let reported = 0;

    return new Promise<ExecutorRun>((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        signal?.removeEventListener("abort", onAbort);
        resolve({ reported, interrupted: signal?.aborted === true });
      };
      const dispatch = () => {
        while (!cancel.signal.aborted && running < this.options.workers && next < tasks.length) {
          const task = tasks[next++]!;
          running++;
          this.runOne(task, cancel.signal).then((outcome) => {
            running--;
            // After an interrupt, tasks cut short are not results: only finished ones are reported.
            if (outcome !== null) {
              reported++;
              onResult(outcome);
            }
            if (running === 0 && (cancel.signal.aborted || next >= tasks.length)) finish();
            else dispatch();
          });
        }
        if (running === 0) finish();
      };
      if (signal?.aborted) finish();
      else dispatch();
    });
  }

  /** One task's outcome, or null when it was cancelled by the run's signal. */
  private async runOne(task: T, cancel: AbortSignal): Promise<O | TaskFailure | null> {
    if (!(await this.slots.acquire(cancel))) return null;
    try {
      return await this.runInSlot(task, cancel);
    } finally {
      this.slots.release();
    }
  }

  /** `runOne` once a worker is free: the timeout starts now. */
  private async runInSlot(task: T, cancel: AbortSignal): Promise<O | TaskFailure | null> {
    const timeoutMs = this.options.pointTimeoutMs;
    const timeout = timeoutMs === null ? null : AbortSignal.timeout(timeoutMs);
    const taskSignal = timeout === null ? cancel : AbortSignal.any([cancel, timeout]);
    try {
      return (await this.pool.run(task, { signal: taskSignal })) as O;
    } catch (err) {
      if (cancel.aborted) return null;
      if (timeout?.aborted) return { id: task.id, ok: false, error: `no result within --point-timeout (${timeoutMs} ms)`, timedOut: true };
      return { id: task.id, ok: false, error: `worker failed: ${err instanceof Error ? err.message : String(err)}`, timedOut: false };
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
