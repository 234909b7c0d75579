import type { TopLevelSpec } from "vega-lite";
import type { Result } from "../../platform/result.js";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";
import { assertSeriesBound, bucketSubtitle, timeEncoding, timeAxis } from "./time-axis.js";

/** True when some non-null value has null (or no) neighbours: a line alone would not show it. */
function hasIsolatedValues(xs: Array<number | null>): boolean {
  return xs.some((x, i) => x !== null && (xs[i - 1] ?? null) === null && (xs[i + 1] ?? null) === null);
}

/**
 * p50 and p99 latency of the requests finished in each bucket (log scale, ms), with the buckets
 * that had cold starts marked by triangles sized by their count. Empty buckets (null) break the
 * lines; they are never drawn as 0. O(buckets).
 */
export function latencyChart(result: Result): ChartSpec {
  const s = result.series;
  assertSeriesBound(s);
  const axis = timeAxis(result.horizonSeconds, result.warmupSeconds);
  const values = s.t.map((t, i) => ({ t, p50: round6(s.p50[i]!), p99: round6(s.p99[i]!), coldStarts: s.coldStarts[i]! }));
  const x = timeEncoding(axis);
  const y = {
    type: "quantitative",
    title: "latency (ms, log scale)",
    scale: { type: "log" },
    axis: { format: "~s" },
  } as const;
  const showPoints = hasIsolatedValues(s.p50) || hasIsolatedValues(s.p99);
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: "Latency over time", subtitle: bucketSubtitle(s, "percentiles of requests finished") },
    ...CHART_SIZE,
    data: { values },
    transform: [{ calculate: axis.expr, as: "time" }],
    layer: [
      {
        transform: [
          { fold: ["p50", "p99"], as: ["percentile", "latency"] },
          // A log scale cannot place 0: such a bucket shows as a gap, like an empty one.
          { calculate: "datum.latency > 0 ? datum.latency : null", as: "latencyMs" },
        ],
        mark: {
          type: "line",
          invalid: "break-paths-filter-domains",
          ...(showPoints ? { point: { filled: true, size: 10 } } : {}),
        },
        encoding: {
          x,
          y: { ...y, field: "latencyMs" },
          color: {
            field: "percentile",
            type: "nominal",
            title: "percentile",
            scale: { domain: ["p50", "p99"], range: ["#4c78a8", "#f58518"] },
          },
          tooltip: [
            { field: "time", type: "quantitative", title: axis.title, format: ".2f" },
            { field: "percentile", type: "nominal" },
            { field: "latencyMs", type: "quantitative", title: "ms", format: ".1f" },
          ],
        },
      },
      {
        transform: [{ filter: "datum.coldStarts > 0 && datum.p99 > 0" }],
        mark: { type: "point", shape: "triangle-up", filled: true, color: "#e45756", opacity: 0.7 },
        encoding: {
          x,
          y: { ...y, field: "p99" },
          size: {
            field: "coldStarts",
            type: "quantitative",
            title: "cold starts (count)",
            scale: { range: [10, 120], zero: false },
            legend: { tickMinStep: 1, format: "d" },
          },
          tooltip: [
            { field: "time", type: "quantitative", title: axis.title, format: ".2f" },
            { field: "coldStarts", type: "quantitative", title: "cold starts" },
            { field: "p99", type: "quantitative", title: "p99 ms", format: ".1f" },
          ],
        },
      },
    ],
  };
  return { name: "latency", title: "Latency over time", spec };
}
