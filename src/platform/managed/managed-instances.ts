import { TimeWeighted } from "../../core/stats/time-weighted.js";
import { BucketAxis } from "../../core/stats/time-series.js";
import type { FunctionConfig } from "../config.js";
import { EventKind, RequestFlag } from "../event-kinds.js";
import type { CapacityProviderResult } from "../result.js";
import type { FunctionStats } from "../stats/function-stats.js";
import { FinishTags } from "./finish-tags.js";
import { instanceShapes, type CapacityProviderConfig } from "./managed-config.js";
import { PeriodMean } from "./period-mean.js";
import { ProviderSeries } from "./provider-series.js";
import { RouteRing } from "./route-ring.js";
import { decideScaling } from "./target-tracking.js";

/** What the managed model needs from the Lambda model: the event queue and the end of a request. */
export interface ManagedHost {
  schedule(timeMs: number, kind: number, target: number, aux: number): void;
  /** A managed request of `f` has ended (its slot is already free): errors, latency, the invocation path's bookkeeping. */
  managedRequestDone(f: number, flags: number, event: number, arrivalMs: number, nowMs: number): void;
  /** Managed environments were placed or closed (the account's environment level). */
  managedEnvironmentsChanged(nowMs: number): void;
}

/** Where a request in flight is: in its CPU part (its tag in its environment's heap) or its I/O part. */
const Phase = { Cpu: 0, Io: 1 } as const;

/** Lifecycle of a managed instance slot. */
const Instance = { Gone: 0, Launching: 1, Running: 2, Draining: 3 } as const;

/** Measured figures of one capacity provider at the end of a run (result.json's shape, unrounded, before pricing). */
export type CapacityProviderFigures = Omit<CapacityProviderResult, "instanceType" | "pricing" | "cost" | "byInstanceType"> & {
  /** Per allowed instance type, in the order of `instanceTypes`: instances billed (peak, mean) and instance-hours. */
  byType: Array<{ instances: { peak: number; mean: number }; instanceHours: number }>;
};

/**
 * Lambda Managed Instances as a second execution model beside on-demand environments. Each capacity
 * provider runs instances (vCPU and memory from the catalog) of its allowed types, launched in turn
 * (round robin over the list: a lambdasim choice, AWS does not publish how Lambda picks among allowed
 * types, `capacityProvider.instanceTypes`, `notDocumented`); environments of its functions are placed
 * on each new instance by vCPU and memory (round robin over the provider's functions). A request is
 * routed round robin to an environment of its function with a free concurrency slot, or throttled when
 * every slot is busy; there are no cold starts on the request path (`scaling.noColdStartsOnRequestPath`).
 *
 * The CPU-bound part of a request's duration is served by processor sharing over the environment's
 * vCPUs: with n requests in their CPU part, each gets min(threads, vCPUs / n) vCPU (virtual-time
 * finish tags, one pending completion event per environment); the I/O part follows and does not stretch.
 * A request whose stretched duration runs past its function's timeout ends at the timeout, timed out:
 * a timeout event is scheduled only when the request could run that long at the environment's slowest
 * rate (every slot busy), and is dropped by a generation check when the request ends first.
 *
 * Scaling is asynchronous target tracking (target-tracking.ts): every scaling period the larger of the
 * CPU and the concurrency-slot utilisation is read, instances are launched (running after the launch
 * delay) or drained (no new requests; terminated when their last request ends), never below the minimum.
 *
 * All state is in typed arrays indexed by instance, environment and request number, each slot reused
 * through a free stack once its instance, environment or request is gone (so memory follows the fleet,
 * not the run's churn); nothing is allocated per event (the finish-tag heaps of all environments share
 * one pair of typed arrays, a region per environment slot, finish-tags.ts). Routing is a
 * bitset ring per function (route-ring.ts); a scale-in looks only at the provider's running instances
 * and their own environments.
 */
export class ManagedInstances {
  /** 1 for a function on a capacity provider. */
  readonly isManaged: Uint8Array;
  /** Requests in flight per function, and over all managed functions. */
  readonly inflight: Int32Array;
  totalInflight = 0;
  /** Environments alive over all capacity providers. */
  liveEnvironments = 0;
  /** Each provider's chart series (result.json `capacityProviders[name].series`). */
  readonly series: ProviderSeries;
  private readonly providers: readonly CapacityProviderConfig[];
  private readonly providerFns: number[][];
  private readonly placeCursor: Int32Array;
  private readonly running: Int32Array;
  private readonly launching: Int32Array;
  private readonly lowReadings: Int32Array;
  private readonly launched: Int32Array;
  private readonly drained: Int32Array;
  private readonly peakReading: Float64Array;
  private readonly billed: TimeWeighted[];
  /** Per provider: its instance types' vCPUs and memory, the next type to launch, billed instances per type, and vCPUs launching or running. */
  private readonly typeVcpu: Float64Array[];
  private readonly typeMemoryGiB: Float64Array[];
  private readonly nextType: Int32Array;
  private readonly billedByType: TimeWeighted[][];
  private readonly plannedVcpu: Float64Array;
  private readonly minTypeVcpu: Float64Array;
  private readonly envLevel: TimeWeighted[];
  private readonly busyVcpu: TimeWeighted[];
  private readonly allocVcpu: TimeWeighted[];
  private readonly periodBusyVcpu: PeriodMean[];
  private readonly periodAllocVcpu: PeriodMean[];
  private readonly periodBusySlots: PeriodMean[];
  private readonly periodSlots: PeriodMean[];

