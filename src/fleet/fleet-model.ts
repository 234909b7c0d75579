import { makeDistribution } from "../core/dist/make-distribution.js";
import type { Distribution } from "../core/dist/distribution.js";
import { randomStream, type Rng } from "../core/random.js";
import { LatencyHistogram } from "../core/stats/latency-histogram.js";
import type { EventHandler, Simulation } from "../core/simulation.js";
import type { DistSpec } from "../core/dist/distribution.js";
import type { ArrivalProcess } from "../workload/arrival-process.js";
import type { ArrivalSpec } from "../workload/arrival-spec.js";
import { makeArrivals } from "../workload/make-arrivals.js";
import { ProfileCurve } from "../workload/profile-curve.js";
import type { TraceOpener } from "../workload/trace-source.js";
import type { FleetConfig, FleetWorkload } from "./config.js";
import { fleetDurationFactor } from "./service-time.js";

/** Event kinds of the fleet model, stored in the queue's Int32Array. */
export const FleetEvent = { Arrival: 0, Finish: 1, LaunchDone: 2, Evaluate: 3 } as const;
export type FleetEvent = (typeof FleetEvent)[keyof typeof FleetEvent];

/** What a fleet serves: the Lambda function's arrivals, duration distribution and CPU facts. */
export interface FleetInput {
  fleet: FleetConfig;
  workload: FleetWorkload;
  arrivals: ArrivalSpec;
  duration: DistSpec;
  seed: number;
  horizonMs: number;
  warmupMs: number;
}

/**
 * A fleet as a multi-server queue. Slots are pooled: instances are identical and a request never
 * moves, so which instance serves it does not change its latency; only the number of running
 * instances (capacity = running × slots) and of busy slots matter. A FIFO ring of arrival times holds
 * the waiting requests. Every `evaluationPeriodMs` the autoscaler reads the utilization averaged over
 * the period and asks for ceil(running × utilization / target) instances (the target-tracking
 * formula), clamped to [min, max]: more after `scaleOutPeriods` high readings in a row (they take
 * requests `launchDelayMs` later); fewer after `scaleInPeriods` low readings in a row, cancelling launches first and then
 * stopping idle instances (never one with a request in service).
 * Per event: O(1) plus the heap; nothing is allocated (the queue ring grows by doubling).
 */
export class FleetModel implements EventHandler {
  /** Instances taking requests. */
  running: number;
  /** Instances launched and not yet taking requests. */
  launching = 0;
  /** Busy slots. */
  busy = 0;
  /** Requests waiting in the queue. */
  waiting = 0;

  // Measured window (arrivals at or after warmupMs): counters.
  invocations = 0;
  completed = 0;
  rejected = 0;
  /** Measured requests that found every slot busy and waited in the queue. */
  queued = 0;
  /** Measured requests in service now. */
  busyMeasured = 0;
  launches = 0;
  /** Wait plus service of measured requests that finish before the horizon, ms. */
  readonly latency = new LatencyHistogram();
  /** Time spent queued by measured requests that start before the horizon, ms. */
  readonly wait = new LatencyHistogram();
  /** Highest count of billed (running + launching) instances in the measured window. */
  peakInstances: number;

  // Areas in the measured window (level × ms) and over the current scaling period.
  private busyArea = 0;
  private slotArea = 0;
  private instanceArea = 0;
  private periodBusyArea = 0;
  private periodSlotArea = 0;
  private lastMs = 0;
  private highReadings = 0;
  private lowReadings = 0;
  /** Pending LaunchDone events to drop (launches cancelled by a scale-in). */
  private cancelledLaunches = 0;

  private ringTimes: Float64Array;
  private ringDurations: Float64Array;
  private ringHead = 0;

  private readonly arrivals: ArrivalProcess;
  private readonly durations: Distribution;
  private readonly arrivalRng: Rng;
  private readonly durationRng: Rng;
  /** Duration factor of a slot relative to the distribution as written (see fleetDurationFactor). */
  readonly serviceFactor: number;
  private readonly c: FleetConfig;

