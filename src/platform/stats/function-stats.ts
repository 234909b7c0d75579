import { LatencyHistogram } from "../../core/stats/latency-histogram.js";
import { TimeWeighted } from "../../core/stats/time-weighted.js";

/**
 * Streaming statistics of one function over the measured window: counters, latency histograms
 * (cold, warm) and time-weighted levels. Fixed size, whatever the number of requests.
 */
export class FunctionStats {
  invocations = 0;
  completed = 0;
  throttled = 0;
  timedOut = 0;
  coldStarts = 0;
  created = 0;
  reclaimed = 0;
  /** Invocations that ended in a function error (or a timeout), every attempt counted. */
  errors = 0;
  /** Attempts retried: async events after a function error or a throttle, sync requests by their clients after a throttle. */
  retried = 0;
  /** Throttled attempts that were retried (async events, or sync requests whose client retries); not an end state. */
  throttledAttempts = 0;
  /** Async events dropped to the dead-letter queue / on-failure destination. */
  droppedToDlq = 0;
  /** Throttles because the scaling-rate limit bound (counted in `throttled` too). */
  throttledByScalingRate = 0;
  /** Provisioned environments recycled at their maximum lifetime (each replaced by a new one). */
  pcRecycled = 0;
  /** Throttles because the sync request-rate limit (10 × concurrency per second) bound. */
  throttledByRequestRate = 0;
  /** Admitted requests served by on-demand environments while provisioned concurrency is configured. */
  spillover = 0;
  /** Cold starts whose init outran the on-demand INIT limit and was retried inside the invocation. */
  initTimeouts = 0;
  /** Sum of billed execution time of admitted requests, each rounded up to 1 ms, ms. */
  billedMs = 0;
  /** Sum of INIT durations of cold starts (billed for on-demand functions), ms. */
  initMs = 0;
  /** The same, each INIT rounded up to 1 ms as billed, ms. */
  initBilledMs = 0;
  /** Extra requests billed for async payloads above the included size (one per started chunk). */
  payloadExtraRequests = 0;
  /** Invocations that ran (every attempt; what the request charge counts). */
  ranRequests = 0;
  /** Requests that ran on provisioned environments (billed at the provisioned duration rate). */
  pcRequests = 0;
  /** Their billed durations, each rounded up to 1 ms, ms (included in `billedMs`). */
  pcBilledMs = 0;
  /** Latency of cold and of warm requests; the overall histogram is their merge (one record per request). */
  readonly coldLatency = new LatencyHistogram();
  readonly warmLatency = new LatencyHistogram();
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** Requests in flight. */
  declare readonly concurrency: TimeWeighted;
  /** Environments alive (busy or idle). Idle = alive − concurrency at every instant (each busy environment serves one request), so idle needs no level of its own. */
  declare readonly alive: TimeWeighted;
  /** Provisioned environments serving a request. */
  declare readonly pcBusy: TimeWeighted;
  /** Provisioned environments allocated (initialising or ready). */
  declare readonly pcAllocated: TimeWeighted;

  /** Statistics that start counting at `warmupMs`. */
  constructor(warmupMs: number) {
    this.concurrency = new TimeWeighted(warmupMs, 0);
    this.alive = new TimeWeighted(warmupMs, 0);
    this.pcBusy = new TimeWeighted(warmupMs, 0);
    this.pcAllocated = new TimeWeighted(warmupMs, 0);
  }
}
