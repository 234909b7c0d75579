import type { Rng } from "../random.js";
import type { Distribution } from "./distribution.js";
import { formatParam } from "./format-param.js";
import { requirePositive } from "./param-checks.js";

/** Exponential distribution with the given mean (rate 1/mean), support [0, ∞). One rng call per sample. */
export class ExponentialDistribution implements Distribution {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** The mean, 1/rate. */
  declare readonly meanValue: number;

  constructor(mean: number) {
    requirePositive("exponential", "mean", mean);
    this.meanValue = mean;
  }

  /** Inverse transform −mean·ln(1 − u); log1p keeps full precision when u is tiny. */
  sample(rng: Rng): number {
    return -this.meanValue * Math.log1p(-rng());
  }

  mean(): number {
    return this.meanValue;
  }

  describe(): string {
    return `exponential(mean ${formatParam(this.meanValue)})`;
  }
}
