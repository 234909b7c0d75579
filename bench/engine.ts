/**
 * Engine benchmark (npm run bench): a steady Poisson scenario at ~1,000 concurrent executions, end to
 * end with statistics, against a bare typed-array heap loop with the same number of events, in the
 * same run. Prints events/s of both, their ratio, and peak RSS for a run and one 10x longer (each in
 * its own child process, so the peaks are independent). Then the same load on Lambda Managed Instances
 * beside on-demand, timed alternately, with the managed/on-demand ratio per round.
 *
 * Timings are noisy (other processes share the cores), so the engine and the bare loop are timed
 * alternately `--rounds` times and each round's ratio is taken from two adjacent timings, which a
 * change of load hits alike; the figures printed are medians, with the [min-max] spread.
 *
 * Usage: node dist/bench/engine.js [--seconds 60] [--scale 10] [--rounds 5]
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { EventQueue } from "../src/core/event-queue.js";
import { randomStream } from "../src/core/random.js";
import type { SimConfig } from "../src/platform/config.js";
import { simulate } from "../src/platform/simulate.js";
import { autoColdStart } from "../src/platform/cold-start/cold-start-model.js";

/** ~1,000 concurrent executions: 10,000 req/s x 100 ms mean duration (Little's law). */
export function steadyScenario(horizonSeconds: number): SimConfig {
  return {
    name: "bench-steady",
    seed: 1,
    horizonMs: horizonSeconds * 1000,
    warmupMs: 0,
    bucketMs: 0,
    account: { concurrencyLimit: 3000 },
    functions: [
      {
        name: "api",
        runtime: "nodejs22.x",
        architecture: "x86_64",
        memoryMB: 512,
        timeoutMs: 30_000,
        reservedConcurrency: null,
        invocation: "sync",
        duration: { dist: "exponential", mean: 100 },
        durationScaling: null,
        errorRate: 0,
        async: { maximumRetryAttempts: 2, maximumEventAgeMs: 21_600_000 },
        clientRetries: null,
        maxLifetime: null,
        provisioned: { kind: "fixed", count: 0 },
        coldStart: { dist: "lognormal", median: 140, p99: 200 },
        coldStartSource: "bench fixture",
        packageType: "zip",
        packageSizeMB: 0,
        layers: 0,
        vpc: false,
        snapStart: false,
        ephemeralStorageMB: 512,
        idleLifetime: { dist: "uniform", min: 300_000, max: 420_000 },
        arrivals: { kind: "poisson", ratePerSec: 10_000 },
      },
    ],
  };
}

/** Invocation paths measured with the full model on (the foundation scenario is "sync"). */
export const PATHS = ["sync", "sync+pc", "sync+tracking", "async"] as const;
export type BenchPath = (typeof PATHS)[number];

/**
 * The steady scenario on one invocation path: `sync+pc` adds the measured cold-start model
 * (coldStart: auto for nodejs22.x) and 600 fixed provisioned environments; `sync+tracking` target
 * tracking from 100 environments; `async` the async queue with 5 % function errors (retried).
 */
export function pathScenario(path: BenchPath, horizonSeconds: number): SimConfig {
  const c = steadyScenario(horizonSeconds);
  const f = c.functions[0]!;
  f.coldStart = autoColdStart({
    runtime: "nodejs22.x", architecture: "x86_64", packageType: "zip", memoryMB: 512, packageSizeMB: 0, layers: 0, vpc: false, snapStart: false,
  }).spec;
  if (path === "sync+pc") f.provisioned = { kind: "fixed", count: 600 };
  if (path === "sync+tracking") {
    f.provisioned = { kind: "targetTracking", target: 0.7, min: 100, max: 2500, scaleOutPoints: 3, scaleInPoints: 15 };
  }
  if (path === "async") {
    f.invocation = "async";
    f.errorRate = 0.05;
  }
  return c;
}

