import { randomStream, type Rng } from "../../core/random.js";
import { AsyncEventTable } from "./async-events.js";
import type { AccountStats } from "../stats/account-stats.js";
import type { FunctionConfig } from "../config.js";
import { EventKind } from "../event-kinds.js";
import type { FunctionStats } from "../stats/function-stats.js";
import { NOT_THROTTLED, THROTTLED_BY_REQUEST_RATE, THROTTLED_BY_SCALING, type InvocationHost } from "./invocation-host.js";

/**
 * `EnvironmentPool.requestEvent` codes: -1 a plain sync request, 0 ≤ code < SQS_BATCH_BASE (2^30) an
 * async event slot, ≥ SQS_BATCH_BASE a batch of an SQS or stream event source (event-source.ts), and
 * SYNC_PENDING_BASE − slot (≤ −2) a sync request that a client retried (slot in `SyncRetries`' table).
 */
export const SYNC_PENDING_BASE = -2;

/**
 * What a sync caller does after a throttle: gives up (a 429 counted as throttled) or, with
 * `clientRetries`, retries with capped exponential backoff and full jitter until it gets through
 * or has made `maxAttempts` attempts. A retried request stays pending here, timed from its first attempt.
 */
export class SyncRetries {
  /** Sync requests whose caller retries after a throttle (same table layout as async events). */
  private readonly pending: AsyncEventTable;
  private readonly clientMaxAttempts: Int32Array;
  private readonly clientBaseMs: Float64Array;
  private readonly clientCapMs: Float64Array;
  private readonly clientRng: Rng[];
  private readonly host: InvocationHost;
  private readonly stats: FunctionStats[];
  /** Throttles per chart bucket (the model's series, shared with the other paths). */
  private readonly account: AccountStats;

  constructor(fns: readonly FunctionConfig[], seed: number, host: InvocationHost, stats: FunctionStats[], account: AccountStats) {
    this.pending = new AsyncEventTable(fns.length);
    this.clientMaxAttempts = Int32Array.from(fns, (f) => (f.clientRetries ? f.clientRetries.maxAttempts : 1));
    this.clientBaseMs = Float64Array.from(fns, (f) => (f.clientRetries ? f.clientRetries.baseMs : 0));
    this.clientCapMs = Float64Array.from(fns, (f) => (f.clientRetries ? f.clientRetries.capMs : 0));
    this.clientRng = fns.map((f) => randomStream(seed, f.name, "retries"));
    this.host = host;
    this.stats = stats;
    this.account = account;
  }

  /** The first attempt of a sync request of function `f` arriving at `now` was throttled for `reason`. */
  throttled(f: number, now: number, measured: boolean, reason: number): void {
    if (this.clientMaxAttempts[f]! > 1) {
      // The caller will try again: the request stays pending until it succeeds or gives up.
      const slot = this.pending.add(f, now, measured, 0);
      this.pending.attempts[slot] = 1;
      this.retry(slot, now, reason);
      return;
    }
    if (measured) this.countThrottle(f, this.stats[f]!, reason, now);
  }

  /** A client retries pending sync request `slot` (a SyncRetry event). */
  onRetry(slot: number, now: number): void {
    const pend = this.pending;
    const f = pend.fn[slot]!;
    pend.attempts[slot]!++;
    const measured = pend.measured[slot] === 1;
    const throttle = this.host.startSyncRequest(f, now, measured, SYNC_PENDING_BASE - slot, NaN);
    if (throttle !== NOT_THROTTLED) this.retry(slot, now, throttle);
  }

  /** When the caller of retried request `event` (a SYNC_PENDING_BASE code) first tried, ms: its latency counts from there. */
  firstArrivalMs(event: number): number {
    return this.pending.arrivalMs[SYNC_PENDING_BASE - event]!;
  }

  /** Retried request `event` (a SYNC_PENDING_BASE code) has ended. */
  finish(event: number): void {
    this.pending.remove(SYNC_PENDING_BASE - event);
  }

  /** Measured retried requests of function `f` still pending or running. */
  inFlight(f: number): number {
    return this.pending.measuredAlive[f]!;
  }

  /**
   * A throttled attempt of pending sync request `slot`: the client waits a full-jitter delay,
   * uniform in [0, min(cap, base · 2^(attempt − 1))] ("Exponential Backoff And Jitter", AWS
   * Architecture Blog, 2015), then tries again, until it has made `maxAttempts` attempts.
   */
  private retry(slot: number, now: number, reason: number): void {
    const pend = this.pending;
    const f = pend.fn[slot]!;
    const st = this.stats[f]!;
    const measured = pend.measured[slot] === 1;
    const attempt = pend.attempts[slot]!;
    if (attempt >= this.clientMaxAttempts[f]!) {
      if (measured) this.countThrottle(f, st, reason, now);
      pend.remove(slot);
      return;
    }
    if (measured) {
      st.throttledAttempts++;
      st.retried++;
      this.account.throttle(f, now);
    }
    const ceiling = Math.min(this.clientCapMs[f]!, this.clientBaseMs[f]! * 2 ** (attempt - 1));
    this.host.schedule(now + this.clientRng[f]!() * ceiling, EventKind.SyncRetry, slot, 0);
  }

  /** One sync throttle that ends a request (the caller gives up). */
  private countThrottle(f: number, st: FunctionStats, reason: number, now: number): void {
    st.throttled++;
    if (reason === THROTTLED_BY_SCALING) st.throttledByScalingRate++;
    else if (reason === THROTTLED_BY_REQUEST_RATE) st.throttledByRequestRate++;
    this.account.throttle(f, now);
  }
}
