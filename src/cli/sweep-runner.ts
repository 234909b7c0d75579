import type { Command } from "commander";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import cliProgress from "cli-progress";
import { PiscinaExecutor, SWEEP_WORKER, type TaskOutcome } from "../parallel/index.js";
import { sweepResults, type SweepPlan, type SweepResults } from "../plan/index.js";
import { parseDurationMs, type Checked, type Issue } from "../scenario/index.js";
import { listenForInterrupt } from "./interrupt.js";
import { defaultOut } from "./output.js";

/** Execution flags shared by `sweep`, `tune memory`, `tune provisioned` and `compare`. */
export interface ExecutionFlags {
  workers?: string;
  pointTimeout?: string;
}

/** Checked execution settings. */
export interface Execution {
  workers: number;
  pointTimeoutMs: number | null;
}

/** Most worker threads accepted by --workers. */
const MAX_WORKERS = 1024;

/** --workers (default: os.availableParallelism()) and --point-timeout (a duration > 0), as issues on their flag. */
export function checkExecution(flags: ExecutionFlags): Checked<Execution> {
  const issues: Issue[] = [];
  let workers = availableParallelism();
  if (flags.workers !== undefined) {
    const n = /^\d+$/.test(flags.workers.trim()) ? Number(flags.workers) : NaN;
    if (n >= 1 && n <= MAX_WORKERS) workers = n;
    else issues.push({ path: "--workers", value: flags.workers, allowed: `an integer 1..${MAX_WORKERS}` });
  }
  let pointTimeoutMs: number | null = null;
  if (flags.pointTimeout !== undefined) {
    const ms = parseDurationMs(flags.pointTimeout);
    if (ms !== undefined && ms > 0) pointTimeoutMs = ms;
    else issues.push({ path: "--point-timeout", value: flags.pointTimeout, allowed: "a duration > 0 with a unit, e.g. 30s, 5m" });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { workers, pointTimeoutMs } };
}

/** A sweep's results and how it ran. */
export interface ExecutedSweep {
  results: SweepResults;
  workers: number;
  wallSeconds: number;
}

/**
 * Runs a plan's tasks on a Piscina pool (never more workers than tasks) with a progress bar on
 * stderr when `progress` is set; Ctrl-C (SIGINT) stops dispatching and returns what finished.
 */
export async function executeSweep(plan: SweepPlan, exec: Execution, progress: boolean): Promise<ExecutedSweep> {
  const outcomes = new Map<number, TaskOutcome>();
  const t0 = performance.now();
  const workers = Math.max(1, Math.min(exec.workers, plan.tasks.length));
  let interrupted = false;
  if (plan.tasks.length > 0) {
    const interrupt = listenForInterrupt();
    const bar = progress
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: "sweep [{bar}] {value}/{total} simulations | {eta_formatted} left", hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
    bar?.start(plan.tasks.length, 0);
    const executor = new PiscinaExecutor(SWEEP_WORKER, { workers, pointTimeoutMs: exec.pointTimeoutMs });
    try {
      const run = await executor.run(plan.tasks, {
        signal: interrupt.signal,
        onResult: (o) => {
          outcomes.set(o.id, o);
          bar?.increment();
        },
      });
      interrupted = run.interrupted;
    } finally {
      bar?.stop();
      interrupt.release();
      await executor.close();
    }
  }
  const wallSeconds = (performance.now() - t0) / 1000;
  return { results: sweepResults(plan, outcomes, interrupted), workers, wallSeconds };
}

/**
 * Adds the options every worker-pool command shares: --workers, --point-timeout, --out (default
 * reports/<name>/<command>/), --seed, --horizon. `onTimeout` says what a timed-out simulation does to the command.
 */
export function withExecutionOptions(cmd: Command, command: string, onTimeout = "the point is reported as failed, the others go on"): Command {
  return cmd
    .option("-w, --workers <n>", "worker threads (default: the machine's available parallelism)")
    .option("--point-timeout <duration>", `give up on a simulation after this long, e.g. 5m (${onTimeout})`)
    .option("-o, --out <dir>", "output folder (<name>: the scenario's name)", defaultOut(command))
    .option("-s, --seed <n>", "random seed (overrides the scenario's `seed`)")
    .option("-H, --horizon <duration>", "simulated time, e.g. 1h (overrides the scenario's `horizon`)");
}
