/**
 * Service-level objectives of a scenario (each optional): part of the scenario, read by `run`'s
 * verdicts and by every planner's choice.
 */
export interface Slo {
  /** Highest acceptable p99 latency, ms. */
  p99LatencyMs?: number;
  /** Highest acceptable share of invocations that start cold, 0..1. */
  maxColdStartRate?: number;
  /** Highest acceptable share of requests throttled, 0..1. */
  maxThrottleRate?: number;
}
