import { isAbsolute, join } from "node:path";
import { randomStream } from "../core/random.js";
import type { TraceArrivalSpec } from "../workload/arrival-spec.js";
import { makeTrace } from "../workload/make-arrivals.js";
import { TraceError, type TraceLineSource } from "../workload/trace-source.js";
import type { Checked, Issue } from "./issues.js";
import type { ResolvedScenario } from "./resolve.js";
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
    const problem = traceProblem(spec);
    if (problem !== null) {
      const where = problem.line > 0 ? ` (line ${problem.line}${problem.column > 0 ? `, column ${problem.column}` : ""}: ${problem.found})` : ` (${problem.found})`;
      issues.push({ path: `functions[${i}].arrivals.file`, value: f.arrivals.file, allowed: `a valid ${spec.format} trace${where}: ${problem.expected}` });
    }
    return { ...f, arrivals: spec };
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { ...scenario, sim: { ...scenario.sim, functions } } };
}

/** The first TraceError in the file's first lines, or null. */
export function traceProblem(spec: TraceArrivalSpec): TraceError | null {
  let source: FileLineSource | undefined;
  try {
    source = new FileLineSource(spec.file);
    const limited = new FirstLines(source, TRACE_CHECK_LINES);
    const process = makeTrace({ ...spec, offsetMs: 0, speedup: 1, scale: 1 }, () => limited);
    const rng = randomStream(0, "trace-check", "arrivals");
    for (let t = process.first(0, rng); t !== Infinity; t = process.next(t, rng));
    return null;
  } catch (err) {
    if (err instanceof TraceError) return err;
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
