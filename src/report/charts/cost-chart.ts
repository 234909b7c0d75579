import type { TopLevelSpec } from "vega-lite";
import type { CostBreakdown, Result } from "../../platform/result.js";
import { sumCents } from "../../pricing/money.js";
import { chartedFunctions, otherLabel } from "./charted-functions.js";
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
  ["instances", "LMI instances"],
  ["managementFee", "LMI management fee"],
];

/** One bar segment: a function's monthly dollars for one line item. */
export interface CostRow {
  function: string;
  item: string;
  dollars: number;
}

/**
 * The non-zero monthly line items of every charted function (chartedFunctions), then of the
 * functions left out summed as `other (N functions)`. O(functions).
 */
export function costRows(result: Result): CostRow[] {
  const rows: CostRow[] = [];
  const charted = chartedFunctions(result);
  for (const name of charted.names) {
    const monthly = result.functions[name]!.cost?.monthly;
    if (!monthly) continue;
    for (const [key, label] of LINE_ITEMS) {
      const dollars = monthly[key] ?? 0;
      if (dollars > 0) rows.push({ function: name, item: label, dollars });
    }
  }
  if (charted.others.length === 0) return rows;
  const other = otherLabel(charted.others);
  for (const [key, label] of LINE_ITEMS) {
    const dollars = sumCents(charted.others.map((name) => result.functions[name]!.cost?.monthly[key] ?? 0));
    if (dollars > 0) rows.push({ function: other, item: label, dollars });
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
