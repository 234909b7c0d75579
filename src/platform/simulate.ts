import { LatencyHistogram } from "../core/stats/latency-histogram.js";
import { Simulation } from "../core/simulation.js";
import { VERSION } from "../version.js";
import type { SimConfig } from "./config.js";
import type { TraceOpener } from "../workload/trace-source.js";
import type { FunctionStats } from "./stats/function-stats.js";
import { LambdaModel } from "./lambda-model.js";
import type { CapacityProviderResult, FunctionResult, InstanceTypeResult, Result } from "./result.js";
import { roundDecimals6 } from "../core/round.js";

/** Options of `simulate` that are not part of the scenario. */
export interface SimulateOptions {
  /** Monotonic clock in ms for the engine's wall-time figures; without one they are 0. */
  clockMs?: () => number;
  /**
   * Opens trace files for `trace` arrivals (the simulator itself does no I/O); required when a
   * scenario replays a trace. `scenario/` provides one: `traceFileScope().open`.
   */
  openTrace?: TraceOpener;
  /**
   * Called PROGRESS_STEPS times with the simulated fraction done (0..1], for a progress bar (the
   * what-if page's worker). The run is cut into that many calls of the same loop: the same events in
   * the same order, so the result does not change.
   */
  onProgress?: (fraction: number) => void;
}

/** How many times `onProgress` is called in a run. */
export const PROGRESS_STEPS = 50;

/** Raised when a run breaks an invariant of the model (a bug, never bad input). */
export class InvariantError extends Error {
  override name = "InvariantError";
}

/**
 * Runs one simulation: a pure function of the resolved scenario (its seed included).
 * Cost: O(events · log(pending events)); memory independent of the number of requests.
 */
export function simulate(config: SimConfig, options: SimulateOptions = {}): Result {
  const clock = options.clockMs;
  const t0 = clock ? clock() : 0;
  const sim = new Simulation(1024);
  const model = new LambdaModel(config, sim, options.openTrace);
  model.start();
  const onProgress = options.onProgress;
  if (onProgress === undefined) sim.run(model, config.horizonMs);
  else {
    for (let step = 1; step <= PROGRESS_STEPS; step++) {
      sim.run(model, step === PROGRESS_STEPS ? config.horizonMs : (config.horizonMs * step) / PROGRESS_STEPS);
      onProgress(step / PROGRESS_STEPS);
    }
  }
  const wallMs = clock ? clock() - t0 : 0;
  return buildResult(config, model, sim.events, wallMs);
}

