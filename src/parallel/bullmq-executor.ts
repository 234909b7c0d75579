import { randomUUID } from "node:crypto";
import { Queue, QueueEvents } from "bullmq";
import type { Executor, ExecutorRun, ExecutorRunOptions, TaskFailure } from "./executor.js";
import { withAbsoluteTraceFiles, type TraceCarrier } from "./portable-task.js";
import { REDIS_LOST_AFTER_MS, redisConnection, TASK_QUEUE, within } from "./redis-queue.js";
import type { WorkerModule } from "./worker-modules.js";

/** Options of the Redis executor. */
export interface BullMqExecutorOptions {
  /** The Redis server (redis:// or rediss://) that `lambdasim worker` processes consume. */
  redisUrl: string;
  /** A job active longer than this is reported timed out (it still finishes on its worker); null: no limit. */
  pointTimeoutMs: number | null;
  /** Redis silent this long during a run fails the run's unfinished tasks (default REDIS_LOST_AFTER_MS). */
  lostAfterMs?: number;
  /**
   * Called once (per executor) when no job of a run has started `noWorkerAfterMs` after the run began:
   * `workers` is how many workers Redis lists on the queue (0: none is listening), or null when Redis
   * will not say (CLIENT LIST refused). The run keeps waiting.
   */
  onNoWorker?: (workers: number | null) => void;
  /** Default NO_WORKER_AFTER_MS. */
  noWorkerAfterMs?: number;
}

/** How long a run waits for its first job to start before asking whether any worker listens, ms. */
export const NO_WORKER_AFTER_MS = 5000;

/** Jobs added to Redis per round trip. */
const ADD_CHUNK = 500;

/** Longest wait for Redis when cleaning up (removing waiting jobs, closing connections), ms. */
const CLEANUP_MS = 3000;

/** What the executor does when a job of a run becomes active or ends. */
interface JobWatch {
  active(): void;
  /** The job's outcome (it ran: its own outcome, or the processor failed: `failedReason`). */
  finished(outcome: unknown, failedReason: string | null): void;
}

/**
 * Runs the tasks of one worker module as BullMQ jobs on TASK_QUEUE (job name: the module's kind,
 * data: the task as JSON, trace paths made absolute), for `lambdasim worker` processes to run, and
 * reports each outcome as its `completed` event arrives. A failed job becomes a failed outcome; a
 * job active past `pointTimeoutMs` is reported timed out. Aborting removes the run's waiting jobs.
 */
export class BullMqExecutor<T extends { id: number } & TraceCarrier, O> implements Executor<T, O> {
  private readonly queue: Queue;
  /** The event reader, started on first use from the stream's last id, so no event of ours is missed. */
  private events: Promise<QueueEvents> | null = null;
  /** Unfinished jobs of every run, by job id. */
  private readonly watches = new Map<string, JobWatch>();
  /** Prefix of this executor's job ids: unique across clients sharing the queue. */
  private readonly prefix = `lambdasim-${randomUUID()}`;
  private runs = 0;
  /** Whether onNoWorker was called (it is said once). */
  private warnedNoWorker = false;

  constructor(
    private readonly worker: WorkerModule<T, O>,
    private readonly options: BullMqExecutorOptions,
  ) {
    this.queue = new Queue(TASK_QUEUE, { connection: redisConnection(options.redisUrl) });
    // Connection errors surface as failed commands; without a listener an EventEmitter would throw.
    this.queue.on("error", () => {});
  }

