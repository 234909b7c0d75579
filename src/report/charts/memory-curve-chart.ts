import type { TopLevelSpec } from "vega-lite";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";

/** One tested memory size, as the memory tuner measured it (means across replications). */
export interface MemoryCurveRow {
  memoryMB: number;
  p99Ms: number | null;
  monthlyCost: number | null;
  /** 95 % interval of the p99 across replications, when there were several. */
  p99Low?: number | null;
  p99High?: number | null;
  sloPass: boolean | null;
}

/**
 * The memory tuner's curve: p99 latency and monthly cost against memory size, one panel each, on
 * a log memory axis. Only the tested sizes are drawn as points (joined by a thin line), so no one
 * reads an optimum between them; the recommended size is marked by a vertical rule and the SLO by
 * a horizontal one. Sizes without data are left out, never drawn as 0.
 */
export function memoryCurveChart(rows: readonly MemoryCurveRow[], recommendedMB: number | null, sloP99Ms: number | null): ChartSpec {
  const values = rows
    .filter((r) => r.p99Ms !== null && r.monthlyCost !== null)
    .map((r) => ({
      memoryMB: r.memoryMB,
      p99Ms: round6(r.p99Ms),
      p99Low: round6(r.p99Low ?? null),
      p99High: round6(r.p99High ?? null),
      monthlyCost: round6(r.monthlyCost),
      slo: r.sloPass === null ? "no SLO" : r.sloPass ? "meets SLO" : "misses SLO",
    }));
  const x = {
    field: "memoryMB",
    type: "quantitative" as const,
    title: "memory (MB, log scale)",
    scale: { type: "log" as const, nice: false, padding: 12 },
    axis: { values: values.map((v) => v.memoryMB), format: "d" },
  };
  const marker = recommendedMB === null ? [] : [{ mark: { type: "rule" as const, color: "#54a24b", strokeDash: [4, 3] }, encoding: { x: { datum: recommendedMB, type: "quantitative" as const } } }];
  const height = Math.round(CHART_SIZE.height * 0.8);
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: "Memory size: latency and cost",
      subtitle: `tested sizes as points${recommendedMB === null ? "" : `; recommended ${recommendedMB} MB (dashed)`}`,
    },
    data: { values },
    vconcat: [
      {
        width: CHART_SIZE.width,
        height,
        layer: [
          { mark: { type: "line", strokeWidth: 1, color: "#9ecae9" }, encoding: { x, y: { field: "p99Ms", type: "quantitative", title: "p99 latency (ms)" } } },
          { mark: { type: "rule", color: "#4c78a8" }, encoding: { x, y: { field: "p99Low", type: "quantitative" }, y2: { field: "p99High" } } },
          {
            mark: { type: "point", filled: true, size: 70 },
            encoding: {
              x,
              y: { field: "p99Ms", type: "quantitative" },
              color: { field: "slo", type: "nominal", title: null, scale: { domain: ["meets SLO", "misses SLO", "no SLO"], range: ["#54a24b", "#e45756", "#4c78a8"] } },
              tooltip: [
                { field: "memoryMB", type: "quantitative", title: "memory (MB)" },
                { field: "p99Ms", type: "quantitative", title: "p99 (ms)", format: ".1f" },
                { field: "slo", type: "nominal", title: "SLO" },
              ],
            },
          },
          ...(sloP99Ms === null ? [] : [{ mark: { type: "rule" as const, color: "#e45756", strokeDash: [2, 2] }, encoding: { y: { datum: sloP99Ms, type: "quantitative" as const } } }]),
          ...marker,
        ],
      },
      {
        width: CHART_SIZE.width,
        height,
        layer: [
          { mark: { type: "line", strokeWidth: 1, color: "#ffbf79" }, encoding: { x, y: { field: "monthlyCost", type: "quantitative", title: "monthly cost (USD)" } } },
          {
            mark: { type: "point", filled: true, size: 70, color: "#f58518" },
            encoding: {
              x,
              y: { field: "monthlyCost", type: "quantitative" },
              tooltip: [
                { field: "memoryMB", type: "quantitative", title: "memory (MB)" },
                { field: "monthlyCost", type: "quantitative", title: "USD per month", format: "$,.2f" },
              ],
            },
          },
          ...marker,
        ],
      },
    ],
  };
  return { name: "tune-memory", title: "Memory size: latency and cost", spec };
}