/**
 * The steady load on Lambda Managed Instances: the same 10,000 req/s x exponential 100 ms, 30 % of it
 * CPU work shared by processor sharing, on 150 m7g.xlarge instances (4 vCPU, 16 GiB:
 * ec2-instances-us-east-1.json) of 2-vCPU, 4 GiB environments with 64 slots each (300 environments),
 * target tracking at 50 % CPU (the load's 300 busy vCPUs of 600: at target). Every request is routed,
 * shares its environment's vCPUs and ends without a cold start; the scaler reads every minute.
 */
export function managedScenario(horizonSeconds: number): SimConfig {
  const c = steadyScenario(horizonSeconds);
  c.name = "bench-managed";
  c.capacityProviders = [
    {
      name: "bench",
      instanceTypes: ["m7g.xlarge"],
      instanceVCpu: 4,
      instanceMemoryGiB: 16,
      maxVCpu: 2000,
      targetUtilization: 0.5,
      scalingMode: "target",
      minInstances: 150,
      launchDelayMs: 180_000,
      scalingPeriodMs: 60_000,
      scaleInPeriods: 5,
      scaleInFraction: 0.1,
      pricing: { plan: "onDemand", discount: 0 },
    },
  ];
  const f = c.functions[0]!;
  f.runtime = "nodejs22.x";
  f.architecture = "arm64";
  f.memoryMB = 4096;
  f.managed = { provider: 0, providerName: "bench", vcpus: 2, memoryGiB: 4, maxConcurrency: 64, cpuBound: 0.3, threads: 1, measuredVCpu: 1 };
  return c;
}

/**
 * The managed load at saturation: 750 m7g.xlarge holding 3,000 1-vCPU environments of one slot each,
 * offered 3,100 erlangs (10,000 req/s x exponential 310 ms): about 95 % of the slots busy and a few
 * percent throttled, so routing must find the few free slots among thousands of environments.
 */
export function managedSaturatedScenario(horizonSeconds: number): SimConfig {
  const c = managedScenario(horizonSeconds);
  c.name = "bench-managed-saturated";
  c.capacityProviders![0]!.minInstances = 750;
  const f = c.functions[0]!;
  f.memoryMB = 2048;
  f.duration = { dist: "exponential", mean: 310 };
  f.managed = { ...f.managed!, vcpus: 1, memoryGiB: 2, maxConcurrency: 1 };
  return c;
}

/** The bare loop: pop the earliest event, push one at an exponential offset; heap held at `size`. */
export function bareHeapLoop(events: number, size: number): number {
  const q = new EventQueue(size * 2);
  const rng = randomStream(1, "bare", "loop");
  for (let i = 0; i < size; i++) q.push(-100 * Math.log(1 - rng()), 1, i, 0);
  let checksum = 0;
  for (let i = 0; i < events; i++) {
    q.pop();
    checksum += q.target;
    q.push(q.time - 100 * Math.log(1 - rng()), q.kind, q.target, q.aux);
  }
  return checksum;
}

/** Median of a non-empty list. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median and spread of repeated timings. */
interface Spread {
  median: number;
  min: number;
  max: number;
}

