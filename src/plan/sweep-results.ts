import { formatIssue } from "../scenario/index.js";
import { METRICS, type Metric, type TaskOutcome } from "../parallel/index.js";
import { meanInterval, type MeanInterval } from "./confidence-interval.js";
import type { SweepPlan } from "./sweep-plan.js";

/** One finished point of a sweep: its axis values, and per metric the mean and 95 % interval across replications. */
export interface SweepPointResult {
  point: number;
  /** Axis path → value as written (`"functions.f.memoryMB": "1024"`). */
  values: Record<string, string>;
  status: "ok" | "failed";
  /** Why the point failed: scenario issues, or the failing replications' errors. */
  errors: string[];
  /** Null for a failed point; a metric is null when no replication defined it (e.g. p99 cold without cold starts). */
  metrics: Record<Metric, MeanInterval | null> | null;
}

/** The sweep's outcome (sweep.json without the run's wall-clock figures). */
export interface SweepResults {
  name: string;
  seed: number;
  horizonSeconds: number;
  replications: number;
  axes: Array<{ path: string; values: string[] }>;
  metrics: readonly Metric[];
  points: SweepPointResult[];
  failed: number;
  /** Points that had not finished when the sweep was interrupted (not in `points`). */
  notFinished: number;
  interrupted: boolean;
}

/**
 * Groups task outcomes by point, in point order (so the result does not depend on completion order
 * or worker count). A point is finished when it failed validation or every replication reported;
 * unfinished points (an interrupt) are counted, not listed. O(tasks + points × replications).
 */
export function sweepResults(plan: SweepPlan, outcomes: ReadonlyMap<number, TaskOutcome>, interrupted: boolean): SweepResults {
  const byPoint = new Map<number, TaskOutcome[]>();
  const expected = new Map<number, number>();
  for (const task of plan.tasks) {
    expected.set(task.point, (expected.get(task.point) ?? 0) + 1);
    const outcome = outcomes.get(task.id);
    if (outcome === undefined) continue;
    const list = byPoint.get(task.point) ?? [];
    list[task.replication] = outcome;
    byPoint.set(task.point, list);
  }

  const points: SweepPointResult[] = [];
  let notFinished = 0;
  for (const p of plan.points) {
    const values: Record<string, string> = {};
    plan.axes.forEach((axis, a) => (values[axis.path] = p.values[a]!.label));
    if (p.issues !== null) {
      points.push({ point: p.index, values, status: "failed", errors: p.issues.map((i) => formatIssue(i)), metrics: null });
      continue;
    }
    const list = (byPoint.get(p.index) ?? []).filter((o) => o !== undefined);
    if (list.length < (expected.get(p.index) ?? 0)) {
      notFinished++;
      continue;
    }
    const failures = list.flatMap((o, r) => (o.ok ? [] : [`replication ${r}: ${o.error}`]));
    if (failures.length > 0) {
      points.push({ point: p.index, values, status: "failed", errors: failures, metrics: null });
      continue;
    }
    const metrics = {} as Record<Metric, MeanInterval | null>;
    for (const m of METRICS) {
      const xs = list.flatMap((o) => (o.ok && o.summary.metrics[m] !== null ? [o.summary.metrics[m]!] : []));
      metrics[m] = meanInterval(xs);
    }
    points.push({ point: p.index, values, status: "ok", errors: [], metrics });
  }

  return {
    name: plan.base.sim.name,
    seed: plan.base.sim.seed,
    horizonSeconds: plan.base.sim.horizonMs / 1000,
    replications: plan.replications,
    axes: plan.axes.map((a) => ({ path: a.path, values: a.values.map((v) => v.label) })),
    metrics: METRICS,
    points,
    failed: points.filter((p) => p.status === "failed").length,
    notFinished,
    interrupted,
  };
}

/**
 * sweep.csv: one row per finished point: the axis values, `status`, then per metric its mean,
 * ci95_low and ci95_high (empty where undefined, e.g. one replication), then `error`.
 */
export function sweepCsv(results: SweepResults): string {
  const head = [...results.axes.map((a) => a.path), "status"];
  for (const m of results.metrics) head.push(`${m}_mean`, `${m}_ci95_low`, `${m}_ci95_high`);
  head.push("error");
  const lines = [head.map(csvCell).join(",")];
  for (const p of results.points) {
    const row: string[] = [...results.axes.map((a) => p.values[a.path] ?? ""), p.status];
    for (const m of results.metrics) {
      const v = p.metrics?.[m] ?? null;
      row.push(num(v?.mean ?? null), num(v?.low ?? null), num(v?.high ?? null));
    }
    row.push(p.errors.join("; "));
    lines.push(row.map(csvCell).join(","));
  }
  return lines.join("\n") + "\n";
}

function num(x: number | null): string {
  return x === null ? "" : String(x);
}

/** RFC 4180 quoting: cells with a comma, quote or line break are quoted, quotes doubled. */
function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
