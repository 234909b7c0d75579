import type { TopLevelSpec } from "vega-lite";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";

/** A mean across replications with its 95 % interval (null bounds with one replication). */
export interface SweepInterval {
  mean: number;
  low: number | null;
  high: number | null;
}

/** The sweep as the chart reads it: the axes (values as written) and the finished points. */
export interface SweepChartInput {
  axes: ReadonlyArray<{ path: string; values: readonly string[] }>;
  points: ReadonlyArray<{
    values: Readonly<Record<string, string>>;
    status: "ok" | "failed";
    metrics: Readonly<Record<"p99Ms" | "monthlyCost" | "throttleRate" | "coldStartRate", SweepInterval | null>> | null;
  }>;
}

/** The panels drawn, top to bottom: metric, axis title (unit in parentheses) and scale factor. */
const PANELS = [
  { metric: "p99Ms", title: "p99 latency (ms)", factor: 1, color: "#4c78a8" },
  { metric: "monthlyCost", title: "monthly cost (USD)", factor: 1, color: "#f58518" },
  { metric: "throttleRate", title: "throttled (%)", factor: 100, color: "#e45756" },
  { metric: "coldStartRate", title: "cold starts (%)", factor: 100, color: "#72b7b2" },
] as const;

/** Width given to a legend label per character, px (11 px sans-serif, with room to spare). */
const LEGEND_PX_PER_CHAR = 7;

/** Whether a metric's values call for a log axis: all positive and spanning more than 10× (nulls ignored). */
function logWorthy(values: ReadonlyArray<number | null>): boolean {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length > 1 && xs.every((v) => v > 0) && Math.max(...xs) / Math.min(...xs) > 10;
}

/**
 * The series labels (`path=value, ...` of the axes after the first) in legend order: every
 * combination, each axis's values in numeric order when they are numbers with one unit, else as
 * written; the last axis varies fastest. O(product of the axes' lengths).
 */
export function seriesOrder(axes: ReadonlyArray<{ path: string; values: readonly string[] }>): string[] {
  let labels = [""];
  for (const a of axes) {
    const numeric = numericAxis(a.values);
    const ordered = numeric ? a.values.map((v, i) => ({ v, n: numeric.numbers[i]! })).sort((x, y) => x.n - y.n).map((x) => x.v) : [...a.values];
    const unique = [...new Set(ordered)];
    labels = labels.flatMap((prefix) => unique.map((v) => (prefix === "" ? "" : `${prefix}, `) + `${a.path}=${v}`));
  }
  return labels;
}

/** An axis's values as numbers with one shared unit suffix ("10/s", "250ms", "1024"), or null when they are not. */
export function numericAxis(values: readonly string[]): { numbers: number[]; unit: string } | null {
  const parsed = values.map((v) => /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*([A-Za-z/%]*)$/i.exec(v.trim()));
  if (parsed.length === 0 || parsed.some((m) => m === null)) return null;
  const unit = parsed[0]![2]!;
  if (parsed.some((m) => m![2] !== unit)) return null;
  return { numbers: parsed.map((m) => Number(m![1])), unit };
}

/**
 * The sweep's curves: p99 latency, monthly cost, throttled and cold-start shares against the first
 * axis, one panel each, one colour per combination of the other axes. Only finished points are drawn,
 * as points (joined by a thin line) with their 95 % interval as a vertical rule when there were
 * replications, so no one reads a value between tested points. A numeric first axis is quantitative
 * (log scale when its values span 10× or more, all positive), any other is ordinal in the sweep's
 * order. Null without axes or without a finished point (nothing to draw).
 */
