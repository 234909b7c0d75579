import { monthlyTotal, pointOfSides, type Alternative, type ComparePoint, type CompareSide, type EvaluateSides, type SideOutcome } from "../parallel/compare-point.js";
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
  /** Seeds simulated at this rate (see `breakEvens`: two while the interval excludes 0, one where a probe only draws the chart). */
  replications: number;
}

/** Where Lambda stops being cheaper than a fleet (or Lambda Managed Instances), in a range of rates. */
export interface BreakEven {
  /** The option Lambda is compared with: a fleet, or "managed" (Lambda Managed Instances); the probes' `fleetMonthly` is its bill. */
  fleet: Alternative;
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
  /** Most seeds per probe (`--replications`). */
  replications: number;
  process: ProbeProcess;
}

/** Options of `breakEven`. */
export interface BreakEvenOptions {
  /** Arrival process of the probes (default "scenario": the function's own, scaled). */
  process: ProbeProcess;
  /** The function's own arrivals and their measured mean rate per second (needed for "scenario"). */
  scenario?: { arrivals: ArrivalSpec; ratePerSec: number };
  /**
   * The scenario's own traffic, already simulated with `seed` on every side (compare's table): with
   * "scenario" probes it is replication 0 of the probe at `scenario.ratePerSec` (scaling by 1 changes
   * nothing), reused rather than simulated again, and a probe when that rate lies inside the range.
   */
  known?: ComparePoint | Promise<ComparePoint>;
  /** Seed of replication 0 (the others follow `replicationSeed`). */
  seed: number;
  /** Most seeds per probe (default 3); the interval of the cost difference is over these. */
  replications?: number;
  /** Stop when each bracket's high / low − 1 is below this (default 0.02). */
  relativeTolerance?: number;
  /** Most probes in all, the two ends included (default 24). */
  maxProbes?: number;
  /** Called once per rate, after its first simulations, with the rate probed (progress display). */
  onProbe?: (ratePerSec: number) => void;
}

/**
 * The simulations of a search, by rate, side and replication: each is simulated once, in a batch with
 * the others a probe asks for at once, and shared by every fleet's search (Lambda's side of a probe
 * serves each fleet). Each entry is a promise, so a second search asking for it waits for the same run.
 */
class ProbeStore {
  private readonly runs = new Map<number, Map<string, Promise<SideOutcome>>>();

  constructor(
    private readonly evaluate: EvaluateSides,
    private readonly arrivalsAt: (rate: number) => ArrivalSpec,
    private readonly seed: number,
  ) {}

  /** Records a simulation done elsewhere (the scenario's own traffic) as replication `k` of `side` at `rate`. */
  put(rate: number, side: CompareSide, k: number, outcome: Promise<SideOutcome>): void {
    this.at(rate).set(`${side}:${k}`, outcome);
  }

  /** Replications [0, n) of each of `sides` at `rate`, simulating the missing ones in one batch. Per side, in replication order. */
  async get(rate: number, sides: readonly CompareSide[], n: number): Promise<Map<CompareSide, SideOutcome[]>> {
    const runs = this.at(rate);
    const missing: Array<{ side: CompareSide; k: number }> = [];
    for (const side of sides) for (let k = 0; k < n; k++) if (!runs.has(`${side}:${k}`)) missing.push({ side, k });
    if (missing.length > 0) {
      const arrivals = this.arrivalsAt(rate);
      const batch = this.evaluate(missing.map(({ side, k }) => ({ side, arrivals, seed: replicationSeed(this.seed, k) })));
      missing.forEach(({ side, k }, i) => {
        const entry = batch.then((outcomes) => outcomes[i]!);
        // A failed batch rejects every entry; one that no search awaits must not end the process as unhandled.
        entry.catch(() => {});
        runs.set(`${side}:${k}`, entry);
      });
    }
    const all = await Promise.all(sides.map((side) => Promise.all(Array.from({ length: n }, (_, k) => runs.get(`${side}:${k}`)!))));
    return new Map(sides.map((side, i) => [side, all[i]!]));
  }