  // Per function (copied from the configs so the hot path reads typed arrays).
  private readonly fnProvider: Int32Array;
  private readonly fnVcpus: Float64Array;
  private readonly fnMemoryGiB: Float64Array;
  private readonly fnSlots: Int32Array;
  private readonly fnCpuBound: Float64Array;
  private readonly fnThreads: Float64Array;
  private readonly fnMeasuredVcpu: Float64Array;
  /** The function's timeout, ms, and the slowest CPU rate a request can get (every slot in its CPU part): min(threads, vCPUs / slots). */
  private readonly fnTimeoutMs: Float64Array;
  private readonly fnMinRate: Float64Array;
  /** Routable environments of each function (swap-removed when drained) with those that have a free slot, and the free slots. */
  private readonly rings: RouteRing[];
  private readonly freeSlots: Int32Array;
  private readonly measuredSyncInflight: Int32Array;
  /** Busy vCPUs of each function's environments, and its throttles since the provider's last reading (placement). */
  private readonly fnBusyVcpu: Float64Array;
  private readonly fnThrottled: Int32Array;
  /** Per-function counts of one drain decision (all zero between uses). */
  private readonly scratch: Int32Array;
  /** Running (not draining) instances of each provider, in any order, and the count of each. */
  private provRunning: Int32Array[];
  private readonly provRunningCount: Int32Array;
  /** Environments of each function serving no request (routable or draining): time-weighted, for `environments.meanIdle`. */
  private readonly idleEnvs: TimeWeighted[];

  // Instances (grown by doubling; slots of terminated instances reused through a free stack).
  private instCount = 0;
  /** Instances launched so far: each instance's launch number breaks drain ties (latest launched first). */
  private instLaunches = 0;
  private instSeq = new Float64Array(16);
  /** Position of a running instance in its provider's running list. */
  private instPos = new Int32Array(16);
  /** The instance's environments as a list in placement order (first, last, and each one's next; -1 ends it). */
  private instFirstEnv = new Int32Array(16);
  private instLastEnv = new Int32Array(16);
  private freeInst = new Int32Array(16);
  private freeInstCount = 0;
  private instProvider = new Int32Array(16);
  /** Index of the instance's type in its provider's `instanceTypes`. */
  private instType = new Int32Array(16);
  private instState = new Uint8Array(16);
  private instEnvs = new Int32Array(16);
  private instFreeVcpu = new Float64Array(16);
  private instFreeMemory = new Float64Array(16);
  private instInflight = new Int32Array(16);

  // Environments (grown by doubling; slots of closed environments reused through a free stack).
  private envCount = 0;
  private envNextOnInst = new Int32Array(64);
  private freeEnv = new Int32Array(64);
  private freeEnvCount = 0;
  private envFn = new Int32Array(64);
  private envInstance = new Int32Array(64);
  private envInflight = new Int32Array(64);
  private envCpuCount = new Int32Array(64);
  private envGeneration = new Int32Array(64);
  private envRoutable = new Uint8Array(64);
  private envPos = new Int32Array(64);
  private envVirtual = new Float64Array(64);
  private envLastMs = new Float64Array(64);
  private envRate = new Float64Array(64);
  /** Every environment's finish-tag heap (heap number = environment number). */
  private readonly heaps = new FinishTags();

  // Requests in flight (slots reused through a free stack, grown by doubling).
  private reqFn = new Int32Array(256);
  private reqEnv = new Int32Array(256);
  private reqEvent = new Int32Array(256);
  private reqFlags = new Int32Array(256);
  private reqArrivalMs = new Float64Array(256);
  private reqIoMs = new Float64Array(256);
  /** Bumped when a request slot is freed: a pending I/O end or timeout of an earlier request in the slot is stale. */
  private reqGen = new Int32Array(256);
  private reqPhase = new Uint8Array(256);
  private freeReq = new Int32Array(256);
  private freeReqCount = 0;
  private reqUsed = 0;

