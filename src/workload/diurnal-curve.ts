import { DAY_MS, type RateCurve } from "./rate-curve.js";

/** One hour, the piece length of the diurnal curve (keeps the thinning bound tight). */
const PIECE_MS = 3_600_000;

/**
 * A daily sinusoid: rate(t) = mean · w(day) · (1 + a·cos(2π(t − peakAt)/1 day)), with
 * a = (peakToTrough − 1)/(peakToTrough + 1) so that peak/trough = peakToTrough and the daily mean
 * is `mean`. The optional weekly shape multiplies day d (day 0 starts at t = 0) by
 * weekly[d mod 7] / (mean of weekly), so the week's mean stays `mean`.
 */
export class DiurnalCurve implements RateCurve {
  private readonly amplitude: number;
  private readonly dayFactors: Float64Array;

  constructor(
    private readonly meanPerSec: number,
    peakToTrough: number,
    private readonly peakAtMs: number,
    weekly: readonly number[] | null = null,
  ) {
    if (!(meanPerSec > 0) || !(peakToTrough >= 1) || !Number.isFinite(peakToTrough)) {
      throw new RangeError(`diurnal needs mean > 0 and peakToTrough ≥ 1, got ${meanPerSec}, ${peakToTrough}`);
    }
    this.amplitude = (peakToTrough - 1) / (peakToTrough + 1);
    const w = weekly ?? [1];
    const max = Math.max(...w);
    if (!(max > 0) || !Number.isFinite(max) || w.some((x) => !(x >= 0))) throw new RangeError("weekly factors must be finite, ≥ 0, with a positive sum");
    // Divided by the largest first: factors near 1e308 would make the sum Infinity and every day's factor NaN.
    const scaled = w.map((x) => x / max);
    const sum = scaled.reduce((a, b) => a + b, 0);
    this.dayFactors = Float64Array.from(scaled, (x) => (x * w.length) / sum);
  }

  rateAt(tMs: number): number {
    const phase = (2 * Math.PI * (tMs - this.peakAtMs)) / DAY_MS;
    return this.meanPerSec * this.dayFactor(tMs) * (1 + this.amplitude * Math.cos(phase));
  }

  pieceEnd(tMs: number): number {
    return (Math.floor(tMs / PIECE_MS) + 1) * PIECE_MS;
  }

  /** Exact maximum over the hour: at a peak inside it, else at an end (cos has no other maxima). */
  pieceMax(tMs: number): number {
    const start = Math.floor(tMs / PIECE_MS) * PIECE_MS;
    const end = start + PIECE_MS;
    const toPeak = mod(this.peakAtMs - start, DAY_MS);
    const shape = toPeak <= PIECE_MS ? 1 + this.amplitude : Math.max(this.shapeAt(start), this.shapeAt(end));
    return this.meanPerSec * this.dayFactor(start) * shape;
  }

  meanRatePerSec(): number {
    return this.meanPerSec;
  }

  private shapeAt(tMs: number): number {
    return 1 + this.amplitude * Math.cos((2 * Math.PI * (tMs - this.peakAtMs)) / DAY_MS);
  }

  private dayFactor(tMs: number): number {
    const f = this.dayFactors;
    return f[mod(Math.floor(tMs / DAY_MS), f.length)]!;
  }
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
