import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  COMPARE_WORKER,
  InlineExecutor,
  PiscinaExecutor,
  PRICED_WORKER,
  runCompareTask,
  runPricedTask,
  SWEEP_WORKER,
  type CompareOutcome,
  type CompareTask,
  type Executor,
  type PricedOutcome,
  type SweepTask,
  type TaskOutcome,
} from "../../src/parallel/index.js";
import type { FunctionConfig } from "../../src/platform/config.js";
import type { PricingOptions } from "../../src/pricing/index.js";
import { resolveScenarioData } from "../../src/scenario/index.js";
import { fn, scenario } from "../support/configs.js";

// The pool loads the compiled worker from dist/ (`npm test` builds first).

const pricing: PricingOptions = { freeTier: false, frontDoor: "none", monthHours: 730, savingsPlan: 0, date: "2025-09-01" };

function task(id: number, f: Partial<FunctionConfig> = {}, horizonMs = 120_000, seed = 42): SweepTask {
  const sim = scenario([fn({ name: "f", duration: { dist: "exponential", mean: 50 }, arrivals: { kind: "poisson", ratePerSec: 20 }, ...f })], { horizonMs, seed });
  return { id, point: id, replication: 0, sim, region: "us-east-1", pricing };
}

async function runAll(executor: Executor<SweepTask, TaskOutcome>, tasks: SweepTask[], signal?: AbortSignal) {
  const outcomes: TaskOutcome[] = [];
  try {
    const run = await executor.run(tasks, { onResult: (o) => outcomes.push(o), signal });
    return { run, outcomes: outcomes.sort((a, b) => a.id - b.id) };
  } finally {
    await executor.close();
  }
}

