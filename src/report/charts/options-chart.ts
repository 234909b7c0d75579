import type { TopLevelSpec } from "vega-lite";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";

/** One option of a comparison at the scenario's traffic: its monthly cost and its p99 latency. */
export interface OptionRow {
  option: string;
  monthly: number;
  p99Ms: number | null;
}

/**
 * Lambda and the compared fleets side by side at the scenario's traffic: monthly cost and p99
 * latency as horizontal bars, one row per option, in the order given. An option without a p99 has no
 * latency bar (never a bar at 0).
 */
export function optionsChart(rows: readonly OptionRow[]): ChartSpec {
  const values = rows.map((r) => ({ option: r.option, monthly: round6(r.monthly), p99Ms: round6(r.p99Ms) }));
  const y = { field: "option", type: "nominal" as const, title: null, sort: rows.map((r) => r.option) };
  const width = Math.round((CHART_SIZE.width - 140) / 2);
  const height = Math.max(60, rows.length * 34);
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: "Monthly cost and p99 latency at the scenario's traffic", subtitle: "the same arrivals and durations on every option" },
    data: { values },
    hconcat: [
      {
        width,
        height,
        mark: { type: "bar", color: "#f58518" },
        encoding: {
          y,
          x: { field: "monthly", type: "quantitative", title: "monthly cost (USD)" },
          tooltip: [
            { field: "option", type: "nominal" },
            { field: "monthly", type: "quantitative", title: "USD per month", format: "$,.2f" },
          ],
        },
      },
      {
        width,
        height,
        mark: { type: "bar", color: "#4c78a8" },
        encoding: {
          y: { ...y, axis: null },
          x: { field: "p99Ms", type: "quantitative", title: "p99 latency (ms)" },
          tooltip: [
            { field: "option", type: "nominal" },
            { field: "p99Ms", type: "quantitative", title: "p99 (ms)", format: ",.1f" },
          ],
        },
      },
    ],
  };
  return { name: "compare-options", title: "Monthly cost and p99 latency at the scenario's traffic", spec };
}
