import { TimeWeighted } from "../../core/stats/time-weighted.js";
import type { AccountStats } from "../stats/account-stats.js";
import type { FunctionConfig } from "../config.js";
import { EnvState, type EnvironmentPool } from "../environments/environment-pool.js";
import { EventKind } from "../event-kinds.js";
import type { FunctionDraws } from "../environments/function-draws.js";
import type { FunctionStats } from "../stats/function-stats.js";
import { initialProvisioned, METRIC_PERIOD_MS, nextStepTime, scheduledLevel, TargetTracker, type ProvisionedPlan } from "./provisioned-concurrency.js";

/**
 * What provisioned-concurrency control needs from the Lambda model: the idle expiry of the
 * environments it makes idle, the statistics hooks, and the event queue. `LambdaModel`
 * implements it; unit tests use a fake.
 */
export interface ProvisionedHost {
  /** Environment `e` went idle: its expiry (maximum lifetime) is armed. */
  armExpiry(e: number): void;
  /** Environments alive changed for function `f` (statistics and series). */
  environmentsChanged(f: number, nowMs: number): void;
  /** Idle environments changed in the account (the idle series). */
  idleChanged(nowMs: number): void;
  /** Schedules a model event (one of the EventKind values) at `timeMs`. */
  schedule(timeMs: number, kind: number, target: number, aux: number): void;
}

/**
 * Provisioned-concurrency control of an account: each function's level over time (fixed,
 * scheduled steps, or target tracking on the 1-minute utilization metric), the provisioned
 * environments that hold it (initialised off the request path, replaced when recycled), and the
 * levels held (spans) that the pricing meters. The pure policies are in provisioned-concurrency.ts;
 * this holds their state.
 */
export class ProvisionedController {
  /** Provisioned environments allocated per function (initialising or ready). */
  readonly allocated: Int32Array;
  private readonly plans: ProvisionedPlan[];
  private readonly trackers: Array<TargetTracker | null>;
  /** pcBusy and pcAllocated areas at the last target-tracking data point, per function. */
  private readonly lastBusyArea: Float64Array;
  private readonly lastAllocArea: Float64Array;
  /** Start times and levels of each provisioned-concurrency span, per function (grows with level changes only). */
  private readonly spanStart: number[][];
  private readonly spanLevel: number[][];
  /** Busy and allocated provisioned environments from t = 0 (the tracking metric, warm-up included). */
  private readonly ctlBusy: TimeWeighted[];
  private readonly ctlAllocated: TimeWeighted[];
  private readonly pool: EnvironmentPool;
  private readonly draws: FunctionDraws;
  private readonly host: ProvisionedHost;
  private readonly stats: FunctionStats[];
  /** The account's statistics (provisioned level and its chart series). */
  private readonly account: AccountStats;
  private readonly warmupMs: number;
  private readonly horizonMs: number;

  constructor(
    fns: readonly FunctionConfig[],
    pool: EnvironmentPool,
    draws: FunctionDraws,
    host: ProvisionedHost,
    stats: FunctionStats[],
    account: AccountStats,
    warmupMs: number,
    horizonMs: number,
  ) {
    const n = fns.length;
    this.allocated = new Int32Array(n);
    this.plans = fns.map((f) => f.provisioned);
    this.trackers = fns.map((f) => (f.provisioned.kind === "targetTracking" ? new TargetTracker(f.provisioned) : null));
    this.lastBusyArea = new Float64Array(n);
    this.lastAllocArea = new Float64Array(n);
    this.spanStart = fns.map(() => []);
    this.spanLevel = fns.map(() => []);
    this.ctlBusy = fns.map(() => new TimeWeighted(0, 0));
    this.ctlAllocated = fns.map(() => new TimeWeighted(0, 0));
    this.pool = pool;
    this.draws = draws;
    this.host = host;
    this.stats = stats;
    this.account = account;
    this.warmupMs = warmupMs;
    this.horizonMs = horizonMs;
  }

  /** Function `f`'s initial level, ready at t = 0 (configured before the run), and its first step or data point. */
  start(f: number): void {
    const st = this.stats[f]!;
    // Provisioned environments in place at the start are ready: configured before the run.
    const initial = initialProvisioned(this.plans[f]!);
    for (let k = 0; k < initial; k++) this.addEnvironment(f, 0, true);
    this.allocated[f] = initial;
    this.spanStart[f]!.push(0);
    this.spanLevel[f]!.push(initial);
    st.pcAllocated.set(0, initial);
    this.ctlAllocated[f]!.set(0, initial);
    this.account.pcAllocated.add(0, initial);
    this.account.seriesProvisioned.set(0, this.account.pcAllocated.value);
    const plan = this.plans[f]!;
    if (plan.kind === "schedule") this.host.schedule(nextStepTime(plan.steps, 0), EventKind.ProvisionedStep, f, 0);
    if (plan.kind === "targetTracking") this.host.schedule(METRIC_PERIOD_MS, EventKind.ProvisionedTick, f, 0);
  }

  /** Provisioned environments serving requests change by `delta` (statistics and the tracking metric). */
  busyChange(f: number, now: number, delta: number): void {
    this.stats[f]!.pcBusy.add(now, delta);
    this.ctlBusy[f]!.add(now, delta);
  }