function buildResult(config: SimConfig, model: LambdaModel, events: number, wallMs: number): Result {
  const end = config.horizonMs;
  const inFlight = model.inFlightByFunction();
  // By function name, without a prototype: a function may be named `__proto__` or `constructor`.
  const functions: Record<string, FunctionResult> = Object.create(null) as Record<string, FunctionResult>;
  // The account as one more set of statistics: counters summed, histograms merged, and the
  // account-level levels (the peak of a sum is not the sum of the peaks).
  const account: StatsView = {
    invocations: 0,
    completed: 0,
    throttled: 0,
    throttledByScalingRate: 0,
    throttledByRequestRate: 0,
    errors: 0,
    retried: 0,
    throttledAttempts: 0,
    droppedToDlq: 0,
    spillover: 0,
    pcRecycled: 0,
    initTimeouts: 0,
    timedOut: 0,
    coldStarts: 0,
    created: 0,
    reclaimed: 0,
    billedMs: 0,
    initMs: 0,
    initBilledMs: 0,
    payloadExtraRequests: 0,
    ranRequests: 0,
    pcRequests: 0,
    pcBilledMs: 0,
    coldLatency: new LatencyHistogram(),
    warmLatency: new LatencyHistogram(),
    concurrency: model.account.concurrency,
    alive: model.account.alive,
    pcAllocated: model.account.pcAllocated,
  };
  let inFlightTotal = 0;
  let invokedTotal = 0;
  let pcBusyArea = 0;
  let pcAllocArea = 0;
  const windowMs = end - config.warmupMs;
  const allSpans: Array<{ concurrency: number; seconds: number }> = [];
  const perFunction = model.account.perFunction;
  perFunction?.finish(end);
  config.functions.forEach((fc, i) => {
    const st = model.stats[i]!;
    const busyArea = st.pcBusy.area(end);
    const allocArea = st.pcAllocated.area(end);
    const spans = model.provisionedSpans(i, config.warmupMs, end);
    allSpans.push(...spans);
    const source = model.sourceResults(i, end);
    // Invocations a cold start can hit: admitted requests, or for sqs/stream the admitted batches (one invocation each).
    const invoked = source.batches ? source.batches.invoked : st.invocations - st.throttled;
    invokedTotal += invoked;
    const r = functionResult(st, inFlight[i]!, invoked, end, allocArea / windowMs, allocArea > 0 ? busyArea / allocArea : null, spans);
    // A managed environment serves many requests: its idle ones are counted, not alive − in flight.
    if (fc.managed) r.environments.meanIdle = roundDecimals6(model.managed.meanIdle(i, end));
    assertConserved(fc.name, r);
    if (source.queue) r.queue = source.queue;
    if (source.batches) r.batches = source.batches;
    if (perFunction !== null) r.series = perFunction.toResult(i);
    functions[fc.name] = r;
    account.invocations += st.invocations;
    account.completed += st.completed;
    account.throttled += st.throttled;
    account.throttledByScalingRate += st.throttledByScalingRate;
    account.throttledByRequestRate += st.throttledByRequestRate;
    account.errors += st.errors;
    account.retried += st.retried;
    account.throttledAttempts += st.throttledAttempts;
    account.droppedToDlq += st.droppedToDlq;
    account.spillover += st.spillover;
    account.pcRecycled += st.pcRecycled;
    account.initTimeouts += st.initTimeouts;
    pcBusyArea += busyArea;
    pcAllocArea += allocArea;
    account.timedOut += st.timedOut;
    account.coldStarts += st.coldStarts;
    account.created += st.created;
    account.reclaimed += st.reclaimed;
    account.billedMs += st.billedMs;
    account.initMs += st.initMs;
    account.initBilledMs += st.initBilledMs;
    account.payloadExtraRequests += st.payloadExtraRequests;
    account.ranRequests += st.ranRequests;
    account.pcRequests += st.pcRequests;
    account.pcBilledMs += st.pcBilledMs;
    account.coldLatency.merge(st.coldLatency);
    account.warmLatency.merge(st.warmLatency);
    inFlightTotal += inFlight[i]!;
  });
  const totalResult = functionResult(account, inFlightTotal, invokedTotal, end, pcAllocArea / windowMs, pcAllocArea > 0 ? pcBusyArea / pcAllocArea : null, allSpans);
  assertConserved("total", totalResult);
  // With managed environments (many requests each), idle is summed per function, not alive − in flight.
  if (config.functions.some((f) => f.managed)) {
    totalResult.environments.meanIdle = roundDecimals6(Object.values(functions).reduce((sum, r) => sum + r.environments.meanIdle, 0));
  }

  model.account.seriesConcurrency.finish(end);
  model.account.seriesEnvironments.finish(end);
  model.account.seriesIdle.finish(end);
  model.account.seriesProvisioned.finish(end);
  model.account.seriesLatency.finish();
  const bins = LatencyHistogram.coarseBins([account.coldLatency, account.warmLatency], 8);
  const wallSeconds = wallMs / 1000;
  const result: Result = {
    name: config.name,
    seed: config.seed,
    horizonSeconds: config.horizonMs / 1000,
    warmupSeconds: config.warmupMs / 1000,
    version: VERSION,
    total: totalResult,
    functions,
    series: {
      bucketSeconds: model.account.axis.bucketMs / 1000,
      t: model.account.axis.times(),
      arrivals: model.account.seriesArrivals.toArray(),
      throttles: model.account.seriesThrottles.toArray(),
      coldStarts: model.account.seriesColdStarts.toArray(),
      spillover: model.account.seriesSpillover.toArray(),
      concurrencyMax: model.account.seriesConcurrency.toArray(),
      environmentsMax: model.account.seriesEnvironments.toArray(),
      idleMax: model.account.seriesIdle.toArray(),
      provisionedMax: model.account.seriesProvisioned.toArray(),
      p50: model.account.seriesLatency.toArray(0),
      p99: model.account.seriesLatency.toArray(1),
    },
    latencyDistribution: { lowerMs: bins.lowerMs.map(roundDecimals6), cold: bins.counts[0]!, warm: bins.counts[1]! },
    engine: {
      events,
      wallSeconds: roundDecimals6(wallSeconds),
      eventsPerSecond: wallSeconds > 0 ? Math.round(events / wallSeconds) : 0,
      seed: config.seed,
      version: VERSION,
    },
  };
  const providers = config.capacityProviders ?? [];
  if (providers.length > 0) result.capacityProviders = capacityProviderResults(providers, config.functions, model, end, result.series.throttles);
  return result;
}

