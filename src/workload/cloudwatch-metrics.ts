import { printableExcerpt } from "../core/printable.js";
import { TraceError } from "./trace-source.js";

/*
 * The JSON that `aws cloudwatch get-metric-data` prints: `{ "MetricDataResults": [{ "Id", "Label",
 * "Timestamps": [ISO 8601...], "Values": [...], "StatusCode": "Complete" | "PartialData" | ... }],
 * "NextToken"?, "Messages"? }`. Several pages may be given as a JSON array of responses or as
 * responses written one after the other; a result Id's pages are merged. Timestamps mark a period's
 * start and may come newest first (the default ScanBy, TimestampDescending). Pure: text in, values out.
 */

/** Periods accepted for per-period counts, seconds: CloudWatch's standard 1-minute and 5-minute periods. */
export const CLOUDWATCH_PERIODS_SECONDS = [60, 300] as const;

/** One result Id's datapoints, merged over the pages. */
export interface MetricResult {
  id: string;
  label: string;
  /** Value per period start (epoch ms). */
  points: Map<number, number>;
  /** StatusCode of the last page holding this Id (PartialData on an earlier page is followed by the next page). */
  statusCode: string;
}

/** Every result of a get-metric-data file, by Id, in the order first seen. */
export type MetricData = Map<string, MetricResult>;

/** A result laid out on a regular grid of periods. */
export interface MetricSeries {
  id: string;
  label: string;
  /** Start of the first period, epoch ms. */
  startMs: number;
  /** Length of a period, ms. */
  periodMs: number;
  /** Value per period; NaN where CloudWatch has no datapoint. */
  values: Float64Array;
}

/**
 * Parses get-metric-data output (one response, an array of responses, or responses concatenated).
 * Throws TraceError naming the file and what was expected. O(size of the text).
 */
export function parseMetricData(text: string, file: string): MetricData {
  const out: MetricData = new Map();
  const docs = splitJsonDocuments(text, file);
  if (docs.length === 0) throw new TraceError(file, 0, 0, "an empty file", "the JSON that `aws cloudwatch get-metric-data` prints");
  const pages: unknown[] = [];
  for (const d of docs) {
    if (Array.isArray(d)) pages.push(...d);
    else pages.push(d);
  }
  pages.forEach((page, p) => {
    const results = isObject(page) ? page.MetricDataResults : undefined;
    if (!Array.isArray(results)) {
      throw new TraceError(file, 0, 0, `${pages.length > 1 ? `page ${p + 1}` : "a response"} without a MetricDataResults array`, "the JSON that `aws cloudwatch get-metric-data` prints: { \"MetricDataResults\": [...] }");
    }
    results.forEach((r, i) => mergeResult(out, r, `${pageName(p, pages.length)}MetricDataResults[${i}]`, file));
  });
  return out;
}

function pageName(p: number, pages: number): string {
  return pages > 1 ? `page ${p + 1}: ` : "";
}

function mergeResult(out: MetricData, r: unknown, where: string, file: string): void {
  const shape = "an object with Id, Timestamps and Values (get-metric-data's MetricDataResults)";
  if (!isObject(r) || typeof r.Id !== "string") throw new TraceError(file, 0, 0, `${where} without a string Id`, shape);
  const ts = r.Timestamps;
  const vs = r.Values;
  if (!Array.isArray(ts) || !Array.isArray(vs)) throw new TraceError(file, 0, 0, `${where} (Id ${quote(r.Id)}) without Timestamps and Values arrays`, shape);
  if (ts.length !== vs.length) {
    throw new TraceError(file, 0, 0, `${where} (Id ${quote(r.Id)}) with ${ts.length} Timestamps and ${vs.length} Values`, "as many Values as Timestamps");
  }
  let result = out.get(r.Id);
  if (result === undefined) {
    result = { id: r.Id, label: typeof r.Label === "string" ? r.Label : r.Id, points: new Map(), statusCode: "Complete" };
    out.set(r.Id, result);
  }
  if (typeof r.StatusCode === "string") result.statusCode = r.StatusCode;
  for (let i = 0; i < ts.length; i++) {
    const ms = timestampMs(ts[i]);
    if (ms === undefined) throw new TraceError(file, 0, 0, `${where}.Timestamps[${i}] = ${quote(ts[i])}`, "an ISO 8601 time such as 2026-12-01T00:00:00Z", "file");
    const v = vs[i];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new TraceError(file, 0, 0, `${where}.Values[${i}] = ${quote(v)}`, "a finite number");
    const seen = result.points.get(ms);
    if (seen !== undefined && seen !== v) {
      throw new TraceError(file, 0, 0, `two values (${seen} and ${v}) for Id ${quote(r.Id)} at ${new Date(ms).toISOString()}`, "one value per period (pages that do not overlap)");
    }
    result.points.set(ms, v);
  }
}

