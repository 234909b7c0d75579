import type { Rng } from "../random.js";
import type { Distribution } from "./distribution.js";
import { formatParam } from "./format-param.js";
import { requirePositive } from "./param-checks.js";
import { gammaFunction } from "./special-functions.js";

/**
 * Weibull distribution, CDF 1 − exp(−(x/scale)^shape), support [0, ∞). shape < 1 is heavy-tailed,
 * shape = 1 is exponential. One rng call per sample.
 */
export class WeibullDistribution implements Distribution {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** Shape k (> 0). */
  declare readonly shape: number;
  /** Scale λ (> 0). */
  declare readonly scale: number;
  /** 1/k, for the sampler. */
  private declare readonly invShape: number;

  constructor(shape: number, scale: number) {
    requirePositive("weibull", "shape", shape);
    requirePositive("weibull", "scale", scale);
    this.shape = shape;
    this.scale = scale;
    this.invShape = 1 / shape;
  }

  /** Inverse transform λ·(−ln(1 − u))^(1/k). */
  sample(rng: Rng): number {
    return this.scale * Math.pow(-Math.log1p(-rng()), this.invShape);
  }

  /** λ·Γ(1 + 1/k). */
  mean(): number {
    return this.scale * gammaFunction(1 + this.invShape);
  }

  describe(): string {
    return `weibull(shape ${formatParam(this.shape)}, scale ${formatParam(this.scale)})`;
  }
}