  private at(rate: number): Map<string, Promise<SideOutcome>> {
    let runs = this.runs.get(rate);
    if (runs === undefined) this.runs.set(rate, (runs = new Map()));
    return runs;
  }
}

/**
 * Finds where Lambda stops being cheaper than each of `fleets` over [lowPerSec, highPerSec], on the
 * premise that the cost difference Lambda − fleet grows with the rate (Lambda bills per request, a
 * fleet per instance it needs). Every probe simulates Lambda and the fleet on the same traffic for each
 * seed (common random numbers: the pair of a seed shares arrivals and durations) and takes the
 * Student-t interval of the cost difference: first two seeds, then up to `replications` while the
 * interval holds 0 (a difference many times the noise is decided by two). Each side of a probe is
 * simulated once, whatever the number of fleets that use it, and the scenario's own traffic (`known`)
 * is not simulated again.
 *
 * Both ends are probed for every fleet (the chart draws every option over the whole range): the low
 * end with its replications, the high end, the dearest probe, with one seed; it gets the others only
 * when it decides the answer: when its one seed finds Lambda cheaper (then the mean of its seeds says
 * whether Lambda is cheaper over the whole range), or when it is still the upper end of the break-even
 * interval after the search. Otherwise a probe below it where the fleet is cheaper beyond noise
 * implies the same at the top (the premise), and its one seed only draws the lines.
 *
 * When the ends differ, two brackets are narrowed: the last rate where Lambda is cheaper beyond noise
 * and the first where the fleet is; a probe whose interval holds 0 narrows both from inside. The next
 * rate comes from the false position of the mean differences of the neighbouring probes around the
 * target (the bracket's ends, or a one-seed probe between them such as the scenario's traffic; both
 * bills grow about linearly with the rate), stepped 0.4 × tolerance past it so that the probe is
 * decided and the bracket closes (see stepPast), and from the geometric middle after a step that did
 * not halve the bracket. Both brackets' probes run at once: on a straight difference the first pair,
 * one either side of the crossing, closes both. Only probes with their replications move a bracket.
 * The fleets' searches run concurrently, a probe's sides and seeds in one batch (in parallel on a pool). Cost: at worst 2 + log2(ln(high/low) / tolerance) probes per bracket, fewer
 * with false position, each 2..replications seeds × (Lambda + the fleet) at its rate.
 */
