import type { Rng } from "../core/random.js";
import type { ArrivalProcess } from "./arrival-process.js";

/** Evenly spaced arrivals at `rate`, the first at the start of the run (t = start, start + 1/rate, ...). */
export class ConstantArrivals implements ArrivalProcess {
  /** This source carries no durations. */
  readonly lastDurationMs = NaN;
  private readonly gapMs: number;
  private index = 0;
  private startMs = 0;

  constructor(private readonly ratePerSec: number) {
    if (!(ratePerSec > 0)) throw new RangeError(`ratePerSec must be > 0, got ${ratePerSec}`);
    this.gapMs = 1000 / ratePerSec;
  }

  first(startMs: number, _rng: Rng): number {
    this.startMs = startMs;
    this.index = 0;
    return startMs;
  }

  next(_nowMs: number, _rng: Rng): number {
    // Multiply instead of accumulating gaps, so float error does not drift over millions of arrivals.
    this.index++;
    return this.startMs + this.index * this.gapMs;
  }

  meanRatePerSec(): number {
    return this.ratePerSec;
  }
}
