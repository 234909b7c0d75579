import type { TopLevelSpec } from "vega-lite";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";

/** One fleet's break-even search: the rates probed with both monthly costs, and where they cross. */
export interface BreakEvenSeries {
  /** "EC2 m7g.large" or "Fargate 1 vCPU / 2 GB". */
  fleet: string;
  probes: ReadonlyArray<{ ratePerSec: number; lambdaMonthly: number; fleetMonthly: number }>;
  /** The break-even rate, or null when the costs do not cross in the range. */
  ratePerSec: number | null;
  /** The interval the break-even lies in (drawn as a band when it crosses). */
  lowPerSec: number;
  highPerSec: number;
}

/**
 * Monthly cost against traffic for Lambda and each fleet, on log-log axes: every option as a line
 * through all its probed rates (both ends of the range included, so an option cheaper throughout is a
 * line over the whole range), the probes as points. Each break-even is a labelled dashed rule over a
 * band (its interval); the scenario's own mean rate is a labelled grey rule.
 */
export function breakEvenChart(searches: readonly BreakEvenSeries[], scenarioRatePerSec: number): ChartSpec {
  const values: Array<{ ratePerSec: number; monthly: number; option: string }> = [];
  const seen = new Set<number>();
  for (const s of searches) {
    for (const p of [...s.probes].sort((a, b) => a.ratePerSec - b.ratePerSec)) {
      values.push({ ratePerSec: round6(p.ratePerSec)!, monthly: round6(p.fleetMonthly)!, option: s.fleet });
      if (!seen.has(p.ratePerSec)) {
        seen.add(p.ratePerSec);
        values.push({ ratePerSec: round6(p.ratePerSec)!, monthly: round6(p.lambdaMonthly)!, option: "Lambda" });
      }
    }
  }
  values.sort((a, b) => a.option.localeCompare(b.option) || a.ratePerSec - b.ratePerSec);
  const crossings = searches
    .filter((s) => s.ratePerSec !== null)
    .map((s, i) => ({ ratePerSec: round6(s.ratePerSec)!, low: round6(s.lowPerSec)!, high: round6(s.highPerSec)!, label: `${s.fleet} break-even ${formatRate(s.ratePerSec!)}`, dy: 12 + 14 * i }));
  const scenario = [{ ratePerSec: round6(scenarioRatePerSec)!, label: `scenario's traffic ${formatRate(scenarioRatePerSec)}` }];
  const x = { field: "ratePerSec", type: "quantitative" as const, title: "traffic (req/s, log scale)", scale: { type: "log" as const } };
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: "Monthly cost vs traffic", subtitle: "each option over the probed range; dashed: break-even (band: its 95 % interval); grey: the scenario's traffic" },
    ...CHART_SIZE,
    layer: [
      {
        data: { values: crossings },
        mark: { type: "rect", color: "#54a24b", opacity: 0.15 },
        encoding: { x: { field: "low", type: "quantitative" }, x2: { field: "high" } },
      },
      {
        data: { values },
        mark: { type: "line", strokeWidth: 1.5 },
        encoding: { x, y: { field: "monthly", type: "quantitative", title: "monthly cost (USD, log scale)", scale: { type: "log" } }, color: { field: "option", type: "nominal", title: null } },
      },
      {
        data: { values },
        mark: { type: "point", filled: true, size: 40 },
        encoding: {
          x,
          y: { field: "monthly", type: "quantitative" },
          color: { field: "option", type: "nominal", title: null },
          tooltip: [
            { field: "option", type: "nominal" },
            { field: "ratePerSec", type: "quantitative", title: "req/s", format: ",.3~f" },
            { field: "monthly", type: "quantitative", title: "USD per month", format: "$,.2f" },
          ],
        },
      },
      {
        data: { values: crossings },
        mark: { type: "rule", strokeDash: [4, 3], color: "#54a24b" },
        encoding: { x: { field: "ratePerSec", type: "quantitative" }, tooltip: [{ field: "label", type: "nominal", title: "break-even" }] },
      },
      {
        data: { values: crossings },
        mark: { type: "text", align: "left", dx: 4, color: "#2f6b2a", fontSize: 11 },
        encoding: { x: { field: "ratePerSec", type: "quantitative" }, y: { field: "dy", type: "quantitative", scale: null }, text: { field: "label" } },
      },
      {
        data: { values: scenario },
        mark: { type: "rule", color: "#888888", strokeWidth: 1.5 },
        encoding: { x: { field: "ratePerSec", type: "quantitative" }, tooltip: [{ field: "label", type: "nominal", title: "traffic" }] },
      },
      {
        data: { values: scenario },
        mark: { type: "text", align: "left", dx: 4, dy: -6, color: "#555555", fontSize: 11 },
        encoding: { x: { field: "ratePerSec", type: "quantitative" }, y: { value: CHART_SIZE.height }, text: { field: "label" } },
      },
    ],
  };
  return { name: "break-even", title: "Monthly cost vs traffic", spec };
}

function formatRate(perSec: number): string {
  return `${Number(perSec.toPrecision(4))}/s`;
}