/** The measured figures of each capacity provider, by name (without a prototype, as `functions`). */
function capacityProviderResults(
  providers: NonNullable<SimConfig["capacityProviders"]>,
  fns: SimConfig["functions"],
  model: LambdaModel,
  endMs: number,
  accountThrottles: number[],
): Record<string, CapacityProviderResult> {
  const out: Record<string, CapacityProviderResult> = Object.create(null) as Record<string, CapacityProviderResult>;
  providers.forEach((c, p) => {
    const fig = model.managed.figures(p, endMs);
    const throttles = providerThrottles(fns, p, model, accountThrottles);
    out[c.name] = {
      instanceType: c.instanceTypes[0]!,
      instances: { peak: fig.instances.peak, mean: roundDecimals6(fig.instances.mean) },
      instanceHours: roundDecimals6(fig.instanceHours),
      vcpuUtilization: { mean: roundDecimals6(fig.vcpuUtilization.mean), peak: roundDecimals6(fig.vcpuUtilization.peak) },
      environments: { peak: fig.environments.peak, mean: roundDecimals6(fig.environments.mean) },
      launched: fig.launched,
      drained: fig.drained,
      pricing: { ...c.pricing },
      series: model.managed.series.toResult(p, endMs, throttles, c.targetUtilization),
    };
    if (c.instanceTypes.length > 1) {
      const byType: Record<string, InstanceTypeResult> = Object.create(null) as Record<string, InstanceTypeResult>;
      c.instanceTypes.forEach((t, k) => {
        const b = fig.byType[k]!;
        byType[t] = { instances: { peak: b.instances.peak, mean: roundDecimals6(b.instances.mean) }, instanceHours: roundDecimals6(b.instanceHours) };
      });
      out[c.name]!.byInstanceType = byType;
    }
  });
  return out;
}

/**
 * Throttles per bucket of the functions on provider `p`: the sum of their own series, or with a single
 * function in the scenario (no per-function series kept) the account's, which are its own. O(buckets · functions).
 */
function providerThrottles(fns: SimConfig["functions"], p: number, model: LambdaModel, accountThrottles: number[]): number[] {
  const perFunction = model.account.perFunction;
  if (perFunction === null) return fns[0]?.managed?.provider === p ? [...accountThrottles] : accountThrottles.map(() => 0);
  const out = accountThrottles.map(() => 0);
  fns.forEach((f, k) => {
    if (f.managed?.provider !== p) return;
    const own = perFunction.throttles[k]!.toArray();
    for (let i = 0; i < out.length; i++) out[i]! += own[i]!;
  });
  return out;
}

