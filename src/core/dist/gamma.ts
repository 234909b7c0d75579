import type { Rng } from "../random.js";
import type { Distribution } from "./distribution.js";
import { formatParam } from "./format-param.js";
import { requirePositive } from "./param-checks.js";
import { standardNormal } from "./standard-normal.js";

/**
 * Gamma distribution with shape k and scale θ (mean kθ, cv 1/√k), support (0, ∞). Sampled by
 * Marsaglia–Tsang rejection, so the rng calls per sample vary: 2 per attempt (≥ 95% of attempts
 * succeed for every k), plus 1 when k < 1.
 */
export class GammaDistribution implements Distribution {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** Shape k (> 0). */
  declare readonly shape: number;
  /** Scale θ (> 0). */
  declare readonly scale: number;
  /** Marsaglia–Tsang d = a − 1/3, with a = k, or k + 1 when k < 1. */
  private declare readonly d: number;
  /** Marsaglia–Tsang c = 1/√(9d). */
  private declare readonly c: number;
  /** True when k < 1: sample Gamma(k + 1) and multiply by U^(1/k). */
  private declare readonly boost: boolean;
  /** 1/k, for the boost. */
  private declare readonly invShape: number;
  /** What `describe()` returns: in the parameters the distribution was given. */
  private declare readonly description: string;

  constructor(shape: number, scale: number, description?: string) {
    requirePositive("gamma", "shape", shape);
    requirePositive("gamma", "scale", scale);
    this.shape = shape;
    this.scale = scale;
    this.boost = shape < 1;
    this.d = (this.boost ? shape + 1 : shape) - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.invShape = 1 / shape;
    this.description = description ?? `gamma(shape ${formatParam(shape)}, scale ${formatParam(scale)})`;
  }

  /**
   * The gamma with the given mean and coefficient of variation: shape = 1/cv², scale = mean·cv².
   * @example GammaDistribution.fromMeanCv(100, 0.5).shape // 4
   */
  static fromMeanCv(mean: number, cv: number): GammaDistribution {
    requirePositive("gamma", "mean", mean);
    requirePositive("gamma", "cv", cv);
    const cv2 = cv * cv;
    return new GammaDistribution(1 / cv2, mean * cv2, `gamma(mean ${formatParam(mean)}, cv ${formatParam(cv)})`);
  }

  /**
   * Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3), 2000:
   * v = (1 + cZ)³, accept dv on the squeeze u < 1 − 0.0331Z⁴ or on ln u < Z²/2 + d(1 − v + ln v).
   */
  sample(rng: Rng): number {
    const d = this.d;
    const c = this.c;
    let g: number;
    for (;;) {
      const z = standardNormal(rng());
      let v = 1 + c * z;
      if (v <= 0) continue;
      v = v * v * v;
      const u = rng();
      const z2 = z * z;
      if (u < 1 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) {
        g = d * v;
        break;
      }
    }
    // Gamma(k) = Gamma(k + 1)·U^(1/k) (Marsaglia–Tsang §6); 1 − u lies in (0, 1], so g stays > 0.
    if (this.boost) g *= Math.pow(1 - rng(), this.invShape);
    return this.scale * g;
  }

  /** shape·scale. */
  mean(): number {
    return this.shape * this.scale;
  }

  describe(): string {
    return this.description;
  }
}
