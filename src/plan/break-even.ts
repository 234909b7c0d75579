import type { ComparePoint, EvaluateComparisons } from "../parallel/compare-point.js";
import type { ArrivalSpec } from "../workload/arrival-spec.js";
import { scaleArrivals } from "../workload/scale-arrivals.js";
import { meanInterval } from "./confidence-interval.js";
import { replicationSeed } from "./seeds.js";

/** Traffic of the probes: the scenario's own arrival process scaled to the rate, or flat Poisson / evenly spaced traffic. */
export type ProbeProcess = "scenario" | "poisson" | "constant";

/** One probed rate: both monthly costs (means over the replications) and their difference with its 95 % interval. */
export interface BreakEvenProbe {
  /** Mean arrival rate of the probe, per second. */
  ratePerSec: number;
  lambdaMonthly: number;
  fleetMonthly: number;
  /** Lambda − fleet per replication (common random numbers: each pair shares a seed): mean and Student-t interval (null with one replication). */
  difference: { mean: number; low: number | null; high: number | null };
  /** Which side is cheaper beyond the interval (with one replication: by the sign), or "undecided" when the interval holds 0. */
  cheaper: "lambda" | "fleet" | "undecided";
}

/** Where Lambda stops being cheaper than a fleet, in a range of rates. */
export interface BreakEven {
  fleet: "ec2" | "fargate";
  /**
   * How the costs compare over the range: "crosses" (Lambda cheaper at the low end, the fleet at the
   * high end), "lambdaCheaper" or "fleetCheaper" at both ends.
   */
  outcome: "crosses" | "lambdaCheaper" | "fleetCheaper";
  /** The break-even rate, per second, rounded to the digits the interval supports; null unless it crosses. */
  ratePerSec: number | null;
  /**
   * The interval the break-even lies in: Lambda cheaper (beyond noise) at `lowPerSec`, the fleet at
   * `highPerSec`, and no probe between them decided otherwise. The range's ends when it does not cross.
   */
  lowPerSec: number;
  highPerSec: number;
  /** Lambda and the fleet at the probe nearest the break-even (replication 0), or at the end nearest to it. */
  point: ComparePoint;
  /** Rates simulated, in order. */
  probes: BreakEvenProbe[];
  /** Seeds per probe. */
  replications: number;
  process: ProbeProcess;
}

/** Options of `breakEven`. */
export interface BreakEvenOptions {
  /** Arrival process of the probes (default "scenario": the function's own, scaled). */
  process: ProbeProcess;
  /** The function's own arrivals and their measured mean rate per second (needed for "scenario"). */
  scenario?: { arrivals: ArrivalSpec; ratePerSec: number };
  /** Seed of replication 0 (the others follow `replicationSeed`). */
  seed: number;
  /** Seeds per probe (default 3); the interval of the cost difference is over these. */
  replications?: number;
  /** Stop when each bracket's high / low − 1 is below this (default 0.02). */
  relativeTolerance?: number;
  /** Most probes in all, the two ends included (default 24). */
  maxProbes?: number;
  /** Called after each probe's simulations, with the rate probed (progress display). */
  onProbe?: (ratePerSec: number) => void;
}

/**
 * Finds where Lambda stops being cheaper than each of `fleets` over [lowPerSec, highPerSec]. Every probe
 * simulates Lambda and the fleet on the same traffic for each of `replications` seeds (common random
 * numbers: the pair of a seed shares arrivals and durations) and takes the Student-t interval of the cost
 * difference. Both ends are probed once for every fleet (the chart draws every option over the whole
 * range). When they differ, two brackets are narrowed: the last rate where Lambda is cheaper beyond
 * noise and the first where the fleet is; a probe whose interval holds 0 narrows both from inside. The
 * next rate comes from the false position of the mean differences (both bills grow about linearly with
 * the rate), kept within the bracket's inner 90 % (in log rate), and from the geometric middle after a
 * step that did not halve the bracket. The fleets' searches run concurrently, the replications of a
 * probe in one batch (in parallel on a pool). Cost: probes × replications × 2 simulations at the probed
 * rates; at worst 2 + log2(ln(high/low) / tolerance) probes per bracket, fewer with false position.
 */
