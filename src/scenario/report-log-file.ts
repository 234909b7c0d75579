import { statSync } from "node:fs";
import { readReportLog } from "../workload/report-log.js";
import { ReportLogSummary } from "../workload/report-log-summary.js";
import { TraceError } from "../workload/trace-source.js";
import { FileLineSource } from "./trace-file.js";

/** Summaries already read, by path, size and modification time: a sweep resolves its scenario once per point. */
const CACHE = new Map<string, { key: string; summary: ReportLogSummary }>();
/** The most summaries kept (each ~1 MB). */
const CACHE_LIMIT = 8;

/**
 * Reads a REPORT log (workload/report-log.ts forms) in fixed-size chunks into a ReportLogSummary:
 * flat memory whatever the file's size. Returns the TraceError (missing file, no REPORT line, a
 * REPORT line without Duration) instead of throwing. A file read before, unchanged, is not read again.
 */
export function readReportLogFile(path: string): { ok: true; summary: ReportLogSummary } | { ok: false; error: TraceError } {
  let key = "";
  try {
    const st = statSync(path);
    key = `${st.size}:${st.mtimeMs}`;
    const hit = CACHE.get(path);
    if (hit !== undefined && hit.key === key) return { ok: true, summary: hit.summary };
  } catch {
    // FileLineSource reports the problem below.
  }
  let source: FileLineSource | undefined;
  try {
    source = new FileLineSource(path);
    const summary = new ReportLogSummary();
    readReportLog(source, summary);
    if (key !== "") {
      if (CACHE.size >= CACHE_LIMIT) CACHE.delete(CACHE.keys().next().value!);
      CACHE.set(path, { key, summary });
    }
    return { ok: true, summary };
  } catch (err) {
    if (err instanceof TraceError) return { ok: false, error: err };
    throw err;
  } finally {
    source?.close();
  }
}
