import { ExitCode } from "./exit-codes.js";

/**
 * The exit code after an answer: SloMissed (4) when an objective was missed (a run) or no option
 * meets every one (a planner), unless --no-slo-exit; then 0. With --json or --quiet, which print no
 * verdicts, the missed ones go to stderr so a CI log says why the step failed.
 */
export function sloExit(missed: boolean, flags: { json?: boolean; quiet?: boolean; sloExit?: boolean }, why: readonly string[]): number {
  if (!missed || flags.sloExit === false) return ExitCode.Ok;
  if (flags.json === true || flags.quiet === true) for (const line of why) process.stderr.write(`lambdasim: ${line}\n`);
  return ExitCode.SloMissed;
}
