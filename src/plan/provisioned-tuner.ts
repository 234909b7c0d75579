import type { SimConfig } from "../platform/config.js";
import type { ProvisionedPlan } from "../platform/provisioned/provisioned-concurrency.js";
import type { Result } from "../platform/result.js";
import { meetsEvery, sloVerdicts, type SloVerdict } from "../report/slo-verdicts.js";
import type { Slo } from "../scenario/slo.js";
import { HOUR_MS, hourlyLoad, hoursOfWindow, hourVerdicts, seriesOf, steadyWindow } from "./clock-hours.js";

/** The objectives provisioned concurrency must meet: the scenario's `slo`. */
export type ProvisionedObjectives = Slo;

/** One simulated option: its plan, what it achieved, what it costs a month and its verdicts. */
export interface ProvisionedOption {
  label: string;
  plan: ProvisionedPlan;
  coldStartRate: number | null;
  p99Ms: number | null;
  throttleRate: number | null;
  monthlyCost: number;
  /** Whether every objective is met (null without objectives). */
  meetsSlo: boolean | null;
  verdicts: SloVerdict[];
}

/** One clock hour of the schedule: its level and whether the re-simulated schedule met the objectives in it. */
export interface ScheduleHour {
  hour: number;
  level: number;
  /** null: the hour is outside the scenario's window or had no request. */
  met: boolean | null;
}

/** The tuner's answer: the options it simulated, the cheapest meeting every objective, and what the schedule saves. */
export interface ProvisionedRecommendation {
  function: string;
  /** Highest level the function may be given (reserved concurrency, the account's unreserved room). */
  maxLevel: number;
  /** The simulated window the options were measured on (steady state, see `steadyWindow`), s. */
  window: { warmupSeconds: number; horizonSeconds: number; judgedFromSeconds: number };
  noPc: ProvisionedOption;
  /** Every fixed level simulated, ascending. */
  fixedLevels: ProvisionedOption[];
  /** Cheapest fixed level meeting every objective (0 included); null when none up to maxLevel does. */
  fixed: ProvisionedOption | null;
  /** The hourly schedule, re-simulated; null when the window is shorter than an hour. */
  schedule: ProvisionedOption | null;
  /** The schedule's hours (clock time of the simulated day). */
  hours: ScheduleHour[];
  /** The cheapest option meeting every objective, or null when none does. */
  recommendation: { option: string; monthlyCost: number; reason: string } | null;
  /** What the recommendation saves against a baseline in the table (the cheapest fixed level meeting the objectives). */
  savings: { against: string; monthly: number } | null;
  /** The load without PC per clock hour: mean arrivals per second. */
  load: { hour: number[]; arrivalsPerSec: number[] };
  /** Simulations run, and rounds of them (each round one batch). */
  simulations: number;
  rounds: number;
}

/**
 * Simulates and prices a batch of independent configurations, resolving to their results in input
 * order (injected: the planner does no I/O and picks no thread; a caller may run a batch in parallel).
 */
export type EvaluateMany = (sims: readonly SimConfig[]) => Promise<Result[]>;

/**
 * Scheduled rises start this long before their hour, so the environments have initialised when the
 * hour's traffic comes (lambdasim's choice; AWS advises scheduling ahead of a known ramp).
 */
export const SCHEDULE_LEAD_MS = 5 * 60_000;
/** Simulations per round: the batch size, the same whatever the workers so the answer is too. */
const PROBES_PER_ROUND = 2;
/** Safety stop on rounds (each halves every open bracket, so ~log2(maxLevel) + a few are used). */
const MAX_ROUNDS = 40;

/** A bracket on the smallest passing level: `lo` fails (−1: unknown), `hi` passes (null: not found yet). */
interface Bracket {
  lo: number;
  hi: number | null;
  /** The next level to try while `hi` is unknown. */
  up: number;
  /** No level up to maxLevel passes. */
  unreachable: boolean;
}

