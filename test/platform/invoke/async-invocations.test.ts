import { describe, expect, it } from "vitest";
import { AccountStats } from "../../../src/platform/stats/account-stats.js";
import { ASYNC_RETRY_DELAYS_MS, AsyncInvocations } from "../../../src/platform/invoke/async-invocations.js";
import type { FunctionConfig } from "../../../src/platform/config.js";
import { EventKind } from "../../../src/platform/event-kinds.js";
import { FunctionStats } from "../../../src/platform/stats/function-stats.js";
import { NOT_THROTTLED, THROTTLED_BY_CONCURRENCY, type InvocationHost } from "../../../src/platform/invoke/invocation-host.js";
import { fn } from "../../support/configs.js";

/** A model that admits or throttles every request, and records what is scheduled. */
class FakeHost implements InvocationHost {
  admit = false;
  readonly started: Array<{ f: number; event: number }> = [];
  readonly scheduled: Array<{ timeMs: number; kind: number; target: number }> = [];
  startRequest(f: number, _nowMs: number, _measured: boolean, event: number): number {
    if (!this.admit) return THROTTLED_BY_CONCURRENCY;
    this.started.push({ f, event });
    return NOT_THROTTLED;
  }
  startSyncRequest(f: number, nowMs: number, measured: boolean, event: number): number {
    return this.startRequest(f, nowMs, measured, event);
  }
  schedule(timeMs: number, kind: number, target: number): void {
    this.scheduled.push({ timeMs, kind, target });
  }
}

function setup(config: FunctionConfig) {
  const host = new FakeHost();
  const stats = [new FunctionStats(0)];
  const async = new AsyncInvocations([config], host, stats, new AccountStats(0, 3_600_000, 60_000));
  return { host, st: stats[0]!, async };
}

describe("async invocations", () => {
  it("retry a throttled event after 1 s, doubling the delay up to 5 minutes", () => {
    const { host, st, async } = setup(fn({ name: "f", invocation: "async" }));
    async.arrive(0, 0, true, NaN);
    let now = 0;
    for (let i = 0; i < 12; i++) {
      const next = host.scheduled[host.scheduled.length - 1]!;
      expect(next.kind).toBe(EventKind.AsyncRetry);
      now = next.timeMs;
      async.attempt(next.target, now, NaN);
    }
    const gaps = host.scheduled.map((s, i) => s.timeMs - (i === 0 ? 0 : host.scheduled[i - 1]!.timeMs));
    expect(gaps.slice(0, 10)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000]);
    expect(gaps[12]).toBe(300_000);
    expect(st.throttledAttempts).toBe(13);
    expect(st.retried).toBe(13);
    expect(async.inFlight(0)).toBe(1);
  });

  it("send a throttled event straight to the DLQ when reserved concurrency is 0", () => {
    const { host, st, async } = setup(fn({ name: "f", invocation: "async", reservedConcurrency: 0 }));
    async.arrive(0, 0, true, NaN);
    expect(host.scheduled).toHaveLength(0);
    expect(st.droppedToDlq).toBe(1);
    expect(async.inFlight(0)).toBe(0);
  });

  it("drop a throttled event whose next attempt would come after its maximum event age", () => {
    const { host, st, async } = setup(fn({ name: "f", invocation: "async", async: { maximumRetryAttempts: 2, maximumEventAgeMs: 60_000 } }));
    async.arrive(0, 0, true, NaN);
    while (host.scheduled.length > 0 && st.droppedToDlq === 0) {
      const next = host.scheduled.pop()!;
      async.attempt(next.target, next.timeMs, NaN);
    }
    // Retries at 1, 3, 7, 15, 31 s; the next one (63 s) would be past 60 s.
    expect(st.retried).toBe(5);
    expect(st.droppedToDlq).toBe(1);
  });

  it("retry a failed event after 1 and then 2 minutes, and drop it after maximumRetryAttempts retries", () => {
    const { host, st, async } = setup(fn({ name: "f", invocation: "async" }));
    host.admit = true;
    async.arrive(0, 0, true, NaN);
    const slot = host.started[0]!.event;
    async.finish(slot, true, 100);
    expect(host.scheduled[0]!.timeMs).toBe(100 + ASYNC_RETRY_DELAYS_MS[0]);
    async.attempt(slot, host.scheduled[0]!.timeMs, NaN);
    async.finish(slot, true, 60_200);
    expect(host.scheduled[1]!.timeMs).toBe(60_200 + ASYNC_RETRY_DELAYS_MS[1]);
    async.attempt(slot, host.scheduled[1]!.timeMs, NaN);
    async.finish(slot, true, 180_300);
    expect(host.started).toHaveLength(3);
    expect(host.scheduled).toHaveLength(2);
    expect(st.retried).toBe(2);
    expect(st.droppedToDlq).toBe(1);
    expect(st.completed).toBe(0);
  });

  it("count a successful attempt as completed and free its slot", () => {
    const { host, st, async } = setup(fn({ name: "f", invocation: "async" }));
    host.admit = true;
    async.arrive(0, 0, true, NaN);
    expect(async.inFlight(0)).toBe(1);
    async.finish(host.started[0]!.event, false, 50);
    expect(st.completed).toBe(1);
    expect(async.inFlight(0)).toBe(0);
  });
});
