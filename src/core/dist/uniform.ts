import type { Rng } from "../random.js";
import type { Distribution } from "./distribution.js";
import { formatParam } from "./format-param.js";
import { requireFinite } from "./param-checks.js";

/** Continuous uniform distribution on [min, max). One rng call per sample. */
export class UniformDistribution implements Distribution {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** Lower bound (inclusive). */
  declare readonly min: number;
  /** Upper bound. */
  declare readonly max: number;
  /** max − min, precomputed for the sampler. */
  private declare readonly width: number;

  constructor(min: number, max: number) {
    requireFinite("uniform", "min", min);
    requireFinite("uniform", "max", max);
    if (!(max >= min)) throw new RangeError(`uniform: max must be >= min (${min}), got ${max}`);
    this.min = min;
    this.max = max;
    this.width = max - min;
  }

  sample(rng: Rng): number {
    return this.min + this.width * rng();
  }

  mean(): number {
    return 0.5 * (this.min + this.max);
  }

  describe(): string {
    return `uniform(min ${formatParam(this.min)}, max ${formatParam(this.max)})`;
  }
}
