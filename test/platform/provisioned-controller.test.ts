import { describe, expect, it } from "vitest";
import { BucketAxis, BucketMax } from "../../src/core/stats/time-series.js";
import { TimeWeighted } from "../../src/core/stats/time-weighted.js";
import { EnvironmentPool, EnvState } from "../../src/platform/environment-pool.js";
import { EventKind } from "../../src/platform/event-kinds.js";
import { FunctionStats } from "../../src/platform/function-stats.js";
import type { ProvisionedPlan } from "../../src/platform/provisioned-concurrency.js";
import { ProvisionedController, type ProvisionedHost } from "../../src/platform/provisioned-controller.js";
import { fn } from "../support/configs.js";

const HOUR = 3_600_000;

/** A model that creates provisioned environments in a real pool and records what is scheduled. */
class FakeHost implements ProvisionedHost {
  readonly added: Array<{ nowMs: number; ready: boolean }> = [];
  readonly scheduled: Array<{ timeMs: number; kind: number }> = [];
  constructor(private readonly pool: EnvironmentPool) {}
  addProvisionedEnvironment(f: number, nowMs: number, ready: boolean): void {
    this.added.push({ nowMs, ready });
    const e = this.pool.create(f, Infinity, Infinity, true);
    if (ready) this.pool.makeIdle(e, nowMs);
    else this.pool.requestArrivalMs[e] = -1; // initialising
  }
  environmentsChanged(): void {}
  schedule(timeMs: number, kind: number): void {
    this.scheduled.push({ timeMs, kind });
  }
}

function setup(plan: ProvisionedPlan, horizonMs: number) {
  const pool = new EnvironmentPool(1);
  const host = new FakeHost(pool);
  const stats = [new FunctionStats(0)];
  const account = new TimeWeighted(0, 0);
  const series = new BucketMax(new BucketAxis(0, horizonMs, 60_000));
  const pc = new ProvisionedController([fn({ name: "f", provisioned: plan })], pool, host, stats, account, series, horizonMs);
  pc.start(0);
  return { pool, host, pc, account };
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

  it("start at the schedule's level in force at midnight, ready, and schedule its next step", () => {
    const { host, pc, account } = setup(schedule, 24 * HOUR);
    expect(host.added).toEqual([{ nowMs: 0, ready: true }]);
    expect(pc.allocated[0]).toBe(1);
    expect(account.value).toBe(1);
    expect(host.scheduled).toEqual([{ timeMs: 8 * HOUR, kind: EventKind.ProvisionedStep }]);
  });

  it("initialise new environments on a step up, release idle ones first on a step down, and meter each level held", () => {
    const { pool, host, pc, account } = setup(schedule, 24 * HOUR);
    pc.onStep(0, 8 * HOUR);
    expect(host.added.slice(1)).toEqual([
      { nowMs: 8 * HOUR, ready: false },
      { nowMs: 8 * HOUR, ready: false },
    ]);
    expect(host.scheduled[1]).toEqual({ timeMs: 12 * HOUR, kind: EventKind.ProvisionedStep });
    pc.onStep(0, 12 * HOUR);
    // The idle one is reclaimed at once; one initialising one becomes on-demand, gone when it would be ready.
    expect(pool.liveCount[0]).toBe(2);
    expect(provisionedAlive(pool)).toBe(1);
    expect(pc.allocated[0]).toBe(1);
    expect(account.value).toBe(1);
    // The next step (08:00 tomorrow) is past the horizon.
    expect(host.scheduled).toHaveLength(2);
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

  it("scale a target-tracking function out after 3 one-minute data points above target", () => {
    const plan: ProvisionedPlan = { kind: "targetTracking", target: 0.7, min: 1, max: 10, scaleOutPoints: 3, scaleInPoints: 15 };
    const { host, pc } = setup(plan, HOUR);
    expect(host.scheduled).toEqual([{ timeMs: 60_000, kind: EventKind.ProvisionedTick }]);
    pc.busyChange(0, 0, 1); // the one environment is busy all the time: utilization 1
    pc.onTick(0, 60_000);
    pc.onTick(0, 120_000);
    expect(pc.allocated[0]).toBe(1);
    pc.onTick(0, 180_000);
    // ceil(1 · 1.0 / 0.7) = 2
    expect(pc.allocated[0]).toBe(2);
    expect(host.added.slice(1)).toEqual([{ nowMs: 180_000, ready: false }]);
    expect(host.scheduled.map((s) => s.timeMs)).toEqual([60_000, 120_000, 180_000, 240_000]);
  });
});
