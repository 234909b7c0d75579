import { relative, resolve } from "node:path";
import { fitLognormal, type DurationStatistic, type LognormalFit } from "../core/dist/lognormal-fit.js";
import { countsOf, durationStatisticOf, metricSeries, resultsFor, idList, type MetricData, type MetricSeries } from "../workload/cloudwatch-metrics.js";
import type { ReportLogSummary } from "../workload/report-log-summary.js";
import { TraceError } from "../workload/trace-source.js";
import type { Checked } from "./issues.js";
import { formatDuration } from "./units.js";

/** What `lambdasim import traffic` read. */
export interface TrafficImportInput {
  /** The get-metric-data file, as given and parsed. */
  metricsFile: string;
  metrics: MetricData;
  /** `--metric`: the Invocations result's Id; null: found by its Id or Label. */
  metricId: string | null;
  /** The REPORT log, as given and read; null without `--logs`. */
  logsFile: string | null;
  logs: ReportLogSummary | null;
  /** The folder the scenario will be written to (its files are referenced relative to it). */
  scenarioDir: string;
}

/** The fields to write into one function of a scenario, in scenario form, and what was done. */
export interface TrafficImport {
  arrivals: Record<string, unknown>;
  /** null: keep the scenario's (no log and no CloudWatch Duration statistics). */
  duration: Record<string, unknown> | null;
  /** null: keep the scenario's (`coldStart: auto` unless it says otherwise). */
  coldStart: Record<string, unknown> | null;
  /** The log's Memory Size, MB; null without a log. */
  memoryMB: number | null;
  /** The longest Duration in the log, ms; null without a log. */
  maxDurationMs: number | null;
  /** The observed span: periods × period, as a duration string. */
  horizon: string;
  /** The lognormal fitted to CloudWatch's Duration statistics, when that was the source. */
  fit: LognormalFit | null;
  /** One line per decision, for the user (and as comments in the scenario). */
  notes: string[];
  /** The Invocations series replayed. */
  series: MetricSeries;
}

/**
 * The arrivals, duration and cold-start fields that reproduce what CloudWatch and the REPORT log
 * recorded: arrivals replay the Sum of Invocations (gaps: zero when CloudWatch left minutes out),
 * duration and coldStart read the log (`{ dist: empirical, file }`), or without a log a lognormal is
 * fitted to CloudWatch's Duration statistics (Average, p50, p90, p99 ...: the invocation-weighted
 * mean of each statistic over the periods). Issues name the flag and what was expected.
 */
export function importTraffic(input: TrafficImportInput): Checked<TrafficImport> {
  const notes: string[] = [];
  const inv = invocationsResult(input);
  if (!inv.ok) return inv;
  const id = inv.value;
  let series: MetricSeries;
  let gaps: "error" | "zero" = "error";
  try {
    try {
      series = metricSeries(input.metrics, id, input.metricsFile, "error");
    } catch (err) {
      if (!(err instanceof TraceError) || err.field !== "gaps") throw err;
      series = metricSeries(input.metrics, id, input.metricsFile, "zero");
      gaps = "zero";
    }
    countsOf(series, input.metricsFile);
  } catch (err) {
    if (err instanceof TraceError) return { ok: false, issues: [{ path: "--cloudwatch", value: input.metricsFile, allowed: `${err.found}; expected ${err.expected}` }] };
    throw err;
  }
  const periods = series.values.length;
  const missing = series.values.reduce((n, v) => n + (Number.isNaN(v) ? 1 : 0), 0);
  const start = new Date(series.startMs).toISOString();
  const horizon = formatDuration(periods * series.periodMs);
  notes.push(
    `arrivals: the Sum of Invocations in result ${JSON.stringify(id)} of ${input.metricsFile}, ${periods} periods of ${series.periodMs / 1000} s from ${start} (horizon ${horizon}), replayed with exactly each period's count` +
      (gaps === "zero" ? `; ${missing} period${missing === 1 ? "" : "s"} without a datapoint read as no invocations (gaps: zero)` : ""),
  );
  const rel = (file: string) => relative(input.scenarioDir, resolve(file)) || file;
  // A throttled request is not an Invocation: the requests are Invocations plus Throttles, when CloudWatch recorded some.
  const throttles = resultsFor(input.metrics, "Throttles").find((r) => r.id !== id && [...r.points.values()].some((v) => v > 0));
  if (throttles !== undefined) notes.push(`arrivals: plus the Throttles in result ${JSON.stringify(throttles.id)} (${sumOf(throttles.points)} throttled requests are not Invocations)`);
  const metric = throttles === undefined ? id : [id, throttles.id];
  const arrivals: Record<string, unknown> = { kind: "trace", format: "cloudwatch", file: rel(input.metricsFile), metric, ...(gaps === "zero" ? { gaps } : {}) };

  let duration: Record<string, unknown> | null = null;
  let coldStart: Record<string, unknown> | null = null;
  let memoryMB: number | null = null;
  let fit: LognormalFit | null = null;
  const logs = input.logs;
  if (logs !== null && input.logsFile !== null) {
    const d = logs.durations;
    duration = { dist: "empirical", file: rel(input.logsFile) };
    notes.push(`duration: empirical, the Duration of the ${d.count} REPORT lines of ${input.logsFile} (p50 ${ms(d.quantile(0.5))}, p99 ${ms(d.quantile(0.99))}, mean ${ms(d.mean())})`);
    if (logs.inits.count > 0) {
      coldStart = { dist: "empirical", file: rel(input.logsFile) };
      notes.push(`coldStart: empirical, the Init Duration of its ${logs.inits.count} cold starts (p50 ${ms(logs.inits.quantile(0.5))}, p99 ${ms(logs.inits.quantile(0.99))})`);
    } else notes.push("coldStart: kept (the log has no REPORT line with Init Duration)");
    const mb = logs.memoryMB();
    if (Number.isFinite(mb)) {
      memoryMB = mb;
      const others = logs.memorySizes.size > 1 ? ` (the most common of ${logs.memorySizes.size} sizes in the log)` : "";
      notes.push(`memoryMB: ${mb}, the REPORT lines' Memory Size${others}`);
    }
  } else {
    const fitted = durationFit(input.metrics, series);
    if (fitted !== null) {
      fit = fitted.fit;
      duration = { dist: "lognormal", mu: round6(fit.mu), sigma: round6(fit.sigma) };
      const agreement = fit.agreement.map((a) => `${a.statistic} ${ms(a.given)} → ${ms(a.fitted)} (${signedPercent(a.relativeError)})`).join(", ");
      notes.push(`duration: lognormal fitted to CloudWatch's ${fitted.names.join(", ")} (each invocation-weighted over the periods): ${agreement}`);
    } else notes.push("duration: kept (no --logs, and the CloudWatch file has no two Duration statistics such as Average, p50, p99 to fit)");
  }
  const maxDurationMs = logs === null ? null : logs.durations.max;
  return { ok: true, value: { arrivals, duration, coldStart, memoryMB, maxDurationMs, horizon, fit, notes, series } };
}

