import type { Result } from "../../platform/result.js";
import { arrivalsChart } from "./arrivals-chart.js";
import { concurrencyChart } from "./concurrency-chart.js";
import { costChart } from "./cost-chart.js";
import { latencyChart } from "./latency-chart.js";
import { latencyDistributionChart } from "./latency-distribution-chart.js";
import { queueCharts } from "./queue-chart.js";
import { capacityProviderCharts } from "./capacity-provider-chart.js";
import type { ChartSpec } from "./chart-spec.js";

export { arrivalsChart, concurrencyChart, costChart, latencyChart, latencyDistributionChart, queueCharts, capacityProviderCharts };
export { capacityProviderChartNames } from "./capacity-provider-chart.js";
export { costRows, type CostRow } from "./cost-chart.js";
export { memoryCurveChart, type MemoryCurveRow } from "./memory-curve-chart.js";
export { managedOptionsChart, type ManagedOptionRow } from "./managed-options-chart.js";
export { breakEvenChart, type BreakEvenSeries } from "./break-even-chart.js";
export { pcScheduleChart, type ScheduleSteps } from "./pc-schedule-chart.js";
export { sweepChart, numericAxis, type SweepChartInput, type SweepInterval } from "./sweep-chart.js";
export { optionsChart, type OptionRow } from "./options-chart.js";
export { latencyBinRows, type LatencyBinRow } from "./latency-distribution-chart.js";
export { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";
export { timeAxis, assertSeriesBound, type TimeAxis } from "./time-axis.js";

/**
 * The charts of a `run` report, in page order, a queue chart per sqs or stream function and a chart per
 * capacity provider (pure). O(buckets · (queues + providers) + bins).
 */
export function runCharts(result: Result): ChartSpec[] {
  const charts = [arrivalsChart(result), concurrencyChart(result), latencyChart(result), latencyDistributionChart(result), ...queueCharts(result), ...capacityProviderCharts(result)];
  const cost = costChart(result);
  if (cost) charts.push(cost);
  return charts;
}
