/**
 * One token bucket per function, refilled continuously and capped at its burst size (unused rate
 * does not accumulate past it). Used for the scaling-rate limit (new environments) and the
 * synchronous request-rate limit (requests). Typed arrays; O(1) and allocation-free per take.
 */
export class TokenBuckets {
  private readonly tokens: Float64Array;
  private readonly lastMs: Float64Array;
  private readonly burst: Float64Array;
  private readonly perMs: Float64Array;

  /** Buckets with `burst[f]` tokens at most, refilled at `perSecond[f]` tokens per second; full at the start. */
  constructor(burst: ArrayLike<number>, perSecond: ArrayLike<number>) {
    this.burst = Float64Array.from(burst);
    this.perMs = Float64Array.from(perSecond, (r) => r / 1000);
    this.tokens = Float64Array.from(burst);
    this.lastMs = new Float64Array(burst.length);
  }

  /** Takes one token from function `f`'s bucket at `nowMs`; false (and nothing taken) when it is empty. */
  tryTake(f: number, nowMs: number): boolean {
    let t = this.tokens[f]! + (nowMs - this.lastMs[f]!) * this.perMs[f]!;
    const cap = this.burst[f]!;
    if (t > cap) t = cap;
    this.lastMs[f] = nowMs;
    if (t < 1) {
      this.tokens[f] = t;
      return false;
    }
    this.tokens[f] = t - 1;
    return true;
  }
}
