import type { Rng } from "../random.js";
import type { Distribution } from "./distribution.js";
import { formatParam } from "./format-param.js";
import { requireFinite } from "./param-checks.js";

/** A point mass: every sample is `value`. Draws nothing from the rng. */
export class ConstantDistribution implements Distribution {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** The value returned by every sample. */
  declare readonly value: number;

  constructor(value: number) {
    requireFinite("constant", "value", value);
    this.value = value;
  }

  /** Returns `value`; does not call `rng`. */
  sample(_rng: Rng): number {
    return this.value;
  }

  mean(): number {
    return this.value;
  }

  describe(): string {
    return `constant(${formatParam(this.value)})`;
  }
}
