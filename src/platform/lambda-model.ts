import { randomStream, type Rng } from "../core/random.js";
import type { EventHandler, Simulation } from "../core/simulation.js";
import type { ArrivalProcess } from "../workload/arrival-process.js";
import { makeArrivals } from "../workload/make-arrivals.js";
import type { TraceOpener } from "../workload/trace-source.js";
import { AccountStats } from "./stats/account-stats.js";
import { AsyncInvocations } from "./invoke/async-invocations.js";
import { ConcurrencyGovernor } from "./concurrency/concurrency-governor.js";
import { ProvisionedController, type ProvisionedHost } from "./provisioned/provisioned-controller.js";
import { RequestRateLimiter, ScalingRateLimiter } from "./concurrency/scaling-rate-limiter.js";
import type { SimConfig } from "./config.js";
import { EnvironmentPool, EnvState } from "./environments/environment-pool.js";
import { EventKind, RequestFlag } from "./event-kinds.js";
import { SQS_BATCH_BASE, type BatchHost } from "./sources/event-source.js";
import { EventSources } from "./sources/event-sources.js";
import { FunctionDraws } from "./environments/function-draws.js";
import { FunctionStats } from "./stats/function-stats.js";
import { ManagedInstances, type ManagedHost } from "./managed/managed-instances.js";
import { NOT_THROTTLED, THROTTLED_BY_CONCURRENCY, THROTTLED_BY_REQUEST_RATE, THROTTLED_BY_SCALING, type InvocationHost } from "./invoke/invocation-host.js";
import { SYNC_PENDING_BASE, SyncRetries } from "./invoke/sync-retries.js";

/**
 * One account of Lambda functions as an event handler: arrivals are admitted or throttled by the
 * concurrency governor, served by an idle environment (provisioned first, most recently used first)
 * or by a new one after a cold start (within the scaling-rate limit), and environments are
 * reclaimed after their idle lifetime or at their maximum lifetime.
 *
 * The model is the coordinator: it dispatches events, runs arrivals and admission (`startRequest`),
 * ends requests and environments, and keeps the statistics. The invocation paths (AsyncInvocations,
 * SyncRetries, EventSources) and provisioned-concurrency control (ProvisionedController) live in
 * their own modules and call back through small interfaces (InvocationHost, BatchHost, ProvisionedHost).
 *
 * Per-function parameters live in arrays indexed by function number (strings were mapped to numbers
 * when the model was built), so the hot path does no lookups by name and allocates nothing.
 */
export class LambdaModel implements EventHandler, BatchHost, InvocationHost, ProvisionedHost, ManagedHost {
  readonly pool: EnvironmentPool;
  readonly governor: ConcurrencyGovernor;
  readonly stats: FunctionStats[];
  /** The account's levels and chart series. */
  readonly account: AccountStats;

  private readonly arrivals: ArrivalProcess[];
  private readonly arrivalRng: Rng[];
  /** Durations, cold starts, lifetimes and errors, and the limits they are cut at. */
  private readonly draws: FunctionDraws;
  /** Provisioned-concurrency levels, plans, trackers and the environments that hold them. */
  private readonly pc: ProvisionedController;
  private readonly scaling: ScalingRateLimiter;
  private readonly requestRate: RequestRateLimiter;
  /** Lambda's internal queue of async events. */
  private readonly async: AsyncInvocations;
  /** Sync requests whose caller retries after a throttle. */
  private readonly sync: SyncRetries;
  /** SQS pollers and stream shards of the functions invoked by them. */
  private readonly sources: EventSources;
  /** Lambda Managed Instances: capacity providers, their instances and multi-concurrency environments. */
  readonly managed: ManagedInstances;
  private readonly warmupMs: number;
  private readonly horizonMs: number;
  /** Duration draws the batch being admitted runs (see invokeBatch); 1 for every other request. */
  private batchDraws = 1;

