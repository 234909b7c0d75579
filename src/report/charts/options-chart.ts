import type { TopLevelSpec } from "vega-lite";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";

/** One option of a comparison at the scenario's traffic: its monthly cost and its p99 latency. */
export interface OptionRow {
  option: string;
  monthly: number;
  p99Ms: number | null;
  /** The option's SLO verdict (null: no SLO or no data). */
  meetsSlo?: boolean | null;
}

/**
 * Lambda and the compared fleets side by side at the scenario's traffic: monthly cost and p99
 * latency as horizontal bars, one row per option, in the order given. An option without a p99 has no
 * latency bar (never a bar at 0). With an SLO, bars are coloured by verdict and the p99 objective is a
 * dashed rule on the latency side.
 */
export function optionsChart(rows: readonly OptionRow[], sloP99Ms: number | null = null): ChartSpec {
  const verdict = (m: boolean | null | undefined) => (m === true ? "meets the SLO" : m === false ? "misses the SLO" : "not judged");
  const values = rows.map((r) => ({ option: r.option, monthly: round6(r.monthly), p99Ms: round6(r.p99Ms), slo: verdict(r.meetsSlo) }));
  const judged = rows.some((r) => r.meetsSlo === true || r.meetsSlo === false);
  const color = judged
    ? { color: { field: "slo", type: "nominal" as const, title: "SLO", scale: { domain: ["meets the SLO", "misses the SLO", "not judged"], range: ["#54a24b", "#e45756", "#bab0ac"] } } }
    : {};
  const y = { field: "option", type: "nominal" as const, title: null, sort: rows.map((r) => r.option) };
  const width = Math.round((CHART_SIZE.width - 140) / 2);
  const height = Math.max(60, rows.length * 34);
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: "Monthly cost and p99 latency at the scenario's traffic", subtitle: sloP99Ms === null ? "the same arrivals and durations on every option" : "the same arrivals and durations on every option; dashed: the p99 objective" },
    data: { values },
    hconcat: [
      {
        width,
        height,
        mark: { type: "bar", color: "#f58518" },
        encoding: {
          ...color,
          y,
          x: { field: "monthly", type: "quantitative", title: "monthly cost (USD)" },
          tooltip: [
            { field: "option", type: "nominal" },
            { field: "monthly", type: "quantitative", title: "USD per month", format: "$,.2f" },
            { field: "slo", type: "nominal", title: "SLO" },
          ],
        },
      },
      {
        width,
        height,
        layer: [
          {
            mark: { type: "bar", color: "#4c78a8" },
            encoding: {
              ...color,
              y: { ...y, axis: null },
              x: { field: "p99Ms", type: "quantitative", title: "p99 latency (ms)" },
              tooltip: [
                { field: "option", type: "nominal" },
                { field: "p99Ms", type: "quantitative", title: "p99 (ms)", format: ",.1f" },
                { field: "slo", type: "nominal", title: "SLO" },
              ],
            },
          },
          ...(sloP99Ms === null
            ? []
            : [
                {
                  data: { values: [{ p99Ms: sloP99Ms, label: `SLO p99 ${sloP99Ms} ms` }] },
                  mark: { type: "rule" as const, strokeDash: [4, 3], color: "#e45756" },
                  encoding: { x: { field: "p99Ms", type: "quantitative" as const }, tooltip: [{ field: "label", type: "nominal" as const, title: "objective" }] },
                },
              ]),
        ],
      },
    ],
  };
  return { name: "compare-options", title: "Monthly cost and p99 latency at the scenario's traffic", spec };
}
