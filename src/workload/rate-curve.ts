/**
 * A deterministic arrival rate over time, cut into pieces on which an upper bound is known, so that
 * a non-homogeneous Poisson process can be sampled exactly by thinning (see ThinnedArrivals).
 * Pieces are half-open [start, end); times in ms, rates per second.
 */
export interface RateCurve {
  /** The rate at `tMs`, per second (≥ 0). */
  rateAt(tMs: number): number;
  /** End of the piece containing `tMs`, ms: strictly greater than `tMs`; Infinity for the last piece. */
  pieceEnd(tMs: number): number;
  /** An upper bound of the rate over the piece containing `tMs`, per second (0: no arrivals there). */
  pieceMax(tMs: number): number;
  /** The long-run mean rate, per second. */
  meanRatePerSec(): number;
}

/** Milliseconds in a day: the period of diurnal and profile curves. */
export const DAY_MS = 86_400_000;
