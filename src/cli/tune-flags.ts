import { parseDurationMs, type Issue } from "../scenario/index.js";

/** --slo-p99 in ms (null when absent), or an issue pushed onto `issues` (then null). Shared by `tune memory` and `tune managed`. */
export function sloP99Flag(text: string | undefined, issues: Issue[]): number | null {
  if (text === undefined) return null;
  const ms = parseDurationMs(text);
  if (ms !== undefined && ms > 0) return ms;
  issues.push({ path: "--slo-p99", value: text, allowed: "a duration > 0 with a unit, e.g. 500ms" });
  return null;
}

/** --replications as an integer 1..`max`, or an issue pushed onto `issues` (then NaN). */
export function replicationsFlag(text: string, max: number, issues: Issue[]): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (n >= 1 && n <= max) return n;
  issues.push({ path: "--replications", value: text, allowed: `an integer 1..${max}` });
  return NaN;
}

/** The output flags of a planner command: where the report goes, the run's seed and horizon, what is printed, the SLO exit. */
export interface PlannerReportFlags {
  out: string;
  seed?: string;
  horizon?: string;
  json: boolean;
  quiet: boolean;
  /** Open index.html when done. */
  open?: boolean;
  /** false with --no-slo-exit: no option meeting the SLO keeps exit 0. */
  sloExit: boolean;
}