/** Epoch ms of a get-metric-data timestamp: an ISO 8601 string, or epoch seconds (cli_timestamp_format none). */
function timestampMs(t: unknown): number | undefined {
  if (typeof t === "string" && /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(t)) {
    const ms = Date.parse(t);
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (typeof t === "number" && Number.isFinite(t) && t > 0) return t * 1000;
  return undefined;
}

/** How a series treats periods without a datapoint. */
export type MetricGaps = "error" | "zero";

/**
 * The result `id` on a grid of periods: the period inferred (the smallest gap between timestamps,
 * one of CLOUDWATCH_PERIODS_SECONDS) and every timestamp checked to lie on it. Missing periods are
 * an error (`gaps: error`, field `gaps`) or NaN (`zero`: the caller decides). A result whose pages
 * end in PartialData is an error. Throws TraceError.
 */
export function metricSeries(data: MetricData, id: string, file: string, gaps: MetricGaps): MetricSeries {
  const r = data.get(id);
  if (r === undefined) throw new TraceError(file, 0, 0, `no result with Id ${quote(id)}`, `an Id of the file's MetricDataResults: ${idList(data)}`, "metric");
  if (r.statusCode !== "Complete") {
    throw new TraceError(
      file,
      0,
      0,
      `Id ${quote(id)} with StatusCode ${quote(r.statusCode)}`,
      "StatusCode Complete (with PartialData, run get-metric-data again with the NextToken it printed and add that page to the file)",
    );
  }
  const times = [...r.points.keys()].sort((a, b) => a - b);
  if (times.length < 2) throw new TraceError(file, 0, 0, `Id ${quote(id)} with ${times.length} datapoint${times.length === 1 ? "" : "s"}`, "at least two periods, to know the period");
  let periodMs = Infinity;
  for (let i = 1; i < times.length; i++) periodMs = Math.min(periodMs, times[i]! - times[i - 1]!);
  if (!CLOUDWATCH_PERIODS_SECONDS.some((s) => s * 1000 === periodMs)) {
    throw new TraceError(file, 0, 0, `Id ${quote(id)} with datapoints ${periodMs / 1000} s apart`, `a period of ${CLOUDWATCH_PERIODS_SECONDS.join(" s or ")} s (get-metric-data --metric-data-queries with Period 60 or 300)`);
  }
  const startMs = times[0]!;
  const periods = (times[times.length - 1]! - startMs) / periodMs + 1;
  if (!Number.isInteger(periods)) {
    const off = times.find((t) => (t - startMs) % periodMs !== 0)!;
    throw new TraceError(file, 0, 0, `Id ${quote(id)} with a datapoint at ${new Date(off).toISOString()}, off the ${periodMs / 1000} s grid`, "datapoints every period");
  }
  if (periods !== times.length && gaps === "error") {
    const missing = firstMissing(times, periodMs);
    const n = periods - times.length;
    throw new TraceError(
      file,
      0,
      0,
      `Id ${quote(id)} missing ${n} of ${periods} periods (the first at ${new Date(missing).toISOString()})`,
      "a datapoint every period, or `gaps: zero` when a missing period means no invocations (CloudWatch writes no datapoint for a minute without any)",
      "gaps",
    );
  }
  const values = new Float64Array(periods).fill(NaN);
  for (const [t, v] of r.points) values[(t - startMs) / periodMs] = v;
  return { id, label: r.label, startMs, periodMs, values };
}

/**
 * The counts of a series (gaps as 0), checked to be a count: integers ≥ 0 (Sum of Invocations), not
 * an Average or a percentile. Throws TraceError naming the first period that is not.
 */
export function countsOf(series: MetricSeries, file: string): Float64Array {
  const out = new Float64Array(series.values.length);
  for (let p = 0; p < out.length; p++) {
    const v = series.values[p]!;
    if (Number.isNaN(v)) continue;
    if (!(v >= 0) || !Number.isInteger(v)) {
      throw new TraceError(
        file,
        0,
        0,
        `Id ${quote(series.id)} (${quote(series.label)}) = ${v} at ${new Date(series.startMs + p * series.periodMs).toISOString()}`,
        "a count per period: the Sum statistic of Invocations (integers ≥ 0), not an Average or a percentile",
      );
    }
    out[p] = v;
  }
  return out;
}

/** `inv ("Invocations"), conc ("ConcurrentExecutions")`: the Ids present, for messages. */
export function idList(data: MetricData): string {
  if (data.size === 0) return "(the file has no results)";
  return [...data.values()].map((r) => (r.label === r.id ? quote(r.id) : `${quote(r.id)} (${quote(r.label)})`)).join(", ");
}

function firstMissing(sorted: number[], periodMs: number): number {
  for (let i = 1; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! > periodMs) return sorted[i - 1]! + periodMs;
  return sorted[0]!;
}

function quote(v: unknown): string {
  return JSON.stringify(typeof v === "string" ? printableExcerpt(v, 60) : v) ?? String(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * The JSON values of `text` written one after the other (`{...}{...}` or one per line), each parsed
 * with JSON.parse. Throws TraceError at the first that does not parse. O(size).
 */
export function splitJsonDocuments(text: string, file: string): unknown[] {
  const docs: unknown[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && /\s/.test(text[i]!)) i++;
    if (i >= n) break;
    const start = i;
    const open = text[i];
    if (open !== "{" && open !== "[") {
      const line = text.slice(0, start).split("\n").length;
      throw new TraceError(file, line, 0, `${quote(text.slice(start, start + 20))}`, "the JSON that `aws cloudwatch get-metric-data` prints (an object or an array of them)");
    }
    let depth = 0;
    let inString = false;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (c === 0x5c) i++; // backslash: skip the escaped character
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
    }
    const slice = text.slice(start, i);
    try {
      docs.push(JSON.parse(slice));
    } catch (err) {
      const line = text.slice(0, start).split("\n").length;
      const reason = err instanceof Error ? err.message : String(err);
      throw new TraceError(file, line, 0, `invalid JSON (${printableExcerpt(reason, 80)})`, "the JSON that `aws cloudwatch get-metric-data` prints");
    }
  }
  return docs;
}

/** Lambda's CloudWatch metrics that import and backtest read (AWS/Lambda namespace). */
export type LambdaMetricName = "Invocations" | "ConcurrentExecutions" | "Throttles" | "ProvisionedConcurrencySpilloverInvocations" | "Errors" | "Duration";

/** The words of a result's Id and Label, lower case (`m_Invocations_sum` → m, invocations, sum). */
function wordsOf(r: MetricResult): string[] {
  return `${r.id} ${r.label}`.toLowerCase().split(/[^a-z0-9.]+/).filter((w) => w !== "");
}

/** The results whose Id or Label has `metric` as a word (case-insensitive), in file order. */
export function resultsFor(data: MetricData, metric: LambdaMetricName): MetricResult[] {
  const want = metric.toLowerCase();
  return [...data.values()].filter((r) => wordsOf(r).includes(want));
}

/** Which Duration statistic a result holds, from the words of its Id and Label (Average, p50, p99.9 ...); null when none says. */
export function durationStatisticOf(r: MetricResult): { kind: "mean" } | { kind: "quantile"; q: number } | null {
  for (const w of wordsOf(r)) {
    if (w === "average" || w === "avg" || w === "mean") return { kind: "mean" };
    const p = /^p(\d{1,2}(?:\.\d+)?)$/.exec(w);
    if (p !== null) {
      const q = Number(p[1]) / 100;
      if (q > 0 && q < 1) return { kind: "quantile", q };
    }
  }
  return null;
}
