import type { TopLevelSpec } from "vega-lite";
import type { Result } from "../../platform/result.js";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";
import { chartedFunctions } from "./charted-functions.js";
import { functionSeriesOf, type NamedFunctionSeries } from "./function-series.js";
import { assertSeriesBound, bucketSubtitle, timeEncoding, bucketWidthSeconds, timeAxis, type TimeAxis } from "./time-axis.js";

/**
 * Rate of arrivals and of throttles over time, requests per second per bucket (step lines); with
 * several functions, one pair of lines per function (colour: function; dashed: throttles). O(buckets · functions).
 */
export function arrivalsChart(result: Result): ChartSpec {
  const s = result.series;
  assertSeriesBound(s);
  const axis = timeAxis(result.horizonSeconds, result.warmupSeconds);
  const perFunction = functionSeriesOf(result, true);
  if (perFunction.length > 0) return perFunctionChart(result, axis, perFunction, chartedFunctions(result).others.length > 0);
  const values = s.t.map((t, i) => {
    const w = bucketWidthSeconds(s, i, result.horizonSeconds);
    return { t, arrivals: round6(s.arrivals[i]! / w), throttles: round6(s.throttles[i]! / w) };
  });
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: "Arrivals and throttles", subtitle: bucketSubtitle(s, "mean rate") },
    ...CHART_SIZE,
    data: { values },
    transform: [
      { calculate: axis.expr, as: "time" },
      { fold: ["arrivals", "throttles"], as: ["series", "rate"] },
    ],
    mark: { type: "line", interpolate: "step-after", invalid: "break-paths-filter-domains" },
    encoding: {
      x: timeEncoding(axis),
      y: { field: "rate", type: "quantitative", title: "requests per second (req/s)" },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain: ["arrivals", "throttles"], range: ["#4c78a8", "#e45756"] },
      },
      tooltip: [
        { field: "time", type: "quantitative", title: axis.title, format: ".2f" },
        { field: "series", type: "nominal" },
        { field: "rate", type: "quantitative", title: "req/s", format: ".3~f" },
      ],
    },
  };
  return { name: "arrivals", title: "Arrivals and throttles", spec };
}

/**
 * The colour scale's domain: the functions in scenario order. Vega 6 fails to compile a literal domain
 * that holds a name of Object.prototype (`constructor`, `toString`: "Operator not defined"), so with
 * such a function name the domain is left to Vega (names in alphabetical order).
 */
function colourDomain(names: readonly string[]): { scale?: { domain: string[] } } {
  return names.some((n) => n in Object.prototype) ? {} : { scale: { domain: [...names] } };
}

/**
 * The per-function variant: long rows { t, function, series, rate } (no fold, so a function name
 * with a dot is never read as a nested field), colour by function, a dashed line for throttles;
 * `summed`: the last series is the functions left out, summed (chartedFunctions).
 */
function perFunctionChart(result: Result, axis: TimeAxis, perFunction: NamedFunctionSeries[], summed: boolean): ChartSpec {
  const s = result.series;
  const values: Array<{ t: number; function: string; series: string; rate: number | null }> = [];
  for (const { name, series } of perFunction) {
    s.t.forEach((t, i) => {
      const w = bucketWidthSeconds(s, i, result.horizonSeconds);
      values.push({ t, function: name, series: "arrivals", rate: round6(series.arrivals[i]! / w) });
      values.push({ t, function: name, series: "throttles", rate: round6(series.throttles[i]! / w) });
    });
  }
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: "Arrivals and throttles", subtitle: `${bucketSubtitle(s, "mean rate")}, per function${summed ? ` (the ${perFunction.length - 1} busiest, the rest summed)` : ""}` },
    ...CHART_SIZE,
    data: { values },
    transform: [{ calculate: axis.expr, as: "time" }],
    mark: { type: "line", interpolate: "step-after", invalid: "break-paths-filter-domains" },
    encoding: {
      x: timeEncoding(axis),
      y: { field: "rate", type: "quantitative", title: "requests per second (req/s)" },
      color: { field: "function", type: "nominal", title: "function", ...colourDomain(perFunction.map((f) => f.name)), legend: { labelLimit: 320 } },
      strokeDash: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain: ["arrivals", "throttles"], range: [[1, 0], [4, 3]] },
      },
      tooltip: [
        { field: "time", type: "quantitative", title: axis.title, format: ".2f" },
        { field: "function", type: "nominal" },
        { field: "series", type: "nominal" },
        { field: "rate", type: "quantitative", title: "req/s", format: ".3~f" },
      ],
    },
  };
  return { name: "arrivals", title: "Arrivals and throttles", spec };
}
