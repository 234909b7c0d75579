import { exponentialGapMs, type Rng } from "../core/random.js";
import type { ArrivalProcess } from "./arrival-process.js";
import type { RateCurve } from "./rate-curve.js";

/**
 * A non-homogeneous Poisson process with the rate of a RateCurve, sampled exactly by thinning
 * (Lewis and Shedler 1979): candidates at the piece's maximum rate, each kept with probability
 * rate(t)/max. A candidate past the piece's end restarts at the end (exponential gaps are
 * memoryless), so no time grid is involved. Cost per arrival: O(max/mean rate) draws.
 */
export class ThinnedArrivals implements ArrivalProcess {
  /** This source carries no durations. */
  readonly lastDurationMs = NaN;

  constructor(private readonly curve: RateCurve) {}

  first(startMs: number, rng: Rng): number {
    return this.next(startMs, rng);
  }

  next(nowMs: number, rng: Rng): number {
    const curve = this.curve;
    let t = nowMs;
    for (;;) {
      const end = curve.pieceEnd(t);
      const max = curve.pieceMax(t);
      if (max <= 0) {
        if (end === Infinity) return Infinity;
        t = past(t, end);
        continue;
      }
      const candidate = t + exponentialGapMs(1000 / max, rng);
      if (candidate >= end) {
        t = past(t, end);
        continue;
      }
      t = candidate;
      const rate = curve.rateAt(t);
      if (rate >= max || rng() * max < rate) return t;
    }
  }

  meanRatePerSec(): number {
    return this.curve.meanRatePerSec();
  }
}

/**
 * The piece's end, or a hair past `t` should rounding make a curve report an end not after `t`
 * (times that are not whole ms): the loop always moves forward.
 */
function past(t: number, end: number): number {
  return end > t ? end : t + Math.max(1e-9, Math.abs(t) * 1e-15);
}
