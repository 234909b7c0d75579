import { join } from "node:path";
import { formatIssue, type Issue } from "../scenario/issues.js";
import { ExitCode } from "./exit-codes.js";

/** The `--out` default every command shows; it stands for reports/<scenario name>/. */
export const DEFAULT_OUT = "reports/<name>/";

/** The folder a command writes to: `--out` as given, or reports/<scenario name>/ for the default. */
export function resolveOutDir(out: string, scenarioName: string): string {
  return out === DEFAULT_OUT ? join("reports", scenarioName) : out;
}

/** Prints each issue as one line on stderr (prefixed by the file when given) and returns exit code 2. */
export function reportIssues(issues: Issue[], file?: string): number {
  for (const issue of issues) process.stderr.write(`lambdasim: ${formatIssue(issue, file)}\n`);
  return ExitCode.BadInput;
}
