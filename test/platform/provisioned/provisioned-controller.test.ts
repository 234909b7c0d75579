import { describe, expect, it } from "vitest";
import { AccountStats } from "../../../src/platform/stats/account-stats.js";
import { EnvironmentPool, EnvState } from "../../../src/platform/environments/environment-pool.js";
import { EventKind } from "../../../src/platform/event-kinds.js";
import { FunctionDraws } from "../../../src/platform/environments/function-draws.js";
import { FunctionStats } from "../../../src/platform/stats/function-stats.js";
import type { ProvisionedPlan } from "../../../src/platform/provisioned/provisioned-concurrency.js";
import { ProvisionedController, type ProvisionedHost } from "../../../src/platform/provisioned/provisioned-controller.js";
import { fn } from "../../support/configs.js";

const HOUR = 3_600_000;

/** A model that records the expiries armed and the events scheduled. */
class FakeHost implements ProvisionedHost {
  readonly armed: number[] = [];
  readonly scheduled: Array<{ timeMs: number; kind: number; target: number; aux: number }> = [];
  armExpiry(e: number): void {
    this.armed.push(e);
  }
  environmentsChanged(): void {}
  idleChanged(): void {}
  schedule(timeMs: number, kind: number, target: number, aux: number): void {
    this.scheduled.push({ timeMs, kind, target, aux });
  }
  /** Events of one kind, in the order they were scheduled. */
  of(kind: number) {
    return this.scheduled.filter((s) => s.kind === kind);
  }
}

function setup(plan: ProvisionedPlan, horizonMs: number) {
  const config = fn({ name: "f", provisioned: plan, coldStart: { dist: "constant", value: 5000 } });
  const pool = new EnvironmentPool(1);
  const host = new FakeHost();
  const stats = [new FunctionStats(0)];
  const account = new AccountStats(0, horizonMs, 60_000);
  const pc = new ProvisionedController([config], pool, new FunctionDraws([config], 1), host, stats, account, 0, horizonMs);
  pc.start(0);
  return { pool, host, pc, account, st: stats[0]! };
}

/** Environments of function 0 still marked provisioned. */
function provisionedAlive(pool: EnvironmentPool): number {
  let n = 0;
  for (let e = 0; e < pool.slotsUsed; e++) if (pool.state[e] !== EnvState.Free && pool.provisioned[e] === 1) n++;
  return n;
}

describe("provisioned-concurrency controller", () => {
  const schedule: ProvisionedPlan = {
    kind: "schedule",
    steps: [
      { atMsOfDay: 8 * HOUR, count: 3 },
      { atMsOfDay: 12 * HOUR, count: 1 },
    ],
  };

  it("start at the schedule's level in force at midnight, ready and idle, and schedule its next step", () => {
    const { pool, host, pc, account } = setup(schedule, 24 * HOUR);
    expect(pc.allocated[0]).toBe(1);
    expect(account.pcAllocated.value).toBe(1);
    expect(pool.idleCount[0]).toBe(1);
    expect(host.armed).toHaveLength(1);
    expect(host.scheduled).toEqual([{ timeMs: 8 * HOUR, kind: EventKind.ProvisionedStep, target: 0, aux: 0 }]);
  });

  it("initialise new environments on a step up, release idle ones first on a step down, and meter each level held", () => {
    const { pool, host, pc, account } = setup(schedule, 24 * HOUR);
    pc.onStep(0, 8 * HOUR);
    // Two new environments initialise for the cold-start draw (5 s) before they can serve.
    const ready = host.of(EventKind.ProvisionedReady);
    expect(ready.map((r) => r.timeMs)).toEqual([8 * HOUR + 5000, 8 * HOUR + 5000]);
    expect(host.of(EventKind.ProvisionedStep).map((s) => s.timeMs)).toEqual([8 * HOUR, 12 * HOUR]);
    pc.onReady(ready[0]!.target, ready[0]!.aux, ready[0]!.timeMs);
    expect(pool.idleCount[0]).toBe(2);
    // Down to 1 at noon while one is still initialising: both idle ones go at once, the initialising one stays.
    pc.onStep(0, 12 * HOUR);
    expect(pool.liveCount[0]).toBe(1);
    expect(provisionedAlive(pool)).toBe(1);
    expect(pc.allocated[0]).toBe(1);
    expect(account.pcAllocated.value).toBe(1);
    // The next step (08:00 tomorrow) is past the horizon.
    expect(host.of(EventKind.ProvisionedStep)).toHaveLength(2);
    expect(pc.spans(0, 0, 24 * HOUR)).toEqual([
      { concurrency: 1, seconds: 8 * 3600 },
      { concurrency: 3, seconds: 4 * 3600 },
      { concurrency: 1, seconds: 12 * 3600 },
    ]);
    expect(pc.spans(0, 10 * HOUR, 13 * HOUR)).toEqual([
      { concurrency: 3, seconds: 2 * 3600 },
      { concurrency: 1, seconds: 3600 },
    ]);
  });

  it("reclaim an environment released while initialising when it would have been ready", () => {
    const { pool, host, pc } = setup({ kind: "fixed", count: 0 }, HOUR);
    pc.replace(0, 0); // one initialising provisioned environment
    const ready = host.of(EventKind.ProvisionedReady)[0]!;
    pool.deathAtMs[ready.target] = 1000; // released (as setLevel does for busy ones) before it was ready
    pc.onReady(ready.target, ready.aux, ready.timeMs);
    expect(pool.liveCount[0]).toBe(0);
    expect(host.armed).toHaveLength(0);
  });

  it("count a recycled provisioned environment and initialise its replacement", () => {
    const { host, pc, st } = setup({ kind: "fixed", count: 2 }, HOUR);
    pc.replace(0, 30 * 60_000);
    expect(st.pcRecycled).toBe(1);
    expect(host.of(EventKind.ProvisionedReady).map((r) => r.timeMs)).toEqual([30 * 60_000 + 5000]);
  });

  it("scale a target-tracking function out after 3 one-minute data points above target", () => {
    const plan: ProvisionedPlan = { kind: "targetTracking", target: 0.7, min: 1, max: 10, scaleOutPoints: 3, scaleInPoints: 15 };
    const { host, pc } = setup(plan, HOUR);
    expect(host.of(EventKind.ProvisionedTick).map((s) => s.timeMs)).toEqual([60_000]);
    pc.busyChange(0, 0, 1); // the one environment is busy all the time: utilization 1
    pc.onTick(0, 60_000);
    pc.onTick(0, 120_000);
    expect(pc.allocated[0]).toBe(1);
    pc.onTick(0, 180_000);
    // ceil(1 · 1.0 / 0.7) = 2: one more initialises.
    expect(pc.allocated[0]).toBe(2);
    expect(host.of(EventKind.ProvisionedReady).map((r) => r.timeMs)).toEqual([185_000]);
    expect(host.of(EventKind.ProvisionedTick).map((s) => s.timeMs)).toEqual([60_000, 120_000, 180_000, 240_000]);
  });
});
