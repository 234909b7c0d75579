import type { TaskFailure } from "./executor.js";
import type { PricedTask } from "./priced-task.js";

/**
 * One independent simulation of a sweep: a resolved scenario (its seed set for the replication) and
 * what pricing needs. A plain, structured-cloneable value: it crosses to a worker thread, and could
 * go to another machine (DESIGN.md "Beyond one machine").
 */
export interface SweepTask extends PricedTask {
  /** Index of the sweep point (a combination of axis values). */
  point: number;
  replication: number;
  /** Summarise this function's results instead of the account's `total` (tuners); absent: the total. */
  focus?: string;
}

/** Metrics kept from each simulation (account totals, `total` of result.json, or the task's `focus` function), in report order. */
export const METRICS = [
  "invocations",
  "throttleRate",
  "coldStartRate",
  "timeoutRate",
  "p50Ms",
  "p99Ms",
  "p99ColdMs",
  "concurrencyPeak",
  "concurrencyMean",
  "monthlyCost",
] as const;
export type Metric = (typeof METRICS)[number];

/** What a task sends back: a few numbers, never the event log (null where a metric is undefined, e.g. no cold starts). */
export interface TaskSummary {
  metrics: Record<Metric, number | null>;
  /** Events the engine processed (benchmarks check the work they timed). */
  events: number;
}

/** The end of one task: its summary, or why it has none (the simulation threw, or passed --point-timeout). */
export type TaskOutcome = { id: number; ok: true; summary: TaskSummary } | TaskFailure;