/**
 * Finds the least-cost provisioned concurrency for function `name` meeting `slo`, as an exhaustive
 * search over levels 0..maxLevel would, but by bisection: a level's verdict is monotone (more
 * provisioned environments, fewer cold starts), and every run uses the same random streams.
 * (1) The fixed level: the smallest passing level, then upward while it gets cheaper. (2) The hourly
 * schedule: for each clock hour the smallest level meeting the objectives in that hour, all hours
 * bisected at once (one probe schedule sets every open hour to its bracket's midpoint), then
 * re-simulated; an hour that misses in context is searched again above. Fixed probes also narrow the
 * hours. Hours are clock time (hourly buckets on the clock) and judged on steady state and on the
 * tuned function's own series. Cost: ~log2(maxLevel) + 3 rounds of two simulations.
 */
export async function tuneProvisioned(base: SimConfig, name: string, slo: Slo, evaluate: EvaluateMany, maxLevel: number): Promise<ProvisionedRecommendation> {
  const index = base.functions.findIndex((f) => f.name === name);
  if (index < 0) throw new RangeError(`tuneProvisioned: no function ${name}`);
  if (!(maxLevel >= 1)) throw new RangeError(`tuneProvisioned: maxLevel must be ≥ 1, got ${maxLevel}`);
  const win = steadyWindow(base.horizonMs, base.warmupMs);
  const withPlan = (plan: ProvisionedPlan): SimConfig => {
    const functions = base.functions.map((f, i) => (i === index ? { ...f, provisioned: plan } : f));
    return { ...base, horizonMs: win.horizonMs, warmupMs: win.warmupMs, bucketMs: HOUR_MS, bucketsOnClock: true, functions };
  };
  let simulations = 0;
  let rounds = 0;
  const batch = async (plans: ReadonlyArray<{ label: string; plan: ProvisionedPlan }>) => {
    rounds++;
    simulations += plans.length;
    const results = await evaluate(plans.map((p) => withPlan(p.plan)));
    return plans.map(({ label, plan }, i) => {
      const result = results[i]!;
      return { option: optionOf(label, plan, result, name, slo), hours: hourVerdicts(seriesOf(result, name), slo, win.judgeFromMs), result };
    });
  };

  const [none] = await batch([{ label: "no provisioned concurrency", plan: { kind: "fixed", count: 0 } }]);
  const load = hourlyLoad(seriesOf(none!.result, name), win.judgeFromMs);
  const inWindow = hoursOfWindow(base.horizonMs, base.warmupMs);
  const hasHours = base.horizonMs - base.warmupMs >= HOUR_MS;
  // First guesses, by Little's law: an hour's mean concurrency (arrivals per second × warm mean
  // latency) plus one. The peak without PC is a poor guess: a cold-start storm inflates it.
  const warmMeanS = (none!.result.functions[name]!.latencyMs.warm.mean ?? none!.result.functions[name]!.latencyMs.mean ?? 1000) / 1000;
  const guess = load.arrivalsPerSec.map((r) => r * warmMeanS + 1);
  const peak = Math.max(...guess.filter((_, h) => inWindow[h]));
  const clamp = (l: number) => Math.max(1, Math.min(maxLevel, Math.ceil(l)));

  const fixedRuns = new Map<number, (typeof none)>([[0, none]]);
  const fixed: Bracket = none!.option.meetsSlo === false ? { lo: 0, hi: null, up: clamp(peak), unreachable: false } : { lo: -1, hi: 0, up: 0, unreachable: false };
  const hours: Bracket[] = none!.hours.map((v, h) =>
    !hasHours || !inWindow[h] || v !== false ? { lo: -1, hi: 0, up: 0, unreachable: false } : { lo: 0, hi: null, up: clamp(guess[h]!), unreachable: false },
  );
  const open = (b: Bracket) => !b.unreachable && (b.hi === null || b.hi - b.lo > 1);
  /** Records that `level` passed or failed; a verdict against what the bracket knows (noise) is ignored. */
  const learn = (b: Bracket, level: number, pass: boolean) => {
    if (level <= b.lo || (b.hi !== null && level >= b.hi)) return;
    if (pass) {
      b.hi = level;
    } else {
      b.lo = level;
      if (b.hi === null) {
        if (level >= maxLevel) b.unreachable = true;
        else b.up = clamp(Math.max(level + 1, level * 2));
      }
    }
  };
  /** The k-th of `n` probes into a bracket: the (k+1)/(n+1) point, or upwards (doubling) while no level has passed. */
  const probeAt = (b: Bracket, k: number, n: number) =>
    b.hi === null ? Math.min(maxLevel, b.up * 2 ** k) : Math.min(b.hi - 1, Math.max(b.lo + 1, b.lo + Math.round(((k + 1) * (b.hi - b.lo)) / (n + 1))));
  const levelOf = (b: Bracket) => (b.unreachable ? maxLevel : (b.hi ?? maxLevel));
  const scheduleOf = (levels: readonly number[]) => hourlyPlan(levels);

  let schedule: ProvisionedOption | null = null;
  let scheduleHours: Array<boolean | null> = [];
  let verified = !hasHours;
  let fixedSettled = !open(fixed);
  while (rounds < MAX_ROUNDS) {
    const plans: Array<{ label: string; plan: ProvisionedPlan; kind: "fixed" | "probe" | "final" | "lower"; level?: number }> = [];
    const hoursOpen = hours.some(open);
    if (!fixedSettled && open(fixed)) {
      const level = probeAt(fixed, 0, 1);
      if (!fixedRuns.has(level)) plans.push({ label: `fixed ${level}`, plan: { kind: "fixed", count: level }, kind: "fixed", level });
    } else if (!fixedSettled) {
      // The smallest passing level is found; a higher one can still cost less (provisioned GB-s are cheaper than on-demand at high utilization).
      const best = fixed.hi ?? 0;
      const next = best + 1;
      const cheaperAbove = fixed.hi !== null && best > 0 && next <= maxLevel && !fixedRuns.has(next);
      if (cheaperAbove) plans.push({ label: `fixed ${next}`, plan: { kind: "fixed", count: next }, kind: "fixed", level: next });
      else fixedSettled = true;
    }
    if (hoursOpen) {
      // One probe schedule per free slot; each sets every open hour to its next point (bisection, or trisection with two).
      const n = PROBES_PER_ROUND - plans.length;
      const seen = new Set<string>();
      for (let k = 0; k < n; k++) {
        const levels = hours.map((b) => (open(b) ? probeAt(b, k, n) : levelOf(b)));
        const key = levels.join(",");
        if (seen.has(key)) continue;
        seen.add(key);
        plans.push({ label: "schedule probe", plan: scheduleOf(levels), kind: "probe" });
      }
    } else if (!verified) {
      // The schedule re-simulated, and beside it every hour one level lower: an hour's level is the
      // smallest meeting the objectives in the schedule's own context.
      const levels = hours.map(levelOf);
      plans.push({ label: "hourly schedule", plan: scheduleOf(levels), kind: "final" });
      const lower = levels.map((l, h) => (inWindow[h] && !hours[h]!.unreachable && l > 0 ? l - 1 : l));
      if (lower.some((l, h) => l !== levels[h])) plans.push({ label: "schedule probe", plan: scheduleOf(lower), kind: "lower" });
    }
    if (plans.length === 0) break;
    const runs = await batch(plans);
    const finalIndex = plans.findIndex((p) => p.kind === "final");
    runs.forEach((run, i) => {
      const p = plans[i]!;
      if (p.kind === "fixed") {
        fixedRuns.set(p.level!, run);
        if (!(fixed.hi !== null && p.level! > fixed.hi)) learn(fixed, p.level!, run.option.meetsSlo !== false);
        else if (run.option.monthlyCost >= fixedRuns.get(fixed.hi)!.option.monthlyCost || run.option.meetsSlo === false) fixedSettled = true;
        else {
          // Cheaper and passing: keep climbing from there.
          fixed.lo = fixed.hi;
          fixed.hi = p.level!;
        }
      }
      const levels = p.kind === "fixed" ? new Array<number>(24).fill(p.level!) : levelsOfPlan(p.plan);
      if (p.kind === "final") {
        schedule = run.option;
        scheduleHours = run.hours;
        verified = true;
        // An hour that misses in the final schedule's context is searched again above its level.
        hours.forEach((b, h) => {
          if (inWindow[h] && run.hours[h] === false && !b.unreachable) {
            b.lo = levels[h]!;
            b.hi = null;
            if (b.lo >= maxLevel) b.unreachable = true;
            else b.up = clamp(b.lo + Math.max(1, Math.ceil(b.lo / 4)));
            verified = false;
          }
        });
        return;
      }
      if (p.kind === "lower") {
        const final = runs[finalIndex]!;
        hours.forEach((b, h) => {
          // One level less also met the objectives where the schedule did: take it, and search below if there is room.
          if (levels[h]! < levelOf(b) && final.hours[h] !== false && run.hours[h] !== false) {
            b.hi = levels[h]!;
            b.lo = Math.min(b.lo, levels[h]! - 1);
            verified = false;
          }
        });
        return;
      }
      hours.forEach((b, h) => {
        if (!inWindow[h] || !hasHours) return;
        const v = run.hours[h];
        if (v === null || v === undefined) return;
        learn(b, levels[h]!, v);
      });
    });
  }

  const fixedLevels = [...fixedRuns.entries()].filter(([l]) => l > 0).sort((a, b) => a[0] - b[0]).map(([, r]) => r!.option);
  const fixedBest = fixed.hi !== null ? (fixedRuns.get(fixed.hi)?.option ?? null) : null;
  const finalHours: ScheduleHour[] = hasHours
    ? hours.map((b, h) => ({ hour: h, level: inWindow[h] ? levelOf(b) : 0, met: inWindow[h] ? (scheduleHours[h] ?? null) : null }))
    : [];
  const candidates = [none!.option, ...fixedLevels, ...(schedule ? [schedule as ProvisionedOption] : [])].filter((o) => o.meetsSlo !== false);
  candidates.sort((a, b) => a.monthlyCost - b.monthlyCost);
  const best = candidates[0] ?? null;
  const recommendation = best
    ? { option: best.label, monthlyCost: best.monthlyCost, reason: `the cheapest option simulated that meets every objective${best === none!.option ? ": no provisioned concurrency is needed" : ""}` }
    : null;
  const savings = best && fixedBest && best !== fixedBest ? { against: fixedBest.label, monthly: fixedBest.monthlyCost - best.monthlyCost } : null;
  return {
    function: name,
    maxLevel,
    window: { warmupSeconds: win.warmupMs / 1000, horizonSeconds: win.horizonMs / 1000, judgedFromSeconds: win.judgeFromMs / 1000 },
    noPc: none!.option,
    fixedLevels,
    fixed: fixedBest,
    schedule,
    hours: finalHours,
    recommendation,
    savings,
    load: { hour: load.arrivalsPerSec.map((_, h) => h), arrivalsPerSec: load.arrivalsPerSec },
    simulations,
    rounds,
  };
}

