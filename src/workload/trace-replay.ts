import type { Rng } from "../core/random.js";
import type { ArrivalProcess } from "./arrival-process.js";

/** How a trace is replayed: time compression, shift, volume and whose durations apply. */
export interface ReplayOptions {
  /** Trace time runs this many times faster: sim time = offset + trace time / speedup (> 0). */
  speedup: number;
  /** Shift added after the speedup, ms; arrivals that land before the run's start are dropped. */
  offsetMs: number;
  /**
   * Each trace invocation becomes ⌊scale⌋ or ⌈scale⌉ invocations at the same instant (mean `scale`);
   * below 1 it keeps each with probability `scale`. 1 replays the trace as it is.
   */
  scale: number;
  /** Whether arrivals carry the trace's durations (false: the function's duration distribution applies). */
  keepDurations: boolean;
}

/**
 * Wraps a trace process (times in trace ms) with ReplayOptions. Allocation-free; the trace's
 * durations are never sped up (they are the function's execution times).
 */
export class TraceReplay implements ArrivalProcess {
  private copiesLeft = 0;
  private timeMs = Infinity;
  private innerMs = Infinity;
  private durationMs = NaN;

  constructor(
    private readonly inner: ArrivalProcess,
    private readonly opts: ReplayOptions,
  ) {}

  /** Duration of the arrival last returned, ms; NaN when the trace has none or durations are not kept. */
  get lastDurationMs(): number {
    return this.durationMs;
  }

  first(startMs: number, rng: Rng): number {
    let t = this.inner.first(startMs, rng);
    this.copiesLeft = 0;
    t = this.take(t, rng);
    while (t < startMs) t = this.nextOf(t, rng);
    return t;
  }

  next(nowMs: number, rng: Rng): number {
    return this.nextOf(nowMs, rng);
  }

  /** The trace's mean rate in simulated time, per second. */
  meanRatePerSec(): number {
    return this.inner.meanRatePerSec() * this.opts.speedup * this.opts.scale;
  }

  private nextOf(_nowMs: number, rng: Rng): number {
    if (this.copiesLeft > 0) {
      this.copiesLeft--;
      return this.timeMs;
    }
    return this.take(this.inner.next(this.innerMs, rng), rng);
  }

  /** Maps inner arrival `t` (trace ms) and its copies; skips inner arrivals that get no copy. */
  private take(traceT: number, rng: Rng): number {
    const o = this.opts;
    let t = traceT;
    for (;;) {
      if (t === Infinity) {
        this.timeMs = Infinity;
        this.durationMs = NaN;
        return Infinity;
      }
      const copies = o.scale === 1 ? 1 : Math.floor(o.scale) + (rng() < o.scale - Math.floor(o.scale) ? 1 : 0);
      if (copies > 0) {
        this.copiesLeft = copies - 1;
        this.innerMs = t;
        this.timeMs = o.offsetMs + t / o.speedup;
        this.durationMs = o.keepDurations ? this.inner.lastDurationMs : NaN;
        return this.timeMs;
      }
      t = this.inner.next(t, rng);
    }
  }
}