  constructor(
    fns: readonly FunctionConfig[],
    providers: readonly CapacityProviderConfig[],
    private readonly host: ManagedHost,
    private readonly stats: readonly FunctionStats[],
    private readonly warmupMs: number,
    private readonly horizonMs: number,
    axis: BucketAxis = new BucketAxis(warmupMs, horizonMs, Math.max(1, horizonMs - warmupMs)),
  ) {
    const n = fns.length;
    const p = providers.length;
    this.providers = providers;
    this.isManaged = Uint8Array.from(fns, (f) => (f.managed ? 1 : 0));
    this.inflight = new Int32Array(n);
    this.providerFns = providers.map((_, i) => fns.flatMap((f, k) => (f.managed?.provider === i ? [k] : [])));
    this.placeCursor = new Int32Array(p);
    this.running = new Int32Array(p);
    this.launching = new Int32Array(p);
    this.lowReadings = new Int32Array(p);
    this.launched = new Int32Array(p);
    this.drained = new Int32Array(p);
    this.peakReading = new Float64Array(p);
    this.billed = providers.map(() => new TimeWeighted(warmupMs, 0));
    this.typeVcpu = providers.map((c) => Float64Array.from(instanceShapes(c), (s) => s.vcpu));
    this.typeMemoryGiB = providers.map((c) => Float64Array.from(instanceShapes(c), (s) => s.memoryGiB));
    this.nextType = new Int32Array(p);
    this.billedByType = providers.map((c) => instanceShapes(c).map(() => new TimeWeighted(warmupMs, 0)));
    this.plannedVcpu = new Float64Array(p);
    this.minTypeVcpu = Float64Array.from(providers, (c) => Math.min(...instanceShapes(c).map((s) => s.vcpu)));
    this.envLevel = providers.map(() => new TimeWeighted(warmupMs, 0));
    this.busyVcpu = providers.map(() => new TimeWeighted(warmupMs, 0));
    this.allocVcpu = providers.map(() => new TimeWeighted(warmupMs, 0));
    this.periodBusyVcpu = providers.map(() => new PeriodMean(0));
    this.periodAllocVcpu = providers.map(() => new PeriodMean(0));
    this.periodBusySlots = providers.map(() => new PeriodMean(0));
    this.periodSlots = providers.map(() => new PeriodMean(0));
    this.fnProvider = Int32Array.from(fns, (f) => f.managed?.provider ?? -1);
    this.fnVcpus = Float64Array.from(fns, (f) => f.managed?.vcpus ?? 0);
    this.fnMemoryGiB = Float64Array.from(fns, (f) => f.managed?.memoryGiB ?? 0);
    this.fnSlots = Int32Array.from(fns, (f) => f.managed?.maxConcurrency ?? 0);
    this.fnCpuBound = Float64Array.from(fns, (f) => f.managed?.cpuBound ?? 0);
    this.fnThreads = Float64Array.from(fns, (f) => f.managed?.threads ?? 1);
    this.fnMeasuredVcpu = Float64Array.from(fns, (f) => f.managed?.measuredVCpu ?? 1);
    this.fnTimeoutMs = Float64Array.from(fns, (f) => f.timeoutMs ?? Infinity);
    this.fnMinRate = Float64Array.from(fns, (f) => (f.managed ? Math.min(f.managed.threads, f.managed.vcpus / f.managed.maxConcurrency) : 1));
    this.rings = fns.map(() => new RouteRing());
    this.freeSlots = new Int32Array(n);
    this.measuredSyncInflight = new Int32Array(n);
    this.fnBusyVcpu = new Float64Array(n);
    this.fnThrottled = new Int32Array(n);
    this.scratch = new Int32Array(n);
    this.provRunning = providers.map(() => new Int32Array(16));
    this.provRunningCount = new Int32Array(p);
    this.idleEnvs = fns.map(() => new TimeWeighted(warmupMs, 0));
    this.series = new ProviderSeries(axis, p);
  }

  /** Whether any function runs on a capacity provider. */
  get active(): boolean {
    return this.providers.length > 0;
  }

  /** Starts every provider's minimum instances, running with their environments at time 0, and its first reading. */
  start(): void {
    for (let p = 0; p < this.providers.length; p++) {
      const c = this.providers[p]!;
      for (let k = 0; k < c.minInstances; k++) {
        const i = this.newInstance(p, 0);
        this.instanceRunning(i, 0);
      }
      if (c.scalingPeriodMs < this.horizonMs) this.host.schedule(c.scalingPeriodMs, EventKind.ManagedTick, p, 0);
    }
  }

  /**
   * Routes one request of function `f` to an environment with a free slot (round robin from the last
   * one used); -1 when every slot of every environment is busy (a throttle). O(1) while free slots are
   * spread, O(environments / 32) near saturation (route-ring.ts).
   */
  route(f: number): number {
    if (this.freeSlots[f]! === 0) {
      this.fnThrottled[f]!++;
      return -1;
    }
    return this.rings[f]!.next();
  }