  constructor(
    config: SimConfig,
    private readonly sim: Simulation,
    openTrace?: TraceOpener,
  ) {
    const fns = config.functions;
    const n = fns.length;
    this.warmupMs = config.warmupMs;
    this.horizonMs = config.horizonMs;
    this.pool = new EnvironmentPool(n);
    this.governor = new ConcurrencyGovernor(
      config.account.concurrencyLimit,
      fns.map((f) => f.reservedConcurrency),
    );
    this.stats = fns.map(() => new FunctionStats(config.warmupMs));
    this.account = new AccountStats(config.warmupMs, config.horizonMs, config.bucketMs, n, config.bucketsOnClock === true);
    this.managed = new ManagedInstances(fns, config.capacityProviders ?? [], this, this.stats, config.warmupMs, config.horizonMs, this.account.axis);

    this.arrivals = fns.map((f) => makeArrivals(f.arrivals, openTrace));
    // One independent stream per (function, purpose): see DESIGN.md "Random streams".
    this.arrivalRng = fns.map((f) => randomStream(config.seed, f.name, "arrivals"));
    this.draws = new FunctionDraws(fns, config.seed);
    this.pc = new ProvisionedController(fns, this.pool, this.draws, this, this.stats, this.account, config.warmupMs, config.horizonMs);
    this.scaling = new ScalingRateLimiter(n);
    this.requestRate = new RequestRateLimiter(fns.map((f) => f.reservedConcurrency ?? config.account.concurrencyLimit));
    this.async = new AsyncInvocations(fns, this, this.stats, this.account);
    this.sync = new SyncRetries(fns, config.seed, this, this.stats, this.account);
    this.sources = new EventSources(fns, this, config.warmupMs, config.horizonMs, this.account.axis);
  }

  /**
   * Initialises provisioned environments (ready before the first request, never idled out) and
   * schedules the first arrival of every function.
   */
  start(): void {
    for (let f = 0; f < this.arrivals.length; f++) {
      this.pc.start(f);
      this.environmentsChanged(f, 0);
    }
    this.managed.start();
    for (let f = 0; f < this.arrivals.length; f++) {
      const t = this.arrivals[f]!.first(0, this.arrivalRng[f]!);
      if (t < this.horizonMs) this.sim.schedule(t, EventKind.Arrival, f, 0);
    }
    this.sources.start();
  }

  handle(kind: number, target: number, aux: number, nowMs: number): void {
    switch (kind) {
      case EventKind.Arrival:
        this.onArrival(target, nowMs);
        break;
      case EventKind.Finish:
        this.onFinish(target, nowMs);
        break;
      case EventKind.IdleExpiry:
        this.onIdleExpiry(target, aux, nowMs);
        break;
      case EventKind.AsyncRetry:
        this.async.attempt(target, nowMs, NaN);
        break;
      case EventKind.SyncRetry:
        this.sync.onRetry(target, nowMs);
        break;
      case EventKind.ProvisionedStep:
        this.pc.onStep(target, nowMs);
        break;
      case EventKind.ProvisionedTick:
        this.pc.onTick(target, nowMs);
        break;
      case EventKind.ProvisionedReady:
        this.pc.onReady(target, aux, nowMs);
        break;
      case EventKind.ManagedCpuDone:
      case EventKind.ManagedIoDone:
      case EventKind.ManagedTick:
      case EventKind.ManagedLaunch:
      case EventKind.ManagedTimeout:
        this.managed.handle(kind, target, aux, nowMs);
        break;
      default:
        this.sources.handle(kind, target, aux, nowMs); // SqsTick..StreamRetry
    }
  }

  private onArrival(f: number, now: number): void {
    // Pull-based generation: exactly one pending arrival per function.
    const source = this.arrivals[f]!;
    const traceDurationMs = source.lastDurationMs; // read before next() moves the source on
    const next = source.next(now, this.arrivalRng[f]!);
    if (next < this.horizonMs) this.sim.schedule(next, EventKind.Arrival, f, 0);

    const st = this.stats[f]!;
    const measured = now >= this.warmupMs;
    if (measured) {
      st.invocations++;
      this.account.seriesArrivals.add(now, 1);
      // Per-function series exist only with several functions: one null check, nothing allocated.
      const perFunction = this.account.perFunction;
      if (perFunction !== null) perFunction.arrivals[f]!.add(now, 1);
    }
    if (this.sources.has(f)) {
      // A message into an SQS queue or a record into a stream: pollers take it in a batch.
      this.sources.arrive(f, now, measured);
      return;
    }
    if (this.async.has(f)) {
      // An event above the included payload is billed extra requests, once, when it is accepted.
      if (measured) st.payloadExtraRequests += this.draws.payloadExtraRequests(f);
      this.async.arrive(f, now, measured, traceDurationMs);
      return;
    }
    const throttle = this.startSyncRequest(f, now, measured, -1, traceDurationMs);
    if (throttle !== NOT_THROTTLED) this.sync.throttled(f, now, measured, throttle);
  }