function spread(xs: number[]): Spread {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

interface Measurement {
  horizonSeconds: number;
  rounds: number;
  events: number;
  invocations: number;
  /** Wall time of each engine run, s (median). */
  engineSeconds: number;
  engineEventsPerSec: Spread;
  bareSeconds: number;
  bareEventsPerSec: Spread;
  /** Engine events/s over bare events/s, one ratio per round of adjacent timings. */
  ratio: Spread;
  meanConcurrency: number;
  peakRssMB: number;
}

function measure(horizonSeconds: number, rounds: number): Measurement {
  // Warm the JIT on a short run first, so the figures are steady-state.
  simulate(steadyScenario(5));
  const engineSeconds: number[] = [];
  const bareSeconds: number[] = [];
  let r = simulate(steadyScenario(horizonSeconds));
  const events = r.engine.events;
  // Same heap size as the model holds: in-flight requests + one expiry timer per environment + arrivals.
  const heapSize = Math.round(r.total.concurrency.mean + r.total.environments.meanAlive + 1);
  bareHeapLoop(Math.min(events, 1_000_000), heapSize);
  for (let k = 0; k < rounds; k++) {
    const t0 = performance.now();
    r = simulate(steadyScenario(horizonSeconds));
    engineSeconds.push((performance.now() - t0) / 1000);
    // The run is deterministic: every round must handle the same events as the bare loop replays.
    if (r.engine.events !== events) throw new Error(`engine round ${k}: ${r.engine.events} events, expected ${events}`);
    const t1 = performance.now();
    bareHeapLoop(events, heapSize);
    bareSeconds.push((performance.now() - t1) / 1000);
  }
  return {
    horizonSeconds,
    rounds,
    events,
    invocations: r.total.invocations,
    engineSeconds: median(engineSeconds),
    engineEventsPerSec: spread(engineSeconds.map((s) => events / s)),
    bareSeconds: median(bareSeconds),
    bareEventsPerSec: spread(bareSeconds.map((s) => events / s)),
    ratio: spread(engineSeconds.map((s, k) => bareSeconds[k]! / s)),
    meanConcurrency: r.total.concurrency.mean,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Events per second of one invocation path (after a short JIT warm-up). */
function measurePath(path: BenchPath, horizonSeconds: number): { path: BenchPath; events: number; eventsPerSec: number; invocations: number } {
  simulate(pathScenario(path, 5));
  const t0 = performance.now();
  const r = simulate(pathScenario(path, horizonSeconds));
  const seconds = (performance.now() - t0) / 1000;
  return { path, events: r.engine.events, eventsPerSec: r.engine.events / seconds, invocations: r.total.invocations };
}

/** One scenario of the managed comparison: its events, invocations and throttles, events/s, and events/s over on-demand's. */
interface ManagedRow {
  label: string;
  events: number;
  invocations: number;
  throttled: number;
  eventsPerSec: Spread;
  /** Over the on-demand events/s of the same round (1 for on-demand itself). */
  ratio: Spread;
}

/** The on-demand steady load, then the managed one at target and at saturation. */
const MANAGED_ROWS: ReadonlyArray<[string, (horizonSeconds: number) => SimConfig]> = [
  ["on-demand", steadyScenario],
  ["managed, at target", managedScenario],
  ["managed, saturated", managedSaturatedScenario],
];

/** Each scenario of MANAGED_ROWS timed in turn, `rounds` times, with its ratio to the on-demand timing of the same round. */
function measureManaged(horizonSeconds: number, rounds: number): ManagedRow[] {
  for (const [, make] of MANAGED_ROWS) simulate(make(5));
  const events = MANAGED_ROWS.map(([, make]) => simulate(make(horizonSeconds)));
  const rates: number[][] = MANAGED_ROWS.map(() => []);
  for (let k = 0; k < rounds; k++) {
    MANAGED_ROWS.forEach(([label, make], j) => {
      const t0 = performance.now();
      const r = simulate(make(horizonSeconds));
      rates[j]!.push(r.engine.events / ((performance.now() - t0) / 1000));
      if (r.engine.events !== events[j]!.engine.events) throw new Error(`${label}, round ${k}: ${r.engine.events} events, expected ${events[j]!.engine.events}`);
    });
  }
  return MANAGED_ROWS.map(([label], j) => ({
    label,
    events: events[j]!.engine.events,
    invocations: events[j]!.total.invocations,
    throttled: events[j]!.total.throttled,
    eventsPerSec: spread(rates[j]!),
    ratio: spread(rates[j]!.map((x, k) => x / rates[0]![k]!)),
  }));
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] === self) {
  if (process.argv.includes("--child")) {
    process.stdout.write(JSON.stringify(measure(arg("--seconds", 60), arg("--rounds", 5))));
  } else if (process.argv.includes("--managed-child")) {
    process.stdout.write(JSON.stringify(measureManaged(arg("--seconds", 60), arg("--rounds", 5))));
  } else if (process.argv.includes("--paths-child")) {
    process.stdout.write(JSON.stringify(PATHS.map((p) => measurePath(p, arg("--seconds", 60)))));
  } else {
    const seconds = arg("--seconds", 60);
    const scale = arg("--scale", 10);
    const rounds = arg("--rounds", 5);
    const run = (s: number): Measurement =>
      JSON.parse(execFileSync(process.execPath, [self, "--child", "--seconds", String(s), "--rounds", String(rounds)], { encoding: "utf8" }));
    const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
    const fmtSpread = (x: Spread) => `${fmt(x.median)} [${fmt(x.min)}-${fmt(x.max)}]`;
    console.log(`lambdasim engine benchmark — node ${process.version}, ${process.platform}/${process.arch}`);
    console.log(`steady Poisson 10,000 req/s x exponential 100 ms (~1,000 concurrent), cold starts and idle expiry on\n`);
    for (const s of [seconds, seconds * scale]) {
      const m = run(s);
      console.log(
        `horizon ${s} s: ${fmt(m.invocations)} invocations, ${fmt(m.events)} events, mean concurrency ${m.meanConcurrency.toFixed(0)}; ` +
          `median [min-max] of ${m.rounds} alternating rounds\n` +
          `  engine ${fmtSpread(m.engineEventsPerSec)} events/s (${m.engineSeconds.toFixed(2)} s)\n` +
          `  bare heap loop ${fmtSpread(m.bareEventsPerSec)} events/s (${m.bareSeconds.toFixed(2)} s)\n` +
          `  ratio ${m.ratio.median.toFixed(2)} [${m.ratio.min.toFixed(2)}-${m.ratio.max.toFixed(2)}]   peak RSS ${m.peakRssMB.toFixed(0)} MB`,
      );
    }
    console.log(`\nper invocation path, full model on (horizon ${seconds} s):`);
    const paths: Array<{ path: string; events: number; eventsPerSec: number; invocations: number }> = JSON.parse(
      execFileSync(process.execPath, [self, "--paths-child", "--seconds", String(seconds)], { encoding: "utf8" }),
    );
    for (const p of paths) console.log(`  ${p.path.padEnd(14)} ${fmt(p.eventsPerSec).padStart(11)} events/s   ${fmt(p.events)} events, ${fmt(p.invocations)} invocations`);
    const rows: ManagedRow[] = JSON.parse(
      execFileSync(process.execPath, [self, "--managed-child", "--seconds", String(seconds), "--rounds", String(rounds)], { encoding: "utf8" }),
    );
    console.log(
      `\nLambda Managed Instances beside on-demand (horizon ${seconds} s, median [min-max] of ${rounds} rounds, timed in turn):\n` +
        `  at target: the same load on 150 m7g.xlarge, 300 environments x 64 slots, 30 % CPU-bound (processor sharing)\n` +
        `  saturated: 3,100 erlangs on 3,000 one-slot environments (750 m7g.xlarge)`,
    );
    for (const r of rows) {
      console.log(
        `  ${r.label.padEnd(19)} ${fmtSpread(r.eventsPerSec)} events/s   x${r.ratio.median.toFixed(2)} [${r.ratio.min.toFixed(2)}-${r.ratio.max.toFixed(2)}] of on-demand   ` +
          `${fmt(r.events)} events, ${fmt(r.invocations)} invocations, ${fmt(r.throttled)} throttled`,
      );
    }
    console.log(`\ntargets: >= 2,000,000 events/s, ratio >= 0.5, RSS flat when the horizon grows ${scale}x`);
  }
}
