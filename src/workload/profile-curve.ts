import { DAY_MS, type RateCurve } from "./rate-curve.js";

/** How a profile joins its points: straight lines, or each rate held until the next point. */
export type ProfileShape = "linear" | "step";

/**
 * A rate given at points of the day, repeated daily: linear interpolation between points (or steps
 * holding each point's rate), wrapping from the last point to the first point of the next day.
 * Points: [time of day ms in [0, 1 day), rate per second ≥ 0], times strictly increasing.
 */
export class ProfileCurve implements RateCurve {
  private readonly times: Float64Array;
  private readonly rates: Float64Array;
  private readonly mean: number;
  /** Set by `locate` (fields, not a returned tuple, so the hot path allocates nothing). */
  private seg = 0;
  private local = 0;

  constructor(points: ReadonlyArray<readonly [number, number]>, private readonly shape: ProfileShape) {
    if (points.length === 0) throw new RangeError("a profile needs at least one point");
    points.forEach(([t, r], i) => {
      if (!(t >= 0 && t < DAY_MS) || !(r >= 0) || !Number.isFinite(r)) throw new RangeError(`bad profile point ${i}: [${t}, ${r}]`);
      if (i > 0 && !(t > points[i - 1]![0])) throw new RangeError("profile times must increase");
    });
    this.times = Float64Array.from(points, (p) => p[0]);
    this.rates = Float64Array.from(points, (p) => p[1]);
    let area = 0;
    for (let i = 0; i < points.length; i++) {
      const len = this.segmentEnd(i) - this.times[i]!;
      area += shape === "step" ? this.rates[i]! * len : ((this.rates[i]! + this.nextRate(i)) / 2) * len;
    }
    if (!(area > 0)) throw new RangeError("a profile needs some rate > 0");
    this.mean = area / DAY_MS;
  }

  rateAt(tMs: number): number {
    this.locate(tMs);
    const i = this.seg;
    if (this.shape === "step") return this.rates[i]!;
    const start = this.times[i]!;
    const len = this.segmentEnd(i) - start;
    return this.rates[i]! + ((this.nextRate(i) - this.rates[i]!) * (this.local - start)) / len;
  }

  pieceEnd(tMs: number): number {
    const dayStart = Math.floor(tMs / DAY_MS) * DAY_MS;
    const local = tMs - dayStart;
    // Segment boundaries in this day: the first point after `local`, else the next day's first point.
    const t = this.times;
    for (let i = 0; i < t.length; i++) if (t[i]! > local) return dayStart + t[i]!;
    return dayStart + DAY_MS + t[0]!;
  }

  pieceMax(tMs: number): number {
    this.locate(tMs);
    const i = this.seg;
    return this.shape === "step" ? this.rates[i]! : Math.max(this.rates[i]!, this.nextRate(i));
  }

  meanRatePerSec(): number {
    return this.mean;
  }

  /** Sets `seg` to the segment holding `tMs` and `local` to its time of day, shifted so the segment's start ≤ it. */
  private locate(tMs: number): void {
    let local = tMs - Math.floor(tMs / DAY_MS) * DAY_MS;
    const t = this.times;
    let i = t.length - 1;
    while (i >= 0 && t[i]! > local) i--;
    if (i < 0) {
      // Before the first point: still in the last segment of the previous day.
      i = t.length - 1;
      local += DAY_MS;
    }
    this.seg = i;
    this.local = local;
  }

  private segmentEnd(i: number): number {
    return i + 1 < this.times.length ? this.times[i + 1]! : DAY_MS + this.times[0]!;
  }

  private nextRate(i: number): number {
    return this.rates[(i + 1) % this.rates.length]!;
  }
}
