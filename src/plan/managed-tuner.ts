import type { SimConfig } from "../platform/config.js";
import { formatUsd } from "../report/format.js";
import type { Slo } from "../scenario/slo.js";
import {
  choiceSim,
  environmentVCpus,
  environmentsPerInstance,
  optionOf,
  recommendManaged,
  type EvaluatePoints,
  type InstanceSize,
  type ManagedChoice,
  type ManagedGrid,
  type ManagedOption,
  type ManagedRecommendation,
  type PointOutcome,
} from "./managed-options.js";

/** Most the rounded bill of an option can fall below its exact floor: two lines (instances, fee) rounded to the cent. */
const FLOOR_ROUNDING_USD = 0.01;

/** What `tuneManaged` needs: the function alone on its capacity provider, the grid, the prices and the objectives. */
export interface ManagedTuneInput {
  /** The tuned function alone (functions[0]) on a capacity provider of its own (capacityProviders[0]). */
  base: SimConfig;
  grid: ManagedGrid;
  /** Size and On-Demand price of every instance type of the grid. */
  sizes: Readonly<Record<string, InstanceSize>>;
  /** The objectives; `p99LatencyMs` is what the search bisects on. */
  slo: Slo;
  /** Simulations per option (seeds replicationSeed(seed, 0..n−1), the same at every option). */
  replications: number;
  /** Simulate every point of the grid instead of searching (the check of the search). */
  exhaustive: boolean;
  /** Hours in the month costs are projected to (pricing.monthHours). */
  monthHours: number;
  /** Fraction of the EC2 part paid (1 − the plan's discount) and the management fee fraction (aws-pricing.json lambda.managedInstances). */
  paidFraction: number;
  managementFeeFraction: number;
}

/** A point of the grid that was not simulated, and why. */
export interface SkippedChoice {
  instanceType: string;
  memoryGiBPerVCpu: number | null;
  reason: string;
}

/** What `tune managed` found. */
export interface ManagedTuneResult {
  mode: "search" | "exhaustive";
  /** Points of the grid, and how many were simulated. */
  gridPoints: number;
  /** Every option simulated, in grid order (instance type, ratio, maxConcurrency). */
  options: ManagedOption[];
  /** Instance type × ratio pairs whose environment does not fit the instance, and instance types the bound ruled out. */
  skipped: SkippedChoice[];
  /** The monthly floor of each instance type: minInstances × monthHours × hourly × (paid fraction + fee): no option on it costs less. */
  floors: Array<{ instanceType: string; monthly: number }>;
  recommendation: ManagedRecommendation | null;
  simulations: number;
  rounds: number;
  /** Stopped by Ctrl-C / SIGTERM: `options` holds what finished. */
  interrupted: boolean;
}

/** One instance type × ratio: maxConcurrency ascending, what is known of the p99 boundary, and the walk below it. */
interface Line {
  instanceType: string;
  ratio: number;
  /** Largest index known to meet the p99 objective (−1: none known). */
  lo: number;
  /** Smallest index known to miss it (n: none known). */
  hi: number;
  /** Next index of the walk below the boundary; null while bisecting; −1: done. */
  walk: number | null;
}

/**
 * The cheapest maxConcurrency × memoryGiBPerVCpu × instance type for the function, as an exhaustive
 * search of the grid finds it, with fewer simulations. Sound where, on one instance type and ratio,
 * p99 does not fall as maxConcurrency rises (more requests share each environment's vCPUs), the
 * monthly cost does not rise (fewer environments hold the load) and the throttle rate does not rise
 * (more slots): (1) instance types are taken in ascending order of their floor (minInstances × hours
 * × price × (1 − discount + fee)), and a type whose floor exceeds the cheapest eligible option found
 * is skipped (no option on it can cost less); (2) on each ratio of a type, the largest maxConcurrency
 * meeting the p99 objective is found by bisection (a failed simulation counts as a miss); (3) from
 * there the walk goes down while the cost does not rise, so equal costs meet the tie rules. The
 * recommendation is `recommendManaged` over every option simulated. All ratios of a type run in one
 * round (replications included), so the answer does not depend on the worker count.
 */
