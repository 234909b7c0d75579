import { HEADLINE_METRICS, headlineOf, type Headline, type HeadlineMetric } from "./headline.js";
import type { ChartSpec } from "./charts/chart-spec.js";
import { escapeHtml, sectionsHtml } from "./html-page.js";
import { formatCount, formatMs, formatPercent, formatUsd } from "./format.js";
import { runDocument, type RunReportInput } from "./run-document.js";

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

/** "+12.5 %", "−3.0 %", "same", or "" when either side has no data (the change from the original run). */
export function changeWords(base: number | null, now: number | null): string {
  if (base === null || now === null) return "";
  if (base === now) return "same";
  if (base === 0) return now > 0 ? "up from 0" : "down from 0";
  const pct = ((now - base) / Math.abs(base)) * 100;
  return `${pct > 0 ? "+" : "−"}${Math.abs(pct).toFixed(1)} %`;
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

/** The what-if results as the panel shows them: HTML (headline, then the run report's own sections) and the charts to draw beside the original's. */
export interface WhatIfView {
  html: string;
  charts: Array<{ name: string; title: string; spec: ChartSpec["spec"] }>;
}

/**
 * The what-if run's results, made by the same code as the report page (runDocument, sectionsHtml), with
 * the headline compared with the original run's `base` (pure). Charts are returned apart: the panel
 * draws each beside the original chart of the same name.
 */
export function whatIfView(input: RunReportInput, base: Headline): WhatIfView {
  const doc = runDocument(input);
  const sections = doc.sections.filter((s) => SHOWN.has(s.heading));
  return {
    html: headlineHtml(base, headlineOf(input.result)) + sectionsHtml({ ...doc, sections, charts: [] }, 3),
    charts: doc.charts.map((c) => ({ name: c.name, title: c.title, spec: c.spec })),
  };
}
