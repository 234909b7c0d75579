import type { SimConfig } from "../platform/config.js";
import type { ProvisionedPlan } from "../platform/provisioned-concurrency.js";
import type { FunctionResult, Result } from "../platform/result.js";

/** The objectives provisioned concurrency must meet (a scenario's `slo`). */
export interface ProvisionedObjectives {
  maxColdStartRate: number | null;
  p99LatencyMs: number | null;
}

/** One simulated option: its plan, what it achieved and what it costs a month. */
export interface ProvisionedOption {
  label: string;
  plan: ProvisionedPlan;
  coldStartRate: number | null;
  p99Ms: number | null;
  monthlyCost: number;
  meetsSlo: boolean;
}

/** The tuner's answer: the cheapest fixed level, an hourly schedule, and the references it beat. */
export interface ProvisionedRecommendation {
  function: string;
  noPc: ProvisionedOption;
  fixedLevels: ProvisionedOption[];
  /** Cheapest fixed level meeting the SLO, null when none of the levels tried does. */
  fixed: ProvisionedOption | null;
  /** The hourly schedule, re-simulated; null when the run is too short to have hours. */
  schedule: ProvisionedOption | null;
  /** Always-on PC at the schedule's highest level: what the schedule saves against. */
  alwaysOn: ProvisionedOption | null;
  /** The load without PC, per hourly bucket: bucket start (s since the simulation start) and mean arrivals per second. */
  load: { t: number[]; arrivalsPerSec: number[] };
}

/**
 * Simulates and prices a batch of independent configurations, resolving to their results in input
 * order (injected: the planner does no I/O and picks no thread; a caller may run a batch in parallel).
 */
export type EvaluateMany = (sims: readonly SimConfig[]) => Promise<Result[]>;

/** Hours are the schedule's granularity. */
const HOUR_MS = 3_600_000;
/**
 * Scheduled steps start this long before their hour, so the environments have initialised when the
 * hour's traffic comes (lambdasim's choice; AWS advises scheduling ahead of a known ramp).
 */
export const SCHEDULE_LEAD_MS = 5 * 60_000;

/**
 * Finds the least-cost provisioned concurrency for function `name` meeting `slo`: (1) a fixed level,
 * from a grid up to 1.2 × the peak concurrency without PC; (2) an hourly schedule that takes, for
 * each hour of the day, the smallest grid level whose run met the SLO in that hour, re-simulated
 * (and hours that still miss raised one level, up to three rounds). Cost: O(grid) simulations, the
 * grid's in one batch of `evaluate`; the others depend on what came before and go one at a time.
 */
export async function tuneProvisioned(base: SimConfig, name: string, slo: ProvisionedObjectives, evaluate: EvaluateMany, gridSize = 12): Promise<ProvisionedRecommendation> {
  const index = base.functions.findIndex((f) => f.name === name);
  if (index < 0) throw new RangeError(`tuneProvisioned: no function ${name}`);
  const withPlan = (plan: ProvisionedPlan): SimConfig => {
    const functions = base.functions.map((f, i) => (i === index ? { ...f, provisioned: plan } : f));
    // Hourly buckets, so each hour's cold starts and p99 can be read off the series.
    return { ...base, bucketMs: HOUR_MS, functions };
  };
  /** Simulates the labelled plans in one batch; each run's option is read off its result. */
  const runAll = async (runs: ReadonlyArray<{ label: string; plan: ProvisionedPlan }>): Promise<Array<{ option: ProvisionedOption; result: Result }>> => {
    const results = await evaluate(runs.map((r) => withPlan(r.plan)));
    return runs.map(({ label, plan }, i) => ({ option: optionOf(label, plan, results[i]!.functions[name]!, slo), result: results[i]! }));
  };
  const run = async (label: string, plan: ProvisionedPlan) => (await runAll([{ label, plan }]))[0]!;

  const none = await run("no provisioned concurrency", { kind: "fixed", count: 0 });
  const peak = none.result.functions[name]!.concurrency.peak;
  const grid = [...new Set(Array.from({ length: gridSize }, (_, k) => Math.max(1, Math.ceil((peak * 1.2 * (k + 1)) / gridSize))))];
  // The grid's levels are independent of each other: one batch.
  const gridRuns = await runAll(grid.map((level) => ({ label: `fixed ${level}`, plan: { kind: "fixed" as const, count: level } })));
  const runs = grid.map((level, i) => ({ level, ...gridRuns[i]! }));
  // The cheapest fixed level meeting the SLO, no provisioned concurrency included (ties: the smaller level).
  const passing = [{ level: 0, ...none }, ...runs].filter((r) => r.option.meetsSlo);
  passing.sort((a, b) => a.option.monthlyCost - b.option.monthlyCost || a.level - b.level);
  const fixed = passing[0]?.option ?? null;

  const windowMs = base.horizonMs - base.warmupMs;
  let schedule: ProvisionedOption | null = null;
  let alwaysOn: ProvisionedOption | null = null;
  if (windowMs >= HOUR_MS) {
    const levels = [0, ...grid];
    const results = [none.result, ...runs.map((r) => r.result)];
    // Per hour of day, the smallest level whose run met the SLO in every bucket of that hour.
    const hourLevel = new Array<number>(24).fill(-1);
    for (let h = 0; h < 24; h++) {
      for (let i = 0; i < levels.length && hourLevel[h] === -1; i++) {
        const verdict = hourMeetsSlo(results[i]!, h, slo);
        if (verdict === null) hourLevel[h] = 0; // the run has no traffic in this hour
        else if (verdict) hourLevel[h] = levels[i]!;
      }
      if (hourLevel[h] === -1) hourLevel[h] = levels[levels.length - 1]!;
    }
    // Each round re-simulates what the previous one raised: one simulation at a time.
    for (let round = 0; round < 3; round++) {
      const candidate = await run("hourly schedule", hourlyPlan(hourLevel));
      schedule = candidate.option;
      if (candidate.option.meetsSlo) break;
      let raised = false;
      for (let h = 0; h < 24; h++) {
        if (hourMeetsSlo(candidate.result, h, slo) === false) {
          const next = levels.find((l) => l > hourLevel[h]!);
          if (next !== undefined) {
            hourLevel[h] = next;
            raised = true;
          }
        }
      }
      if (!raised) break;
    }
    alwaysOn = (await run(`always-on ${Math.max(...hourLevel)}`, { kind: "fixed", count: Math.max(...hourLevel) })).option;
  }
  const s = none.result.series;
  const load = { t: s.t, arrivalsPerSec: s.arrivals.map((n) => n / s.bucketSeconds) };
  return { function: name, noPc: none.option, fixedLevels: runs.map((r) => r.option), fixed, schedule, alwaysOn, load };
}

