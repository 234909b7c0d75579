import type { TopLevelSpec } from "vega-lite";
import type { LatencyDistributionResult, Result } from "../../platform/result.js";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";

/** Bins per doubling of the result's latency distribution (result.ts `LatencyDistributionResult`). */
const BINS_PER_DOUBLING = 8;

/** One bar of the distribution chart: a bin of one group (warm or cold). */
export interface LatencyBinRow {
  lowerMs: number;
  upperMs: number;
  group: "warm" | "cold";
  requests: number;
  /** Share of the group's requests in this bin, percent. */
  sharePercent: number;
  /**
   * Share per doubling of latency: sharePercent / log2(upper / lower), what the chart draws. Bins are of
   * equal width within a doubling, so their log widths shrink from 0.17 to 0.09 of a doubling and jump
   * back at each power of two; a share per bin would draw those jumps (at 16, 32, 64, 128 ms) as modes.
   */
  densityPercentPerDoubling: number;
}

/**
 * Bars of the distribution, one per non-empty bin and group. The bins split each doubling into
 * equal parts, so the last bin's width is its doubling's width / 8. The zero bin (lower edge 0,
 * which a log axis cannot place) is drawn from half its upper edge. O(bins).
 */
export function latencyBinRows(d: LatencyDistributionResult): LatencyBinRow[] {
  const rows: LatencyBinRow[] = [];
  const totals = { warm: d.warm.reduce((a, b) => a + b, 0), cold: d.cold.reduce((a, b) => a + b, 0) };
  d.lowerMs.forEach((lower, i) => {
    const next = d.lowerMs[i + 1];
    const upper = next ?? (lower > 0 ? lower + 2 ** Math.floor(Math.log2(lower)) / BINS_PER_DOUBLING : 0);
    if (!(upper > 0)) return; // a lone zero bin: nothing a log axis can show
    const lowerShown = lower > 0 ? lower : upper / 2;
    for (const group of ["warm", "cold"] as const) {
      const requests = d[group][i]!;
      if (requests === 0) continue;
      const share = (100 * requests) / totals[group];
      const densityPercentPerDoubling = round6(share / Math.log2(upper / lowerShown))!;
      rows.push({ lowerMs: round6(lowerShown)!, upperMs: round6(upper)!, group, requests, sharePercent: round6(share)!, densityPercentPerDoubling });
    }
  });
  return rows;
}

/**
 * Latency distribution of warm and cold requests over the measured window: for each group, the
 * density of its requests per doubling of latency (share of the bin / its log2 width) on a log latency
 * axis (ms), so a smooth distribution draws smooth whatever the bins' widths. O(bins).
 */
export function latencyDistributionChart(result: Result): ChartSpec {
  const values = latencyBinRows(result.latencyDistribution);
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: "Latency distribution, warm vs cold",
      subtitle: "each group's requests per doubling of latency (% of the group; area = share)",
    },
    ...CHART_SIZE,
    data: { values },
    mark: { type: "rect", opacity: 0.65 },
    encoding: {
      x: { field: "lowerMs", type: "quantitative", title: "latency (ms, log scale)", scale: { type: "log", nice: false }, axis: { format: "~s" } },
      x2: { field: "upperMs" },
      y: { field: "densityPercentPerDoubling", type: "quantitative", title: "requests per doubling of latency (%)", stack: null },
      y2: { datum: 0 },
      color: {
        field: "group",
        type: "nominal",
        title: null,
        scale: { domain: ["warm", "cold"], range: ["#4c78a8", "#e45756"] },
      },
      tooltip: [
        { field: "group", type: "nominal" },
        { field: "lowerMs", type: "quantitative", title: "from (ms)", format: ".3~f" },
        { field: "upperMs", type: "quantitative", title: "to (ms)", format: ".3~f" },
        { field: "requests", type: "quantitative", title: "requests", format: "," },
        { field: "sharePercent", type: "quantitative", title: "share (%)", format: ".3~f" },
        { field: "densityPercentPerDoubling", type: "quantitative", title: "% per doubling", format: ".3~f" },
      ],
    },
  };
  return { name: "latency-distribution", title: "Latency distribution, warm vs cold", spec };
}
