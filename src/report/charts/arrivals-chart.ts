import type { TopLevelSpec } from "vega-lite";
import type { Result } from "../../platform/result.js";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";
import { assertSeriesBound, bucketSubtitle, timeEncoding, bucketWidthSeconds, timeAxis } from "./time-axis.js";

/** Rate of arrivals and of throttles over time, requests per second per bucket (step lines). O(buckets). */
export function arrivalsChart(result: Result): ChartSpec {
  const s = result.series;
  assertSeriesBound(s);
  const axis = timeAxis(result.horizonSeconds, result.warmupSeconds);
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
