import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ReportDocument } from "./document.js";
import { documentMarkdown } from "./document-markdown.js";
import { htmlPage } from "./html-page.js";
import { renderChart } from "./render-chart.js";
import { runDocument, type RunReportInput } from "./run-document.js";
import { readVegaLibraries } from "./vega-libraries.js";
import type { WhatIfPage } from "./what-if-panel.js";

/** A data file written beside the report (result.json, sweep.csv, ...): its name and its text. */
export interface DataFile {
  name: string;
  text: string;
}

/** Files of a report, as paths under its folder. */
export interface ReportFiles {
  summaryMd: string;
  indexHtml: string;
  /** One SVG and one PNG per chart, in page order. */
  charts: Array<{ name: string; svg: string; png: string }>;
  /** The data files, in the order given. */
  data: string[];
}

/**
 * Writes a report into `outDir` (created if missing): the data files, summary.md (charts embedded as
 * images), index.html (self-contained) and an SVG and a PNG per chart. Every chart is rendered before
 * anything is written, so a rendering bug leaves no half-written report. Throws the file system's
 * error when the folder cannot be written.
 */
export async function writeReport(outDir: string, doc: ReportDocument, data: readonly DataFile[] = [], whatIf?: WhatIfPage): Promise<ReportFiles> {
  const rendered = await Promise.all(doc.charts.map((c) => renderChart(c.spec)));
  const files: ReportFiles = {
    summaryMd: join(outDir, "summary.md"),
    indexHtml: join(outDir, "index.html"),
    charts: doc.charts.map((c) => ({ name: c.name, svg: join(outDir, `${c.name}.svg`), png: join(outDir, `${c.name}.png`) })),
    data: data.map((d) => join(outDir, d.name)),
  };
  mkdirSync(outDir, { recursive: true });
  data.forEach((d, i) => writeFileSync(files.data[i]!, d.text));
  writeFileSync(files.summaryMd, documentMarkdown(doc));
  rendered.forEach((r, i) => {
    writeFileSync(files.charts[i]!.svg, r.svg);
    writeFileSync(files.charts[i]!.png, r.png);
  });
  writeFileSync(files.indexHtml, htmlPage(doc, readVegaLibraries(), whatIf));
  return files;
}

/** Files of a `run` report: the report's, and result.json. */
export interface RunReportFiles extends ReportFiles {
  resultJson: string;
}

/** Writes the report of one run (result.json beside the report files) into `outDir`; with `whatIf`, its page has the What if panel. */
export async function writeRunReport(outDir: string, input: RunReportInput, whatIf?: WhatIfPage): Promise<RunReportFiles> {
  const files = await writeReport(outDir, runDocument(input), [{ name: "result.json", text: JSON.stringify(input.result, null, 2) + "\n" }], whatIf);
  return { ...files, resultJson: files.data[0]! };
}