  /** InvocationHost: a sync request of `f` (event code `event`), within the request-rate limit first. */
  startSyncRequest(f: number, now: number, measured: boolean, event: number, traceDurationMs: number): number {
    return this.requestRate.tryTake(f, now) ? this.startRequest(f, now, measured, event, traceDurationMs) : THROTTLED_BY_REQUEST_RATE;
  }

  /**
   * Tries to run one request of function `f` now: admission by the concurrency governor, then an
   * idle environment or a new one within the scaling-rate limit. Schedules its end and returns
   * NOT_THROTTLED, or says why it was throttled. `event` is the `requestEvent` code (SYNC_PENDING_BASE).
   */
  startRequest(f: number, now: number, measured: boolean, event: number, traceDurationMs: number): number {
    if (this.managed.isManaged[f] === 1) return this.startManaged(f, now, measured, event, traceDurationMs);
    const st = this.stats[f]!;
    const gov = this.governor;
    if (!gov.tryAcquire(f)) return THROTTLED_BY_CONCURRENCY;
    const pool = this.pool;
    let e = pool.takeIdle(f);
    if (e < 0 && !this.scaling.tryTake(f, now)) {
      // No idle environment and the function may not add one now: the scaling-rate limit binds.
      gov.release(f);
      return THROTTLED_BY_SCALING;
    }
    this.concurrencyChanged(f, now);

    let flags = measured ? RequestFlag.Measured : 0;
    let initMs = 0;
    let lostInitMs = 0;
    if (e >= 0) {
      this.idleChanged(now);
      if (pool.provisioned[e] === 1) this.pc.busyChange(f, now, 1);
      else if (measured && this.pc.allocated[f]! > 0) {
        st.spillover++;
        this.account.spillover(f, now);
      }
    } else {
      const draws = this.draws;
      const deathAt = draws.deathAtMs(f, now);
      e = pool.create(f, draws.idleLifetimeMs(f), deathAt, false);
      initMs = draws.coldStartMs(f);
      flags |= RequestFlag.Cold;
      this.environmentsChanged(f, now);
      if (measured) {
        st.coldStarts++;
        st.created++;
        if (this.pc.allocated[f]! > 0) {
          st.spillover++;
          this.account.spillover(f, now);
        }
        this.account.seriesColdStarts.add(now, 1);
        if (this.account.perFunction !== null) this.account.perFunction.coldStarts[f]!.add(now, 1);
      }
    }
    // A trace's own duration wins; the draw is made anyway so the stream stays aligned. A batch
    // with per-message durations runs the sum of its messages' draws (see invokeBatch).
    let runMs = this.batchDraws === 1 ? this.draws.durationMs(f) : this.draws.batchDurationMs(f, this.batchDraws);
    if (traceDurationMs === traceDurationMs) runMs = traceDurationMs;
    const initLimitMs = this.draws.initLimitMs[f]!;
    if (initMs > initLimitMs) {
      // The INIT phase is cut at its limit; the init runs again inside the invocation, under its timeout.
      lostInitMs = initLimitMs;
      runMs += initMs;
      initMs = 0;
      if (measured) st.initTimeouts++;
    }
    if (measured) {
      st.initMs += initMs + lostInitMs;
      // INIT is billed rounded up to 1 ms like duration (aws-pricing.json lambda.initPhaseBilling).
      if (initMs + lostInitMs > 0) st.initBilledMs += Math.ceil(initMs + lostInitMs);
    }
    const timeout = this.draws.timeoutMs[f]!;
    if (runMs > timeout) {
      runMs = timeout;
      flags |= RequestFlag.TimedOut;
    }
    // Billed duration rounds up to 1 ms (aws-pricing.json lambda.duration.billingGranularityMs).
    if (measured) {
      const billed = Math.ceil(runMs);
      st.ranRequests++;
      st.billedMs += billed;
      if (pool.provisioned[e] === 1) {
        st.pcRequests++;
        st.pcBilledMs += billed;
      }
    }
    // A retried sync request is timed from its first attempt: that is what its caller waits.
    pool.requestArrivalMs[e] = event <= SYNC_PENDING_BASE ? this.sync.firstArrivalMs(event) : now;
    pool.requestFlags[e] = flags;
    pool.requestEvent[e] = event;
    this.sim.schedule(now + lostInitMs + initMs + runMs, EventKind.Finish, e, 0);
    return NOT_THROTTLED;
  }

