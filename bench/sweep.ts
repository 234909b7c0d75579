/**
 * Sweep benchmark (npm run bench:sweep): the same ≥ 16 independent sweep points (one scenario, the
 * seed swept) on the Piscina pool with 1 worker, 2 workers and every core, in the same run. Prints
 * the machine's core count, wall time and speed-up over 1 worker (DESIGN.md target: ≥ 0.8 × N), and
 * checks that every run processed the same events with identical summaries. The pool's start-up is
 * inside the timing, as a user sees it. With `--redis URL` the same points also run through Redis, on
 * whatever `lambdasim worker` processes consume it (start them first), against the same 1-worker baseline.
 *
 * Usage: node dist/bench/sweep.js [--points 16] [--seconds 600] [--redis redis://127.0.0.1:6379]
 */
import { availableParallelism, cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { BullMqExecutor, PiscinaExecutor, SWEEP_WORKER, type Executor, type SweepTask, type TaskOutcome } from "../src/parallel/index.js";
import { parseSetFlag, planSweep, type SweepPlan } from "../src/plan/index.js";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A steady API: 1,000 req/s × lognormal ~60 ms, auto cold starts, priced; `seconds` of simulated time. */
function benchPlan(points: number, seconds: number): SweepPlan {
  const raw = {
    name: "bench-sweep",
    horizon: `${seconds}s`,
    seed: 1,
    functions: [
      {
        name: "api",
        runtime: "nodejs22.x",
        memoryMB: 1024,
        duration: { dist: "lognormal", median: "60ms", p99: "400ms" },
        arrivals: { kind: "poisson", rate: "1000/s" },
      },
    ],
  };
  const axis = parseSetFlag(`seed=1..${points}:lin:${points}`);
  if (!axis.ok) throw new Error(JSON.stringify(axis.issues));
  const plan = planSweep({ file: "bench-sweep.yaml", raw, axes: [axis.value], replications: 1 });
  if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
  return plan.value;
}

async function timeRun(plan: SweepPlan, executor: Executor<SweepTask, TaskOutcome>): Promise<{ seconds: number; outcomes: TaskOutcome[] }> {
  const outcomes: TaskOutcome[] = [];
  const t0 = performance.now();
  try {
    await executor.run(plan.tasks, { onResult: (o) => outcomes.push(o) });
  } finally {
    await executor.close();
  }
  return { seconds: (performance.now() - t0) / 1000, outcomes: outcomes.sort((a, b) => a.id - b.id) };
}

const points = arg("--points", 16);
const seconds = arg("--seconds", 600);
const cores = availableParallelism();
const plan = benchPlan(points, seconds);
console.log(`lambdasim sweep benchmark — node ${process.version}, ${process.platform}/${process.arch}, ${cores} cores available (${cpus()[0]?.model ?? "?"})`);
console.log(`${plan.tasks.length} independent points: 1,000 req/s for ${seconds} s each, auto cold starts, priced\n`);

const redisAt = process.argv.indexOf("--redis");
const redisUrl = redisAt >= 0 ? process.argv[redisAt + 1] : undefined;
const runs: Array<{ label: string; workers: number | null; executor: () => Executor<SweepTask, TaskOutcome> }> = [...new Set([1, 2, cores])].map((workers) => ({
  label: `workers ${String(workers).padStart(3)}`,
  workers,
  executor: () => new PiscinaExecutor(SWEEP_WORKER, { workers, pointTimeoutMs: null }),
}));
if (redisUrl !== undefined) runs.push({ label: "redis      ", workers: null, executor: () => new BullMqExecutor(SWEEP_WORKER, { redisUrl, pointTimeoutMs: null }) });
let base: { seconds: number; outcomes: TaskOutcome[] } | null = null;
for (const { label, workers, executor } of runs) {
  const run = await timeRun(plan, executor());
  const events = run.outcomes.reduce((s, o) => s + (o.ok ? o.summary.events : 0), 0);
  if (run.outcomes.length !== plan.tasks.length || run.outcomes.some((o) => !o.ok)) throw new Error(`${label.trim()}: some points failed`);
  if (base === null) base = run;
  else if (JSON.stringify(run.outcomes) !== JSON.stringify(base.outcomes)) throw new Error(`${label.trim()}: results differ from 1 worker`);
  const speedup = base.seconds / run.seconds;
  console.log(
    `${label}: ${run.seconds.toFixed(2).padStart(7)} s   ${Math.round(events / run.seconds).toLocaleString("en-US").padStart(12)} events/s   ` +
      `speed-up ${speedup.toFixed(2)}${workers === null ? "" : ` (${(speedup / workers).toFixed(2)} × N)`}   ${events.toLocaleString("en-US")} events`,
  );
}
console.log(`\nresults identical at every worker count${redisUrl === undefined ? "" : " and through Redis"}; target: speed-up ≥ 0.8 × N`);
