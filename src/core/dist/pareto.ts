import type { Rng } from "../random.js";
import type { Distribution } from "./distribution.js";
import { formatParam } from "./format-param.js";
import { requirePositive } from "./param-checks.js";

/**
 * Pareto Type I distribution, P(X > x) = (scale/x)^alpha for x ≥ scale. The mean is infinite for
 * alpha ≤ 1 and the variance for alpha ≤ 2. One rng call per sample.
 */
export class ParetoDistribution implements Distribution {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** Scale x_m (> 0): the minimum value. */
  declare readonly scale: number;
  /** Tail index alpha (> 0). */
  declare readonly alpha: number;
  /** −1/alpha, for the sampler. */
  private declare readonly negInvAlpha: number;

  constructor(scale: number, alpha: number) {
    requirePositive("pareto", "scale", scale);
    requirePositive("pareto", "alpha", alpha);
    this.scale = scale;
    this.alpha = alpha;
    this.negInvAlpha = -1 / alpha;
  }

  /** Inverse transform scale·(1 − u)^(−1/alpha); 1 − u is in (0, 1], so the result is finite. */
  sample(rng: Rng): number {
    return this.scale * Math.pow(1 - rng(), this.negInvAlpha);
  }

  /** alpha·scale/(alpha − 1) for alpha > 1, else Infinity. */
  mean(): number {
    return this.alpha > 1 ? (this.alpha * this.scale) / (this.alpha - 1) : Infinity;
  }

  describe(): string {
    return `pareto(scale ${formatParam(this.scale)}, alpha ${formatParam(this.alpha)})`;
  }
}