  /**
   * Starts a request of function `f` on environment `e` (from `route`) that runs `runMs` alone:
   * its CPU part by processor sharing, then its I/O part, ended at the function's timeout if it runs
   * longer. `flags` (with RequestFlag.TimedOut added then), `event` and `arrivalMs` are handed back to
   * the host when it ends.
   */
  begin(f: number, e: number, nowMs: number, runMs: number, flags: number, event: number, arrivalMs: number, measuredSync: boolean): void {
    const r = this.newRequest();
    this.reqFn[r] = f;
    this.reqEnv[r] = e;
    this.reqEvent[r] = event;
    this.reqFlags[r] = flags;
    this.reqArrivalMs[r] = arrivalMs;
    const cpuBound = this.fnCpuBound[f]!;
    this.reqIoMs[r] = (1 - cpuBound) * runMs;
    const inflight = ++this.envInflight[e]!;
    if (inflight === 1) this.idleChanged(f, nowMs, -1);
    if (inflight === this.fnSlots[f]!) this.rings[f]!.setFree(this.envPos[e]!, false);
    this.instInflight[this.envInstance[e]!]!++;
    this.inflight[f]!++;
    this.totalInflight++;
    this.freeSlots[f]!--;
    if (measuredSync) this.measuredSyncInflight[f]!++;
    this.periodBusySlots[this.fnProvider[f]!]!.add(nowMs, 1);
    const work = cpuBound * runMs * this.fnMeasuredVcpu[f]!;
    const timeout = this.fnTimeoutMs[f]!;
    // The longest it can take is its I/O part plus its CPU work at the slowest rate: beyond the timeout, a timer.
    if (this.reqIoMs[r]! + (work > 0 ? work / this.fnMinRate[f]! : 0) > timeout) {
      this.host.schedule(nowMs + timeout, EventKind.ManagedTimeout, r, this.reqGen[r]!);
    }
    if (work > 0) {
      this.reqPhase[r] = Phase.Cpu;
      this.startCpu(e, r, work, nowMs);
    } else {
      this.reqPhase[r] = Phase.Io;
      this.host.schedule(nowMs + this.reqIoMs[r]!, EventKind.ManagedIoDone, r, this.reqGen[r]!);
    }
  }

  /** Handles ManagedCpuDone, ManagedIoDone, ManagedTick, ManagedLaunch and ManagedTimeout. */
  handle(kind: number, target: number, aux: number, nowMs: number): void {
    switch (kind) {
      case EventKind.ManagedCpuDone:
        this.onCpuDone(target, aux, nowMs);
        break;
      case EventKind.ManagedIoDone:
        if (this.reqGen[target] === aux) this.finishRequest(target, nowMs); // else it timed out first
        break;
      case EventKind.ManagedTick:
        this.onTick(target, nowMs);
        break;
      case EventKind.ManagedLaunch:
        this.launching[this.instProvider[target]!]!--;
        this.series.launching(this.instProvider[target]!, nowMs, this.launching[this.instProvider[target]!]!);
        this.instanceRunning(target, nowMs);
        break;
      case EventKind.ManagedTimeout:
        if (this.reqGen[target] === aux) this.onTimeout(target, nowMs); // else it ended first
        break;
    }
  }

  /** Measured sync requests of `f` still in flight (async events and batches are counted by their paths). */
  inFlightSync(f: number): number {
    return this.measuredSyncInflight[f]!;
  }

  /** Environments of function `f` that take requests. */
  environmentsOf(f: number): number {
    return this.rings[f]!.count;
  }

  /** The measured figures of provider `p` at `endMs`. */
  figures(p: number, endMs: number): CapacityProviderFigures {
    const alloc = this.allocVcpu[p]!.area(endMs);
    return {
      instances: { mean: this.billed[p]!.mean(endMs), peak: this.billed[p]!.peak },
      instanceHours: this.billed[p]!.area(endMs) / 3_600_000,
      byType: this.billedByType[p]!.map((b) => ({ instances: { mean: b.mean(endMs), peak: b.peak }, instanceHours: b.area(endMs) / 3_600_000 })),
      vcpuUtilization: { mean: alloc > 0 ? this.busyVcpu[p]!.area(endMs) / alloc : 0, peak: this.peakReading[p]! },
      environments: { mean: this.envLevel[p]!.mean(endMs), peak: this.envLevel[p]!.peak },
      launched: this.launched[p]!,
      drained: this.drained[p]!,
    };
  }

  /** Joins request `r` to the CPU phase of environment `e` with `work` vCPU-ms to do. */
  private startCpu(e: number, r: number, work: number, nowMs: number): void {
    this.advance(e, nowMs);
    const heaps = this.heaps;
    const rateBefore = this.envRate[e]!;
    const minBefore = heaps.minTag(e);
    heaps.push(e, this.envVirtual[e]! + work, r);
    this.cpuCountChanged(e, this.envCpuCount[e]! + 1, nowMs);
    // While requests have a vCPU each the rate does not change: unless the new one finishes first, the
    // pending completion event stays right, and no stale event is left in the queue (bench: fewer events).
    if (this.envRate[e] !== rateBefore || heaps.minTag(e) !== minBefore) this.reschedule(e, nowMs);
  }

  /** Moves environment `e`'s virtual time (per-request CPU service, vCPU-ms) to `nowMs`. */
  private advance(e: number, nowMs: number): void {
    this.envVirtual[e]! += this.envRate[e]! * (nowMs - this.envLastMs[e]!);
    this.envLastMs[e] = nowMs;
  }