  /**
   * A request of a function on a capacity provider: routed to an environment with a free slot (no
   * cold start, no account concurrency), or throttled when every slot is busy. Its duration is drawn
   * as on demand; the managed model stretches its CPU part by processor sharing and ends it at the
   * function's timeout when the stretched duration runs past it.
   */
  private startManaged(f: number, now: number, measured: boolean, event: number, traceDurationMs: number): number {
    const managed = this.managed;
    const e = managed.route(f);
    if (e < 0) return THROTTLED_BY_CONCURRENCY;
    let runMs = this.batchDraws === 1 ? this.draws.durationMs(f) : this.draws.batchDurationMs(f, this.batchDraws);
    if (traceDurationMs === traceDurationMs) runMs = traceDurationMs;
    const flags = measured ? RequestFlag.Measured : 0;
    if (measured) this.stats[f]!.ranRequests++;
    const arrivalMs = event <= SYNC_PENDING_BASE ? this.sync.firstArrivalMs(event) : now;
    managed.begin(f, e, now, runMs, flags, event, arrivalMs, measured && event === -1);
    this.managedConcurrencyChanged(f, now);
    return NOT_THROTTLED;
  }

  /** ManagedHost: a managed request has ended (its slot is free). */
  managedRequestDone(f: number, flags: number, event: number, arrivalMs: number, now: number): void {
    this.managedConcurrencyChanged(f, now);
    this.requestDone(f, flags, event, arrivalMs, now, -1);
  }

  /** Requests in flight of managed function `f` changed: its level and chart series (not the account's on-demand concurrency). */
  private managedConcurrencyChanged(f: number, now: number): void {
    const active = this.managed.inflight[f]!;
    this.stats[f]!.concurrency.set(now, active);
    // The account's level counts every request in flight, on demand and managed.
    const all = this.governor.accountActive + this.managed.totalInflight;
    this.account.concurrency.set(now, all);
    this.account.seriesConcurrency.set(now, all);
    const perFunction = this.account.perFunction;
    if (perFunction !== null) perFunction.concurrency[f]!.set(now, active);
  }

  /** ManagedHost: managed environments were placed or closed: the account's environment level and series. */
  managedEnvironmentsChanged(now: number): void {
    const live = this.pool.live + this.managed.liveEnvironments;
    this.account.alive.set(now, live);
    this.account.seriesEnvironments.set(now, live);
  }

  private onFinish(e: number, now: number): void {
    const pool = this.pool;
    const f = pool.fn[e]!;
    this.governor.release(f);
    this.concurrencyChanged(f, now);
    this.requestDone(f, pool.requestFlags[e]!, pool.requestEvent[e]!, pool.requestArrivalMs[e]!, now, e);
  }

