import { FineHistogram } from "../core/stats/fine-histogram.js";
import type { ReportRecord, ReportSink } from "./report-log.js";

/**
 * What a REPORT log says, kept in fixed memory: the Duration and Init Duration distributions as
 * fine histograms (0.1 % buckets), Billed Duration's sum, the memory sizes seen, the largest Max
 * Memory Used, and the times of the cold starts (a growing Float64Array: cold starts are a small
 * share of invocations) and of the first and last record.
 */
export class ReportLogSummary implements ReportSink {
  /** Duration of every invocation, ms. */
  readonly durations = new FineHistogram();
  /** Init Duration of every cold start, ms. */
  readonly inits = new FineHistogram();
  /** Records read. */
  invocations = 0;
  /** Sum of Billed Duration, ms (over records that give it). */
  billedMs = 0;
  /** Invocations per Memory Size (MB). */
  readonly memorySizes = new Map<number, number>();
  /** Largest Max Memory Used, MB (NaN before any). */
  maxMemoryUsedMB = NaN;
  /** Records with a time; first and last time, epoch ms. */
  timed = 0;
  firstMs = Infinity;
  lastMs = -Infinity;
  private coldTimes = new Float64Array(1024);
  private coldTimed = 0;

  add(r: Readonly<ReportRecord>): void {
    this.invocations++;
    this.durations.record(r.durationMs);
    if (r.billedDurationMs >= 0) this.billedMs += r.billedDurationMs;
    if (r.memorySizeMB > 0) this.memorySizes.set(r.memorySizeMB, (this.memorySizes.get(r.memorySizeMB) ?? 0) + 1);
    if (r.maxMemoryUsedMB >= 0 && !(r.maxMemoryUsedMB <= this.maxMemoryUsedMB)) this.maxMemoryUsedMB = r.maxMemoryUsedMB;
    if (Number.isFinite(r.timeMs)) {
      this.timed++;
      if (r.timeMs < this.firstMs) this.firstMs = r.timeMs;
      if (r.timeMs > this.lastMs) this.lastMs = r.timeMs;
    }
    if (r.initDurationMs >= 0) {
      this.inits.record(r.initDurationMs);
      if (Number.isFinite(r.timeMs)) this.pushCold(r.timeMs);
    }
  }

  /** Times of the cold starts that carry one, epoch ms, in file order. */
  coldStartTimes(): Float64Array {
    return this.coldTimes.subarray(0, this.coldTimed);
  }

  /** The Memory Size most invocations ran at, MB; NaN when no record gives one. */
  memoryMB(): number {
    let best = NaN;
    let most = 0;
    for (const [mb, n] of this.memorySizes) if (n > most) [best, most] = [mb, n];
    return best;
  }

  private pushCold(t: number): void {
    if (this.coldTimed === this.coldTimes.length) {
      const bigger = new Float64Array(this.coldTimes.length * 2);
      bigger.set(this.coldTimes);
      this.coldTimes = bigger;
    }
    this.coldTimes[this.coldTimed++] = t;
  }
}
