import { HEADLINE_METRICS, headlineOf, type Headline, type HeadlineMetric } from "./headline.js";
import type { ChartSpec } from "./charts/chart-spec.js";
import { escapeHtml, sectionsHtml } from "./html-page.js";
import { formatCount, formatMs, formatPercent, formatUsd } from "./format.js";
import { runDocument, type RunReportInput } from "./run-document.js";
import { baseTables, changeWords, tableMarker, type BaseTables } from "./what-if-diff.js";

export { changeWords };

const LABELS: Record<HeadlineMetric, string> = {
  invocations: "invocations",
  throttled: "throttled",
  coldStartRate: "cold-start rate",
  p50Ms: "p50 latency",
  p99Ms: "p99 latency",
  monthlyCost: "monthly cost",
};

function formatMetric(m: HeadlineMetric, x: number | null): string {
  if (x === null) return "n/a";
  if (m === "coldStartRate") return formatPercent(x);
  if (m === "p50Ms" || m === "p99Ms") return formatMs(x);
  if (m === "monthlyCost") return formatUsd(x);
  return formatCount(x);
}

/**
 * The headline table of a what-if run beside the original: one row per figure, its what-if cell an
 * element with `data-metric` and the unformatted number in `data-value` ("" for no data), the change
 * marked `up` or `down` (pure; every text escaped).
 */
export function headlineHtml(base: Headline, now: Headline): string {
  const rows = HEADLINE_METRICS.map((m) => {
    const change = changeWords(base[m], now[m]);
    const dir = base[m] === null || now[m] === null || base[m] === now[m] ? "" : now[m]! > base[m]! ? " up" : " down";
    return (
      `<tr><td>${LABELS[m]}</td><td class="num">${escapeHtml(formatMetric(m, base[m]))}</td>` +
      `<td class="num" data-metric="${m}" data-value="${now[m] === null ? "" : String(now[m])}">${escapeHtml(formatMetric(m, now[m]))}</td>` +
      `<td class="num change${dir}">${escapeHtml(change)}</td></tr>`
    );
  });
  return `<table class="headline">\n<thead><tr><th>figure</th><th class="num">original</th><th class="num">what if</th><th class="num">change</th></tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>\n`;
}

/** Sections of a run's document the what-if panel shows (the scenario's assumptions and engine figures stay with the original). */
const SHOWN = new Set(["Findings", "Results", "Queues and batches", "Cost", "Service-level objectives"]);

/** The headline figures each chart of a run's page draws, which the caption under a chart pair compares. */
const CHART_METRICS: Record<string, HeadlineMetric[]> = {
  arrivals: ["invocations", "throttled"],
  latency: ["p50Ms", "p99Ms"],
  "latency-distribution": ["p50Ms", "p99Ms"],
  concurrency: ["coldStartRate"],
  cost: ["monthlyCost"],
};

/**
 * The caption under a chart pair: the change of the headline figures the chart draws ("p99 latency
 * 412 ms (was 380 ms, +8.4 %)"), or null for a chart with none (pure).
 */
export function chartChange(name: string, base: Headline, now: Headline): string | null {
  const metrics = CHART_METRICS[name];
  if (metrics === undefined) return null;
  return metrics
    .map((m) => {
      const change = changeWords(base[m], now[m]);
      const figure = `${LABELS[m]} ${formatMetric(m, now[m])}`;
      return change === "same" || change === "" ? `${figure} (same as the original)` : `${figure} (was ${formatMetric(m, base[m])}, ${change})`;
    })
    .join("; ");
}

/** The sections of a run's document the panel shows, from the original run: their tables, which the what-if tables are marked against. */
export function shownBaseTables(input: RunReportInput): BaseTables {
  return baseTables(runDocument(input).sections.filter((s) => SHOWN.has(s.heading)));
}

/** The what-if results as the panel shows them: HTML (headline, then the run report's own sections) and the charts to draw beside the original's. */
export interface WhatIfView {
  html: string;
  /** Each chart with `change`, the caption under its pair (chartChange). */
  charts: Array<{ name: string; title: string; spec: ChartSpec["spec"]; change: string | null }>;
}

/**
 * The what-if run's results, made by the same code as the report page (runDocument, sectionsHtml), with
 * the headline compared with the original run's `base` and each table cell that differs from the
 * original's `tables` marked with its original value and the signed change (pure). Charts are returned
 * apart: the panel draws each beside the original chart of the same name, with its caption.
 */
export function whatIfView(input: RunReportInput, base: Headline, tables: BaseTables = {}): WhatIfView {
  const doc = runDocument(input);
  const sections = doc.sections.filter((s) => SHOWN.has(s.heading));
  const now = headlineOf(input.result);
  return {
    html: headlineHtml(base, now) + sectionsHtml({ ...doc, sections, charts: [] }, 3, "chart-", tableMarker(sections, tables)),
    charts: doc.charts.map((c) => ({ name: c.name, title: c.title, spec: c.spec, change: chartChange(c.name, base, now) })),
  };
}