export async function breakEvens(
  evaluate: EvaluateSides,
  fleets: ReadonlyArray<Alternative>,
  lowPerSec: number,
  highPerSec: number,
  options: BreakEvenOptions,
): Promise<BreakEven[]> {
  const tolerance = options.relativeTolerance ?? 0.02;
  const maxProbes = options.maxProbes ?? 24;
  const replications = options.replications ?? 3;
  const first = Math.min(2, replications);
  const process = options.process;
  const scenario = options.scenario;
  if (process === "scenario" && (scenario === undefined || !(scenario.ratePerSec > 0))) throw new Error("breakEven: the scenario's arrivals and a mean rate > 0 are needed to scale them");
  const arrivalsAt = (rate: number): ArrivalSpec =>
    process === "scenario" ? scaleArrivals(scenario!.arrivals, rate / scenario!.ratePerSec) : { kind: process, ratePerSec: rate };
  const store = new ProbeStore(evaluate, arrivalsAt, options.seed);
  // The scenario's own traffic is replication 0 of the probe at its rate (scaled by 1: the same arrivals, the same seed).
  const known = process === "scenario" && options.known !== undefined ? { rate: scenario!.ratePerSec, point: Promise.resolve(options.known) } : null;
  if (known !== null) {
    const p = known.point;
    store.put(known.rate, "lambda", 0, p.then((x) => ({ side: "lambda", ratePerSec: x.ratePerSec, lambda: x.lambda })));
    for (const kind of fleets) store.put(known.rate, kind, 0, p.then((x): SideOutcome => (kind === "managed" ? { side: kind, managed: x.managed! } : { side: kind, fleet: x[kind]! })));
  }
  const knownInside = known !== null && known.rate > lowPerSec && known.rate < highPerSec ? known.rate : null;
  const reported = new Set<number>();
  const report = (rate: number) => {
    if (reported.has(rate)) return;
    reported.add(rate);
    options.onProbe?.(rate);
  };
  // The ends for every fleet at once: the high end's one seed first (the dearest runs, started first
  // so that the cheap ones fill the workers around them), then the low end's first seeds.
  const all: CompareSide[] = ["lambda", ...fleets];
  // Each search awaits the runs it reads when it reads them (the store hands out the same runs).
  // The top's sides as batches of their own, so that a pool queues all of them ahead of the cheap runs
  // (a batch hands a pool at most one task per worker at a time; the longest runs first pack best).
  for (const side of all) store.get(highPerSec, [side], 1).catch(() => {});
  store.get(lowPerSec, all, first).catch(() => {});
  return Promise.all(fleets.map((fleet) => searchOne(fleet)));

  /** The probe of `fleet` at `rate` from its first `n` seeds. */
  async function seedsAt(rate: number, fleet: Alternative, n: number): Promise<{ probe: BreakEvenProbe; point: ComparePoint }> {
    const runs = await store.get(rate, ["lambda", fleet], n);
    report(rate);
    const lambda = runs.get("lambda")!;
    const fleetRuns = runs.get(fleet)!;
    return { probe: probeOf(rate, lambda, fleetRuns, fleet), point: pointOfSides([lambda[0]!, fleetRuns[0]!]) };
  }

  /** The probe of `fleet` at `rate` with its replications: two seeds, then the others while its interval holds 0. */
  async function replicated(rate: number, fleet: Alternative): Promise<{ probe: BreakEvenProbe; point: ComparePoint }> {
    const two = await seedsAt(rate, fleet, first);
    return two.probe.cheaper === "undecided" && first < replications ? seedsAt(rate, fleet, replications) : two;
  }

  async function searchOne(fleet: Alternative): Promise<BreakEven> {
    const probes: BreakEvenProbe[] = [];
    const points = new Map<BreakEvenProbe, ComparePoint>();
    const record = (at: { probe: BreakEvenProbe; point: ComparePoint }, replacing?: BreakEvenProbe): BreakEvenProbe => {
      if (replacing !== undefined) probes[probes.indexOf(replacing)] = at.probe;
      else probes.push(at.probe);
      points.set(at.probe, at.point);
      return at.probe;
    };
    /** A probe with every seed the search judges by (one seed is a guide only, unless `replications` is 1). */
    const judged = (p: BreakEvenProbe) => p.replications >= first;
    const atLo = record(await replicated(lowPerSec, fleet));
    const known = knownInside === null ? null : await seedsAt(knownInside, fleet, 1);
    if (known !== null && knownPrefetch(atLo, known.probe)) {
      // The low end and the scenario's traffic already straddle both brackets' targets: they are the
      // guides of the search's first step whatever the top of the range gives, so its probes start now,
      // beside the top's dear runs (the store hands the same runs to the first step below).
      const h = first > 1 ? halfWidth([atLo]) : 0;
      for (const [target, side] of [[-h, "below"], [h, "above"]] as const) {
        const rate = stepPast(falsePosition(atLo, known.probe, target), lowPerSec, highPerSec, side, tolerance);
        store.get(rate, ["lambda", fleet], first).catch(() => {});
      }
    }
    let atHi = record(await seedsAt(highPerSec, fleet, 1));
    if (known !== null) record(known);
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
    /** The high end with its replications, in place of its one seed. */
    const replicateHigh = async () => {
      if (!judged(atHi)) atHi = record(await replicated(highPerSec, fleet), atHi);
      return atHi;
    };
    if (atHi.difference.mean < 0 && (await replicateHigh()).difference.mean < 0) return done("lambdaCheaper", null, lowPerSec, highPerSec, atHi);

    // Bracket A: Lambda cheaper beyond noise at aLo, not at aHi. Bracket B: the fleet not cheaper beyond noise at bLo, cheaper at bHi.
    let aLo = atLo;
    let aHi = atHi;
    let bLo = atLo;
    let bHi = atHi;
    const lastWidth = { a: Infinity, b: Infinity };
    const wide = (lo: BreakEvenProbe, hi: BreakEvenProbe) => hi.ratePerSec / lo.ratePerSec - 1 > tolerance;
    while (probes.length < maxProbes && (wide(aLo, aHi) || wide(bLo, bHi))) {
      // Bracket A ends where the interval's upper end crosses 0 (mean ≈ −half-width), bracket B where its lower end does.
      const h = halfWidth(probes.filter(judged));
      const rates: number[] = [];
      for (const which of ["a", "b"] as const) {
        const [lo, hi] = which === "a" ? [aLo, aHi] : [bLo, bHi];
        if (!wide(lo, hi)) continue;
        const target = which === "a" ? -h : h;
        const width = Math.log(hi.ratePerSec / lo.ratePerSec);
        const rate =
          width > lastWidth[which] / 2
            ? Math.sqrt(lo.ratePerSec * hi.ratePerSec)
            : stepPast(falsePosition(...neighbours(probes, lo, hi, target), target), lo.ratePerSec, hi.ratePerSec, which === "a" ? "below" : "above", tolerance);
        lastWidth[which] = width;
        if (!rates.includes(rate)) rates.push(rate);
      }
      // Both brackets' probes at once (in parallel on a pool): on a straight cost difference they close both.
      const next = rates.slice(0, Math.max(1, maxProbes - probes.length));
      for (const at of await Promise.all(next.map((rate) => replicated(rate, fleet)))) {
        const p = record(at);
        if (p.cheaper !== "fleet" && p.ratePerSec > bLo.ratePerSec) bLo = p;
        if (p.cheaper !== "lambda" && p.ratePerSec < aHi.ratePerSec) aHi = p;
        if (p.cheaper === "lambda" && p.ratePerSec > aLo.ratePerSec) aLo = p;
        if (p.cheaper === "fleet" && p.ratePerSec < bHi.ratePerSec) bHi = p;
      }
    }
    // The top of the range still bounds the interval: its one seed is not enough to stand for it.
    if (!judged(atHi) && (aHi === atHi || bHi === atHi)) {
      const was = atHi;
      const hi = await replicateHigh();
      if (aHi === was) aHi = hi;
      if (bHi === was) bHi = hi;
      if (!probes.some((p) => judged(p) && p.difference.mean >= 0)) return done("lambdaCheaper", null, lowPerSec, highPerSec, hi);
    }
    const estimate = Math.min(bHi.ratePerSec, Math.max(aLo.ratePerSec, crossingOfMeans(probes.filter(judged))));
    const near = probes.reduce((a, b) => (Math.abs(Math.log(b.ratePerSec / estimate)) < Math.abs(Math.log(a.ratePerSec / estimate)) ? b : a));
    return done("crosses", roundToInterval(estimate, aLo.ratePerSec, bHi.ratePerSec), aLo.ratePerSec, bHi.ratePerSec, near);
  }
}

