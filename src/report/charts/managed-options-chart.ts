import type { TopLevelSpec } from "vega-lite";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";

/** One option of `tune managed` as the chart draws it (means across replications). */
export interface ManagedOptionRow {
  label: string;
  instanceType: string;
  memoryGiBPerVCpu: number;
  maxConcurrency: number;
  p99Ms: number | null;
  monthlyCost: number | null;
  meetsSlo: boolean | null;
}

/**
 * Cost against p99 of every option `tune managed` simulated: one point per option, coloured by instance
 * type, shaped by memoryGiBPerVCpu, filled when it meets the objectives; the p99 objective is a
 * vertical rule and the recommended option a ring. Options without data are left out, never drawn as 0.
 */
export function managedOptionsChart(rows: readonly ManagedOptionRow[], recommended: string | null, sloP99Ms: number | null): ChartSpec {
  const values = rows
    .filter((r) => r.p99Ms !== null && r.monthlyCost !== null)
    .map((r) => ({
      label: r.label,
      instanceType: r.instanceType,
      ratio: `${r.memoryGiBPerVCpu} GiB/vCPU`,
      maxConcurrency: r.maxConcurrency,
      p99Ms: round6(r.p99Ms),
      monthlyCost: round6(r.monthlyCost),
      slo: r.meetsSlo === null ? "no SLO" : r.meetsSlo ? "meets SLO" : "misses SLO",
      recommended: r.label === recommended,
    }));
  const x = { field: "p99Ms", type: "quantitative" as const, title: "p99 latency (ms, log scale)", scale: { type: "log" as const, nice: false, padding: 12 } };
  const y = { field: "monthlyCost", type: "quantitative" as const, title: "monthly cost (USD)", scale: { zero: false, padding: 12 } };
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: "Managed Instances options: cost against p99",
      subtitle: `each option simulated; hollow: misses an objective${recommended === null ? "" : `; ringed: recommended (${recommended})`}`,
    },
    width: CHART_SIZE.width,
    height: Math.round(CHART_SIZE.height * 1.4),
    data: { values },
    layer: [
      // Filled: meets the objectives (or there are none); hollow: misses one.
      ...[true, false].map((filled) => ({
        transform: [{ filter: filled ? "datum.slo !== 'misses SLO'" : "datum.slo === 'misses SLO'" }],
        mark: { type: "point" as const, size: 80, strokeWidth: 2, filled },
        encoding: {
          x,
          y,
          color: { field: "instanceType", type: "nominal" as const, title: "instance type" },
          shape: { field: "ratio", type: "nominal" as const, title: "memory per vCPU" },
          tooltip: [
            { field: "label", type: "nominal" as const, title: "option" },
            { field: "maxConcurrency", type: "quantitative" as const, title: "maxConcurrency" },
            { field: "p99Ms", type: "quantitative" as const, title: "p99 (ms)", format: ".1f" },
            { field: "monthlyCost", type: "quantitative" as const, title: "USD per month", format: "$,.2f" },
            { field: "slo", type: "nominal" as const, title: "SLO" },
          ],
        },
      })),
      {
        transform: [{ filter: "datum.recommended" }],
        mark: { type: "point", shape: "circle", size: 420, filled: false, strokeWidth: 2.5, color: "#54a24b" },
        encoding: { x, y },
      },
      ...(sloP99Ms === null ? [] : [{ mark: { type: "rule" as const, color: "#e45756", strokeDash: [2, 2] }, encoding: { x: { datum: sloP99Ms, type: "quantitative" as const } } }]),
    ],
  };
  return { name: "tune-managed", title: "Managed Instances options: cost against p99", spec };
}