  /**
   * The end of one request of `f` on environment `e` (-1: a managed environment, already free):
   * its error draw, latency and counters, then its invocation path's bookkeeping and the environment's retirement.
   */
  private requestDone(f: number, flags: number, event: number, arrivalMs: number, now: number, e: number): void {
    const st = this.stats[f]!;
    // A function error: drawn from the function's own stream; a timeout is an error too. A batch
    // whose errors are drawn per message draws them when it ends, in its event source.
    const timedOut = (flags & RequestFlag.TimedOut) !== 0;
    const failed = timedOut || (!(event >= SQS_BATCH_BASE && this.sources.errorsPerMessage(f)) && this.draws.fails(f));
    if (flags & RequestFlag.Measured) {
      const latency = now - arrivalMs;
      if (event < 0) st.completed++; // sync, retried or not
      if (failed) st.errors++;
      if (flags & RequestFlag.TimedOut) st.timedOut++;
      if (event < SQS_BATCH_BASE) {
        // A batch's latency is recorded per message, by its event source.
        if (flags & RequestFlag.Cold) st.coldLatency.record(latency);
        else st.warmLatency.record(latency);
        this.account.seriesLatency.record(now, latency);
        if (this.account.perFunction !== null) this.account.perFunction.p99[f]!.record(now, latency);
      }
    }
    if (event >= SQS_BATCH_BASE) {
      // The environment is free first, so that the next batch can reuse it at once.
      if (e >= 0) this.retire(e, now);
      // A batch failed by its messages' errors (not reported per item) is a function error too.
      const messageErrors = this.sources.finish(event, failed, (flags & RequestFlag.Cold) !== 0, now);
      if (messageErrors && flags & RequestFlag.Measured) st.errors++;
      return;
    }
    if (event >= 0) this.async.finish(event, failed, now);
    else if (event <= SYNC_PENDING_BASE) this.sync.finish(event);
    if (e >= 0) this.retire(e, now);
  }

  /** Environment `e` has finished its request: recycled at its maximum lifetime, or idle until reused or expired. */
  private retire(e: number, now: number): void {
    const pool = this.pool;
    const f = pool.fn[e]!;
    if (pool.provisioned[e] === 1) this.pc.busyChange(f, now, -1);
    if (now >= pool.deathAtMs[e]!) {
      this.reclaim(e, now); // past its maximum lifetime: recycled now instead of idling
      return;
    }
    pool.makeIdle(e, now);
    this.idleChanged(now);
    this.armExpiry(e);
  }

  private onIdleExpiry(e: number, incarnation: number, now: number): void {
    const pool = this.pool;
    if (pool.incarnation[e] !== incarnation) return; // the slot was reclaimed and reused since
    const state = pool.state[e]!;
    if (state !== EnvState.Idle) {
      pool.expiryPending[e] = 0; // busy: its next idle period arms a new expiry
      return;
    }
    const expiresAt = pool.expiresAtMs[e]!;
    if (now < expiresAt) {
      this.sim.schedule(expiresAt, EventKind.IdleExpiry, e, incarnation);
      return;
    }
    this.reclaim(e, now);
  }

  /**
   * Reclaims environment `e` at the end of its idle or maximum lifetime; a provisioned one is
   * replaced (an idle provisioned environment expires only at its maximum lifetime).
   */
  private reclaim(e: number, now: number): void {
    const pool = this.pool;
    const f = pool.fn[e]!;
    const provisioned = pool.provisioned[e] === 1;
    pool.reclaim(e);
    if (provisioned) this.pc.replace(f, now);
    this.environmentsChanged(f, now);
    if (now >= this.warmupMs) this.stats[f]!.reclaimed++;
  }

  /**
   * The provisioned levels held by function `f` inside [fromMs, toMs), as (level, seconds) spans in
   * order (what the pricing meters). O(level changes).
   */
  provisionedSpans(f: number, fromMs: number, toMs: number): Array<{ concurrency: number; seconds: number }> {
    return this.pc.spans(f, fromMs, toMs);
  }

  /**
   * Arms the expiry of environment `e`, which has just gone idle (also ProvisionedHost). Lazy expiry:
   * at most one pending expiry event per environment. When it fires early (the environment was
   * reused and idled again since), it re-arms itself at the new expiry time. This keeps the heap
   * at O(environments) instead of one stale timer per request.
   */
  armExpiry(e: number): void {
    const pool = this.pool;
    if (pool.expiresAtMs[e] === Infinity) return; // provisioned without a maximum lifetime
    if (pool.expiryPending[e] === 0) {
      pool.expiryPending[e] = 1;
      this.sim.schedule(pool.expiresAtMs[e]!, EventKind.IdleExpiry, e, pool.incarnation[e]!);
    }
  }

