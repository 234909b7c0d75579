import { writeFileSync } from "node:fs";
import { formatIssue, type Issue } from "../scenario/issues.js";
import { reportFolderName } from "../scenario/report-folder-name.js";
import { ExitCode } from "./exit-codes.js";
import type { ReportDocument } from "../report/document.js";
import { writeReport, type DataFile, type ReportFiles } from "../report/write-report.js";
import { openFile } from "./open-file.js";

/** The `--out` default of `run`: reports/<scenario name>/ (`<name>` stands for the scenario's name). */
export const DEFAULT_OUT = "reports/<name>/";

/**
 * The `--out` default of a planning command: reports/<name>/<command>/, so its index.html and
 * summary.md never overwrite the run's report of the same scenario.
 */
export function defaultOut(command: string): string {
  return `${DEFAULT_OUT}${command}/`;
}

/**
 * The folder a command writes to: `--out` as given, `<name>` replaced by the scenario's name made into
 * one plain folder name (reportFolderName), so that the report never lands outside the folder asked for.
 */
export function resolveOutDir(out: string, scenarioName: string): string {
  return out.split("<name>").join(reportFolderName(scenarioName));
}

/**
 * Writes a report (writeReport) and returns its files, or prints the --out error and returns null
 * when the folder cannot be written. Errors that are not the file system's are bugs and are rethrown.
 */
export async function writeReportOrFail(outDir: string, doc: ReportDocument, data: readonly DataFile[]): Promise<ReportFiles | null> {
  try {
    return await writeReport(outDir, doc, data);
  } catch (err) {
    if (typeof (err as NodeJS.ErrnoException).code !== "string") throw err;
    process.stderr.write(`lambdasim: --out: cannot write to '${outDir}': ${(err as Error).message}\n`);
    return null;
  }
}

/** "wrote <data>, summary.md, index.html and the chart x.svg/.png" (the charts as written, none named when there is none), with a newline. */
export function wroteLine(files: ReportFiles): string {
  const charts = files.charts.map((c) => `${c.name}.svg/.png`);
  const chartWords = charts.length === 0 ? "" : ` and the chart${charts.length === 1 ? "" : "s"} ${charts.join(", ")}`;
  return `wrote ${[...files.data, files.summaryMd, files.indexHtml].join(", ")}${chartWords}\n`;
}

/** Help of `--open`, the same for every command that writes a report. */
export const OPEN_HELP = "open the report's index.html in the default browser (a failure to open is only a warning)";

/** `--open`: opens the report's index.html in the default browser; a failure is printed as a warning only. */
export async function openReport(indexHtml: string): Promise<void> {
  const warning = await openFile(indexHtml);
  if (warning) process.stderr.write(`lambdasim: warning: ${warning}\n`);
}

/** The most issues printed, one line each; past it one line says how many more there are (a file of 20,000 unknown keys). */
export const MAX_PRINTED_ISSUES = 50;

/** Prints each issue as one line on stderr (prefixed by the file when given; at most MAX_PRINTED_ISSUES) and returns exit code 2. */
export function reportIssues(issues: Issue[], file?: string): number {
  for (const issue of issues.slice(0, MAX_PRINTED_ISSUES)) process.stderr.write(`lambdasim: ${formatIssue(issue, file)}\n`);
  const more = issues.length - MAX_PRINTED_ISSUES;
  if (more > 0) process.stderr.write(`lambdasim: ... and ${more} more issue${more === 1 ? "" : "s"} like these\n`);
  return ExitCode.BadInput;
}

/**
 * Writes `text` to the `--out` file; on a file-system error prints one line and returns exit 2,
 * else null (written). Other errors are bugs and propagate.
 */
export function writeOutFile(path: string, text: string): number | null {
  try {
    writeFileSync(path, text);
    return null;
  } catch (err) {
    if (typeof (err as NodeJS.ErrnoException).code !== "string") throw err;
    process.stderr.write(`lambdasim: --out: cannot write '${path}': ${(err as Error).message}\n`);
    return ExitCode.BadInput;
  }
}