/**
 * Whether the search's first step may start before the top of the range is in: Lambda cheaper at the
 * low end by more than its half-width, and the fleet cheaper at the scenario's traffic by as much, so
 * that both brackets' false positions run through these two probes (see `neighbours`).
 */
function knownPrefetch(atLo: BreakEvenProbe, known: BreakEvenProbe): boolean {
  const d = atLo.difference;
  const h = d.low === null || d.high === null ? 0 : (d.high - d.low) / 2;
  return atLo.difference.mean < -h && known.difference.mean >= h;
}

/** `breakEvens` for one fleet. */
export async function breakEven(evaluate: EvaluateSides, fleet: Alternative, lowPerSec: number, highPerSec: number, options: BreakEvenOptions): Promise<BreakEven> {
  return (await breakEvens(evaluate, [fleet], lowPerSec, highPerSec, options))[0]!;
}

/** A probe from its replications (Lambda's and the fleet's, pairs by seed): mean costs, the paired differences' interval, and which side is cheaper beyond it. */
function probeOf(rate: number, lambdaRuns: readonly SideOutcome[], fleetRuns: readonly SideOutcome[], fleet: Alternative): BreakEvenProbe {
  const lambda = lambdaRuns.map((o) => (o.side === "lambda" ? monthlyTotal(o) : NaN));
  const fleetCosts = fleetRuns.map((o) => (o.side === fleet ? monthlyTotal(o) : NaN));
  const diff = meanInterval(lambda.map((l, k) => l - fleetCosts[k]!))!;
  const cheaper = diff.low === null || diff.high === null ? (diff.mean < 0 ? "lambda" : "fleet") : diff.high < 0 ? "lambda" : diff.low > 0 ? "fleet" : "undecided";
  return {
    ratePerSec: rate,
    lambdaMonthly: average(lambda),
    fleetMonthly: average(fleetCosts),
    difference: { mean: diff.mean, low: diff.low, high: diff.high },
    cheaper,
    replications: lambda.length,
  };
}