  /** A new provisioned environment finished its init: it joins the idle provisioned pool. */
  onReady(e: number, incarnation: number, now: number): void {
    const pool = this.pool;
    if (pool.incarnation[e] !== incarnation) return;
    const f = pool.fn[e]!;
    if (now >= pool.deathAtMs[e]!) {
      pool.reclaim(e); // released while it was still initialising
      this.host.environmentsChanged(f, now);
      return;
    }
    pool.makeIdle(e, now);
    this.host.armExpiry(e);
    this.host.idleChanged(now);
  }

  /** A provisioned environment of `f` was recycled at its maximum lifetime: a replacement initialises. */
  replace(f: number, now: number): void {
    if (now >= this.warmupMs) this.stats[f]!.pcRecycled++;
    this.addEnvironment(f, now, false);
  }

  /** A scheduled step: the level of the schedule at this time of day; then the next step. */
  onStep(f: number, now: number): void {
    const plan = this.plans[f]!;
    if (plan.kind !== "schedule") return;
    this.setLevel(f, scheduledLevel(plan.steps, now), now);
    const next = nextStepTime(plan.steps, now);
    if (next < this.horizonMs) this.host.schedule(next, EventKind.ProvisionedStep, f, 0);
  }

  /** A 1-minute utilization data point for target tracking (busy / allocated over the minute). */
  onTick(f: number, now: number): void {
    const busy = this.ctlBusy[f]!.area(now);
    const alloc = this.ctlAllocated[f]!.area(now);
    const dBusy = busy - this.lastBusyArea[f]!;
    const dAlloc = alloc - this.lastAllocArea[f]!;
    this.lastBusyArea[f] = busy;
    this.lastAllocArea[f] = alloc;
    if (dAlloc > 0) {
      const level = this.trackers[f]!.observe(dBusy / dAlloc, this.allocated[f]!);
      if (level >= 0) this.setLevel(f, level, now);
    }
    if (now + METRIC_PERIOD_MS < this.horizonMs) this.host.schedule(now + METRIC_PERIOD_MS, EventKind.ProvisionedTick, f, 0);
  }

  /**
   * The provisioned levels held by function `f` inside [fromMs, toMs), as (level, seconds) spans in
   * order (what the pricing meters). O(level changes).
   */
  spans(f: number, fromMs: number, toMs: number): Array<{ concurrency: number; seconds: number }> {
    const starts = this.spanStart[f]!;
    const levels = this.spanLevel[f]!;
    const out: Array<{ concurrency: number; seconds: number }> = [];
    for (let i = 0; i < starts.length; i++) {
      const a = Math.max(starts[i]!, fromMs);
      const b = Math.min(i + 1 < starts.length ? starts[i + 1]! : Infinity, toMs);
      if (b > a && levels[i]! > 0) out.push({ concurrency: levels[i]!, seconds: (b - a) / 1000 });
    }
    return out;
  }

  /**
   * Moves function `f` to `level` provisioned environments. New ones initialise (a cold-start
   * duration, off the request path) before they serve; surplus ones go idle ones first, busy
   * ones when their request ends, initialising ones when they would be ready.
   */
  private setLevel(f: number, level: number, now: number): void {
    const pool = this.pool;
    const st = this.stats[f]!;
    let delta = level - this.allocated[f]!;
    if (delta === 0) return;
    this.account.pcAllocated.add(now, delta);
    this.account.seriesProvisioned.set(now, this.account.pcAllocated.value);
    this.spanStart[f]!.push(now);
    this.spanLevel[f]!.push(level);
    this.allocated[f] = level;
    st.pcAllocated.set(now, level);
    this.ctlAllocated[f]!.set(now, level);
    for (; delta > 0; delta--) this.addEnvironment(f, now, false);
    if (delta < 0) {
      // Release idle provisioned environments first, then mark busy or initialising ones.
      for (let e = pool.takeIdleProvisioned(f); delta < 0 && e >= 0; e = delta < 0 ? pool.takeIdleProvisioned(f) : -1) {
        pool.reclaim(e);
        delta++;
      }
      // Busy ones (serving, or still initialising) become on-demand environments that leave as
      // soon as they are done: a busy environment is in no idle list, so its kind can change.
      for (let e = 0; delta < 0 && e < pool.slotsUsed; e++) {
        if (pool.fn[e] === f && pool.provisioned[e] === 1 && pool.state[e] === EnvState.Busy) {
          pool.provisioned[e] = 0;
          pool.deathAtMs[e] = now;
          if (pool.requestArrivalMs[e]! >= 0) this.busyChange(f, now, -1); // serving, not initialising
          delta++;
        }
      }
    }
    this.host.environmentsChanged(f, now);
  }

  /**
   * Adds one provisioned environment of function `f`: ready at once (configured before the run) or
   * initialising off the request path (a cold-start draw) until a ProvisionedReady event. Provisioned
   * environments never idle out but do reach the function's maximum lifetime, when Lambda recycles
   * them and a replacement initialises (see `replace`).
   */
  private addEnvironment(f: number, now: number, ready: boolean): void {
    const pool = this.pool;
    const e = pool.create(f, Infinity, this.draws.deathAtMs(f, now), true);
    if (ready) {
      pool.makeIdle(e, now);
      this.host.armExpiry(e);
      return;
    }
    pool.requestFlags[e] = 0;
    pool.requestEvent[e] = -1;
    pool.requestArrivalMs[e] = -1; // initialising: serves no request yet
    this.host.schedule(now + this.draws.coldStartMs(f), EventKind.ProvisionedReady, e, pool.incarnation[e]!);
  }
}
