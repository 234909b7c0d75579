import { TraceError, type TraceLineSource } from "./trace-source.js";

/*
 * Lambda's per-invocation REPORT records, in the forms CloudWatch Logs gives them:
 * - plain text, as `aws logs tail` prints it (`<ISO time> <stream> REPORT RequestId: <id>\tDuration:
 *   12.34 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB\tMax Memory Used: 80 MB\tInit Duration:
 *   150.20 ms`) or `aws logs filter-log-events --output text` (`EVENTS\t<id>\t<ingestion ms>\t<stream>\t
 *   REPORT ...`), or a bare log;
 * - the JSON of `aws logs filter-log-events` (events[].message holding the REPORT text, escaped,
 *   events[].timestamp in epoch ms), pretty-printed or on one line;
 * - Lambda Telemetry API / JSON log format `platform.report` records (`{"time": ISO, "type":
 *   "platform.report", "record": {"metrics": {"durationMs", "billedDurationMs", "memorySizeMB",
 *   "maxMemoryUsedMB", "initDurationMs"?}}}`), one per line, in an array, pretty-printed, or escaped
 *   inside a filter-log-events message.
 * Lines are read one at a time (flat memory); other lines (START, END, application logs) are skipped.
 */

/** One REPORT record; reused between records (copy what you keep). Times in ms, memory in MB. */
export interface ReportRecord {
  durationMs: number;
  /** NaN when the record does not say. */
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  /** Init duration of a cold start; NaN on a warm invocation. */
  initDurationMs: number;
  /** SnapStart restore duration; NaN when none. */
  restoreDurationMs: number;
  /** When the invocation was logged, epoch ms; NaN when the line does not say. */
  timeMs: number;
}

/** Receives each record as it is read. */
export interface ReportSink {
  add(record: Readonly<ReportRecord>): void;
}

const REPORT = "REPORT RequestId:";
/** Labels of a REPORT line and their value; the longer labels first, so that `Billed Duration` is never read as `Duration`. */
const LABELS = /(Billed Restore Duration|Restore Duration|Billed Duration|Init Duration|Max Memory Used|Memory Size|Duration): ([0-9]+(?:\.[0-9]+)?)/g;
/** An ISO 8601 time (aws logs tail) or a quoted epoch-ms `"timestamp": N` (filter-log-events JSON), or a 13-digit epoch-ms field. */
const TIME = /(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)|"timestamp"\s*:\s*(\d{12,13})|(?:^|\t)(\d{13})(?=\t)/g;
/** Keys of a platform.report record (quotes possibly escaped inside a filter-log-events message). */
const TELEMETRY = /\\?"(time|type|durationMs|billedDurationMs|memorySizeMB|maxMemoryUsedMB|initDurationMs|restoreDurationMs)\\?"\s*:\s*(?:\\?"([^"\\]*)\\?"|(-?[0-9][0-9.eE+-]*))/g;

/**
 * Reads every REPORT record of `source` into `sink`, in file order. Returns the number of records.
 * Throws TraceError for a REPORT line without a readable Duration, and for a file with no record at
 * all (naming the forms accepted). O(lines), allocation per line only for the line itself.
 */
export function readReportLog(source: TraceLineSource, sink: ReportSink): number {
  const rec: ReportRecord = { durationMs: NaN, billedDurationMs: NaN, memorySizeMB: NaN, maxMemoryUsedMB: NaN, initDurationMs: NaN, restoreDurationMs: NaN, timeMs: NaN };
  const telemetry = new TelemetryState(rec, sink);
  let records = 0;
  let lastTimeMs = NaN; // the last `"timestamp": N` seen: pretty-printed JSON puts it on a line before the message
  let lines = 0;
  for (let line = source.nextLine(); line !== null; line = source.nextLine()) {
    lines++;
    let at = line.indexOf(REPORT);
    if (at < 0) {
      if (line.indexOf('"timestamp"') >= 0) lastTimeMs = timeIn(line, 0, line.length, lastTimeMs);
      if (line.indexOf('"') >= 0) records += telemetry.scan(line);
      continue;
    }
    // Each record's time is the last one written before its REPORT (after the previous REPORT's start).
    let from = 0;
    while (at >= 0) {
      const next = line.indexOf(REPORT, at + REPORT.length);
      lastTimeMs = timeIn(line, from, at, lastTimeMs);
      readLabels(line, at, next < 0 ? line.length : next, rec, source);
      rec.timeMs = lastTimeMs;
      sink.add(rec);
      records++;
      from = at + REPORT.length;
      at = next;
    }
  }
  records += telemetry.finish();
  if (records === 0) {
    throw new TraceError(
      source.file,
      0,
      0,
      lines === 0 ? "an empty file" : `${lines} line${lines === 1 ? "" : "s"} and no REPORT line`,
      "a CloudWatch Logs export of a Lambda function with its REPORT lines (aws logs tail, aws logs filter-log-events as text or JSON) or Telemetry API platform.report records",
    );
  }
  return records;
}

