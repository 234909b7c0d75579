import type { Rng } from "../random.js";
import type { Distribution } from "./distribution.js";
import { formatParam } from "./format-param.js";
import { requireFinite, requirePositive } from "./param-checks.js";
import { inverseNormalCdf } from "./special-functions.js";
import { standardNormal } from "./standard-normal.js";

/** z₀.₉₉ = Φ⁻¹(0.99) ≈ 2.3263478740408408, computed rather than pasted. */
export const Z99 = inverseNormalCdf(0.99);

/**
 * Lognormal distribution: exp(mu + sigma·Z) with Z standard normal, so mu and sigma are the mean
 * and sd of ln X. Support (0, ∞). One rng call per sample (inverse-CDF normal, see standard-normal.ts).
 */
export class LognormalDistribution implements Distribution {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** Mean of ln X. */
  declare readonly mu: number;
  /** Standard deviation of ln X (> 0). */
  declare readonly sigma: number;
  /** What `describe()` returns: in the parameters the distribution was given. */
  private declare readonly description: string;

  constructor(mu: number, sigma: number, description?: string) {
    requireFinite("lognormal", "mu", mu);
    requirePositive("lognormal", "sigma", sigma);
    this.mu = mu;
    this.sigma = sigma;
    this.description = description ?? `lognormal(mu ${formatParam(mu)}, sigma ${formatParam(sigma)})`;
  }

  /**
   * The lognormal with the given median and 99th percentile: mu = ln median, sigma = (ln p99 − mu)/z₀.₉₉.
   * @example LognormalDistribution.fromMedianP99(120, 900).describe() // "lognormal(median 120, p99 900)"
   */
  static fromMedianP99(median: number, p99: number): LognormalDistribution {
    requirePositive("lognormal", "median", median);
    requireFinite("lognormal", "p99", p99);
    if (!(p99 > median)) throw new RangeError(`lognormal: p99 must exceed median (${median}), got ${p99}`);
    const mu = Math.log(median);
    const sigma = (Math.log(p99) - mu) / Z99;
    return new LognormalDistribution(mu, sigma, `lognormal(median ${formatParam(median)}, p99 ${formatParam(p99)})`);
  }

  sample(rng: Rng): number {
    return Math.exp(this.mu + this.sigma * standardNormal(rng()));
  }

  /** exp(mu + sigma²/2). */
  mean(): number {
    return Math.exp(this.mu + 0.5 * this.sigma * this.sigma);
  }

  describe(): string {
    return this.description;
  }
}