/** What one run of `plan` achieved for the tuned function `fr`, its monthly cost, and whether it met `slo`. */
function optionOf(label: string, plan: ProvisionedPlan, fr: FunctionResult, slo: ProvisionedObjectives): ProvisionedOption {
  const coldStartRate = fr.coldStartRate;
  const p99Ms = fr.latencyMs.p99;
  const meetsSlo =
    (slo.maxColdStartRate === null || (coldStartRate ?? 0) <= slo.maxColdStartRate) &&
    (slo.p99LatencyMs === null || p99Ms === null || p99Ms <= slo.p99LatencyMs);
  return { label, plan, coldStartRate, p99Ms, monthlyCost: fr.cost?.monthly.total ?? NaN, meetsSlo };
}

/** Whether every hourly bucket at hour-of-day `h` met the SLO (account series); null without traffic then. */
function hourMeetsSlo(result: Result, h: number, slo: ProvisionedObjectives): boolean | null {
  const s = result.series;
  let seen = false;
  for (let b = 0; b < s.t.length; b++) {
    if (Math.floor(s.t[b]! / 3600) % 24 !== h) continue;
    const admitted = s.arrivals[b]! - s.throttles[b]!;
    if (admitted <= 0) continue;
    seen = true;
    if (slo.maxColdStartRate !== null && s.coldStarts[b]! / admitted > slo.maxColdStartRate) return false;
    const p99 = s.p99[b];
    if (slo.p99LatencyMs !== null && p99 !== null && p99 !== undefined && p99 > slo.p99LatencyMs) return false;
  }
  return seen ? true : null;
}

/** A daily schedule from 24 hourly levels: a step where the level changes (a rise `SCHEDULE_LEAD_MS` early). */
export function hourlyPlan(hourLevel: readonly number[]): ProvisionedPlan {
  const steps: Array<{ atMsOfDay: number; count: number }> = [];
  if (hourLevel.every((l) => l === hourLevel[0])) return { kind: "schedule", steps: [{ atMsOfDay: 0, count: hourLevel[0]! }] };
  for (let h = 0; h < 24; h++) {
    const prev = hourLevel[(h + 23) % 24]!;
    if (hourLevel[h] !== prev) {
      // Raise early, so the environments are ready when the hour starts; lower on the hour.
      const lead = hourLevel[h]! > prev ? SCHEDULE_LEAD_MS : 0;
      const at = (h * HOUR_MS - lead + 24 * HOUR_MS) % (24 * HOUR_MS);
      steps.push({ atMsOfDay: at, count: hourLevel[h]! });
    }
  }
  steps.sort((a, b) => a.atMsOfDay - b.atMsOfDay);
  return { kind: "schedule", steps };
}
