import type { TopLevelSpec } from "vega-lite";
import type { Result } from "../../platform/result.js";
import { CHART_SIZE, VEGA_LITE_SCHEMA, type ChartSpec } from "./chart-spec.js";
import { assertSeriesBound, bucketSubtitle, timeEncoding, timeAxis } from "./time-axis.js";

/** Series of the concurrency chart, in legend order, with the SeriesResult field each reads. */
const CONCURRENCY_SERIES = [
  { key: "running", field: "concurrencyMax" },
  { key: "environments", field: "environmentsMax" },
  { key: "idle", field: "idleMax" },
  { key: "provisioned", field: "provisionedMax" },
] as const;

/**
 * Requests running, execution environments alive, idle environments and (when there is any)
 * provisioned concurrency over time, each the bucket's maximum (environments as a filled band, the
 * others as step lines). O(buckets).
 */
export function concurrencyChart(result: Result): ChartSpec {
  const s = result.series;
  assertSeriesBound(s);
  const axis = timeAxis(result.horizonSeconds, result.warmupSeconds);
  // Provisioned concurrency only when the run had some: a line at zero would say nothing.
  const shown = CONCURRENCY_SERIES.filter((c) => c.key !== "provisioned" || (s.provisionedMax ?? []).some((v) => v > 0));
  const values = s.t.map((t, i) => {
    const row: Record<string, number> = { t };
    for (const c of shown) row[c.key] = s[c.field][i]!;
    return row;
  });
  const keys = shown.map((x) => x.key);
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: "Concurrency and execution environments", subtitle: bucketSubtitle(s, "maximum") },
    ...CHART_SIZE,
    data: { values },
    transform: [
      { calculate: axis.expr, as: "time" },
      { fold: keys, as: ["series", "count"] },
    ],
    encoding: {
      x: timeEncoding(axis),
      y: { field: "count", type: "quantitative", title: "executions / environments (count)" },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain: keys, range: ["#4c78a8", "#54a24b", "#9d9590", "#f58518"].slice(0, keys.length) },
      },
      tooltip: [
        { field: "time", type: "quantitative", title: axis.title, format: ".2f" },
        { field: "series", type: "nominal" },
        { field: "count", type: "quantitative", title: "count" },
      ],
    },
    layer: [
      // Environments alive as a filled band: running and idle, both at most that, are drawn over it.
      {
        transform: [{ filter: "datum.series === 'environments'" }],
        mark: { type: "area", interpolate: "step-after", opacity: 0.3, invalid: "break-paths-filter-domains" },
      },
      {
        transform: [{ filter: "datum.series !== 'environments'" }],
        mark: { type: "line", interpolate: "step-after", strokeWidth: 1.2, invalid: "break-paths-filter-domains" },
      },
    ],
  };
  return { name: "concurrency", title: "Concurrency and execution environments", spec };
}
