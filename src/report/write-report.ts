import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCharts } from "./charts/index.js";
import { htmlPage } from "./html-page.js";
import { renderChart } from "./render-chart.js";
import { summaryMarkdown, type SummaryInput } from "./summary-markdown.js";
import { readVegaLibraries } from "./vega-libraries.js";

/** Files of a `run` report, as paths under its folder. */
export interface RunReportFiles {
  resultJson: string;
  summaryMd: string;
  indexHtml: string;
  /** One SVG and one PNG per chart, in page order. */
  charts: Array<{ name: string; svg: string; png: string }>;
}

/**
 * Writes the report of one run into `outDir` (created if missing): result.json, summary.md (with
 * the charts embedded as images), index.html (self-contained) and an SVG and a PNG per chart.
 * Throws the file system's error when the folder cannot be written. Cost: renders every chart once.
 */
export async function writeRunReport(outDir: string, input: Omit<SummaryInput, "charts">): Promise<RunReportFiles> {
  const charts = runCharts(input.result);
  // Render before writing anything, so a rendering bug leaves no half-written report.
  const rendered = await Promise.all(charts.map((c) => renderChart(c.spec)));
  const files: RunReportFiles = {
    resultJson: join(outDir, "result.json"),
    summaryMd: join(outDir, "summary.md"),
    indexHtml: join(outDir, "index.html"),
    charts: charts.map((c) => ({ name: c.name, svg: join(outDir, `${c.name}.svg`), png: join(outDir, `${c.name}.png`) })),
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(files.resultJson, JSON.stringify(input.result, null, 2) + "\n");
  writeFileSync(files.summaryMd, summaryMarkdown({ ...input, charts: charts.map((c) => ({ file: `${c.name}.svg`, title: c.title })) }));
  rendered.forEach((r, i) => {
    writeFileSync(files.charts[i]!.svg, r.svg);
    writeFileSync(files.charts[i]!.png, r.png);
  });
  writeFileSync(files.indexHtml, htmlPage({ ...input, charts, libraries: readVegaLibraries() }));
  return files;
}