export function sweepChart(input: SweepChartInput): ChartSpec | null {
  const [first, ...others] = input.axes;
  if (first === undefined) return null;
  const series = (values: Readonly<Record<string, string>>) => others.map((a) => `${a.path}=${values[a.path] ?? ""}`).join(", ") || "sweep";
  const numeric = numericAxis(first.values);
  const xValue = (label: string): number | string => (numeric ? numeric.numbers[first.values.indexOf(label)]! : label);
  const values: Array<Record<string, number | string | null>> = [];
  for (const p of input.points) {
    if (p.status !== "ok" || p.metrics === null) continue;
    const row: Record<string, number | string | null> = { x: xValue(p.values[first.path] ?? ""), series: series(p.values) };
    for (const panel of PANELS) {
      const m = p.metrics[panel.metric];
      row[panel.metric] = m === null ? null : round6(m.mean * panel.factor);
      // Every metric is ≥ 0: a symmetric t-interval is drawn cut at 0.
      row[`${panel.metric}Low`] = m === null || m.low === null ? null : round6(Math.max(0, m.low) * panel.factor);
      row[`${panel.metric}High`] = m === null || m.high === null ? null : round6(m.high * panel.factor);
    }
    values.push(row);
  }
  if (values.length === 0) return null;
  const costLog = logWorthy(values.map((v) => v.monthlyCost as number | null));
  if (costLog) for (const v of values) if (!((v.monthlyCostLow as number | null) !== null && (v.monthlyCostLow as number) > 0)) v.monthlyCostLow = null; // no 0 on a log axis

  const positive = numeric !== null && numeric.numbers.every((n) => n > 0);
  const log = positive && Math.max(...numeric!.numbers) / Math.min(...numeric!.numbers) >= 10;
  const notes = [...(numeric?.unit ? [numeric.unit] : []), ...(log ? ["log scale"] : [])];
  const xTitle = notes.length > 0 ? `${first.path} (${notes.join(", ")})` : first.path;
  const x = numeric
    ? {
        field: "x",
        type: "quantitative" as const,
        title: xTitle,
        scale: log ? { type: "log" as const, nice: false, padding: 12 } : { zero: false, nice: false, padding: 12 },
        axis: first.values.length <= 12 ? { values: [...new Set(numeric.numbers)], format: ",.6~g" } : { format: ",.6~g" },
      }
    : { field: "x", type: "ordinal" as const, title: xTitle, sort: [...first.values] };
  const many = others.length > 0;
  // The legend in the sweep's order with numbers sorted as numbers (10/s, 100/s, 1000/s; not 10, 1000, 100), labels never cut.
  const present = new Set(values.map((v) => v.series as string));
  const domain = seriesOrder(others).filter((label) => present.has(label));
  const longest = Math.max(0, ...domain.map((label) => label.length));
  const color = many
    ? {
        color: {
          field: "series",
          type: "nominal" as const,
          title: others.map((a) => a.path).join(", "),
          scale: { domain },
          legend: { orient: "bottom" as const, columns: longest > 40 ? 1 : 2, labelLimit: Math.max(160, longest * LEGEND_PX_PER_CHAR) },
        },
      }
    : {};
  const height = Math.round(CHART_SIZE.height * 0.7);
  const panel = (p: (typeof PANELS)[number]) => {
    // A metric that is 0 everywhere (no throttles, say) gets a 0..1 axis, not a degenerate one with the line in mid-air.
    const allZero = values.every((v) => !((v[p.metric] as number | null) ?? 0) && !((v[`${p.metric}High`] as number | null) ?? 0));
    const log = p.metric === "monthlyCost" && costLog;
    const scale = allZero ? { scale: { domain: [0, 1] } } : log ? { scale: { type: "log" as const } } : {};
    const y = { field: p.metric, type: "quantitative" as const, title: log ? p.title.replace(")", ", log scale)") : p.title, axis: { format: ",.4~g" }, ...scale };
    const fixed = many ? {} : { color: p.color };
    return {
      width: CHART_SIZE.width,
      height,
      layer: [
        { mark: { type: "line" as const, strokeWidth: 1, opacity: 0.6, ...fixed }, encoding: { x, y, ...color, ...(many ? { detail: { field: "series", type: "nominal" as const } } : {}) } },
        { mark: { type: "rule" as const, ...fixed }, encoding: { x, y: { field: `${p.metric}Low`, type: "quantitative" as const }, y2: { field: `${p.metric}High` }, ...color } },
        {
          mark: { type: "point" as const, filled: true, size: 60, ...fixed },
          encoding: {
            x,
            y,
            ...color,
            tooltip: [
              { field: "x", type: numeric ? ("quantitative" as const) : ("ordinal" as const), title: first.path },
              ...(many ? [{ field: "series", type: "nominal" as const, title: "other axes" }] : []),
              { field: p.metric, type: "quantitative" as const, title: p.title, format: ",.4~g" },
            ],
          },
        },
      ],
    };
  };
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `Sweep over ${first.path}`,
      subtitle: `tested values as points${values.some((v) => v.p99MsLow !== null) ? ", 95 % intervals as bars" : ""}; ${values.length} finished point${values.length === 1 ? "" : "s"}`,
    },
    data: { values },
    vconcat: PANELS.map(panel),
    resolve: { scale: { color: "shared" } },
  };
  return { name: "sweep", title: `Sweep over ${first.path}`, spec };
}
