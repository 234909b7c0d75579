import { isAbsolute, join } from "node:path";
import { isUnreadLog } from "./unread-log.js";
import type { FunctionConfig } from "../platform/config.js";
import type { Checked, Issue } from "./issues.js";
import { ALLOWED } from "./messages.js";
import { readReportLogFile } from "./report-log-file.js";
import type { ResolvedScenario } from "./resolve.js";

/** The fields of a function that hold a time distribution, and what a REPORT log gives each. */
const LOG_FIELDS = { duration: "Duration", coldStart: "Init Duration" } as const;

/**
 * Reads every `{ dist: empirical, file }` of the scenario's functions (resolved against `baseDir`):
 * `duration` becomes the histogram of the log's Duration, `coldStart` of its Init Duration (0.1 %
 * buckets, each at the mean of its values; see FineHistogram). Issues at `functions[i].<field>.file`
 * for a file that cannot be read, has no REPORT line, no cold start (coldStart), or sits under
 * another field. O(log size) per distinct file, read once.
 */
export function readDurationLogs(scenario: ResolvedScenario, baseDir: string): Checked<ResolvedScenario> {
  const issues: Issue[] = [];
  const functions = scenario.sim.functions.map((f, i): FunctionConfig => {
    let out = f;
    for (const key of ["idleLifetime", "maxLifetime"] as const) {
      const spec = f[key];
      if (spec !== null && isUnreadLog(spec)) issues.push({ path: `functions[${i}].${key}.file`, value: spec.file, allowed: ALLOWED.empiricalFileField });
    }
    for (const key of ["duration", "coldStart"] as const) {
      const spec = f[key];
      if (!isUnreadLog(spec)) continue;
      const path = isAbsolute(spec.file) ? spec.file : join(baseDir, spec.file);
      const read = readReportLogFile(path);
      if (!read.ok) {
        const e = read.error;
        const where = e.line > 0 ? ` (line ${e.line}: ${e.found})` : ` (${e.found})`;
        issues.push({ path: `functions[${i}].${key}.file`, value: spec.file, allowed: `${ALLOWED.empiricalFile}${where}: ${e.expected}` });
        continue;
      }
      const h = key === "duration" ? read.summary.durations : read.summary.inits;
      if (h.count === 0) {
        issues.push({
          path: `functions[${i}].${key}.file`,
          value: spec.file,
          allowed: `a log with ${LOG_FIELDS[key]} in its REPORT lines (its ${read.summary.invocations} REPORT lines have no cold start: keep coldStart: auto, or give a log that has some)`,
        });
        continue;
      }
      out = { ...out, [key]: { dist: "empirical", histogram: h.pairs(), file: spec.file } };
    }
    return out;
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { ...scenario, sim: { ...scenario.sim, functions } } };
}
