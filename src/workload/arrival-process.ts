import type { Rng } from "../core/random.js";

/**
 * A pull-based arrival generator: the simulator keeps one pending arrival per source in the queue
 * and asks for the next one when it fires. Implementations keep their state in fields (no allocation).
 */
export interface ArrivalProcess {
  /** Absolute time of the first arrival at or after `startMs`, ms; Infinity if none. */
  first(startMs: number, rng: Rng): number;
  /** Absolute time of the arrival after the one at `nowMs`, ms; Infinity if none. */
  next(nowMs: number, rng: Rng): number;
  /** The long-run mean rate, arrivals per second (for analytic checks and reports). */
  meanRatePerSec(): number;
  /**
   * Execution time carried by the arrival last returned (a trace's own duration), ms; NaN when
   * the source carries none and the function's duration distribution applies.
   */
  readonly lastDurationMs: number;
}
