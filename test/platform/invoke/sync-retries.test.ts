import { describe, expect, it } from "vitest";
import { AccountStats } from "../../../src/platform/stats/account-stats.js";
import { EventKind } from "../../../src/platform/event-kinds.js";
import { FunctionStats } from "../../../src/platform/stats/function-stats.js";
import { NOT_THROTTLED, THROTTLED_BY_CONCURRENCY, THROTTLED_BY_REQUEST_RATE, type InvocationHost } from "../../../src/platform/invoke/invocation-host.js";
import { SYNC_PENDING_BASE, SyncRetries } from "../../../src/platform/invoke/sync-retries.js";
import { fn } from "../../support/configs.js";

/** A model that throttles sync requests for `reason` until told to admit them, and records what is scheduled. */
class FakeHost implements InvocationHost {
  reason: number = THROTTLED_BY_CONCURRENCY;
  readonly events: number[] = [];
  readonly scheduled: Array<{ timeMs: number; kind: number; target: number }> = [];
  startRequest(): number {
    throw new Error("sync retries go through startSyncRequest");
  }
  startSyncRequest(_f: number, _nowMs: number, _measured: boolean, event: number): number {
    if (this.reason !== NOT_THROTTLED) return this.reason;
    this.events.push(event);
    return NOT_THROTTLED;
  }
  schedule(timeMs: number, kind: number, target: number): void {
    this.scheduled.push({ timeMs, kind, target });
  }
}

function setup(clientRetries: { maxAttempts: number; baseMs: number; capMs: number } | null) {
  const host = new FakeHost();
  const stats = [new FunctionStats(0)];
  const sync = new SyncRetries([fn({ name: "f", clientRetries })], 42, host, stats, new AccountStats(0, 3_600_000, 60_000));
  return { host, st: stats[0]!, sync };
}

describe("sync client retries", () => {
  it("count a throttle at once when the caller does not retry", () => {
    const { host, st, sync } = setup(null);
    sync.throttled(0, 0, true, THROTTLED_BY_REQUEST_RATE);
    expect(st.throttled).toBe(1);
    expect(st.throttledByRequestRate).toBe(1);
    expect(host.scheduled).toHaveLength(0);
    expect(sync.inFlight(0)).toBe(0);
  });

  it("wait a full-jitter delay under min(cap, base · 2^(attempt − 1)) between attempts, then give up after maxAttempts", () => {
    const { host, st, sync } = setup({ maxAttempts: 4, baseMs: 1000, capMs: 3000 });
    sync.throttled(0, 0, true, THROTTLED_BY_CONCURRENCY);
    const ceilings = [1000, 2000, 3000];
    let now = 0;
    for (let i = 0; i < 3; i++) {
      const next = host.scheduled[i]!;
      expect(next.kind).toBe(EventKind.SyncRetry);
      expect(next.timeMs - now).toBeGreaterThanOrEqual(0);
      expect(next.timeMs - now).toBeLessThan(ceilings[i]!);
      now = next.timeMs;
      sync.onRetry(next.target, now);
    }
    expect(host.scheduled).toHaveLength(3);
    expect(st.retried).toBe(3);
    expect(st.throttledAttempts).toBe(3);
    expect(st.throttled).toBe(1);
    expect(sync.inFlight(0)).toBe(0);
  });

  it("time a request that gets through on a retry from its first attempt", () => {
    const { host, st, sync } = setup({ maxAttempts: 3, baseMs: 1000, capMs: 20_000 });
    sync.throttled(0, 500, true, THROTTLED_BY_CONCURRENCY);
    host.reason = NOT_THROTTLED;
    sync.onRetry(host.scheduled[0]!.target, host.scheduled[0]!.timeMs);
    const event = host.events[0]!;
    expect(event).toBeLessThanOrEqual(SYNC_PENDING_BASE);
    expect(sync.firstArrivalMs(event)).toBe(500);
    expect(sync.inFlight(0)).toBe(1);
    sync.finish(event);
    expect(sync.inFlight(0)).toBe(0);
    expect(st.throttled).toBe(0);
    expect(st.retried).toBe(1);
  });
});