  /** Sets the requests in the CPU phase of `e` to `n`: the per-request rate min(threads, vCPUs / n) and the busy vCPUs. */
  private cpuCountChanged(e: number, n: number, nowMs: number): void {
    const f = this.envFn[e]!;
    const vcpus = this.fnVcpus[f]!;
    const threads = this.fnThreads[f]!;
    const before = Math.min(vcpus, this.envCpuCount[e]! * threads);
    this.envCpuCount[e] = n;
    this.envRate[e] = n === 0 ? 0 : Math.min(threads, vcpus / n);
    const delta = Math.min(vcpus, n * threads) - before;
    if (delta !== 0) {
      this.fnBusyVcpu[f]! += delta;
      const p = this.fnProvider[f]!;
      const busy = this.busyVcpu[p]!;
      busy.set(nowMs, busy.value + delta);
      this.series.busy(p, nowMs, busy.value);
      this.periodBusyVcpu[p]!.add(nowMs, delta);
    }
  }

  /** Schedules the next CPU completion of `e` (a new generation makes the pending one stale). */
  private reschedule(e: number, nowMs: number): void {
    const gen = ++this.envGeneration[e]!;
    const heaps = this.heaps;
    if (heaps.size(e) === 0) return;
    const left = heaps.minTag(e) - this.envVirtual[e]!;
    this.host.schedule(nowMs + (left > 0 ? left / this.envRate[e]! : 0), EventKind.ManagedCpuDone, e, gen);
  }

  private onCpuDone(e: number, generation: number, nowMs: number): void {
    if (this.envGeneration[e] !== generation) return; // superseded by a later arrival or completion
    this.advance(e, nowMs);
    const r = this.heaps.pop(e);
    this.cpuCountChanged(e, this.envCpuCount[e]! - 1, nowMs);
    this.reschedule(e, nowMs);
    const io = this.reqIoMs[r]!;
    if (io > 0) {
      this.reqPhase[r] = Phase.Io;
      this.host.schedule(nowMs + io, EventKind.ManagedIoDone, r, this.reqGen[r]!);
    } else this.finishRequest(r, nowMs);
  }

  /**
   * Request `r` reaches its function's timeout: out of its environment's CPU share if still in its CPU
   * part (the others speed up), then ended as timed out, its slot freed (its pending I/O end goes stale).
   */
  private onTimeout(r: number, nowMs: number): void {
    this.reqFlags[r]! |= RequestFlag.TimedOut;
    if (this.reqPhase[r] === Phase.Cpu) {
      const e = this.reqEnv[r]!;
      this.advance(e, nowMs);
      this.heaps.remove(e, r);
      this.cpuCountChanged(e, this.envCpuCount[e]! - 1, nowMs);
      this.reschedule(e, nowMs);
    }
    this.finishRequest(r, nowMs);
  }

  /** Request `r` has ended: its slot is freed (a drained environment closes with its last request), then the host is told. */
  private finishRequest(r: number, nowMs: number): void {
    const f = this.reqFn[r]!;
    const e = this.reqEnv[r]!;
    const flags = this.reqFlags[r]!;
    const event = this.reqEvent[r]!;
    const arrivalMs = this.reqArrivalMs[r]!;
    this.freeReq[this.freeReqCount++] = r;
    this.reqGen[r]!++;
    const inflight = --this.envInflight[e]!;
    if (inflight === 0) this.idleChanged(f, nowMs, 1);
    this.instInflight[this.envInstance[e]!]!--;
    this.inflight[f]!--;
    this.totalInflight--;
    if (event === -1 && (flags & RequestFlag.Measured) !== 0) this.measuredSyncInflight[f]!--;
    const p = this.fnProvider[f]!;
    this.periodBusySlots[p]!.add(nowMs, -1);
    if (this.envRoutable[e] === 1) {
      this.freeSlots[f]!++;
      if (inflight === this.fnSlots[f]! - 1) this.rings[f]!.setFree(this.envPos[e]!, true);
    } else if (inflight === 0) this.closeEnvironment(e, nowMs);
    this.host.managedRequestDone(f, flags, event, arrivalMs, nowMs);
  }

  /** One utilisation reading of provider `p` and its scaling decision. */
  private onTick(p: number, nowMs: number): void {
    const c = this.providers[p]!;
    const alloc = this.periodAllocVcpu[p]!.take(nowMs);
    const busy = this.periodBusyVcpu[p]!.take(nowMs);
    const slots = this.periodSlots[p]!.take(nowMs);
    const busySlots = this.periodBusySlots[p]!.take(nowMs);
    const cpu = alloc > 0 ? busy / alloc : 0;
    const reading = Math.max(cpu, slots > 0 ? busySlots / slots : 0);
    const measured = nowMs > this.warmupMs;
    if (measured && cpu > this.peakReading[p]!) this.peakReading[p] = cpu;
    this.series.reading(p, nowMs - c.scalingPeriodMs, reading);
    const d = decideScaling({
      running: this.running[p]!,
      launching: this.launching[p]!,
      utilization: reading,
      target: c.targetUtilization,
      minInstances: c.minInstances,
      // An upper bound with mixed types (the smallest type's count); the launch loop below holds the vCPU limit itself.
      maxInstances: Math.floor(c.maxVCpu / this.minTypeVcpu[p]!),
      lowReadings: this.lowReadings[p]!,
      scaleInPeriods: c.scaleInPeriods,
      scaleInFraction: c.scaleInFraction,
    });
    this.lowReadings[p] = d.lowReadings;
    for (let k = 0; k < d.launch; k++) {
      if (this.plannedVcpu[p]! + this.typeVcpu[p]![this.nextType[p]!]! > c.maxVCpu) break; // maxVCpu reached
      const i = this.newInstance(p, nowMs);
      this.launching[p]!++;
      this.host.schedule(nowMs + c.launchDelayMs, EventKind.ManagedLaunch, i, 0);
      if (measured) this.launched[p]!++;
    }
    if (d.launch > 0) this.series.launching(p, nowMs, this.launching[p]!);
    for (let k = 0; k < d.drain; k++) {
      this.drainOne(p, nowMs);
      if (measured) this.drained[p]!++;
    }
    // Throttles count toward placement until the next reading, so instances launched now favour them on arrival.
    if (d.launch === 0) for (const f of this.providerFns[p]!) this.fnThrottled[f] = 0;
    const next = nowMs + c.scalingPeriodMs;
    if (next < this.horizonMs) this.host.schedule(next, EventKind.ManagedTick, p, 0);
  }

