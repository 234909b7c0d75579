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
      issues.push({ path: `functions[${i}].arrivals.file`, value: f.arrivals.file, allowed: `a valid ${spec.format} trace${where}: ${problem.expected}` });
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

/**
 * Replays the file's first TRACE_CHECK_LINES lines with the spec's speedup and offset: the first
 * TraceError there (or null), and the first arrival's time, ms (Infinity when none in those lines).
 */
export function checkTrace(spec: TraceArrivalSpec): { error: TraceError | null; firstMs: number } {
  let source: FileLineSource | undefined;
  let firstMs = Infinity;
  try {
    source = new FileLineSource(spec.file);
    const limited = new FirstLines(source, TRACE_CHECK_LINES);
    const process = makeTrace({ ...spec, scale: 1 }, () => limited);
    const rng = randomStream(0, "trace-check", "arrivals");
    firstMs = process.first(0, rng);
    for (let t = firstMs; t !== Infinity; t = process.next(t, rng));
    return { error: null, firstMs };
  } catch (err) {
    if (err instanceof TraceError) return { error: err, firstMs };
    throw err;
  } finally {
    source?.close();
  }
}

/** The first `limit` lines of a source. */
class FirstLines implements TraceLineSource {
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
    return this.inner.lineNumber >= this.limit ? null : this.inner.nextLine();
  }
}
