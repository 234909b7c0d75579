import { AsyncEventTable } from "./async-events.js";
import type { AccountStats } from "../stats/account-stats.js";
import type { FunctionConfig } from "../config.js";
import { EventKind } from "../event-kinds.js";
import type { FunctionStats } from "../stats/function-stats.js";
import { NOT_THROTTLED, type InvocationHost } from "./invocation-host.js";

/** Delays before the first and second retry of an async event after a function error, ms (`lambda-limits.json` `async.retryDelaysSeconds`). */
export const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000] as const;
/** First delay before retrying a throttled async event, ms (`async.throttleAndSystemErrorBackoff.initialSeconds`). */
export const ASYNC_THROTTLE_BACKOFF_FIRST_MS = 1000;
/** Longest delay between retries of a throttled async event, ms (`async.throttleAndSystemErrorBackoff.maxSeconds`). */
export const ASYNC_THROTTLE_BACKOFF_MAX_MS = 300_000;

/**
 * The asynchronous invocation path: Lambda's internal queue of events, each attempted until it
 * succeeds, retried after throttles (backoff) and function errors (1 and 2 minutes), and sent to
 * the DLQ / on-failure destination when out of retries or past its maximum event age.
 * An event's `EnvironmentPool.requestEvent` code is its slot in the table (0 ≤ code < SQS_BATCH_BASE).
 */
export class AsyncInvocations {
  private readonly events: AsyncEventTable;
  private readonly isAsync: Uint8Array;
  private readonly reservedZero: Uint8Array;
  private readonly maxRetries: Int32Array;
  private readonly maxEventAgeMs: Float64Array;
  private readonly host: InvocationHost;
  private readonly stats: FunctionStats[];
  /** Throttled attempts per chart bucket (the model's series, shared with the other paths). */
  private readonly account: AccountStats;

  constructor(fns: readonly FunctionConfig[], host: InvocationHost, stats: FunctionStats[], account: AccountStats) {
    this.events = new AsyncEventTable(fns.length);
    this.isAsync = Uint8Array.from(fns, (f) => (f.invocation === "async" ? 1 : 0));
    this.reservedZero = Uint8Array.from(fns, (f) => (f.reservedConcurrency === 0 ? 1 : 0));
    this.maxRetries = Int32Array.from(fns, (f) => f.async.maximumRetryAttempts);
    this.maxEventAgeMs = Float64Array.from(fns, (f) => f.async.maximumEventAgeMs);
    this.host = host;
    this.stats = stats;
    this.account = account;
  }

  /** Whether function `f` is invoked asynchronously. */
  has(f: number): boolean {
    return this.isAsync[f] === 1;
  }

  /** An event of function `f` arrives: into the internal queue (the caller gets its 202 at once), then a first attempt. */
  arrive(f: number, nowMs: number, measured: boolean, traceDurationMs: number): void {
    const slot = this.events.add(f, nowMs, measured, ASYNC_THROTTLE_BACKOFF_FIRST_MS);
    this.attempt(slot, nowMs, traceDurationMs);
  }

  /**
   * One attempt of async event `slot`. A throttled attempt stays queued and is retried with
   * exponential backoff (1 s doubling to 5 min) while the event is younger than its maximum age;
   * with reserved concurrency 0 the event goes straight to the DLQ (`lambda-limits.json`
   * `async.throttleAndSystemErrorBackoff`, `async.failureTargets.reservedConcurrencyZero`).
   */
  attempt(slot: number, now: number, traceDurationMs: number): void {
    const ev = this.events;
    const f = ev.fn[slot]!;
    const measured = ev.measured[slot] === 1;
    const throttle = this.host.startRequest(f, now, measured, slot, traceDurationMs);
    if (throttle === NOT_THROTTLED) {
      ev.attempts[slot]!++;
      return;
    }
    const st = this.stats[f]!;
    if (measured) {
      st.throttledAttempts++;
      this.account.throttle(f, now);
    }
    const delay = ev.backoffMs[slot]!;
    if (this.reservedZero[f] === 1 || now + delay - ev.arrivalMs[slot]! > this.maxEventAgeMs[f]!) {
      this.dropToDlq(slot);
      return;
    }
    ev.backoffMs[slot] = Math.min(2 * delay, ASYNC_THROTTLE_BACKOFF_MAX_MS);
    if (measured) st.retried++;
    this.host.schedule(now + delay, EventKind.AsyncRetry, slot, 0);
  }

  /** The end of an async attempt: success, a retry after 1 or 2 minutes, or the DLQ. */
  finish(slot: number, failed: boolean, now: number): void {
    const ev = this.events;
    const f = ev.fn[slot]!;
    if (!failed) {
      if (ev.measured[slot] === 1) this.stats[f]!.completed++;
      ev.remove(slot);
      return;
    }
    const attempts = ev.attempts[slot]!;
    if (attempts > this.maxRetries[f]!) {
      this.dropToDlq(slot);
      return;
    }
    const delay = ASYNC_RETRY_DELAYS_MS[attempts - 1]!;
    if (now + delay - ev.arrivalMs[slot]! > this.maxEventAgeMs[f]!) {
      this.dropToDlq(slot);
      return;
    }
    if (ev.measured[slot] === 1) this.stats[f]!.retried++;
    this.host.schedule(now + delay, EventKind.AsyncRetry, slot, 0);
  }

  /** Measured events of function `f` still waiting or running. */
  inFlight(f: number): number {
    return this.events.measuredAlive[f]!;
  }

  private dropToDlq(slot: number): void {
    const ev = this.events;
    if (ev.measured[slot] === 1) this.stats[ev.fn[slot]!]!.droppedToDlq++;
    ev.remove(slot);
  }
}