export async function breakEvens(
  evaluate: EvaluateComparisons,
  fleets: ReadonlyArray<"ec2" | "fargate">,
  lowPerSec: number,
  highPerSec: number,
  options: BreakEvenOptions,
): Promise<BreakEven[]> {
  const tolerance = options.relativeTolerance ?? 0.02;
  const maxProbes = options.maxProbes ?? 24;
  const replications = options.replications ?? 3;
  const process = options.process;
  const scenario = options.scenario;
  if (process === "scenario" && (scenario === undefined || !(scenario.ratePerSec > 0))) throw new Error("breakEven: the scenario's arrivals and a mean rate > 0 are needed to scale them");
  const arrivalsAt = (rate: number): ArrivalSpec =>
    process === "scenario" ? scaleArrivals(scenario!.arrivals, rate / scenario!.ratePerSec) : { kind: process, ratePerSec: rate };
  /** Simulates seeds [from, to) of each of `rates` in one batch with `only` (absent: every fleet). */
  const seeds = async (rates: readonly number[], from: number, to: number, only: "ec2" | "fargate" | undefined): Promise<ComparePoint[][]> => {
    const n = to - from;
    const requests = rates.flatMap((rate) => Array.from({ length: n }, (_, r) => ({ arrivals: arrivalsAt(rate), seed: replicationSeed(options.seed, from + r), ...(only ? { only } : {}) })));
    const results = await evaluate(requests);
    return rates.map((_, i) => results.slice(i * n, (i + 1) * n));
  };
  /**
   * Simulates `rates` in two stages: the first two seeds (the fewest an interval needs), then the other
   * replications only for the rates where some fleet's interval still holds 0 (a probe far from the
   * break-even is decided by two, and its interval, wider, still excludes 0).
   */
  const simulate = async (rates: readonly number[], only: "ec2" | "fargate" | undefined): Promise<ComparePoint[][]> => {
    const first = Math.min(2, replications);
    const out = await seeds(rates, 0, first, only);
    const judged = only === undefined ? fleets : [only];
    const open = rates.map((_, i) => i).filter((i) => first < replications && judged.some((f) => probeOf(rates[i]!, out[i]!, f).cheaper === "undecided"));
    if (open.length > 0) {
      const more = await seeds(open.map((i) => rates[i]!), first, replications, only);
      open.forEach((i, k) => out[i]!.push(...more[k]!));
    }
    rates.forEach((rate) => options.onProbe?.(rate));
    return out;
  };
  const ends = await simulate([lowPerSec, highPerSec], fleets.length === 1 ? fleets[0] : undefined);
  return Promise.all(fleets.map((fleet) => searchOne(fleet, ends, (rate) => simulate([rate], fleet).then((r) => r[0]!))));

  async function searchOne(fleet: "ec2" | "fargate", endPoints: ComparePoint[][], at: (rate: number) => Promise<ComparePoint[]>): Promise<BreakEven> {
    const probes: BreakEvenProbe[] = [];
    const points = new Map<BreakEvenProbe, ComparePoint>();
    const record = (rate: number, reps: ComparePoint[]): BreakEvenProbe => {
      const probe = probeOf(rate, reps, fleet);
      probes.push(probe);
      points.set(probe, reps[0]!);
      return probe;
    };
    const atLo = record(lowPerSec, endPoints[0]!);
    const atHi = record(highPerSec, endPoints[1]!);
    const done = (outcome: BreakEven["outcome"], ratePerSec: number | null, low: number, high: number, near: BreakEvenProbe): BreakEven => ({
      fleet,
      outcome,
      ratePerSec,
      lowPerSec: low,
      highPerSec: high,
      point: points.get(near)!,
      probes,
      replications,
      process,
    });
    if (atLo.difference.mean >= 0) return done("fleetCheaper", null, lowPerSec, highPerSec, atLo);
    if (atHi.difference.mean < 0) return done("lambdaCheaper", null, lowPerSec, highPerSec, atHi);

    // Bracket A: Lambda cheaper beyond noise at aLo, not at aHi. Bracket B: the fleet not cheaper beyond noise at bLo, cheaper at bHi.
    let aLo = atLo;
    let aHi = atHi;
    let bLo = atLo;
    let bHi = atHi;
    const lastWidth = { a: Infinity, b: Infinity };
    const wide = (lo: BreakEvenProbe, hi: BreakEvenProbe) => hi.ratePerSec / lo.ratePerSec - 1 > tolerance;
    while (probes.length < maxProbes && (wide(aLo, aHi) || wide(bLo, bHi))) {
      const which = wide(aLo, aHi) ? "a" : "b";
      const [lo, hi] = which === "a" ? [aLo, aHi] : [bLo, bHi];
      // Bracket A ends where the interval's upper end crosses 0 (mean ≈ −half-width), bracket B where its lower end does.
      const h = halfWidth(probes);
      const width = Math.log(hi.ratePerSec / lo.ratePerSec);
      const rate = width > lastWidth[which] / 2 ? Math.sqrt(lo.ratePerSec * hi.ratePerSec) : falsePosition(lo, hi, which === "a" ? -h : h);
      lastWidth[which] = width;
      const p = record(rate, await at(rate));
      if (p.cheaper !== "fleet" && p.ratePerSec > bLo.ratePerSec) bLo = p;
      if (p.cheaper !== "lambda" && p.ratePerSec < aHi.ratePerSec) aHi = p;
      if (p.cheaper === "lambda" && p.ratePerSec > aLo.ratePerSec) aLo = p;
      if (p.cheaper === "fleet" && p.ratePerSec < bHi.ratePerSec) bHi = p;
    }
    const estimate = Math.min(bHi.ratePerSec, Math.max(aLo.ratePerSec, crossingOfMeans(probes)));
    const near = probes.reduce((a, b) => (Math.abs(Math.log(b.ratePerSec / estimate)) < Math.abs(Math.log(a.ratePerSec / estimate)) ? b : a));
    return done("crosses", roundToInterval(estimate, aLo.ratePerSec, bHi.ratePerSec), aLo.ratePerSec, bHi.ratePerSec, near);
  }
}

