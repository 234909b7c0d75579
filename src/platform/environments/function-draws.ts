import type { Distribution } from "../../core/dist/distribution.js";
import { makeDistribution } from "../../core/dist/make-distribution.js";
import { randomStream, type Rng } from "../../core/random.js";
import type { FunctionConfig } from "../config.js";
import { durationFactor } from "./duration-scaling.js";

/**
 * INIT phase limit for on-demand environments, ms: a longer init is cut at 10 s and retried inside
 * the first invocation, under the function timeout (`lambda-limits.json` `function.initTimeoutSeconds.onDemand`).
 */
export const ON_DEMAND_INIT_LIMIT_MS = 10_000;

/**
 * INIT limit with SnapStart (and provisioned concurrency, whose inits run off the request path):
 * max(130 s, function timeout), at most 900 s (`lambda-limits.json` `function.initTimeoutSeconds.provisionedOrSnapStart`).
 */
export function snapStartInitLimitMs(timeoutMs: number): number {
  return Math.min(900_000, Math.max(130_000, timeoutMs));
}

/**
 * The random draws of each function's requests and environments (duration, cold start, idle and
 * maximum lifetime, function error), each from its own stream, and the limits they are cut at
 * (timeout, INIT limit). One independent stream per (function, purpose): see DESIGN.md "Random streams".
 */
export class FunctionDraws {
  /** Function timeout, ms. */
  readonly timeoutMs: Float64Array;
  /** INIT phase limit per function, ms (10 s on demand; longer with SnapStart). */
  readonly initLimitMs: Float64Array;
  private readonly durations: Distribution[];
  private readonly coldStarts: Distribution[];
  private readonly keepAlives: Distribution[];
  private readonly maxLifetimes: Array<Distribution | null>;
  private readonly durationRng: Rng[];
  private readonly coldStartRng: Rng[];
  private readonly keepAliveRng: Rng[];
  private readonly lifetimeRng: Rng[];
  /** Factor applied to each sampled duration (memory scaling); 1 where the duration was given at memoryMB. */
  private readonly durationScale: Float64Array;
  private readonly errorRate: Float64Array;
  /** Async payload size per function (null: none given), its stream, and the request accounting. */
  private readonly payloads: Array<Distribution | null>;
  private readonly payloadRng: Rng[];
  private readonly payloadIncludedKB: Float64Array;
  private readonly payloadChunkKB: Float64Array;
  private readonly payloadMaxKB: Float64Array;
  private readonly errorRng: Rng[];

  constructor(fns: readonly FunctionConfig[], seed: number) {
    this.timeoutMs = Float64Array.from(fns, (f) => f.timeoutMs);
    this.initLimitMs = Float64Array.from(fns, (f) => (f.snapStart ? snapStartInitLimitMs(f.timeoutMs) : ON_DEMAND_INIT_LIMIT_MS));
    this.durations = fns.map((f) => makeDistribution(f.duration));
    this.coldStarts = fns.map((f) => makeDistribution(f.coldStart));
    this.keepAlives = fns.map((f) => makeDistribution(f.idleLifetime));
    this.maxLifetimes = fns.map((f) => (f.maxLifetime ? makeDistribution(f.maxLifetime) : null));
    this.durationRng = fns.map((f) => randomStream(seed, f.name, "durations"));
    this.coldStartRng = fns.map((f) => randomStream(seed, f.name, "coldStarts"));
    this.keepAliveRng = fns.map((f) => randomStream(seed, f.name, "keepAlive"));
    this.lifetimeRng = fns.map((f) => randomStream(seed, f.name, "lifetimes"));
    this.durationScale = Float64Array.from(fns, (f) => (f.durationScaling ? durationFactor(f.memoryMB, f.durationScaling) : 1));
    this.errorRate = Float64Array.from(fns, (f) => f.errorRate);
    this.errorRng = fns.map((f) => randomStream(seed, f.name, "errors"));
    this.payloads = fns.map((f) => (f.asyncPayload ? makeDistribution(f.asyncPayload.payloadKB) : null));
    this.payloadRng = fns.map((f) => randomStream(seed, f.name, "payloads"));
    this.payloadIncludedKB = Float64Array.from(fns, (f) => f.asyncPayload?.includedKB ?? 0);
    this.payloadChunkKB = Float64Array.from(fns, (f) => f.asyncPayload?.extraChunkKB ?? 1);
    this.payloadMaxKB = Float64Array.from(fns, (f) => f.asyncPayload?.maxKB ?? 0);
  }

  /** One request duration of function `f` at its memory size, ms (before the timeout cut). */
  durationMs(f: number): number {
    return this.durations[f]!.sample(this.durationRng[f]!) * this.durationScale[f]!;
  }

  /**
   * Run time of a batch of `messages` messages of function `f` at its memory size, ms: the sum of
   * one duration draw per message (the handler loops over the records). O(messages), allocation-free.
   */
  batchDurationMs(f: number, messages: number): number {
    const d = this.durations[f]!;
    const rng = this.durationRng[f]!;
    let sum = 0;
    for (let k = 0; k < messages; k++) sum += d.sample(rng);
    return sum * this.durationScale[f]!;
  }

  /** One INIT duration of a new environment of function `f`, ms (before the INIT limit cut). */
  coldStartMs(f: number): number {
    return this.coldStarts[f]!.sample(this.coldStartRng[f]!);
  }

  /** How long a new environment of function `f` may stay idle before it is reclaimed, ms. */
  idleLifetimeMs(f: number): number {
    return this.keepAlives[f]!.sample(this.keepAliveRng[f]!);
  }

  /** When a new environment of function `f` created at `nowMs` is recycled at the latest, ms (Infinity: never). */
  deathAtMs(f: number, nowMs: number): number {
    const lifetime = this.maxLifetimes[f];
    return lifetime === null ? Infinity : nowMs + lifetime.sample(this.lifetimeRng[f]!);
  }

  /**
   * Extra requests one async event of function `f` is billed beyond the first: its payload, drawn
   * and cut at the largest event, above the included KB, in started chunks (0 without `payloadKB`).
   */
  payloadExtraRequests(f: number): number {
    const d = this.payloads[f];
    if (d === null || d === undefined) return 0;
    const kb = Math.min(d.sample(this.payloadRng[f]!), this.payloadMaxKB[f]!);
    const over = kb - this.payloadIncludedKB[f]!;
    return over > 0 ? Math.ceil(over / this.payloadChunkKB[f]!) : 0;
  }

  /** Whether one invocation of function `f` ends in a function error (no draw when its error rate is 0). */
  fails(f: number): boolean {
    const errorRate = this.errorRate[f]!;
    return errorRate > 0 && this.errorRng[f]!() < errorRate;
  }
}
