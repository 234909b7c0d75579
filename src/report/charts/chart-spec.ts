import type { TopLevelSpec } from "vega-lite";

/** One chart of a report: a file-safe name (`arrivals` → arrivals.svg), a title and its Vega-Lite spec. */
export interface ChartSpec {
  name: string;
  title: string;
  spec: TopLevelSpec;
}

/** Size of one chart's plotting area, px (the same in the page, the SVG and the PNG). */
export const CHART_SIZE = { width: 720, height: 220 } as const;

/** The Vega-Lite schema URL stamped on every spec (metadata only: nothing fetches it). */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Rounds to 6 significant digits, keeping null (never NaN) so a chart's data stays small and honest. */
export function round6(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : Number(x.toPrecision(6));
}
