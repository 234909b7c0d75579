import { exponentialGapMs, type Rng } from "../core/random.js";
import type { ArrivalProcess } from "./arrival-process.js";

/** Homogeneous Poisson arrivals: exponential gaps with mean 1/rate. */
export class PoissonArrivals implements ArrivalProcess {
  /** This source carries no durations. */
  readonly lastDurationMs = NaN;
  private readonly meanGapMs: number;

  constructor(private readonly ratePerSec: number) {
    if (!(ratePerSec > 0)) throw new RangeError(`ratePerSec must be > 0, got ${ratePerSec}`);
    this.meanGapMs = 1000 / ratePerSec;
  }

  first(startMs: number, rng: Rng): number {
    return this.next(startMs, rng);
  }

  next(nowMs: number, rng: Rng): number {
    // 1 - u lies in (0, 1], so the log is finite.
    return nowMs + exponentialGapMs(this.meanGapMs, rng);
  }

  meanRatePerSec(): number {
    return this.ratePerSec;
  }
}
