import type { TopLevelSpec } from "vega-lite";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";

/** One fleet's break-even search: the rates probed with both monthly costs, and where they cross. */
export interface BreakEvenSeries {
  /** "EC2" or "Fargate" (with the instance or task size, if wanted). */
  fleet: string;
  probes: ReadonlyArray<{ ratePerSec: number; lambdaMonthly: number; fleetMonthly: number }>;
  /** The break-even rate, or null when the costs do not cross in the range. */
  ratePerSec: number | null;
}

/**
 * Monthly cost against traffic for Lambda and each fleet, on log-log axes, from the probed rates
 * only (drawn as points, joined by thin lines); each break-even rate is marked by a vertical rule.
 */
export function breakEvenChart(searches: readonly BreakEvenSeries[]): ChartSpec {
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
  const crossings = searches.filter((s) => s.ratePerSec !== null).map((s) => ({ ratePerSec: round6(s.ratePerSec)!, label: `${s.fleet} break-even ${formatRate(s.ratePerSec!)}` }));
  const x = { field: "ratePerSec", type: "quantitative" as const, title: "traffic (req/s, log scale)", scale: { type: "log" as const } };
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: "Monthly cost vs traffic", subtitle: "probed rates as points; dashed: where Lambda stops being cheaper" },
    ...CHART_SIZE,
    layer: [
      {
        data: { values },
        mark: { type: "line", strokeWidth: 1 },
        encoding: { x, y: { field: "monthly", type: "quantitative", title: "monthly cost (USD, log scale)", scale: { type: "log" } }, color: { field: "option", type: "nominal", title: null } },
      },
      {
        data: { values },
        mark: { type: "point", filled: true, size: 50 },
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
    ],
  };
  return { name: "break-even", title: "Monthly cost vs traffic", spec };
}

function formatRate(perSec: number): string {
  return `${Number(perSec.toPrecision(4))}/s`;
}
