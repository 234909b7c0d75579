import type { RateCurve } from "./rate-curve.js";

/** One burst: extra arrivals at `ratePerSec` during [atMs, atMs + forMs), repeated every `everyMs` when set. */
export interface BurstSpec {
  atMs: number;
  ratePerSec: number;
  forMs: number;
  /** Period of repetition, ms (≥ forMs); null for a single burst. */
  everyMs: number | null;
}

/**
 * The extra rate of a list of bursts (overlapping bursts add up): piecewise constant, so thinning
 * against it accepts every candidate. Superpose it on a base process to get "base with bursts".
 */
export class BurstCurve implements RateCurve {
  constructor(private readonly bursts: readonly BurstSpec[]) {
    for (const b of bursts) {
      if (!(b.ratePerSec > 0) || !(b.forMs > 0) || !(b.atMs >= 0) || (b.everyMs !== null && !(b.everyMs >= b.forMs))) {
        throw new RangeError(`bad burst ${JSON.stringify(b)}`);
      }
    }
  }

  rateAt(tMs: number): number {
    let rate = 0;
    for (let i = 0; i < this.bursts.length; i++) {
      const b = this.bursts[i]!;
      const k = this.occurrence(b, tMs);
      if (k >= 0 && tMs < b.atMs + k * (b.everyMs ?? 0) + b.forMs) rate += b.ratePerSec;
    }
    return rate;
  }

  pieceEnd(tMs: number): number {
    let end = Infinity;
    for (let i = 0; i < this.bursts.length; i++) {
      const b = this.bursts[i]!;
      const k = this.occurrence(b, tMs);
      const every = b.everyMs ?? 0;
      let boundary: number;
      if (k < 0) boundary = b.atMs;
      else {
        const start = b.atMs + k * every;
        if (tMs < start + b.forMs) boundary = start + b.forMs;
        else boundary = b.everyMs === null ? Infinity : start + every;
      }
      if (boundary < end) end = boundary;
    }
    return end;
  }

  pieceMax(tMs: number): number {
    return this.rateAt(tMs);
  }

  /** Long-run mean extra rate, per second: rate · for / every for repeated bursts; single bursts add 0. */
  meanRatePerSec(): number {
    let mean = 0;
    for (const b of this.bursts) if (b.everyMs !== null) mean += (b.ratePerSec * b.forMs) / b.everyMs;
    return mean;
  }

  /** Index of the latest occurrence of `b` starting at or before `tMs`; -1 before the first. */
  private occurrence(b: BurstSpec, tMs: number): number {
    if (tMs < b.atMs) return -1;
    return b.everyMs === null ? 0 : Math.floor((tMs - b.atMs) / b.everyMs);
  }
}
