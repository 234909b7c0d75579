import { isAbsolute, join } from "node:path";
import { randomStream } from "../core/random.js";
import type { TraceArrivalSpec } from "../workload/arrival-spec.js";
import { makeTrace } from "../workload/make-arrivals.js";
import { TraceError, type TraceLineSource } from "../workload/trace-source.js";
import type { Checked, Issue } from "./issues.js";
import type { ResolvedScenario } from "./resolve.js";
import { formatDuration } from "./units.js";
import { FileLineSource } from "./trace-file.js";

/** Lines of each trace read at load time: enough to catch a wrong format early, cheap for any file size. */
export const TRACE_CHECK_LINES = 1000;

/**
 * Resolves each trace `file` against the scenario file's folder and checks the file cheaply: it
 * opens, and its header and first TRACE_CHECK_LINES lines parse in the declared format (the rest is
 * checked as it replays, with a TraceError). Returns the scenario with the resolved paths.
 */
export function checkTraceFiles(scenario: ResolvedScenario, baseDir: string): Checked<ResolvedScenario> {
  const issues: Issue[] = [];
  const functions = scenario.sim.functions.map((f, i) => {
    if (f.arrivals.kind !== "trace") return f;
    const spec: TraceArrivalSpec = { ...f.arrivals, file: isAbsolute(f.arrivals.file) ? f.arrivals.file : join(baseDir, f.arrivals.file) };
    const check = checkTrace(spec);
    const problem = check.error;
    if (problem !== null) {
      const where = problem.line > 0 ? ` (line ${problem.line}${problem.column > 0 ? `, column ${problem.column}` : ""}: ${problem.found})` : ` (${problem.found})`;
      const field = problem.field;
      const value = field === "file" ? f.arrivals.file : field === "metric" ? f.arrivals.metric ?? undefined : field === "gaps" ? f.arrivals.gaps : undefined;
      issues.push({ path: `functions[${i}].arrivals.${field}`, value, allowed: `${field === "file" ? `a valid ${spec.format} trace` : `in ${f.arrivals.file}`}${where}: ${problem.expected}` });
    } else if (check.firstMs === Infinity) {
      // No arrival in the lines read: say why when the whole file was read; past TRACE_CHECK_LINES the replay decides.
      const none = noArrivalIssue(spec, f.arrivals.file, check, i);
      if (none !== null) issues.push(none);
    } else if (check.firstMs >= scenario.sim.horizonMs) {
      // Epoch timestamps, or an offset too large: the replay would be silently empty.
      const shift = formatDuration(check.firstMs - spec.offsetMs);
      issues.push({
        path: `functions[${i}].arrivals.offset`,
        value: spec.offsetMs === 0 ? undefined : formatDuration(spec.offsetMs),
        allowed: `an offset that brings the trace's first arrival (at ${formatDuration(check.firstMs)}) before the horizon (${formatDuration(scenario.sim.horizonMs)}), like -${shift}`,
      });
    }
    return { ...f, arrivals: spec };
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { ...scenario, sim: { ...scenario.sim, functions } } };
}

/** What checkTrace found in a trace's first lines. */
export interface TraceCheck {
  /** The first TraceError there, or null. */
  error: TraceError | null;
  /** The first arrival's time, ms (Infinity when none in those lines). */
  firstMs: number;
  /** Whether the whole file was read (it has at most TRACE_CHECK_LINES lines). */
  wholeFile: boolean;
  /** Lines read that hold something (not blank, not a # comment), the first (a header or a row) included. */
  nonBlankLines: number;
}

/** The issue for a trace read to its end without an arrival: an empty file, no row matching `select`, or no arrival after the offset; null when only part of the file was read. */
function noArrivalIssue(spec: TraceArrivalSpec, written: string, check: TraceCheck, i: number): Issue | null {
  if (!check.wholeFile) return null;
  const at = `functions[${i}].arrivals`;
  if (check.nonBlankLines === 0) return { path: `${at}.file`, value: written, allowed: `a ${spec.format} trace with rows (this file is empty)` };
  // The Azure formats have a header line; a timestamps file may have one (its rows all failed to start with a number otherwise).
  const rows = spec.format === "timestamps" ? check.nonBlankLines : check.nonBlankLines - 1;
  if (rows <= 0) return { path: `${at}.file`, value: written, allowed: `a ${spec.format} trace with rows (this file has only its header)` };
  const rowWords = `${rows} row${rows === 1 ? "" : "s"}`;
  if (spec.select !== null) {
    const zeroCounts = spec.format === "azure2019" ? ", or the rows it matches count no invocation" : "";
    return { path: `${at}.select`, value: spec.select, allowed: `a selector that matches rows of the trace: none of its ${rowWords} matches ${selectorWords(spec.select)}${zeroCounts}` };
  }
  const offset = spec.offsetMs === 0 ? "" : ` at or after the start once shifted by the offset ${formatDuration(spec.offsetMs)}`;
  return { path: `${at}.file`, value: written, allowed: `a trace with at least one arrival${offset} (its ${rowWords} give none)` };
}

/** `function=abc, app=def`: the fields of a selector that are set. */
function selectorWords(select: NonNullable<TraceArrivalSpec["select"]>): string {
  return Object.entries(select)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}

/**
 * Replays the file's first TRACE_CHECK_LINES lines with the spec's speedup and offset: the first
 * TraceError there (or null), the first arrival's time, and how much of the file was read.
 */
export function checkTrace(spec: TraceArrivalSpec): TraceCheck {
  let source: FileLineSource | undefined;
  let limited: FirstLines | undefined;
  let firstMs = Infinity;
  const seen = () => ({ wholeFile: limited?.ended === true, nonBlankLines: limited?.nonBlank ?? 0 });
  try {
    source = new FileLineSource(spec.file);
    // A CloudWatch file is one JSON document, read whole (a day of 1-minute periods is small).
    const lines = new FirstLines(source, spec.format === "cloudwatch" ? Infinity : TRACE_CHECK_LINES);
    limited = lines;
    const process = makeTrace({ ...spec, scale: 1 }, () => lines);
    const rng = randomStream(0, "trace-check", "arrivals");
    firstMs = process.first(0, rng);
    for (let t = firstMs; t !== Infinity; t = process.next(t, rng));
    return { error: null, firstMs, ...seen() };
  } catch (err) {
    if (err instanceof TraceError) return { error: err, firstMs, ...seen() };
    throw err;
  } finally {
    source?.close();
  }
}

/** The first `limit` lines of a source, counting those that hold something and noting whether the file ended. */
class FirstLines implements TraceLineSource {
  /** Whether the inner source reached its end (not just the limit). */
  ended = false;
  /** Lines returned that are not blank. */
  nonBlank = 0;
  constructor(
    private readonly inner: TraceLineSource,
    private readonly limit: number,
  ) {}
  get lineNumber(): number {
    return this.inner.lineNumber;
  }
  get file(): string {
    return this.inner.file;
  }
  nextLine(): string | null {
    if (this.inner.lineNumber >= this.limit) return null;
    const line = this.inner.nextLine();
    if (line === null) this.ended = true;
    else if (line.trim() !== "" && !line.startsWith("#")) this.nonBlank++; // a timestamps comment is not a row
    return line;
  }
}
