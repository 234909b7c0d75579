import { exponentialGapMs, type Rng } from "../core/random.js";

/** How a period's count is spread inside the period. */
export type WithinMinute = "uniform" | "poisson";

/**
 * Replays invocation counts per fixed period (the Azure 2019 trace's minutes, CloudWatch's 1- or
 * 5-minute Sums). Period p (0-based) covers [p·periodMs, (p+1)·periodMs). `uniform`: exactly the
 * period's count, at independent uniform times (drawn in order as uniform order statistics);
 * `poisson`: a Poisson process at count/period within the period (the count then varies).
 * Allocation-free; the counts array is the caller's, filled before `start`.
 */
export class PeriodCountReplay {
  private period = 0;
  private remaining = 0;

  constructor(
    /** Invocations per period (integers ≥ 0). */
    readonly counts: Float64Array,
    /** Length of one period, ms. */
    readonly periodMs: number,
    private readonly withinMinute: WithinMinute,
  ) {}

  /** The first arrival of the replay; Infinity when every count is 0. */
  start(rng: Rng): number {
    this.period = -1;
    this.remaining = 0;
    return this.advance(rng);
  }

  /** The arrival after the one at `nowMs`; Infinity past the last period. */
  next(nowMs: number, rng: Rng): number {
    if (this.withinMinute === "uniform") {
      if (this.remaining === 0) return this.advance(rng);
      return this.uniformAfter(nowMs, rng);
    }
    const t = nowMs + this.poissonGap(this.period, rng);
    return t < (this.period + 1) * this.periodMs ? t : this.advance(rng);
  }

  /** Total of the counts. O(periods). */
  total(): number {
    let sum = 0;
    for (let p = 0; p < this.counts.length; p++) sum += this.counts[p]!;
    return sum;
  }

  /** Moves to the next period with a non-zero count and returns its first arrival; Infinity past the end. */
  private advance(rng: Rng): number {
    const counts = this.counts;
    const len = this.periodMs;
    for (let p = this.period + 1; p < counts.length; p++) {
      const n = counts[p]!;
      if (n === 0) continue;
      this.period = p;
      const start = p * len;
      if (this.withinMinute === "uniform") {
        this.remaining = n;
        return this.uniformAfter(start, rng);
      }
      const t = start + this.poissonGap(p, rng);
      // Memoryless: an arrival past the period's end means none in this period; try the next.
      if (t < start + len) return t;
    }
    this.period = counts.length;
    return Infinity;
  }

  /**
   * The smallest of `remaining` uniform times in [fromMs, end of period): the minimum of r uniforms
   * on an interval of length L is L·(1 − U^(1/r)) past its start, so drawing in turn gives the
   * sorted sample exactly, without storing it.
   */
  private uniformAfter(fromMs: number, rng: Rng): number {
    const end = (this.period + 1) * this.periodMs;
    const r = this.remaining--;
    const t = fromMs + (end - fromMs) * (1 - Math.pow(1 - rng(), 1 / r));
    return t < end ? t : fromMs; // guard against rounding up to the period's end
  }

  private poissonGap(p: number, rng: Rng): number {
    return exponentialGapMs(this.periodMs / this.counts[p]!, rng);
  }
}

/**
 * Multiplies each count by `scale` in place, rounding at random to an integer with the right mean
 * (⌊x⌋ + 1 with probability x − ⌊x⌋). O(periods), one rng call per period.
 */
export function scaleCounts(counts: Float64Array, scale: number, rng: Rng): void {
  for (let p = 0; p < counts.length; p++) {
    const x = counts[p]! * scale;
    const whole = Math.floor(x);
    counts[p] = whole + (rng() < x - whole ? 1 : 0);
  }
}
