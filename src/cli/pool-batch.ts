import type { Executor, TaskFailure } from "../parallel/index.js";
import { ExitCode } from "./exit-codes.js";
import { interruptedExitCode } from "./interrupt.js";

/**
 * Why a batch did not give every result: a simulation failed (it threw, its worker died, or it
 * passed --point-timeout), or the signal (Ctrl-C) stopped it. A rejection, so that the planner
 * awaiting the batch stops there; the command turns it into a message and an exit code.
 */
export class BatchStopped extends Error {
  constructor(
    message: string,
    /** True when the signal stopped the batch, false when a simulation failed. */
    readonly interrupted: boolean,
    /** The exit code when interrupted: 130 for Ctrl-C, 143 for SIGTERM (interruptedExitCode). */
    readonly exitCode: number = ExitCode.Interrupted,
  ) {
    super(message);
    this.name = "BatchStopped";
  }
}

/**
 * Runs one batch of tasks (ids 0..n-1, their positions) on the executor and resolves to what `read`
 * takes of each success, in task order, so results do not depend on the worker count. The first
 * failure stops the batch and rejects with `BatchStopped`, as does `signal`: a planner has no
 * answer without every result. `onResult` is called once per finished simulation (a progress tick).
 */
export async function runBatch<T extends { id: number }, S extends { id: number; ok: true }, R>(
  executor: Executor<T, S | TaskFailure>,
  tasks: readonly T[],
  signal: AbortSignal,
  read: (success: S) => R,
  onResult?: () => void,
): Promise<R[]> {
  const results = new Array<R>(tasks.length);
  const failed = new AbortController();
  let failure: string | null = null;
  await executor.run(tasks, {
    signal: AbortSignal.any([signal, failed.signal]),
    onResult: (outcome) => {
      if (outcome.ok) {
        results[outcome.id] = read(outcome);
        onResult?.();
      } else if (failure === null) {
        failure = outcome.error;
        failed.abort();
      }
    },
  });
  if (signal.aborted) throw new BatchStopped("interrupted", true, interruptedExitCode(signal));
  if (failure !== null) throw new BatchStopped(`a simulation failed: ${failure}`, false);
  return results;
}

/**
 * Runs a planner whose batches may stop (`BatchStopped`), then `release` (the pool, the Ctrl-C
 * listener, the progress line) whatever happened. A stop becomes one stderr line naming `command`
 * and its exit code: 130 when interrupted by Ctrl-C, 143 by SIGTERM, 3 when a simulation failed; the caller writes nothing.
 */
export async function runPlanner<R>(command: string, plan: () => Promise<R>, release: () => Promise<void>): Promise<{ ok: true; value: R } | { ok: false; exitCode: number }> {
  try {
    return { ok: true, value: await plan() };
  } catch (err) {
    if (!(err instanceof BatchStopped)) throw err;
    if (err.interrupted) {
      process.stderr.write(`lambdasim: interrupted: ${command} stopped, nothing written\n`);
      return { ok: false, exitCode: err.exitCode };
    }
    process.stderr.write(`lambdasim: ${command}: ${err.message}\n`);
    return { ok: false, exitCode: ExitCode.SweepPointsFailed };
  } finally {
    await release();
  }
}
