import { totalmem } from "node:os";
import { checkWork, formatRefusal, type WorkEstimate } from "../plan/index.js";
import { ExitCode } from "./exit-codes.js";

/** Help of `--force`, the same on every command that estimates its work. */
export const FORCE_HELP = "run work past a soft limit (functions, events, simulations, memory, AWS concurrency; README \"Limits\"); hard limits stay";

/**
 * Refuses work that will not fit (plan/work-check.ts against this machine's memory): prints one line
 * per limit passed, prefixed by the scenario file when given, and returns exit code 2; null when the
 * work fits (or only soft limits are passed and `force` is set).
 */
export function refuseWork(estimate: WorkEstimate, force: boolean, file?: string): number | null {
  const refusals = checkWork(estimate, { force, machineMemoryBytes: totalmem() });
  if (refusals.length === 0) return null;
  for (const r of refusals) process.stderr.write(`lambdasim: ${file === undefined ? "" : `${file}: `}${formatRefusal(r)}\n`);
  return ExitCode.BadInput;
}
