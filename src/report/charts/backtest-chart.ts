import type { TopLevelSpec } from "vega-lite";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";
import { timeAxis, timeEncoding } from "./time-axis.js";
import { formatSeconds } from "../format.js";

/** One metric of a backtest, per period: observed, the replications' mean and their [min, max]. */
export interface BacktestChartInput {
  /** File-safe key, e.g. `concurrentexecutions`. */
  key: string;
  /** What is counted, e.g. "ConcurrentExecutions (Maximum)". */
  label: string;
  /** Period start, seconds since the first period. */
  t: readonly number[];
  periodSeconds: number;
  observed: readonly number[];
  mean: readonly number[];
  low: readonly number[];
  high: readonly number[];
  replications: number;
}

/** Colours: observed (CloudWatch) and simulated, the band in the simulated colour. */
const OBSERVED = "#e45756";
const SIMULATED = "#4c78a8";

/**
 * Simulated vs observed over the observed periods: the replications' range as a band, their mean
 * and CloudWatch's value as step lines. O(periods).
 */
export function backtestChart(input: BacktestChartInput): ChartSpec {
  const horizonSeconds = input.t.length === 0 ? input.periodSeconds : input.t[input.t.length - 1]! + input.periodSeconds;
  const axis = timeAxis(horizonSeconds, 0);
  const rows: Array<Record<string, number | string | null>> = [];
  input.t.forEach((t, i) => {
    rows.push({ t, series: "observed (CloudWatch)", value: round6(input.observed[i]!), low: null, high: null });
    rows.push({ t, series: `simulated (mean of ${input.replications})`, value: round6(input.mean[i]!), low: round6(input.low[i]!), high: round6(input.high[i]!) });
  });
  const simulated = `simulated (mean of ${input.replications})`;
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `${input.label}: simulated vs observed`,
      subtitle: `per ${formatSeconds(input.periodSeconds)} period; band: the ${input.replications} replications' range`,
    },
    ...CHART_SIZE,
    data: { values: rows },
    transform: [{ calculate: axis.expr, as: "time" }],
    encoding: { x: timeEncoding(axis) },
    layer: [
      {
        transform: [{ filter: `datum.series === '${simulated}'` }],
        mark: { type: "area", interpolate: "step-after", opacity: 0.25, color: SIMULATED },
        encoding: { y: { field: "low", type: "quantitative", title: input.label }, y2: { field: "high" } },
      },
      {
        mark: { type: "line", interpolate: "step-after", strokeWidth: 1.2 },
        encoding: {
          y: { field: "value", type: "quantitative", title: input.label },
          color: { field: "series", type: "nominal", title: null, scale: { domain: ["observed (CloudWatch)", simulated], range: [OBSERVED, SIMULATED] }, legend: { labelLimit: 320 } },
          tooltip: [
            { field: "time", type: "quantitative", title: axis.title, format: ".2f" },
            { field: "series", type: "nominal" },
            { field: "value", type: "quantitative" },
          ],
        },
      },
    ],
  };
  return { name: `backtest-${input.key}`, title: `${input.label}: simulated vs observed`, spec };
}
