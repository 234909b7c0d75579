import type { Rng } from "../core/random.js";
import type { ArrivalProcess } from "./arrival-process.js";

/**
 * Two independent arrival processes merged in time order (the superposition of Poisson processes is
 * Poisson with the summed rate). Used for bursts on any base kind. Allocation-free; carries the
 * duration of whichever source the arrival came from.
 */
export class SuperposedArrivals implements ArrivalProcess {
  private nextA = Infinity;
  private nextB = Infinity;
  private durationA = NaN;
  private durationB = NaN;
  private duration = NaN;

  constructor(
    private readonly a: ArrivalProcess,
    private readonly b: ArrivalProcess,
  ) {}

  /** Duration of the arrival last returned, ms; NaN when its source carries none. */
  get lastDurationMs(): number {
    return this.duration;
  }

  first(startMs: number, rng: Rng): number {
    this.nextA = this.a.first(startMs, rng);
    this.durationA = this.a.lastDurationMs;
    this.nextB = this.b.first(startMs, rng);
    this.durationB = this.b.lastDurationMs;
    return this.emit();
  }

  next(_nowMs: number, rng: Rng): number {
    // The arrival just returned came from the source with the earlier time (a on ties): advance it.
    if (this.nextA <= this.nextB) {
      this.nextA = this.a.next(this.nextA, rng);
      this.durationA = this.a.lastDurationMs;
    } else {
      this.nextB = this.b.next(this.nextB, rng);
      this.durationB = this.b.lastDurationMs;
    }
    return this.emit();
  }

  meanRatePerSec(): number {
    return this.a.meanRatePerSec() + this.b.meanRatePerSec();
  }

  private emit(): number {
    if (this.nextA <= this.nextB) {
      this.duration = this.durationA;
      return this.nextA;
    }
    this.duration = this.durationB;
    return this.nextB;
  }
}