/** The statistics a FunctionResult is made of: one function's, or the account's. */
type StatsView = Pick<
  FunctionStats,
  | "invocations"
  | "completed"
  | "throttled"
  | "throttledByScalingRate"
  | "throttledByRequestRate"
  | "errors"
  | "retried"
  | "throttledAttempts"
  | "droppedToDlq"
  | "spillover"
  | "pcRecycled"
  | "initTimeouts"
  | "timedOut"
  | "coldStarts"
  | "created"
  | "reclaimed"
  | "billedMs"
  | "initMs"
  | "initBilledMs"
  | "payloadExtraRequests"
  | "ranRequests"
  | "pcRequests"
  | "pcBilledMs"
  | "coldLatency"
  | "warmLatency"
  | "concurrency"
  | "alive"
  | "pcAllocated"
>;

function functionResult(
  st: StatsView,
  inFlight: number,
  invoked: number,
  endMs: number,
  provisioned: number,
  pcUtilization: number | null,
  spans: Array<{ concurrency: number; seconds: number }>,
): FunctionResult {
  return {
    invocations: st.invocations,
    completed: st.completed,
    throttled: st.throttled,
    throttledByScalingRate: st.throttledByScalingRate,
    throttledByRequestRate: st.throttledByRequestRate,
    retried: st.retried,
    droppedToDlq: st.droppedToDlq,
    errors: st.errors,
    throttledAttempts: st.throttledAttempts,
    timedOut: st.timedOut,
    inFlight,
    coldStarts: st.coldStarts,
    coldStartRate: invoked > 0 ? st.coldStarts / invoked : null,
    throttleRate: st.invocations > 0 ? st.throttled / st.invocations : null,
    latencyMs: { ...merged(st.coldLatency, st.warmLatency).summary(), cold: st.coldLatency.summary(), warm: st.warmLatency.summary() },
    concurrency: { peak: st.concurrency.peak, mean: roundDecimals6(st.concurrency.mean(endMs)) },
    environments: {
      peak: st.alive.peak,
      meanAlive: roundDecimals6(st.alive.mean(endMs)),
      meanIdle: roundDecimals6(st.alive.mean(endMs) - st.concurrency.mean(endMs)),
      created: st.created,
      reclaimed: st.reclaimed,
    },
    provisionedConcurrency: roundDecimals6(provisioned),
    provisionedUtilization: pcUtilization === null ? null : roundDecimals6(pcUtilization),
    spillover: st.spillover,
    provisionedRecycled: st.pcRecycled,
    initTimeouts: st.initTimeouts,
    usage: {
      requests: st.ranRequests,
      billedDurationMs: st.billedMs,
      provisionedRequests: st.pcRequests,
      provisionedBilledDurationMs: st.pcBilledMs,
      initDurationMs: roundDecimals6(st.initMs),
      initBilledMs: st.initBilledMs,
      payloadExtraRequests: st.payloadExtraRequests,
      provisionedEnvironmentMs: roundDecimals6(st.pcAllocated.area(endMs)),
      provisionedAllocations: spans,
    },
  };
}

function merged(a: LatencyHistogram, b: LatencyHistogram): LatencyHistogram {
  const h = new LatencyHistogram();
  h.merge(a);
  h.merge(b);
  return h;
}

/** Conservation: every measured arrival ends as completed, throttled or still in flight. */
function assertConserved(who: string, r: FunctionResult): void {
  const accounted = r.completed + r.throttled + r.droppedToDlq + r.inFlight;
  if (accounted !== r.invocations) {
    throw new InvariantError(
      `conservation broken for ${who}: ${r.invocations} arrivals but ${r.completed} completed + ${r.throttled} throttled + ${r.droppedToDlq} dropped + ${r.inFlight} in flight = ${accounted}`,
    );
  }
}
