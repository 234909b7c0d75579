import { TokenBuckets } from "./token-buckets.js";

/**
 * The per-function scaling-rate limit: each function can add at most 1,000 execution environments
 * every 10 seconds, refilled continuously, with no accumulation of unused rate beyond that
 * (`lambda-limits.json` `concurrency.scalingRate`, since 2023-11-26): a bucket of 1,000 refilled
 * at 100 per second, full at the start.
 */
export class ScalingRateLimiter extends TokenBuckets {
  /** Environments a function may add in one burst (`concurrency.scalingRate.environmentsPer10s`). */
  static readonly BURST = 1000;
  /** Refill rate, environments per second (1,000 per 10 s). */
  static readonly PER_SECOND = 1000 / 10;

  constructor(functionCount: number) {
    super(new Array(functionCount).fill(ScalingRateLimiter.BURST), new Array(functionCount).fill(ScalingRateLimiter.PER_SECOND));
  }
}

/**
 * The synchronous request-rate limit: a function's sync invocations per second may not exceed
 * 10 × its concurrency limit (its reserved concurrency, or the account limit)
 * (`lambda-limits.json` `concurrency.rpsPerEnvironmentSync`). A bucket of one second's worth.
 */
export class RequestRateLimiter extends TokenBuckets {
  /** Requests per second allowed per unit of concurrency. */
  static readonly PER_ENVIRONMENT = 10;

  constructor(concurrencyByFunction: ArrayLike<number>) {
    const rate = Array.from(concurrencyByFunction, (c) => RequestRateLimiter.PER_ENVIRONMENT * c);
    super(rate, rate);
  }
}