  constructor(
    private readonly input: FleetInput,
    private readonly sim: Simulation,
    openTrace?: TraceOpener,
  ) {
    const c = input.fleet;
    this.c = c;
    this.arrivals = makeArrivals(input.arrivals, openTrace);
    this.durations = makeDistribution(input.duration);
    // The same streams as the Lambda model's: the fleet sees the very same requests.
    this.arrivalRng = randomStream(input.seed, input.workload.name, "arrivals");
    this.durationRng = randomStream(input.seed, input.workload.name, "durations");
    this.serviceFactor = fleetDurationFactor(input.workload, c);
    this.running = initialInstances(input, this.arrivals, this.durations.mean() * this.serviceFactor);
    this.peakInstances = this.running;
    this.ringTimes = new Float64Array(1024);
    this.ringDurations = new Float64Array(1024);
  }

  /** Schedules the first arrival and the first autoscaler reading. */
  start(): void {
    const first = this.arrivals.first(0, this.arrivalRng);
    if (first < this.input.horizonMs) this.sim.schedule(first, FleetEvent.Arrival, 0, 0);
    if (this.c.minInstances < this.c.maxInstances) this.sim.schedule(this.c.evaluationPeriodMs, FleetEvent.Evaluate, 0, 0);
  }

  handle(kind: number, _target: number, aux: number, nowMs: number): void {
    this.advance(nowMs);
    switch (kind) {
      case FleetEvent.Arrival:
        this.onArrival(nowMs);
        break;
      case FleetEvent.Finish:
        this.onFinish(aux, nowMs);
        break;
      case FleetEvent.LaunchDone:
        if (this.cancelledLaunches > 0) {
          this.cancelledLaunches--; // a launch cancelled by a scale-in: its instance never ran
          break;
        }
        this.launching--;
        this.running++;
        this.drainQueue(nowMs);
        break;
      case FleetEvent.Evaluate:
        this.evaluate(nowMs);
        this.sim.schedule(nowMs + this.c.evaluationPeriodMs, FleetEvent.Evaluate, 0, 0);
        break;
    }
  }

  /** Utilization (busy slots / slots of running instances) over the measured window up to `endMs`. */
  utilization(endMs: number): number {
    this.advance(endMs);
    return this.slotArea > 0 ? this.busyArea / this.slotArea : 0;
  }

  /** Instance-hours billed in the measured window up to `endMs` (launching instances included). */
  instanceHours(endMs: number): number {
    this.advance(endMs);
    return this.instanceArea / 3_600_000;
  }

  /** Measured requests waiting in the queue now. */
  waitingMeasured(): number {
    let n = 0;
    const cap = this.ringTimes.length;
    for (let i = 0; i < this.waiting; i++) if (this.ringTimes[(this.ringHead + i) % cap]! >= this.input.warmupMs) n++;
    return n;
  }

  private onArrival(now: number): void {
    const source = this.arrivals;
    const traceDurationMs = source.lastDurationMs; // read before next() moves the source on
    const next = source.next(now, this.arrivalRng);
    if (next < this.input.horizonMs) this.sim.schedule(next, FleetEvent.Arrival, 0, 0);
    const measured = now >= this.input.warmupMs;
    if (measured) this.invocations++;
    if (this.busy < this.running * this.c.slots) {
      this.startService(now, now, traceDurationMs);
      return;
    }
    if (this.c.maxQueue !== null && this.waiting >= this.c.maxQueue) {
      if (measured) this.rejected++;
      return;
    }
    if (measured) this.queued++;
    this.enqueue(now, traceDurationMs);
  }

  private onFinish(measured: number, now: number): void {
    this.busy--;
    if (measured === 1) {
      this.busyMeasured--;
      this.completed++;
    }
    this.drainQueue(now);
  }

  /** Starts queued requests while slots are free. */
  private drainQueue(now: number): void {
    const cap = this.ringTimes.length;
    while (this.waiting > 0 && this.busy < this.running * this.c.slots) {
      const arrivedMs = this.ringTimes[this.ringHead]!;
      const traceDurationMs = this.ringDurations[this.ringHead]!;
      this.ringHead = (this.ringHead + 1) % cap;
      this.waiting--;
      this.startService(arrivedMs, now, traceDurationMs);
    }
  }

  private startService(arrivedMs: number, now: number, traceDurationMs: number): void {
    const raw = Number.isNaN(traceDurationMs) ? this.durations.sample(this.durationRng) : traceDurationMs;
    const serviceMs = raw * this.serviceFactor;
    const measured = arrivedMs >= this.input.warmupMs;
    this.busy++;
    const done = now + serviceMs;
    if (measured) {
      this.busyMeasured++;
      this.wait.record(now - arrivedMs);
      if (done < this.input.horizonMs) this.latency.record(done - arrivedMs);
    }
    this.sim.schedule(done, FleetEvent.Finish, 0, measured ? 1 : 0);
  }