export async function tuneManaged(input: ManagedTuneInput, evaluate: EvaluatePoints): Promise<ManagedTuneResult> {
  const { base, grid, sizes, slo } = input;
  const f = base.functions[0]!;
  const provider = base.capacityProviders![0]!;
  const typeOrder = grid.instanceTypes;
  const cs = grid.maxConcurrency;
  const n = cs.length;
  const skipped: SkippedChoice[] = [];
  const floors = typeOrder.map((t) => ({
    instanceType: t,
    monthly: provider.minInstances * input.monthHours * sizes[t]!.onDemandHourly * (input.paidFraction + input.managementFeeFraction),
  }));
  const lines: Line[] = [];
  for (const t of typeOrder) {
    const size = sizes[t]!;
    if (provider.minInstances * size.vcpu > provider.maxVCpu) {
      skipped.push({ instanceType: t, memoryGiBPerVCpu: null, reason: `maxVCpu ${provider.maxVCpu} of ${provider.name} is below minInstances (${provider.minInstances}) × ${size.vcpu} vCPUs` });
      continue;
    }
    for (const ratio of grid.memoryGiBPerVCpu) {
      if (environmentsPerInstance(size, environmentVCpus(f.memoryMB, ratio), f.memoryMB / 1024) === 0) {
        const need = `${environmentVCpus(f.memoryMB, ratio)} vCPUs and ${f.memoryMB / 1024} GiB`;
        skipped.push({ instanceType: t, memoryGiBPerVCpu: ratio, reason: `an environment (${need}) does not fit one ${t} (${size.vcpu} vCPUs, ${size.memoryGiB} GiB)` });
        continue;
      }
      lines.push({ instanceType: t, ratio, lo: -1, hi: n, walk: null });
    }
  }
  const options = new Map<string, ManagedOption>();
  const key = (t: string, ratio: number, i: number) => `${t}|${ratio}|${i}`;
  const choice = (l: Line, i: number): ManagedChoice => ({ instanceType: l.instanceType, memoryGiBPerVCpu: l.ratio, maxConcurrency: cs[i]! });
  let simulations = 0;
  let rounds = 0;
  let interrupted = false;

  /** Simulates the points (every replication), records the finished ones; false when interrupted. */
  const run = async (points: ReadonlyArray<{ line: Line; index: number }>): Promise<boolean> => {
    const todo = points.filter((p) => !options.has(key(p.line.instanceType, p.line.ratio, p.index)));
    if (todo.length === 0) return true;
    rounds++;
    const sims: SimConfig[] = [];
    for (const p of todo) for (let r = 0; r < input.replications; r++) sims.push(choiceSim(base, choice(p.line, p.index), sizes[p.line.instanceType]!, r));
    simulations += sims.length;
    const outcomes = await evaluate(sims);
    todo.forEach((p, k) => {
      const mine: PointOutcome[] = outcomes.slice(k * input.replications, (k + 1) * input.replications);
      if (mine.some((o) => o.status === "stopped")) return;
      options.set(key(p.line.instanceType, p.line.ratio, p.index), optionOf(base, choice(p.line, p.index), sizes[p.line.instanceType]!, mine, slo));
    });
    return !outcomes.some((o) => o.status === "stopped");
  };
  const at = (l: Line, i: number) => options.get(key(l.instanceType, l.ratio, i))!;

  if (input.exhaustive) {
    interrupted = !(await run(lines.flatMap((line) => cs.map((_, index) => ({ line, index })))));
  } else {
    // Waves of instance types with equal floors, cheapest floor first.
    const waveFloors = [...new Set(floors.map((x) => x.monthly))].sort((a, b) => a - b);
    for (const floor of waveFloors) {
      const wave = lines.filter((l) => floors.find((x) => x.instanceType === l.instanceType)!.monthly === floor);
      if (wave.length === 0) continue;
      const best = recommendManaged([...options.values()], typeOrder);
      // Less a cent: the bill rounds its instance and fee lines to the cent, half up, so it can sit up to a cent below the exact floor.
      if (best !== null && best.monthlyCost < floor - FLOOR_ROUNDING_USD) {
        for (const t of new Set(wave.map((l) => l.instanceType))) {
          skipped.push({ instanceType: t, memoryGiBPerVCpu: null, reason: `its floor (${formatUsd(floor)} a month at ${provider.minInstances} instances) is above ${best.option} (${formatUsd(best.monthlyCost)}): no option on it can cost less` });
        }
        continue;
      }
      while (!interrupted) {
        const probes = wave.flatMap((line) => {
          const i = nextProbe(line, n);
          return i === null ? [] : [{ line, index: i }];
        });
        if (probes.length === 0) break;
        if (!(await run(probes))) {
          interrupted = true;
          break;
        }
        for (const { line, index } of probes) learn(line, index, at(line, index), (i) => options.get(key(line.instanceType, line.ratio, i)));
      }
      if (interrupted) break;
    }
  }

  const all = lines.flatMap((l) => cs.flatMap((_, i) => (options.has(key(l.instanceType, l.ratio, i)) ? [at(l, i)] : [])));
  return {
    mode: input.exhaustive ? "exhaustive" : "search",
    gridPoints: typeOrder.length * grid.memoryGiBPerVCpu.length * n,
    options: all,
    skipped,
    floors,
    recommendation: recommendManaged(all, typeOrder),
    simulations,
    rounds,
    interrupted,
  };
}