describe("PiscinaExecutor", () => {
  it("returns the same summaries as the main thread, whatever the worker count", async () => {
    const tasks = [0, 1, 2, 3, 4].map((i) => task(i, {}, 120_000, 40 + i));
    const inline = await runAll(new InlineExecutor(), tasks);
    const one = await runAll(new PiscinaExecutor(SWEEP_WORKER, { workers: 1, pointTimeoutMs: null }), tasks);
    const two = await runAll(new PiscinaExecutor(SWEEP_WORKER, { workers: 2, pointTimeoutMs: null }), tasks);
    expect(inline.outcomes).toHaveLength(5);
    expect(inline.outcomes.every((o) => o.ok)).toBe(true);
    expect(one.outcomes).toEqual(inline.outcomes);
    expect(two.outcomes).toEqual(inline.outcomes);
    const first = inline.outcomes[0]!;
    // 20/s for 120 s: about 2,400 arrivals.
    if (first.ok) expect(first.summary.metrics.invocations).toBeGreaterThan(2000);
    expect(one.run).toEqual({ reported: 5, interrupted: false });
  });

  it("reports a point that passes --point-timeout while the others complete", async () => {
    // 1,000/s for 30 days: minutes of work. The limit leaves the quick tasks ample room for a worker's
    // start-up (module loading) on a loaded CI machine.
    const slow = task(1, { arrivals: { kind: "poisson", ratePerSec: 1000 } }, 30 * 86_400_000);
    const { outcomes } = await runAll(new PiscinaExecutor(SWEEP_WORKER, { workers: 2, pointTimeoutMs: 3000 }), [task(0), slow, task(2)]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    const failed = outcomes[1]!;
    expect(!failed.ok && failed.timedOut).toBe(true);
    expect(!failed.ok && failed.error).toMatch(/point-timeout \(3000 ms\)/);
  });

  it("replays trace files inside the worker and reports an unreadable one as a failed point", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-trace-"));
    const file = join(dir, "t.csv");
    writeFileSync(file, Array.from({ length: 100 }, (_, i) => String(i * 0.5)).join("\n") + "\n");
    const trace = (path: string): Partial<FunctionConfig> => ({
      arrivals: { kind: "trace", file: path, format: "timestamps", select: null, withinMinute: "uniform", speedup: 1, scale: 1, offsetMs: 0, traceDurations: false },
    });
    const { outcomes } = await runAll(new PiscinaExecutor(SWEEP_WORKER, { workers: 2, pointTimeoutMs: null }), [task(0, trace(file)), task(1, trace(join(dir, "missing.csv")))]);
    const [good, bad] = outcomes;
    expect(good!.ok && good!.summary.metrics.invocations).toBe(100);
    expect(bad!.ok).toBe(false);
    expect(!bad!.ok && bad!.error).toContain("missing.csv");
  });

  it("sends back from a priced task the whole priced result the main thread computes", async () => {
    const tasks = [task(0, {}, 120_000, 7), task(1, {}, 120_000, 8)];
    const outcomes: PricedOutcome[] = [];
    const executor = new PiscinaExecutor(PRICED_WORKER, { workers: 2, pointTimeoutMs: null });
    try {
      await executor.run(tasks, { onResult: (o) => outcomes.push(o) });
    } finally {
      await executor.close();
    }
    outcomes.sort((a, b) => a.id - b.id);
    expect(outcomes).toEqual(tasks.map(runPricedTask));
    const first = outcomes[0]!;
    // Priced (a cost per function) and with its series, not a summary.
    expect(first.ok && first.result.functions.f!.cost!.monthly.total).toBeGreaterThan(0);
    expect(first.ok && first.result.series.arrivals.length).toBeGreaterThan(1);
  });

  it("sends back from compare tasks, run two batches at once on one worker, the sides the main thread computes", async () => {
    const resolved = resolveScenarioData(
      {
        name: "cmp",
        horizon: "5m",
        functions: [{ name: "api", runtime: "nodejs22.x", memoryMB: 512, duration: { dist: "constant", value: "100ms" }, arrivals: { kind: "poisson", rate: "10/s" } }],
        compare: { ec2: { instanceType: "m7g.large" }, fargate: { vcpu: 1, memoryGB: 2 } },
      },
      "cmp.yaml",
    );
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
    const s = resolved.value;
    const base = { sim: s.sim, region: s.region, pricing: s.pricing, functionName: "api", ec2: s.compare!.ec2, fargate: s.compare!.fargate, network: s.compare!.network };
    const here: CompareTask = { ...base, id: 0, side: "lambda" };
    const probe: CompareTask = { ...base, id: 0, side: "ec2", arrivals: { kind: "constant", ratePerSec: 40 } };
    const executor = new PiscinaExecutor(COMPARE_WORKER, { workers: 1, pointTimeoutMs: null });
    const batch = async (task: CompareTask) => {
      const outcomes: CompareOutcome[] = [];
      await executor.run([task], { onResult: (o) => outcomes.push(o) });
      return outcomes;
    };
    try {
      const [a, b] = await Promise.all([batch(here), batch(probe)]);
      expect(a).toEqual([runCompareTask(here)]);
      expect(b).toEqual([runCompareTask(probe)]);
      const [pa, pb] = [a[0]!, b[0]!];
      // Lambda on the scenario's traffic measures about 10/s; the probe at 40/s evenly spaced on EC2 alone.
      expect(pa.ok && pa.result.side === "lambda" && Math.abs(pa.result.ratePerSec - 10) < 1).toBe(true);
      expect(pb.ok && pb.result.side === "ec2" && Math.abs(pb.result.fleet.result.invocations / 300 - 40) < 0.01).toBe(true);
    } finally {
      await executor.close();
    }
  });

  it("stops dispatching when aborted and reports only finished tasks", async () => {
    const stop = new AbortController();
    const tasks = Array.from({ length: 20 }, (_, i) => task(i));
    const outcomes: TaskOutcome[] = [];
    const executor = new PiscinaExecutor(SWEEP_WORKER, { workers: 1, pointTimeoutMs: null });
    try {
      const run = await executor.run(tasks, {
        signal: stop.signal,
        onResult: (o) => {
          outcomes.push(o);
          if (outcomes.length === 3) stop.abort();
        },
      });
      expect(run.interrupted).toBe(true);
      expect(run.reported).toBe(outcomes.length);
      // One worker: after the third result at most the task already handed over could have finished.
      expect(outcomes.length).toBeGreaterThanOrEqual(3);
      expect(outcomes.length).toBeLessThan(5);
    } finally {
      await executor.close();
    }
  });
});
