import { runPricedTask } from "./run-priced-task.js";
import type { SweepTask, TaskOutcome } from "./sweep-task.js";

/**
 * Runs one sweep task where it is called (a worker thread, or the main thread): the priced run of
 * `runPricedTask`, cut to the summary. Never throws: an error becomes an outcome with its message.
 */
export function runTask(task: SweepTask): TaskOutcome {
  const priced = runPricedTask(task);
  if (!priced.ok) return priced;
  const result = priced.result;
  const t = task.focus === undefined ? result.total : result.functions[task.focus];
  if (t === undefined) return { id: task.id, ok: false, error: `no function named ${task.focus}`, timedOut: false };
  return {
    id: task.id,
    ok: true,
    summary: {
      events: result.engine.events,
      metrics: {
        invocations: t.invocations,
        throttleRate: t.throttleRate,
        coldStartRate: t.coldStartRate,
        // Invocations cut by the function timeout, of those that arrived (null when none arrived).
        timeoutRate: t.invocations > 0 ? t.timedOut / t.invocations : null,
        p50Ms: t.latencyMs.p50,
        p99Ms: t.latencyMs.p99,
        p99ColdMs: t.latencyMs.cold.p99,
        concurrencyPeak: t.concurrency.peak,
        concurrencyMean: t.concurrency.mean,
        monthlyCost: t.cost?.monthly.total ?? null,
      },
    },
  };
}
