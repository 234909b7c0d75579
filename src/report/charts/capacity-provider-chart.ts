import type { TopLevelSpec } from "vega-lite";
import type { CapacityProviderSeriesResult, Result } from "../../platform/result.js";
import { formatPercent } from "../format.js";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";
import { assertSeriesBound, bucketSubtitle, timeAxis, timeEncoding, type TimeAxis } from "./time-axis.js";

/** Height of each of the chart's three panels, px (as the queue chart's). */
const PANEL_HEIGHT = 140;

/** Series of the first panel, in legend order, with their colours: billed instances, those launching, environments. */
const FLEET_KEYS = ["instances", "launching", "environments"] as const;
const FLEET_COLOURS = ["#4c78a8", "#f58518", "#54a24b"];

/** Series of the utilisation panel and their colours (the target last, drawn as a rule). */
const UTILISATION_COLOURS = ["#4c78a8", "#b279a2", "#e45756"];

/**
 * The chart name of each capacity provider with series, by provider name, in the result's order:
 * `capacity-provider` when there is one, `capacity-provider-1`, `-2`, ... when there are several
 * (file-safe whatever the provider's name).
 */
export function capacityProviderChartNames(result: Result): Map<string, string> {
  const names = Object.keys(result.capacityProviders ?? {}).filter((n) => result.capacityProviders![n]!.series !== undefined);
  return new Map(names.map((n, k) => [n, names.length === 1 ? "capacity-provider" : `capacity-provider-${k + 1}`]));
}

/**
 * One chart per capacity provider with series (result.json `capacityProviders[name].series`), in the
 * result's order, named by capacityProviderChartNames. O(buckets · providers).
 */
export function capacityProviderCharts(result: Result): ChartSpec[] {
  const names = capacityProviderChartNames(result);
  if (names.size === 0) return [];
  assertSeriesBound(result.series);
  const axis = timeAxis(result.horizonSeconds, result.warmupSeconds);
  return [...names].map(([name, chartName]) => capacityProviderChart(result, axis, name, result.capacityProviders![name]!.series!, chartName));
}

/**
 * Three panels over time: instances billed (mean per bucket; those launching, billed but not yet
 * serving, as a band) and environments alive; CPU utilisation with the scaling readings and the
 * target as a rule; throttles of the provider's functions per bucket.
 */
function capacityProviderChart(result: Result, axis: TimeAxis, provider: string, cp: CapacityProviderSeriesResult, chartName: string): ChartSpec {
  const s = result.series;
  const n = s.t.length;
  for (const key of ["instances", "launching", "environments", "cpuUtilization", "scalingReading", "throttles"] as const) {
    if (cp[key].length !== n) throw new RangeError(`capacity-provider series '${key}' of ${provider} has ${cp[key].length} points, t has ${n}`);
  }
  const values = s.t.map((t, i) => ({
    t,
    instances: round6(cp.instances[i]!),
    launching: round6(cp.launching[i]!),
    environments: round6(cp.environments[i]!),
    cpu: round6(cp.cpuUtilization[i]!),
    reading: round6(cp.scalingReading[i]!),
    throttles: cp.throttles[i]!,
  }));
  const x = timeEncoding(axis);
  const time = { field: "time", type: "quantitative", title: axis.title, format: ".2f" } as const;
  const line = { type: "line", interpolate: "step-after", invalid: "break-paths-filter-domains" } as const;
  const cpuLabel = "CPU utilisation";
  const readingLabel = "scaling reading";
  const targetLabel = `target ${formatPercent(cp.target)}`;
  const utilisationDomain = [cpuLabel, readingLabel, targetLabel];
  const utilisation = { type: "quantitative" as const, title: "utilisation", axis: { format: "%" }, scale: { domain: [0, 1] } };
  // A colour field per layer (a datum colour cannot carry the scale that gives the legend its order and colours).
  const colour = { field: "series", type: "nominal" as const, title: null, scale: { domain: utilisationDomain, range: UTILISATION_COLOURS } };
  const labelled = (label: string) => ({ calculate: JSON.stringify(label), as: "series" });
  const title = `Capacity provider ${provider}`;
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle: bucketSubtitle(s, "time-weighted mean (throttles: count)") },
    data: { values },
    transform: [{ calculate: axis.expr, as: "time" }],
    vconcat: [
      {
        width: CHART_SIZE.width,
        height: PANEL_HEIGHT,
        transform: [{ fold: [...FLEET_KEYS], as: ["series", "count"] }],
        encoding: {
          x: { ...x, title: null },
          y: { field: "count", type: "quantitative", title: "instances / environments" },
          color: { field: "series", type: "nominal", title: null, scale: { domain: [...FLEET_KEYS], range: FLEET_COLOURS } },
          tooltip: [time, { field: "series", type: "nominal" }, { field: "count", type: "quantitative", format: ",.2f" }],
        },
        layer: [
          // Launching instances as a band: billed from the scaling decision, serving only after the launch delay.
          { transform: [{ filter: "datum.series === 'launching'" }], mark: { type: "area", interpolate: "step-after", opacity: 0.4 } },
          { transform: [{ filter: "datum.series !== 'launching'" }], mark: line },
        ],
      },
      {
        width: CHART_SIZE.width,
        height: PANEL_HEIGHT,
        layer: [
          // The readings under the utilisation line: one per scaling period, denser than the line at coarse buckets.
          {
            transform: [{ filter: "isValid(datum.reading)" }, labelled(readingLabel)],
            mark: { type: "point", filled: true, size: 20, opacity: 0.8 },
            encoding: {
              x: { ...x, title: null },
              y: { field: "reading", ...utilisation },
              color: colour,
              tooltip: [time, { field: "reading", type: "quantitative", title: `${readingLabel} (max of CPU and slots)`, format: ".1%" }],
            },
          },
          {
            transform: [labelled(cpuLabel)],
            mark: line,
            encoding: {
              x: { ...x, title: null },
              y: { field: "cpu", ...utilisation },
              color: colour,
              tooltip: [time, { field: "cpu", type: "quantitative", title: cpuLabel, format: ".1%" }],
            },
          },
          {
            // One rule across the panel, from one row of its own.
            data: { values: [{ series: targetLabel }] },
            mark: { type: "rule", strokeDash: [6, 4], strokeWidth: 1.5 },
            encoding: { y: { datum: cp.target, ...utilisation }, color: colour },
          },
        ],
      },
      {
        width: CHART_SIZE.width,
        height: PANEL_HEIGHT,
        mark: { ...line, color: "#e45756" },
        encoding: {
          x,
          y: { field: "throttles", type: "quantitative", title: "throttles per bucket" },
          tooltip: [time, { field: "throttles", type: "quantitative", format: ",.0f" }],
        },
      },
    ],
    resolve: { scale: { color: "independent" } },
  };
  return { name: chartName, title, spec };
}