/** What one run of `plan` achieved for the tuned function, its monthly cost, and its verdicts. */
function optionOf(label: string, plan: ProvisionedPlan, result: Result, name: string, slo: Slo): ProvisionedOption {
  const fr = result.functions[name]!;
  const verdicts = sloVerdicts(slo, fr);
  return {
    label,
    plan,
    coldStartRate: fr.coldStartRate,
    p99Ms: fr.latencyMs.p99,
    throttleRate: fr.throttleRate,
    monthlyCost: fr.cost?.monthly.total ?? NaN,
    meetsSlo: meetsEvery(verdicts),
    verdicts,
  };
}

/** The 24 hourly levels of a schedule made by `hourlyPlan` (the level in force at each hour's start, plus its lead). */
function levelsOfPlan(plan: ProvisionedPlan): number[] {
  if (plan.kind === "fixed") return new Array<number>(24).fill(plan.count);
  if (plan.kind !== "schedule") throw new RangeError("levelsOfPlan: a target-tracking plan has no hourly levels");
  return Array.from({ length: 24 }, (_, h) => {
    // The level in force in the middle of the hour: rises come SCHEDULE_LEAD_MS early, falls on the hour.
    const tod = h * HOUR_MS + HOUR_MS / 2;
    let level = plan.steps[plan.steps.length - 1]!.count;
    for (const s of plan.steps) if (s.atMsOfDay <= tod) level = s.count;
    return level;
  });
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