  /** A new instance of provider `p`, of its next type in turn, launching (billed from the decision, as EC2 bills from launch). */
  private newInstance(p: number, nowMs: number): number {
    let i: number;
    if (this.freeInstCount > 0) i = this.freeInst[--this.freeInstCount]!;
    else {
      if (this.instCount === this.instProvider.length) this.growInstances();
      i = this.instCount++;
    }
    const t = this.nextType[p]!;
    this.nextType[p] = t + 1 === this.typeVcpu[p]!.length ? 0 : t + 1;
    this.instType[i] = t;
    this.plannedVcpu[p]! += this.typeVcpu[p]![t]!;
    this.instSeq[i] = this.instLaunches++;
    this.instFirstEnv[i] = -1;
    this.instLastEnv[i] = -1;
    this.instProvider[i] = p;
    this.instState[i] = Instance.Launching;
    this.instEnvs[i] = 0;
    this.instFreeVcpu[i] = this.typeVcpu[p]![t]!;
    this.instFreeMemory[i] = this.typeMemoryGiB[p]![t]!;
    this.instInflight[i] = 0;
    const billed = this.billed[p]!;
    billed.set(nowMs, billed.value + 1);
    this.series.instances(p, nowMs, billed.value);
    const byType = this.billedByType[p]![t]!;
    byType.set(nowMs, byType.value + 1);
    return i;
  }

  /** Instance `i` runs: its vCPUs count as allocated, and environments are placed on it. */
  private instanceRunning(i: number, nowMs: number): void {
    const p = this.instProvider[i]!;
    this.instState[i] = Instance.Running;
    this.running[p]!++;
    this.addRunning(p, i);
    const vcpu = this.typeVcpu[p]![this.instType[i]!]!;
    const alloc = this.allocVcpu[p]!;
    alloc.set(nowMs, alloc.value + vcpu);
    this.series.serving(p, nowMs, alloc.value);
    this.periodAllocVcpu[p]!.add(nowMs, vcpu);
    this.placeEnvironments(i, nowMs);
  }

  /**
   * Fills instance `i` with environments of its provider's functions, one at a time, each to the
   * function that fits in the free vCPUs and memory and is the most loaded per environment it has
   * (the larger of its slot and CPU utilisation, throttled functions first; round robin on ties, as
   * at the start): a lambdasim choice, AWS does not publish its placement (`notDocumented`).
   */
  private placeEnvironments(i: number, nowMs: number): void {
    const p = this.instProvider[i]!;
    const fns = this.providerFns[p]!;
    if (fns.length === 0) return;
    for (;;) {
      let best = -1;
      let bestAt = 0;
      let bestScore = -1;
      for (let k = 0; k < fns.length; k++) {
        const at = (this.placeCursor[p]! + k) % fns.length;
        const f = fns[at]!;
        if (this.fnVcpus[f]! > this.instFreeVcpu[i]! + 1e-9 || this.fnMemoryGiB[f]! > this.instFreeMemory[i]! + 1e-9) continue;
        const score = this.placementScore(f);
        if (score > bestScore) {
          best = f;
          bestAt = at;
          bestScore = score;
        }
      }
      if (best < 0) return;
      this.newEnvironment(best, i, nowMs);
      this.placeCursor[p] = (bestAt + 1) % fns.length;
    }
  }

  /** How much function `f` needs one more environment: load per environment it has (Infinity with none; +1 when it throttled since the last reading). */
  private placementScore(f: number): number {
    const envs = this.rings[f]!.count;
    if (envs === 0) return Infinity;
    const slots = this.inflight[f]! / (envs * this.fnSlots[f]!);
    const cpu = this.fnBusyVcpu[f]! / (envs * this.fnVcpus[f]!);
    return Math.max(slots, cpu) + (this.fnThrottled[f]! > 0 ? 1 : 0);
  }