/** The index the line simulates next: the top, then the bottom, then bisection; then the walk; null when settled. */
function nextProbe(l: Line, n: number): number | null {
  if (l.walk !== null) return l.walk >= 0 ? l.walk : null;
  if (l.lo === -1 && l.hi === n) return n - 1;
  if (l.lo === -1 && l.hi === n - 1) return n - 1 > 0 ? 0 : null;
  if (l.hi - l.lo > 1) return Math.floor((l.lo + l.hi) / 2);
  return null;
}

/**
 * Records what the option at `index` says about the line: during bisection, whether it meets the p99
 * objective (a failed run counts as a miss); once the boundary is found, the walk below it goes on
 * while the cost does not rise above the cheapest on the line and the option meets every objective.
 */
function learn(l: Line, index: number, o: ManagedOption, known: (i: number) => ManagedOption | undefined): void {
  if (l.walk === null) {
    const p99 = o.verdicts.find((v) => v.objective === "p99LatencyMs");
    const pass = o.status === "ok" && (p99 === undefined || p99.pass !== false);
    if (pass) l.lo = Math.max(l.lo, index);
    else l.hi = Math.min(l.hi, index);
    if (l.hi - l.lo <= 1 || (l.lo === -1 && l.hi === 0)) {
      // Settled: walk down from the boundary (nothing to walk when no index meets the objective).
      l.walk = l.lo >= 0 ? l.lo - 1 : -1;
      if (l.lo >= 0 && !walkOn(known(l.lo)!, l.lo, known)) l.walk = -1;
    }
    return;
  }
  l.walk = walkOn(o, index, known) ? index - 1 : -1;
}

/** Whether the walk goes below `index`: its option ran, meets every objective, and costs no more than the line's cheapest above it. */
function walkOn(o: ManagedOption, index: number, known: (i: number) => ManagedOption | undefined): boolean {
  if (o.status !== "ok" || o.meetsSlo === false || o.monthlyCost === null || index === 0) return false;
  let cheapest = Infinity;
  for (let i = index + 1; ; i++) {
    const above = known(i);
    if (above === undefined) break;
    if (above.status === "ok" && above.monthlyCost !== null && above.meetsSlo !== false) cheapest = Math.min(cheapest, above.monthlyCost.total);
  }
  return o.monthlyCost.total <= cheapest;
}
