/**
 * The time-weighted mean of a piecewise-constant level over the current reading period (a capacity
 * provider's busy vCPUs, busy slots, ...), restarted at each reading. O(1), allocation-free.
 */
export class PeriodMean {
  private declare level: number;
  private declare lastMs: number;
  private declare area: number;
  private declare periodStartMs: number;

  constructor(startMs: number) {
    this.level = 0;
    this.lastMs = startMs;
    this.area = 0;
    this.periodStartMs = startMs;
  }

  /** The current level. */
  get value(): number {
    return this.level;
  }

  /** Sets the level from `nowMs` on. */
  set(nowMs: number, level: number): void {
    this.area += this.level * (nowMs - this.lastMs);
    this.lastMs = nowMs;
    this.level = level;
  }

  /** Adds `delta` to the level from `nowMs` on. */
  add(nowMs: number, delta: number): void {
    this.set(nowMs, this.level + delta);
  }

  /** The mean over [period start, nowMs], then starts a new period at `nowMs` (0 for an empty period). */
  take(nowMs: number): number {
    this.set(nowMs, this.level);
    const span = nowMs - this.periodStartMs;
    const mean = span > 0 ? this.area / span : this.level;
    this.area = 0;
    this.periodStartMs = nowMs;
    return mean;
  }
}
