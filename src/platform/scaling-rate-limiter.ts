/**
 * The per-function scaling-rate limit: each function can add at most 1,000 execution environments
 * every 10 seconds, refilled continuously, with no accumulation of unused rate beyond that
 * (`lambda-limits.json` `concurrency.scalingRate`, since 2023-11-26). A token bucket per function:
 * capacity 1,000, refill 0.1 per ms, full at the start.
 */
export class ScalingRateLimiter {
  /** Environments a function may add in one burst (`concurrency.scalingRate.environmentsPer10s`). */
  static readonly BURST = 1000;
  /** Refill rate, environments per ms (1,000 per 10 s). */
  static readonly PER_MS = 1000 / 10_000;

  private readonly tokens: Float64Array;
  private readonly lastMs: Float64Array;

  constructor(functionCount: number) {
    this.tokens = new Float64Array(functionCount).fill(ScalingRateLimiter.BURST);
    this.lastMs = new Float64Array(functionCount);
  }

  /** Takes one new-environment token for function `f` at `nowMs`; false when the limit binds. */
  tryTake(f: number, nowMs: number): boolean {
    let t = this.tokens[f]! + (nowMs - this.lastMs[f]!) * ScalingRateLimiter.PER_MS;
    if (t > ScalingRateLimiter.BURST) t = ScalingRateLimiter.BURST;
    this.lastMs[f] = nowMs;
    if (t < 1) {
      this.tokens[f] = t;
      return false;
    }
    this.tokens[f] = t - 1;
    return true;
  }
}
