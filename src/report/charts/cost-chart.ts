import type { TopLevelSpec } from "vega-lite";
import type { CostBreakdown, Result } from "../../platform/result.js";
import { CHART_SIZE, VEGA_LITE_SCHEMA, type ChartSpec } from "./chart-spec.js";

/** Line items of a cost breakdown, in the order AWS's bill lists them, with their labels. */
const LINE_ITEMS: ReadonlyArray<readonly [keyof CostBreakdown, string]> = [
  ["requests", "requests"],
  ["compute", "duration"],
  ["init", "INIT phase"],
  ["provisioned", "provisioned concurrency"],
  ["ephemeralStorage", "ephemeral storage"],
  ["snapStart", "SnapStart"],
  ["frontDoor", "front door"],
];

/** One bar segment: a function's monthly dollars for one line item. */
export interface CostRow {
  function: string;
  item: string;
  dollars: number;
}

/** The non-zero monthly line items of every priced function. O(functions). */
export function costRows(result: Result): CostRow[] {
  const rows: CostRow[] = [];
  for (const [name, fr] of Object.entries(result.functions)) {
    const monthly = fr.cost?.monthly;
    if (!monthly) continue;
    for (const [key, label] of LINE_ITEMS) if (monthly[key] > 0) rows.push({ function: name, item: label, dollars: monthly[key] });
  }
  return rows;
}

/**
 * Monthly cost breakdown: one horizontal bar per function, stacked by line item, in dollars
 * (the window's usage projected to the scenario's month). Null when the result was not priced.
 */
export function costChart(result: Result): ChartSpec | null {
  if (!result.total.cost) return null;
  const values = costRows(result);
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: "Monthly cost", subtitle: `by line item; total $${result.total.cost.monthly.total.toLocaleString("en-US")}` },
    width: CHART_SIZE.width,
    height: { step: 28 },
    data: { values },
    mark: { type: "bar" },
    encoding: {
      y: { field: "function", type: "nominal", title: "function" },
      x: { field: "dollars", type: "quantitative", title: "monthly cost (USD)", stack: "zero", axis: { format: "$,.2~f" } },
      color: { field: "item", type: "nominal", title: "line item", sort: LINE_ITEMS.map(([, label]) => label) },
      tooltip: [
        { field: "function", type: "nominal" },
        { field: "item", type: "nominal", title: "line item" },
        { field: "dollars", type: "quantitative", title: "USD per month", format: "$,.2f" },
      ],
    },
  };
  return { name: "cost", title: "Monthly cost", spec };
}
