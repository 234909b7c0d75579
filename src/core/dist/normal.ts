import type { Rng } from "../random.js";
import type { Distribution } from "./distribution.js";
import { formatParam } from "./format-param.js";
import { requireFinite, requirePositive } from "./param-checks.js";
import { acklamInverseNormalCdf, normalCdf, normalPdf } from "./special-functions.js";
import { ZERO_DRAW_QUANTILE } from "./standard-normal.js";

/** The largest double below 1. */
const ONE_BELOW = 1 - 2 ** -53;

/**
 * Normal distribution N(mu, sigma²), optionally truncated to [min, max] (either bound may be
 * infinite). Sampled by inverse transform restricted to [Φ(α), Φ(β)], so one rng call per sample
 * and O(1) however tight or far out the truncation is. Without `min`, samples can be negative.
 */
export class NormalDistribution implements Distribution {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** Mean of the untruncated normal. */
  declare readonly mu: number;
  /** Standard deviation of the untruncated normal (> 0). */
  declare readonly sigma: number;
  /** Lower truncation bound, −Infinity when absent. */
  declare readonly min: number;
  /** Upper truncation bound, +Infinity when absent. */
  declare readonly max: number;
  /** The probability p that u = 0 maps to: Φ(α), or Φ(−α) when mirrored (see the constructor). */
  private declare readonly pStart: number;
  /** dp/du: the interval's mass Φ(β) − Φ(α), negated when mirrored. */
  private declare readonly pStep: number;
  /** +1, or −1 when the interval is mirrored below the mean. */
  private declare readonly sign: number;
  /** Exact mean of the truncated distribution. */
  private declare readonly truncatedMean: number;

  constructor(mean: number, sd: number, min = -Infinity, max = Infinity) {
    requireFinite("normal", "mean", mean);
    requirePositive("normal", "sd", sd);
    if (typeof min !== "number" || Number.isNaN(min) || min === Infinity) {
      throw new RangeError(`normal: min must be a number below +Infinity, got ${String(min)}`);
    }
    if (typeof max !== "number" || Number.isNaN(max) || max === -Infinity) {
      throw new RangeError(`normal: max must be a number above -Infinity, got ${String(max)}`);
    }
    if (!(min < max)) throw new RangeError(`normal: min (${min}) must be below max (${max})`);
    const alpha = (min - mean) / sd;
    const beta = (max - mean) / sd;
    // Φ is accurate to full relative precision below the mean but only absolutely near 1, so an
    // interval entirely above the mean is mirrored below it: z = −Φ⁻¹(p) with p running down from
    // Φ(−α) to Φ(−β) as u goes up, so the sample still increases with u.
    const mirror = alpha > 0;
    const pLow = normalCdf(mirror ? -beta : alpha);
    const pHigh = normalCdf(mirror ? -alpha : beta);
    const pWidth = pHigh - pLow;
    if (!(pWidth > 0)) {
      throw new RangeError(`normal: min/max [${min}, ${max}] hold no probability mass for mean ${mean}, sd ${sd}`);
    }
    this.mu = mean;
    this.sigma = sd;
    this.min = min;
    this.max = max;
    this.pStart = mirror ? pHigh : pLow;
    this.pStep = mirror ? -pWidth : pWidth;
    this.sign = mirror ? -1 : 1;
    // E[X | α ≤ Z ≤ β] = μ + σ(φ(α) − φ(β)) / (Φ(β) − Φ(α)); φ is even, so the mirror leaves it unchanged.
    this.truncatedMean = mean + (sd * (normalPdf(alpha) - normalPdf(beta))) / pWidth;
  }

  /**
   * μ + σ·Φ⁻¹(Φ(α) + u·(Φ(β) − Φ(α))), increasing in u, clamped to [min, max] against the
   * approximation's last bits. One rng call; Φ⁻¹ is Acklam's without refinement, as in standard-normal.ts.
   */
  sample(rng: Rng): number {
    const u = rng();
    let p = this.pStart + this.pStep * (u > 0 ? u : ZERO_DRAW_QUANTILE);
    // Rounding can reach 0 or 1 only at an infinite bound with u within an ulp of 1; keep z finite.
    if (p > ONE_BELOW) p = ONE_BELOW;
    else if (!(p > 0)) p = Number.MIN_VALUE;
    const x = this.mu + this.sigma * this.sign * acklamInverseNormalCdf(p);
    return x < this.min ? this.min : x > this.max ? this.max : x;
  }

  /** The exact mean of the truncated distribution (μ when untruncated). */
  mean(): number {
    return this.truncatedMean;
  }

  describe(): string {
    let bounds = "";
    if (this.min !== -Infinity) bounds += `, min ${formatParam(this.min)}`;
    if (this.max !== Infinity) bounds += `, max ${formatParam(this.max)}`;
    return `normal(mean ${formatParam(this.mu)}, sd ${formatParam(this.sigma)}${bounds})`;
  }
}