/** `breakEvens` for one fleet. */
export async function breakEven(evaluate: EvaluateComparisons, fleet: "ec2" | "fargate", lowPerSec: number, highPerSec: number, options: BreakEvenOptions): Promise<BreakEven> {
  return (await breakEvens(evaluate, [fleet], lowPerSec, highPerSec, options))[0]!;
}

/** A probe from its replications: mean costs, the paired differences' interval, and which side is cheaper beyond it. */
function probeOf(rate: number, reps: readonly ComparePoint[], fleet: "ec2" | "fargate"): BreakEvenProbe {
  const lambda = reps.map((p) => p.lambda.monthly.total);
  const fleetCosts = reps.map((p) => p[fleet]!.monthly.total);
  const diff = meanInterval(lambda.map((l, k) => l - fleetCosts[k]!))!;
  const cheaper = diff.low === null || diff.high === null ? (diff.mean < 0 ? "lambda" : "fleet") : diff.high < 0 ? "lambda" : diff.low > 0 ? "fleet" : "undecided";
  return { ratePerSec: rate, lambdaMonthly: average(lambda), fleetMonthly: average(fleetCosts), difference: { mean: diff.mean, low: diff.low, high: diff.high }, cheaper };
}

function average(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The rate where the line through two probes' mean differences reaches `target`, kept within the inner 90 % of the bracket in log rate. */
function falsePosition(lo: BreakEvenProbe, hi: BreakEvenProbe, target: number): number {
  const dl = lo.difference.mean;
  const dh = hi.difference.mean;
  const logLo = Math.log(lo.ratePerSec);
  const logHi = Math.log(hi.ratePerSec);
  const x = dh !== dl ? lo.ratePerSec + ((target - dl) * (hi.ratePerSec - lo.ratePerSec)) / (dh - dl) : Math.sqrt(lo.ratePerSec * hi.ratePerSec);
  const t = x > 0 && Number.isFinite(x) ? (Math.log(x) - logLo) / (logHi - logLo) : 0.5;
  return Math.exp(logLo + Math.min(0.95, Math.max(0.05, t)) * (logHi - logLo));
}

/** The half-width of the interval of the probe nearest to the break-even (the smallest |mean|; 0 without intervals): how far from 0 a mean must be there to decide. */
function halfWidth(probes: readonly BreakEvenProbe[]): number {
  const nearest = probes.reduce((a, b) => (Math.abs(b.difference.mean) < Math.abs(a.difference.mean) ? b : a));
  const d = nearest.difference;
  return d.low === null || d.high === null ? 0 : (d.high - d.low) / 2;
}

/**
 * Where the mean difference changes sign between neighbouring probes (sorted by rate), by linear
 * interpolation; the first such change from below (Lambda cheaper below it). O(p log p).
 */
export function crossingOfMeans(probes: readonly BreakEvenProbe[]): number {
  const sorted = [...probes].sort((a, b) => a.ratePerSec - b.ratePerSec);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (a.difference.mean < 0 && b.difference.mean >= 0) {
      return a.ratePerSec + ((0 - a.difference.mean) * (b.ratePerSec - a.ratePerSec)) / (b.difference.mean - a.difference.mean);
    }
  }
  throw new Error("crossingOfMeans: the mean differences do not change sign");
}

/**
 * `x` rounded to the significant digits the interval [low, high] supports: the coarsest power of ten
 * whose step is at most the interval's width (never coarser than one significant digit).
 * @example roundToInterval(26.173, 25.9, 26.4) // 26.2
 */
export function roundToInterval(x: number, low: number, high: number): number {
  const width = high - low;
  if (!(width > 0) || !(x > 0)) return x;
  const step = 10 ** Math.floor(Math.log10(width));
  const top = 10 ** Math.floor(Math.log10(x));
  const s = Math.min(step, top);
  return Number((Math.round(x / s) * s).toPrecision(12));
}