function average(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * The two probes to draw the false position through for a bracket [lo, hi]: among the probes from lo
 * to hi (one-seed guides included), the neighbours, in rate, between which the mean difference passes
 * `target`; lo and hi when none does. O(p log p).
 */
function neighbours(probes: readonly BreakEvenProbe[], lo: BreakEvenProbe, hi: BreakEvenProbe, target: number): [BreakEvenProbe, BreakEvenProbe] {
  const inside = probes.filter((p) => p.ratePerSec >= lo.ratePerSec && p.ratePerSec <= hi.ratePerSec).sort((a, b) => a.ratePerSec - b.ratePerSec);
  for (let i = 1; i < inside.length; i++) {
    if (inside[i - 1]!.difference.mean < target && inside[i]!.difference.mean >= target) return [inside[i - 1]!, inside[i]!];
  }
  return [lo, hi];
}

/** The rate where the line through two probes' mean differences reaches `target`, kept between them (in log rate). */
function falsePosition(lo: BreakEvenProbe, hi: BreakEvenProbe, target: number): number {
  const dl = lo.difference.mean;
  const dh = hi.difference.mean;
  const logLo = Math.log(lo.ratePerSec);
  const logHi = Math.log(hi.ratePerSec);
  const x = dh !== dl ? lo.ratePerSec + ((target - dl) * (hi.ratePerSec - lo.ratePerSec)) / (dh - dl) : Math.sqrt(lo.ratePerSec * hi.ratePerSec);
  const t = x > 0 && Number.isFinite(x) ? (Math.log(x) - logLo) / (logHi - logLo) : 0.5;
  return Math.exp(logLo + Math.min(1, Math.max(0, t)) * (logHi - logLo));
}

/**
 * The next probe of a bracket [lo, hi] from the estimate `x` of where it closes: 0.4 × tolerance past
 * it, so that a probe of a straight difference is decided and leaves the bracket narrower than the
 * tolerance; `side` says which way (bracket A below its edge, B above), except that an estimate within
 * that step of an end steps toward the other end. Kept inside the bracket by the smaller of the step
 * and 5 % of its width (in log rate). O(1).
 */
function stepPast(x: number, lo: number, hi: number, side: "below" | "above", tolerance: number): number {
  const step = Math.log1p(0.4 * tolerance);
  const logLo = Math.log(lo);
  const logHi = Math.log(hi);
  const margin = Math.min(step, 0.05 * (logHi - logLo));
  const y = Math.log(x);
  const way = y - logLo <= step ? "above" : logHi - y <= step ? "below" : side;
  const stepped = way === "above" ? y + step : y - step;
  return Math.exp(Math.min(logHi - margin, Math.max(logLo + margin, stepped)));
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