/** The Id of the Invocations result: `--metric`, else the one result named Invocations. */
function invocationsResult(input: TrafficImportInput): Checked<string> {
  if (input.metricId !== null) {
    if (input.metrics.has(input.metricId)) return { ok: true, value: input.metricId };
    return { ok: false, issues: [{ path: "--metric", value: input.metricId, allowed: `an Id of ${input.metricsFile}'s MetricDataResults: ${idList(input.metrics)}` }] };
  }
  const found = resultsFor(input.metrics, "Invocations");
  if (found.length === 1) return { ok: true, value: found[0]!.id };
  const why = found.length === 0 ? "no result whose Id or Label says Invocations" : `${found.length} results that say Invocations`;
  return { ok: false, issues: [{ path: "--metric", value: undefined, allowed: `the Id of the Sum of Invocations in ${input.metricsFile} (${why}; its results: ${idList(input.metrics)})` }] };
}

/** A lognormal fitted to the Duration results that name a statistic, each the invocation-weighted mean over the periods. */
function durationFit(data: MetricData, invocations: MetricSeries): { fit: LognormalFit; names: string[] } | null {
  const stats: DurationStatistic[] = [];
  const names: string[] = [];
  for (const r of resultsFor(data, "Duration")) {
    const stat = durationStatisticOf(r);
    if (stat === null) continue;
    let weighted = 0;
    let weight = 0;
    for (const [t, v] of r.points) {
      const p = (t - invocations.startMs) / invocations.periodMs;
      const n = Number.isInteger(p) && p >= 0 && p < invocations.values.length ? invocations.values[p]! : NaN;
      const w = Number.isNaN(n) ? 0 : n;
      weighted += v * w;
      weight += w;
    }
    if (!(weight > 0)) continue;
    const value = weighted / weight;
    stats.push(stat.kind === "mean" ? { kind: "mean", value } : { kind: "quantile", q: stat.q, value });
    names.push(r.label);
  }
  const fit = fitLognormal(stats);
  return fit === null ? null : { fit, names };
}

function ms(x: number): string {
  return x >= 100 ? `${Math.round(x)} ms` : `${Number(x.toPrecision(3))} ms`;
}

function signedPercent(x: number): string {
  const tenths = Math.round(x * 1000);
  return `${tenths >= 0 ? "+" : "-"}${(Math.abs(tenths) / 10).toFixed(1)} %`;
}

function round6(x: number): number {
  return Number(x.toFixed(6));
}

function sumOf(points: ReadonlyMap<number, number>): number {
  let sum = 0;
  for (const v of points.values()) sum += v;
  return sum;
}