  /** Requests in flight changed for function `f`: its level, the account's, and the chart series. */
  private concurrencyChanged(f: number, now: number): void {
    const gov = this.governor;
    this.stats[f]!.concurrency.set(now, gov.active[f]!);
    const all = gov.accountActive + this.managed.totalInflight;
    this.account.concurrency.set(now, all);
    this.account.seriesConcurrency.set(now, all);
    const perFunction = this.account.perFunction;
    if (perFunction !== null) perFunction.concurrency[f]!.set(now, gov.active[f]!);
  }

  /**
   * Environments alive changed for function `f` (created or reclaimed): its level, the account's,
   * and the environments and idle series (idle = alive − busy, see FunctionStats).
   */
  environmentsChanged(f: number, now: number): void {
    const pool = this.pool;
    this.stats[f]!.alive.set(now, pool.liveCount[f]!);
    const live = pool.live + this.managed.liveEnvironments;
    this.account.alive.set(now, live);
    this.account.seriesEnvironments.set(now, live);
    this.idleChanged(now);
  }

  /** Idle environments changed in the account (idle = alive − busy): the idle series. */
  idleChanged(now: number): void {
    this.account.seriesIdle.set(now, this.pool.live - this.governor.accountActive);
  }

  /** Measured requests still in flight at the end of the run, per function. O(slots). */
  inFlightByFunction(): Int32Array {
    const out = new Int32Array(this.stats.length);
    const pool = this.pool;
    for (let e = 0; e < pool.slotsUsed; e++) {
      // Async events and retried sync requests are counted once, from their tables (waiting or running).
      if (pool.state[e] === EnvState.Busy && pool.requestFlags[e]! & RequestFlag.Measured && pool.requestEvent[e] === -1) {
        out[pool.fn[e]!]!++;
      }
    }
    for (let f = 0; f < out.length; f++) {
      out[f]! += this.async.inFlight(f) + this.sync.inFlight(f) + this.sources.inFlight(f) + this.managed.inFlightSync(f);
    }
    return out;
  }

  /** Queue and batch figures of an `sqs` or `stream` function (undefined for the others). */
  sourceResults(f: number, endMs: number) {
    return { queue: this.sources.queueResult(f, endMs), batches: this.sources.batchResult(f) };
  }

  /** BatchHost: one batch of an event source mapping through the sync admission path (no request-rate limit). */
  invokeBatch(f: number, nowMs: number, code: number, draws: number): boolean {
    const measured = nowMs >= this.warmupMs;
    this.batchDraws = draws;
    const outcome = this.startRequest(f, nowMs, measured, code, NaN);
    this.batchDraws = 1;
    if (outcome === NOT_THROTTLED) return true;
    if (measured) {
      this.stats[f]!.throttledAttempts++;
      this.account.throttle(f, nowMs);
    }
    return false;
  }

  /** BatchHost: whether one message of `f` fails (its error stream, at its errorRate). */
  messageFails(f: number): boolean {
    return this.draws.fails(f);
  }

  /** BatchHost: a message done in a successful batch; its latency runs from its arrival. */
  messageCompleted(f: number, arrivalMs: number, measured: boolean, cold: boolean, nowMs: number): void {
    if (!measured) return;
    const st = this.stats[f]!;
    st.completed++;
    const latency = nowMs - arrivalMs;
    if (cold) st.coldLatency.record(latency);
    else st.warmLatency.record(latency);
    this.account.seriesLatency.record(nowMs, latency);
    if (this.account.perFunction !== null) this.account.perFunction.p99[f]!.record(nowMs, latency);
  }

  /** BatchHost: a message sent to the DLQ / on-failure destination. */
  messageDropped(f: number, measured: boolean): void {
    if (measured) this.stats[f]!.droppedToDlq++;
  }

  /** BatchHost: schedules an event source's event. */
  schedule(timeMs: number, kind: number, target: number, aux: number): void {
    this.sim.schedule(timeMs, kind, target, aux);
  }
}