  /** Places a new environment of function `f` on instance `i` (in a reused slot when one is free). */
  private newEnvironment(f: number, i: number, nowMs: number): void {
    let e: number;
    if (this.freeEnvCount > 0) e = this.freeEnv[--this.freeEnvCount]!;
    else {
      if (this.envCount === this.envFn.length) this.growEnvironments();
      e = this.envCount++;
    }
    this.envFn[e] = f;
    this.envInstance[e] = i;
    this.envInflight[e] = 0;
    this.envCpuCount[e] = 0;
    this.envRoutable[e] = 1;
    this.envVirtual[e] = 0;
    this.envLastMs[e] = nowMs;
    this.envRate[e] = 0;
    // The slot's heap is empty (its environment closed with no request left): its region is reused when large enough.
    this.heaps.reset(e, this.fnSlots[f]!);
    // Appended to the instance's list, so a drain visits its environments in placement order.
    this.envNextOnInst[e] = -1;
    const lastOnInst = this.instLastEnv[i]!;
    if (lastOnInst < 0) this.instFirstEnv[i] = e;
    else this.envNextOnInst[lastOnInst] = e;
    this.instLastEnv[i] = e;
    this.instEnvs[i]!++;
    this.instFreeVcpu[i]! -= this.fnVcpus[f]!;
    this.instFreeMemory[i]! -= this.fnMemoryGiB[f]!;
    this.envPos[e] = this.rings[f]!.add(e);
    this.freeSlots[f]! += this.fnSlots[f]!;
    const p = this.fnProvider[f]!;
    this.periodSlots[p]!.add(nowMs, this.fnSlots[f]!);
    const level = this.envLevel[p]!;
    level.set(nowMs, level.value + 1);
    this.series.environments(p, nowMs, level.value);
    this.stats[f]!.alive.set(nowMs, this.stats[f]!.alive.value + 1);
    this.idleChanged(f, nowMs, 1);
    this.liveEnvironments++;
    this.host.managedEnvironmentsChanged(nowMs);
  }

  /** Idle environments of `f` changed by `delta`. */
  private idleChanged(f: number, nowMs: number, delta: number): void {
    const idle = this.idleEnvs[f]!;
    idle.set(nowMs, idle.value + delta);
  }

  /** Mean idle environments of function `f` over the measured window. */
  meanIdle(f: number, endMs: number): number {
    return this.idleEnvs[f]!.mean(endMs);
  }

  /**
   * Drains the running instance of provider `p` with the fewest requests in flight (the latest launched
   * on ties) among those whose loss leaves every function at least one environment.
   * O(running instances + environments on the candidates that beat the best so far).
   */
  private drainOne(p: number, nowMs: number): void {
    let best = -1;
    const running = this.provRunning[p]!;
    for (let k = this.provRunningCount[p]! - 1; k >= 0; k--) {
      const i = running[k]!;
      if (best >= 0) {
        const a = this.instInflight[i]!;
        const b = this.instInflight[best]!;
        if (a > b || (a === b && this.instSeq[i]! < this.instSeq[best]!)) continue;
      }
      if (this.holdsLastEnvironment(i)) continue;
      best = i;
    }
    if (best < 0) return;
    this.instState[best] = Instance.Draining;
    this.running[p]!--;
    this.plannedVcpu[p]! -= this.typeVcpu[p]![this.instType[best]!]!; // a draining instance is no longer planned capacity
    this.removeRunning(p, best);
    if (this.instEnvs[best] === 0) {
      this.terminate(best, nowMs); // nothing was placed on it
      return;
    }
    for (let e = this.instFirstEnv[best]!; e >= 0; ) {
      const next = this.envNextOnInst[e]!; // read first: closing the environment frees its slot
      if (this.envRoutable[e] === 1) {
        this.envRoutable[e] = 0;
        const f = this.envFn[e]!;
        const pos = this.envPos[e]!;
        this.envPos[this.rings[f]!.remove(pos)] = pos;
        this.freeSlots[f]! -= this.fnSlots[f]! - this.envInflight[e]!;
        if (this.envInflight[e] === 0) this.closeEnvironment(e, nowMs); // terminates the instance with its last one
      }
      e = next;
    }
  }

  /** Whether draining instance `i` would take the last routable environment of one of its functions. O(its environments). */
  private holdsLastEnvironment(i: number): boolean {
    const onInstance = this.scratch;
    let holds = false;
    for (let e = this.instFirstEnv[i]!; e >= 0; e = this.envNextOnInst[e]!) {
      if (this.envRoutable[e] === 1 && ++onInstance[this.envFn[e]!]! === this.rings[this.envFn[e]!]!.count) holds = true;
    }
    for (let e = this.instFirstEnv[i]!; e >= 0; e = this.envNextOnInst[e]!) onInstance[this.envFn[e]!] = 0;
    return holds;
  }

  /** Adds running instance `i` to provider `p`'s running list. */
  private addRunning(p: number, i: number): void {
    let list = this.provRunning[p]!;
    const n = this.provRunningCount[p]!;
    if (n === list.length) this.provRunning[p] = list = grownInt(list, n * 2);
    list[n] = i;
    this.instPos[i] = n;
    this.provRunningCount[p] = n + 1;
  }

