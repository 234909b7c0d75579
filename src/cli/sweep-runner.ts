import type { Command } from "commander";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import cliProgress from "cli-progress";
import { reachRedis, SWEEP_WORKER, type TaskOutcome } from "../parallel/index.js";
import { estimateSimulations, planEstimate, planSweep, sweepResults, sweepSize, type SweepPlan, type SweepPlanInput, type SweepResults } from "../plan/index.js";
import { parseDurationMs, type Checked, type Issue } from "../scenario/index.js";
import { executorFor } from "./executor-for.js";
import { interruptedExitCode, listenForInterrupt } from "./interrupt.js";
import { defaultOut, reportIssues } from "./output.js";
import { ProgressLines, type ProgressMode } from "./progress-lines.js";
import { FORCE_HELP, refuseWork } from "./work-guard.js";

/** Execution flags shared by `sweep`, `tune memory`, `tune provisioned` and `compare`. */
export interface ExecutionFlags {
  workers?: string;
  pointTimeout?: string;
  redis?: string;
  /** Run work past a soft limit (README "Limits"). */
  force?: boolean;
}

/** Checked execution settings. */
export interface Execution {
  workers: number;
  pointTimeoutMs: number | null;
  /** The Redis server whose `lambdasim worker`s run the simulations; null: local worker threads. */
  redisUrl: string | null;
}

/** Most worker threads accepted by --workers (and `lambdasim worker --concurrency`). */
const MAX_WORKERS = 1024;

/** A thread-count flag's value 1..MAX_WORKERS (absent: os.availableParallelism()), or the issue naming `path`. */
export function threadCount(path: string, text: string | undefined): number | Issue {
  if (text === undefined) return availableParallelism();
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  return n >= 1 && n <= MAX_WORKERS ? n : { path, value: text, allowed: `an integer 1..${MAX_WORKERS}` };
}

/**
 * --workers (default: os.availableParallelism()), --point-timeout (a duration > 0) and --redis (a
 * redis:// or rediss:// URL of a server that answers within a few seconds), as issues on their flag.
 */
export async function checkExecution(flags: ExecutionFlags): Promise<Checked<Execution>> {
  const issues: Issue[] = [];
  const threads = threadCount("--workers", flags.workers);
  const workers = typeof threads === "number" ? threads : 1;
  if (typeof threads !== "number") issues.push(threads);
  let pointTimeoutMs: number | null = null;
  if (flags.pointTimeout !== undefined) {
    const ms = parseDurationMs(flags.pointTimeout);
    if (ms !== undefined && ms > 0) pointTimeoutMs = ms;
    else issues.push({ path: "--point-timeout", value: flags.pointTimeout, allowed: "a duration > 0 with a unit, e.g. 30s, 5m" });
  }
  const redisIssue = flags.redis === undefined ? null : await checkRedisFlag(flags.redis);
  if (redisIssue !== null) issues.push(redisIssue);
  const redisUrl = flags.redis ?? null;
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { workers, pointTimeoutMs, redisUrl } };
}

/**
 * The issue with a --redis value: not a redis:// or rediss:// URL with a host, or no Redis answering
 * there within REDIS_CONNECT_TIMEOUT_MS; null when it answered.
 */
export async function checkRedisFlag(text: string): Promise<Issue | null> {
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url === null || (url.protocol !== "redis:" && url.protocol !== "rediss:") || url.hostname === "") {
    return { path: "--redis", value: text, allowed: "a redis:// or rediss:// URL, e.g. redis://host:6379" };
  }
  const problem = await reachRedis(text);
  return problem === null ? null : { path: "--redis", value: text, allowed: `a reachable Redis server (${problem})` };
}

/** A sweep's results and how it ran. */
export interface ExecutedSweep {
  results: SweepResults;
  /** Worker threads used, or null through Redis (the cluster's workers decided). */
  workers: number | null;
  wallSeconds: number;
  /** The exit code of an interrupted sweep: 130 after Ctrl-C, 143 after SIGTERM (interruptedExitCode). */
  interruptedExitCode: number;
}

/**
 * Plans a sweep (`sweep`, `tune memory`) within the work limits (README "Limits"): a plan too large to
 * build is refused before it is built, then the planned simulations' work; bad input is reported.
 * Returns the plan, or the exit code (2) when refused or invalid.
 */
export function planLimitedSweep(input: SweepPlanInput, exec: Execution, force: boolean): SweepPlan | number {
  const tooMany = refuseWork(planEstimate(sweepSize(input.axes, input.replications)), force);
  if (tooMany !== null) return tooMany;
  const plan = planSweep(input);
  if (!plan.ok) return reportIssues(plan.issues, plan.issues.every((i) => i.path.startsWith("--")) ? undefined : input.file);
  const refused = refuseWork(estimateSimulations(plan.value.tasks.map((t) => t.sim), exec.workers), force, input.file);
  return refused ?? plan.value;
}

/**
 * Runs a plan's tasks on a Piscina pool (never more workers than tasks), or through Redis, with progress on
 * stderr (a bar on a terminal, a line per tenth of the simulations in a log, named `label`); Ctrl-C (SIGINT) or SIGTERM stops dispatching and returns what finished.
 */
export async function executeSweep(plan: SweepPlan, exec: Execution, progress: ProgressMode, label = "sweep"): Promise<ExecutedSweep> {
  const outcomes = new Map<number, TaskOutcome>();
  const t0 = performance.now();
  const workers = Math.max(1, Math.min(exec.workers, plan.tasks.length));
  let interrupted = false;
  let stoppedBy: AbortSignal | null = null;
  if (plan.tasks.length > 0) {
    const interrupt = listenForInterrupt();
    stoppedBy = interrupt.signal;
    const lines = new ProgressLines(label, plan.tasks.length, progress === "lines");
    lines.start();
    const bar = progress === "bar"
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: "sweep [{bar}] {value}/{total} simulations | {eta_formatted} left", hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
    bar?.start(plan.tasks.length, 0);
    const executor = executorFor(SWEEP_WORKER, { ...exec, workers });
    try {
      const run = await executor.run(plan.tasks, {
        signal: interrupt.signal,
        onResult: (o) => {
          outcomes.set(o.id, o);
          bar?.increment();
          lines.tick();
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
  return {
    results: sweepResults(plan, outcomes, interrupted),
    workers: exec.redisUrl === null ? workers : null,
    wallSeconds,
    interruptedExitCode: interruptedExitCode(stoppedBy),
  };
}

/**
 * Adds the options every worker-pool command shares: --workers, --point-timeout, --redis, --out (default
 * reports/<name>/<command>/), --seed, --horizon. `onTimeout` says what a timed-out simulation does to the command.
 */
export function withExecutionOptions(cmd: Command, command: string, onTimeout = "the point is reported as failed, the others go on"): Command {
  return cmd
    .option("-w, --workers <n>", "worker threads (default: the machine's available parallelism; no effect with --redis)")
    .option("--point-timeout <duration>", `give up on a simulation after this long, e.g. 5m (${onTimeout})`)
    .option("--redis <url>", "run the simulations on the `lambdasim worker` processes of this Redis server, e.g. redis://host:6379")
    .option("-o, --out <dir>", "output folder (<name>: the scenario's name)", defaultOut(command))
    .option("-s, --seed <n>", "random seed (overrides the scenario's `seed`)")
    .option("-H, --horizon <duration>", "simulated time, e.g. 1h (overrides the scenario's `horizon`)")
    .option("--force", FORCE_HELP, false);
}