  private enqueue(now: number, traceDurationMs: number): void {
    if (this.waiting === this.ringTimes.length) this.growRing();
    const i = (this.ringHead + this.waiting) % this.ringTimes.length;
    this.ringTimes[i] = now;
    this.ringDurations[i] = traceDurationMs;
    this.waiting++;
  }

  private growRing(): void {
    const cap = this.ringTimes.length;
    const times = new Float64Array(cap * 2);
    const durations = new Float64Array(cap * 2);
    for (let k = 0; k < this.waiting; k++) {
      times[k] = this.ringTimes[(this.ringHead + k) % cap]!;
      durations[k] = this.ringDurations[(this.ringHead + k) % cap]!;
    }
    this.ringTimes = times;
    this.ringDurations = durations;
    this.ringHead = 0;
  }

  /** Target tracking: one reading of the last period's utilization, then launches or removals. */
  private evaluate(now: number): void {
    const c = this.c;
    // No running capacity with requests waiting reads as full; none waiting as idle.
    const u = this.periodSlotArea > 0 ? this.periodBusyArea / this.periodSlotArea : this.waiting > 0 ? 1 : 0;
    this.periodBusyArea = 0;
    this.periodSlotArea = 0;
    // 1e-9 keeps an exact fit (utilization exactly on target) from asking for one more instance.
    const wanted = Math.ceil((this.running * u) / c.targetUtilization - 1e-9);
    const desired = Math.min(c.maxInstances, Math.max(c.minInstances, wanted));
    const current = this.running + this.launching;
    if (desired > current) {
      this.lowReadings = 0;
      if (++this.highReadings < c.scaleOutPeriods) return;
      this.highReadings = 0;
      for (let k = current; k < desired; k++) this.sim.schedule(now + c.launchDelayMs, FleetEvent.LaunchDone, 0, 0);
      this.launching += desired - current;
      this.launches += desired - current;
      return;
    }
    this.highReadings = 0;
    if (desired === current || ++this.lowReadings < c.scaleInPeriods) {
      if (desired === current) this.lowReadings = 0;
      return;
    }
    this.lowReadings = 0;
    let excess = current - desired;
    const cancel = Math.min(excess, this.launching - this.cancelledLaunches);
    this.cancelledLaunches += cancel;
    this.launching -= cancel;
    excess -= cancel;
    // Stop only instances whose slots are all free: no request is cut short.
    while (excess > 0 && (this.running - 1) * c.slots >= this.busy) {
      this.running--;
      excess--;
    }
  }

  /** Adds the levels held since the last event to the areas (measured window and scaling period). */
  private advance(now: number): void {
    const last = this.lastMs;
    if (now <= last) return;
    const slots = this.running * this.c.slots;
    const dt = now - last;
    this.periodBusyArea += this.busy * dt;
    this.periodSlotArea += slots * dt;
    const from = last > this.input.warmupMs ? last : this.input.warmupMs;
    if (now > from) {
      const w = now - from;
      this.busyArea += this.busy * w;
      this.slotArea += slots * w;
      const billed = this.running + this.launching;
      this.instanceArea += billed * w;
      if (billed > this.peakInstances) this.peakInstances = billed;
    }
    this.lastMs = now;
  }
}

/**
 * Instances at time 0: the fleet is taken to be running already, sized by the target for the rate at
 * time 0 (rate × mean service time / (slots × target)), clamped to [min, max].
 */
function initialInstances(input: FleetInput, arrivals: ArrivalProcess, meanServiceMs: number): number {
  const c = input.fleet;
  const a = input.arrivals;
  const rate =
    a.kind === "poisson" || a.kind === "constant"
      ? a.ratePerSec
      : a.kind === "profile"
        ? new ProfileCurve(a.points, a.shape).rateAt(0)
        : arrivals.meanRatePerSec();
  const wanted = Number.isFinite(rate) ? Math.ceil((rate * meanServiceMs) / 1000 / (c.slots * c.targetUtilization) - 1e-9) : 0;
  return Math.min(c.maxInstances, Math.max(c.minInstances, wanted));
}