  async run(tasks: readonly T[], { onResult, signal }: ExecutorRunOptions<O>): Promise<ExecutorRun> {
    if (signal?.aborted || tasks.length === 0) return { reported: 0, interrupted: signal?.aborted === true };
    await this.startEvents();
    const run = ++this.runs;
    const jobId = (task: T) => `${this.prefix}-${run}-${task.id}`;
    const timers = new Set<NodeJS.Timeout>();
    let reported = 0;
    let done = false;
    let started = false;

    return new Promise<ExecutorRun>((resolve) => {
      const finish = async (interrupted: boolean) => {
        if (done) return;
        done = true;
        signal?.removeEventListener("abort", onAbort);
        clearInterval(health);
        clearTimeout(idle);
        for (const t of timers) clearTimeout(t);
        const left = tasks.map(jobId).filter((id) => this.watches.delete(id));
        await this.removeWaiting(left);
        resolve({ reported, interrupted });
      };
      const onAbort = () => void finish(true);
      const report = (id: string, outcome: O | TaskFailure) => {
        if (done || !this.watches.delete(id)) return;
        reported++;
        onResult(outcome);
        if (reported === tasks.length) void finish(false);
      };
      for (const task of tasks) {
        const id = jobId(task);
        this.watches.set(id, {
          active: () => {
            started = true;
            const ms = this.options.pointTimeoutMs;
            if (ms === null) return;
            const timer = setTimeout(() => {
              timers.delete(timer);
              report(id, { id: task.id, ok: false, error: `no result within --point-timeout (${ms} ms)`, timedOut: true });
            }, ms);
            timers.add(timer);
          },
          finished: (outcome, failedReason) => {
            started = true;
            report(id, failedReason === null ? (outcome as O) : { id: task.id, ok: false, error: `worker failed: ${failedReason}`, timedOut: false });
          },
        });
      }
      // A lost Redis would leave the run waiting for events that never come: ping it, and after
      // `lostAfterMs` without an answer report every unfinished task as failed.
      const lostAfterMs = this.options.lostAfterMs ?? REDIS_LOST_AFTER_MS;
      const every = Math.max(100, Math.min(5000, Math.floor(lostAfterMs / 3)));
      let lastAnswer = Date.now();
      const health = setInterval(() => {
        void within(this.ping(), every, false).then((ok) => {
          if (ok) lastAnswer = Date.now();
          else if (Date.now() - lastAnswer >= lostAfterMs) {
            const error = `lost the connection to Redis (${this.options.redisUrl}): no answer for ${Math.round((Date.now() - lastAnswer) / 1000)} s`;
            for (const task of tasks) report(jobId(task), { id: task.id, ok: false, error, timedOut: false });
          }
        });
      }, every);
      // Jobs wait in Redis for a worker: when none has started one after a while, ask Redis whether any listens.
      const idle = setTimeout(() => {
        if (started || done || this.warnedNoWorker || this.options.onNoWorker === undefined) return;
        void within(this.queue.getWorkersCount(), CLEANUP_MS, null).catch(() => null).then((workers) => {
          if (started || done || this.warnedNoWorker) return;
          this.warnedNoWorker = true;
          this.options.onNoWorker?.(workers);
        });
      }, this.options.noWorkerAfterMs ?? NO_WORKER_AFTER_MS);
      signal?.addEventListener("abort", onAbort, { once: true });
      void this.addJobs(tasks, jobId, signal);
    });
  }

  /** Whether Redis answers a PING (false on any error). */
  private async ping(): Promise<boolean> {
    try {
      const client = (await this.queue.backend.client) as unknown as { ping(): Promise<string> };
      return (await client.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  /** Adds the run's jobs in chunks, stopping when `signal` aborts. */
  private async addJobs(tasks: readonly T[], jobId: (task: T) => string, signal: AbortSignal | undefined): Promise<void> {
    const cwd = process.cwd();
    for (let i = 0; i < tasks.length && !signal?.aborted; i += ADD_CHUNK) {
      await this.queue.addBulk(
        tasks.slice(i, i + ADD_CHUNK).map((task) => ({
          name: this.worker.kind,
          data: withAbsoluteTraceFiles(task, cwd),
          // One attempt: a retried job could report twice. Finished jobs leave Redis; their events carry the outcome.
          opts: { jobId: jobId(task), attempts: 1, removeOnComplete: true, removeOnFail: true },
        })),
      );
    }
  }

  /** Removes jobs that no worker has taken yet; an active one cannot be removed and removes itself when it ends. */
  private async removeWaiting(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += ADD_CHUNK) {
      // Bounded: with Redis gone the commands would wait in the client's offline queue for ever.
      await within(Promise.all(ids.slice(i, i + ADD_CHUNK).map((id) => this.queue.remove(id).catch(() => 0))), CLEANUP_MS, []);
    }
  }

  /** Starts reading the queue's events after the stream's current last entry (once). */
  private startEvents(): Promise<QueueEvents> {
    this.events ??= (async () => {
      const client = (await this.queue.backend.client) as unknown as { xrevrange(key: string, end: string, start: string, count: "COUNT", n: number): Promise<Array<[string, string[]]>> };
      const last = await client.xrevrange(this.queue.keys.events!, "+", "-", "COUNT", 1);
      const events = new QueueEvents(TASK_QUEUE, { connection: redisConnection(this.options.redisUrl), lastEventId: last[0]?.[0] ?? "0" });
      events.on("error", () => {});
      events.on("active", ({ jobId }) => this.watches.get(jobId)?.active());
      events.on("completed", ({ jobId, returnvalue }) => this.watches.get(jobId)?.finished(returnvalue, null));
      events.on("failed", ({ jobId, failedReason }) => this.watches.get(jobId)?.finished(null, failedReason));
      await events.waitUntilReady();
      return events;
    })();
    return this.events;
  }

  /** Closes the Redis connections; the run's jobs are already gone (finished ones remove themselves). */
  async close(): Promise<void> {
    const events = this.events;
    this.events = null;
    const closed = await within(Promise.all([events?.then((e) => e.close()).catch(() => {}), this.queue.close()]).then(() => true), CLEANUP_MS, false);
    // Redis gone: a graceful close waits for it; cut the sockets so their reconnecting keeps nothing alive.
    if (!closed) {
      await within(Promise.all([events?.then((e) => e.disconnect()), this.queue.disconnect()]).then(() => undefined), CLEANUP_MS, undefined);
    }
  }
}
