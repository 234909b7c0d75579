/**
 * What an invocation path (Lambda's async queue, sync client retries) needs from the Lambda
 * model: a way to run one request through admission, and the event queue. `LambdaModel`
 * implements it; unit tests use a fake.
 */
export interface InvocationHost {
  /**
   * Tries to run one request of function `f` now (concurrency governor, scaling-rate limit, an idle
   * or new environment). `event` is its `EnvironmentPool.requestEvent` code, `traceDurationMs` a
   * trace's own duration (NaN: draw one). Returns NOT_THROTTLED or a THROTTLED_BY_* reason.
   */
  startRequest(f: number, nowMs: number, measured: boolean, event: number, traceDurationMs: number): number;
  /** The same for a sync request: the sync request-rate limit first (THROTTLED_BY_REQUEST_RATE), then `startRequest`. */
  startSyncRequest(f: number, nowMs: number, measured: boolean, event: number, traceDurationMs: number): number;
  /** Schedules a model event (one of the EventKind values) at `timeMs`. */
  schedule(timeMs: number, kind: number, target: number, aux: number): void;
}

/** Outcomes of `InvocationHost.startRequest`: admitted, or the reason it was throttled. */
export const NOT_THROTTLED = 0;
export const THROTTLED_BY_CONCURRENCY = 1;
export const THROTTLED_BY_SCALING = 2;
export const THROTTLED_BY_REQUEST_RATE = 3;