/** The record's fields from the labels in line[from, to); throws TraceError when Duration is missing. */
function readLabels(line: string, from: number, to: number, rec: ReportRecord, source: TraceLineSource): void {
  clearRecord(rec);
  const segment = to === line.length && from === 0 ? line : line.slice(from, to);
  LABELS.lastIndex = 0;
  for (let m = LABELS.exec(segment); m !== null; m = LABELS.exec(segment)) {
    const v = Number(m[2]);
    switch (m[1]) {
      case "Duration":
        rec.durationMs = v;
        break;
      case "Billed Duration":
        rec.billedDurationMs = v;
        break;
      case "Memory Size":
        rec.memorySizeMB = v;
        break;
      case "Max Memory Used":
        rec.maxMemoryUsedMB = v;
        break;
      case "Init Duration":
        rec.initDurationMs = v;
        break;
      case "Restore Duration":
        rec.restoreDurationMs = v;
        break;
    }
  }
  if (!(rec.durationMs >= 0)) {
    throw new TraceError(source.file, source.lineNumber, 0, "a REPORT line without a Duration", "REPORT RequestId: <id> Duration: <ms> ms Billed Duration: <ms> ms Memory Size: <MB> MB Max Memory Used: <MB> MB");
  }
}

/** Sets every measure of `rec` to NaN (not said yet). */
function clearRecord(rec: ReportRecord): void {
  rec.durationMs = NaN;
  rec.billedDurationMs = NaN;
  rec.memorySizeMB = NaN;
  rec.maxMemoryUsedMB = NaN;
  rec.initDurationMs = NaN;
  rec.restoreDurationMs = NaN;
}

/** The last time written in line[from, to), epoch ms; `fallback` when none. */
function timeIn(line: string, from: number, to: number, fallback: number): number {
  if (to <= from) return fallback;
  const text = from === 0 && to === line.length ? line : line.slice(from, to);
  let found = fallback;
  TIME.lastIndex = 0;
  for (let m = TIME.exec(text); m !== null; m = TIME.exec(text)) {
    const ms = m[1] !== undefined ? Date.parse(m[1].length === 19 ? `${m[1]}Z` : m[1]) : Number(m[2] ?? m[3]);
    if (Number.isFinite(ms)) found = ms;
  }
  return found;
}

/**
 * Key-by-key reading of platform.report records, whatever their layout over lines: a record starts at
 * `"type": "platform.report"` and ends at the next event type (`platform.*`, `function`, `extension`)
 * or the end of the file; its metrics keys fill the record. The `time` key before it gives its time.
 */
class TelemetryState {
  private open = false;
  private lastTimeMs = NaN;

  constructor(
    private readonly rec: ReportRecord,
    private readonly sink: ReportSink,
  ) {}

  /** Reads the keys of one line; returns the records completed. */
  scan(line: string): number {
    let done = 0;
    TELEMETRY.lastIndex = 0;
    for (let m = TELEMETRY.exec(line); m !== null; m = TELEMETRY.exec(line)) {
      const key = m[1]!;
      if (key === "time") {
        const ms = m[2] === undefined ? NaN : Date.parse(m[2]);
        if (Number.isFinite(ms)) this.lastTimeMs = ms;
        continue;
      }
      if (key === "type") {
        const type = m[2] ?? "";
        if (type === "platform.report") {
          done += this.finish();
          this.start();
        } else if (type.startsWith("platform.") || type === "function" || type === "extension") done += this.finish();
        continue;
      }
      if (!this.open) continue;
      const v = m[3] === undefined ? NaN : Number(m[3]);
      const r = this.rec;
      // The first of each key wins: the record's metrics come before its spans (which have a durationMs too).
      if (key === "durationMs") r.durationMs = Number.isNaN(r.durationMs) ? v : r.durationMs;
      else if (key === "billedDurationMs") r.billedDurationMs = Number.isNaN(r.billedDurationMs) ? v : r.billedDurationMs;
      else if (key === "memorySizeMB") r.memorySizeMB = Number.isNaN(r.memorySizeMB) ? v : r.memorySizeMB;
      else if (key === "maxMemoryUsedMB") r.maxMemoryUsedMB = Number.isNaN(r.maxMemoryUsedMB) ? v : r.maxMemoryUsedMB;
      else if (key === "initDurationMs") r.initDurationMs = Number.isNaN(r.initDurationMs) ? v : r.initDurationMs;
      else if (key === "restoreDurationMs") r.restoreDurationMs = Number.isNaN(r.restoreDurationMs) ? v : r.restoreDurationMs;
    }
    return done;
  }

  /** Emits the open record when it has a duration; returns 1 when it did. */
  finish(): number {
    if (!this.open) return 0;
    this.open = false;
    if (!(this.rec.durationMs >= 0)) return 0;
    this.sink.add(this.rec);
    return 1;
  }

  private start(): void {
    this.open = true;
    clearRecord(this.rec);
    this.rec.timeMs = this.lastTimeMs;
  }
}
