import type { TopLevelSpec } from "vega-lite";
import type { Result } from "../../platform/result.js";
import { CHART_SIZE, VEGA_LITE_SCHEMA, type ChartSpec } from "./chart-spec.js";
import { chartedFunctions } from "./charted-functions.js";
import { functionSeriesOf } from "./function-series.js";
import { assertSeriesBound, bucketSubtitle, timeEncoding, timeAxis } from "./time-axis.js";

/** Series of the concurrency chart, in legend order, with the SeriesResult field each reads. */
const CONCURRENCY_SERIES = [
  { key: "running", field: "concurrencyMax" },
  { key: "environments", field: "environmentsMax" },
  { key: "idle", field: "idleMax" },
  { key: "provisioned", field: "provisionedMax" },
] as const;

/** Colours of the account series, in CONCURRENCY_SERIES order. */
const ACCOUNT_COLOURS = ["#4c78a8", "#54a24b", "#9d9590", "#f58518"];

/** Colours of the per-function running lines, used in turn (Vega's tableau10 less the account's four). */
const FUNCTION_COLOURS = ["#e45756", "#72b7b2", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d"];

/**
 * Requests running, execution environments alive, idle environments and (when there is any)
 * provisioned concurrency over time, each the bucket's maximum (environments as a filled band, the
 * others as step lines); with several functions, also a "running: <function>" line per function.
 * O(buckets · functions).
 */
export function concurrencyChart(result: Result): ChartSpec {
  const s = result.series;
  assertSeriesBound(s);
  const axis = timeAxis(result.horizonSeconds, result.warmupSeconds);
  // Provisioned concurrency only when the run had some: a line at zero would say nothing.
  const shown = CONCURRENCY_SERIES.filter((c) => c.key !== "provisioned" || (s.provisionedMax ?? []).some((v) => v > 0));
  const perFunction = functionSeriesOf(result);
  let keys: string[] = shown.map((x) => x.key);
  let range = ACCOUNT_COLOURS.slice(0, keys.length);
  let data: { values: Array<Record<string, number | string>> };
  let transform: TopLevelSpec["transform"];
  if (perFunction.length === 0) {
    const values = s.t.map((t, i) => {
      const row: Record<string, number> = { t };
      for (const c of shown) row[c.key] = s[c.field][i]!;
      return row;
    });
    data = { values };
    transform = [
      { calculate: axis.expr, as: "time" },
      { fold: keys, as: ["series", "count"] },
    ];
  } else {
    // Long rows { t, series, count } rather than a fold: a function name may hold a dot, which a fold field would read as a path.
    const labels = perFunction.map((f) => `running: ${f.name}`);
    const values: Array<Record<string, number | string>> = [];
    for (const c of shown) s.t.forEach((t, i) => values.push({ t, series: c.key, count: s[c.field][i]! }));
    perFunction.forEach((f, k) => s.t.forEach((t, i) => values.push({ t, series: labels[k]!, count: f.series.concurrencyMax[i]! })));
    keys = [...keys, ...labels];
    range = [...range, ...labels.map((_, k) => FUNCTION_COLOURS[k % FUNCTION_COLOURS.length]!)];
    data = { values };
    transform = [{ calculate: axis.expr, as: "time" }];
  }
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: "Concurrency and execution environments",
      subtitle: bucketSubtitle(s, "maximum") + (chartedFunctions(result).others.length > 0 ? `; running lines of the ${perFunction.length} busiest functions` : ""),
    },
    ...CHART_SIZE,
    data,
    transform,
    encoding: {
      x: timeEncoding(axis),
      y: { field: "count", type: "quantitative", title: "executions / environments (count)" },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain: keys, range },
        // Room for "running: <function name>" (the default cuts labels at 160 px).
        ...(perFunction.length > 0 ? { legend: { labelLimit: 320 } } : {}),
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
