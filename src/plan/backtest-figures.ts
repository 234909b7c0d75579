/*
 * How close a simulation comes to what CloudWatch recorded, period by period: the simulated series
 * of N replications beside the observed one. Pure arithmetic over arrays; no I/O.
 */

/** One metric over the observed periods: what CloudWatch recorded and what each replication gave. */
export interface MetricComparisonInput {
  /** Observed value per period. */
  observed: ArrayLike<number>;
  /** Simulated value per period, one array per replication (each as long as `observed`). */
  simulated: ReadonlyArray<ArrayLike<number>>;
}

/** The error figures of one metric (backtest.json `metrics.<name>`). */
export interface MetricFigures {
  /** Periods compared. */
  periods: number;
  observedTotal: number;
  /** Mean over the replications of the simulated total. */
  simulatedTotal: number;
  /**
   * Mean absolute percentage error of the replications' mean against the observed value, over the
   * periods whose observed value is > 0 (null when there is none); 0.05 is 5 %.
   */
  mape: number | null;
  /** Periods with an observed value > 0: those MAPE covers. */
  mapePeriods: number;
  /** (simulated total − observed total) / observed total; null when nothing was observed. */
  bias: number | null;
  /** Share of periods whose observed value lies within the replications' [min, max]. */
  withinBand: number;
  /**
   * The noise of the simulation itself: the MAPE of replication 2 against replication 1 (as if one
   * were observed), over the periods where replication 1 is > 0; null with one replication.
   */
  replicationNoiseMape: number | null;
}

/** A metric's per-period series for charts: observed, the replications' mean, min and max. */
export interface MetricBand {
  observed: number[];
  mean: number[];
  low: number[];
  high: number[];
}

/**
 * Compares one metric: per period the replications' mean, min and max, then MAPE, bias, the share
 * of periods inside the band and the two-replication noise. O(periods · replications).
 * @example compareMetric({ observed: [10, 20], simulated: [[11, 19], [9, 21]] }).mape // 0 (the mean is exact)
 */
export function compareMetric(input: MetricComparisonInput): { figures: MetricFigures; band: MetricBand } {
  const n = input.observed.length;
  const reps = input.simulated;
  if (reps.length === 0) throw new RangeError("compareMetric: needs at least one replication");
  for (const r of reps) if (r.length !== n) throw new RangeError(`compareMetric: a replication has ${r.length} periods, the observation ${n}`);
  const band: MetricBand = { observed: [], mean: [], low: [], high: [] };
  let observedTotal = 0;
  let simulatedTotal = 0;
  let apeSum = 0;
  let apeCount = 0;
  let inside = 0;
  for (let p = 0; p < n; p++) {
    const obs = input.observed[p]!;
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of reps) {
      const v = r[p]!;
      sum += v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const mean = sum / reps.length;
    band.observed.push(obs);
    band.mean.push(mean);
    band.low.push(lo);
    band.high.push(hi);
    observedTotal += obs;
    simulatedTotal += mean;
    if (obs > 0) {
      apeSum += Math.abs(mean - obs) / obs;
      apeCount++;
    }
    if (obs >= lo && obs <= hi) inside++;
  }
  const figures: MetricFigures = {
    periods: n,
    observedTotal,
    simulatedTotal,
    mape: apeCount === 0 ? null : apeSum / apeCount,
    mapePeriods: apeCount,
    bias: observedTotal > 0 ? (simulatedTotal - observedTotal) / observedTotal : null,
    withinBand: n === 0 ? 0 : inside / n,
    replicationNoiseMape: reps.length < 2 ? null : mapeOf(reps[1]!, reps[0]!),
  };
  return { figures, band };
}

/** MAPE of `estimate` against `reference` over the periods where the reference is > 0; null when none is. */
export function mapeOf(estimate: ArrayLike<number>, reference: ArrayLike<number>): number | null {
  let sum = 0;
  let count = 0;
  for (let p = 0; p < reference.length; p++) {
    const ref = reference[p]!;
    if (ref > 0) {
      sum += Math.abs(estimate[p]! - ref) / ref;
      count++;
    }
  }
  return count === 0 ? null : sum / count;
}

/**
 * Counts times (epoch ms) into `periods` periods of `periodMs` from `startMs`; times outside are
 * ignored. Returns the counts and how many fell outside. O(times).
 */
export function countPerPeriod(timesMs: ArrayLike<number>, startMs: number, periodMs: number, periods: number): { counts: number[]; outside: number } {
  const counts = new Array<number>(periods).fill(0);
  let outside = 0;
  for (let i = 0; i < timesMs.length; i++) {
    const p = Math.floor((timesMs[i]! - startMs) / periodMs);
    if (p >= 0 && p < periods) counts[p]!++;
    else outside++;
  }
  return { counts, outside };
}