  /** Removes instance `i` from provider `p`'s running list (swap-remove). */
  private removeRunning(p: number, i: number): void {
    const list = this.provRunning[p]!;
    const last = --this.provRunningCount[p]!;
    const pos = this.instPos[i]!;
    const moved = list[last]!;
    list[pos] = moved;
    this.instPos[moved] = pos;
  }

  /** A drained environment with no request left: gone; its instance terminates with its last environment. */
  private closeEnvironment(e: number, nowMs: number): void {
    const f = this.envFn[e]!;
    const i = this.envInstance[e]!;
    const p = this.fnProvider[f]!;
    this.envInstance[e] = -1;
    this.freeEnv[this.freeEnvCount++] = e;
    this.periodSlots[p]!.add(nowMs, -this.fnSlots[f]!);
    const level = this.envLevel[p]!;
    level.set(nowMs, level.value - 1);
    this.series.environments(p, nowMs, level.value);
    this.stats[f]!.alive.set(nowMs, this.stats[f]!.alive.value - 1);
    this.idleChanged(f, nowMs, -1);
    this.liveEnvironments--;
    this.host.managedEnvironmentsChanged(nowMs);
    if (--this.instEnvs[i]! === 0 && this.instState[i] === Instance.Draining) this.terminate(i, nowMs);
  }

  /** Instance `i` is gone: no longer billed, its vCPUs no longer allocated, its slot free for a later launch. */
  private terminate(i: number, nowMs: number): void {
    const p = this.instProvider[i]!;
    this.instState[i] = Instance.Gone;
    this.freeInst[this.freeInstCount++] = i;
    const billed = this.billed[p]!;
    billed.set(nowMs, billed.value - 1);
    this.series.instances(p, nowMs, billed.value);
    const t = this.instType[i]!;
    const byType = this.billedByType[p]![t]!;
    byType.set(nowMs, byType.value - 1);
    const vcpu = this.typeVcpu[p]![t]!;
    const alloc = this.allocVcpu[p]!;
    alloc.set(nowMs, alloc.value - vcpu);
    this.series.serving(p, nowMs, alloc.value);
    this.periodAllocVcpu[p]!.add(nowMs, -vcpu);
  }

  private newRequest(): number {
    if (this.freeReqCount > 0) return this.freeReq[--this.freeReqCount]!;
    if (this.reqUsed === this.reqFn.length) this.growRequests();
    return this.reqUsed++;
  }

  private growRequests(): void {
    const n = this.reqFn.length * 2;
    this.reqFn = grownInt(this.reqFn, n);
    this.reqEnv = grownInt(this.reqEnv, n);
    this.reqEvent = grownInt(this.reqEvent, n);
    this.reqFlags = grownInt(this.reqFlags, n);
    this.reqArrivalMs = grownFloat(this.reqArrivalMs, n);
    this.reqIoMs = grownFloat(this.reqIoMs, n);
    this.reqGen = grownInt(this.reqGen, n);
    const phase = new Uint8Array(n);
    phase.set(this.reqPhase);
    this.reqPhase = phase;
    this.freeReq = grownInt(this.freeReq, n);
  }

  private growInstances(): void {
    const n = this.instProvider.length * 2;
    this.instProvider = grownInt(this.instProvider, n);
    this.instType = grownInt(this.instType, n);
    const state = new Uint8Array(n);
    state.set(this.instState);
    this.instState = state;
    this.instEnvs = grownInt(this.instEnvs, n);
    this.instFreeVcpu = grownFloat(this.instFreeVcpu, n);
    this.instFreeMemory = grownFloat(this.instFreeMemory, n);
    this.instInflight = grownInt(this.instInflight, n);
    this.instSeq = grownFloat(this.instSeq, n);
    this.instPos = grownInt(this.instPos, n);
    this.instFirstEnv = grownInt(this.instFirstEnv, n);
    this.instLastEnv = grownInt(this.instLastEnv, n);
    this.freeInst = grownInt(this.freeInst, n);
  }

  private growEnvironments(): void {
    const n = this.envFn.length * 2;
    this.envFn = grownInt(this.envFn, n);
    this.envInstance = grownInt(this.envInstance, n);
    this.envInflight = grownInt(this.envInflight, n);
    this.envCpuCount = grownInt(this.envCpuCount, n);
    this.envGeneration = grownInt(this.envGeneration, n);
    const routable = new Uint8Array(n);
    routable.set(this.envRoutable);
    this.envRoutable = routable;
    this.envPos = grownInt(this.envPos, n);
    this.envVirtual = grownFloat(this.envVirtual, n);
    this.envLastMs = grownFloat(this.envLastMs, n);
    this.envRate = grownFloat(this.envRate, n);
    this.envNextOnInst = grownInt(this.envNextOnInst, n);
    this.freeEnv = grownInt(this.freeEnv, n);
  }
}

function grownInt(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(n);
  out.set(a);
  return out;
}

function grownFloat(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(n);
  out.set(a);
  return out;
}
