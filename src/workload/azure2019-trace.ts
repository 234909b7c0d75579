import { exponentialGapMs, type Rng } from "../core/random.js";
import type { ArrivalProcess } from "./arrival-process.js";
import { columnCountError, CsvCursor, fieldError, headerError, type TraceLineSource } from "./trace-source.js";
import { fieldMatches, type TraceSelect } from "./trace-select.js";

/** Minutes in one day of the Azure Functions 2019 trace (columns 1..1440). */
export const AZURE2019_MINUTES = 1440;
/** The key columns of the Azure Functions 2019 invocation counts, before the minute columns. */
export const AZURE2019_KEYS = ["HashOwner", "HashApp", "HashFunction", "Trigger"] as const;
const MINUTE_MS = 60_000;

/** How a minute's count is spread inside the minute. */
export type WithinMinute = "uniform" | "poisson";

/**
 * Replays one day of the Azure Functions 2019 trace (`HashOwner,HashApp,HashFunction,Trigger,1..1440`,
 * invocations per minute). The selected rows' counts are summed per minute in one streamed pass at
 * `first()` (1,440 numbers kept, never the file). Minute m (1-based) covers [(m−1)·60 s, m·60 s).
 * `uniform`: exactly the minute's count, at independent uniform times (drawn in order as uniform
 * order statistics); `poisson`: a Poisson process at count/60 s within the minute (the count then varies).
 * `scale` multiplies each minute's count (rounded at random to an integer with the right mean).
 */
export class Azure2019Arrivals implements ArrivalProcess {
  /** The 2019 trace carries no durations. */
  readonly lastDurationMs = NaN;
  /** Summed invocations per minute of the selected rows (after `first()`). */
  readonly counts = new Float64Array(AZURE2019_MINUTES);
  private readonly cursor = new CsvCursor();
  private minute = 0;
  private remaining = 0;
  private total = 0;

  constructor(
    private readonly source: TraceLineSource,
    private readonly select: TraceSelect = {},
    private readonly withinMinute: WithinMinute = "uniform",
    private readonly scale = 1,
  ) {}

  first(_startMs: number, rng: Rng): number {
    this.readCounts(rng);
    this.minute = -1;
    this.remaining = 0;
    return this.advanceMinute(rng);
  }

  next(nowMs: number, rng: Rng): number {
    if (this.withinMinute === "uniform") {
      if (this.remaining === 0) return this.advanceMinute(rng);
      return this.uniformAfter(nowMs, rng);
    }
    const t = nowMs + this.poissonGap(this.minute, rng);
    return t < (this.minute + 1) * MINUTE_MS ? t : this.advanceMinute(rng);
  }

  /** Mean rate over the trace's day, per second (0 before `first()`). */
  meanRatePerSec(): number {
    return this.total / (AZURE2019_MINUTES * 60);
  }

  /** Moves to the next minute with a non-zero count and returns its first arrival; Infinity past the day. */
  private advanceMinute(rng: Rng): number {
    for (let m = this.minute + 1; m < AZURE2019_MINUTES; m++) {
      const n = this.counts[m]!;
      if (n === 0) continue;
      this.minute = m;
      const start = m * MINUTE_MS;
      if (this.withinMinute === "uniform") {
        this.remaining = n;
        return this.uniformAfter(start, rng);
      }
      const t = start + this.poissonGap(m, rng);
      // Memoryless: an arrival past the minute's end means none in this minute; try the next.
      if (t < start + MINUTE_MS) return t;
    }
    this.minute = AZURE2019_MINUTES;
    return Infinity;
  }

  /**
   * The smallest of `remaining` uniform times in [fromMs, end of minute): the minimum of r uniforms
   * on an interval of length L is L·(1 − U^(1/r)) past its start, so drawing in turn gives the
   * sorted sample exactly, without storing it.
   */
  private uniformAfter(fromMs: number, rng: Rng): number {
    const end = (this.minute + 1) * MINUTE_MS;
    const r = this.remaining--;
    const t = fromMs + (end - fromMs) * (1 - Math.pow(1 - rng(), 1 / r));
    return t < end ? t : fromMs; // guard against rounding up to the minute's end
  }

  private poissonGap(m: number, rng: Rng): number {
    return exponentialGapMs(MINUTE_MS / this.counts[m]!, rng);
  }

  /** One pass over the file: checks the header, sums the selected rows' counts per minute. */
  private readCounts(rng: Rng): void {
    const src = this.source;
    const c = this.cursor;
    const header = src.nextLine();
    if (header === null || !isHeader(c, header.replace(/^\uFEFF/, ""))) {
      throw headerError(src, header, "the azure2019 header HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440");
    }
    const counts = this.counts;
    const sel = this.select;
    const wanted = `${AZURE2019_KEYS.length + AZURE2019_MINUTES} columns (4 keys and minutes 1..1440)`;
    for (let line = src.nextLine(); line !== null; line = src.nextLine()) {
      if (line.length === 0) continue;
      c.reset(line);
      let keep = true;
      for (let k = 0; k < AZURE2019_KEYS.length; k++) {
        if (!c.next()) throw columnCountError(src, k, wanted);
        keep &&= fieldMatches(c, k === 0 ? sel.owner : k === 1 ? sel.app : k === 2 ? sel.function : sel.trigger, k === 3);
      }
      if (!keep) continue;
      for (let m = 0; m < AZURE2019_MINUTES; m++) {
        if (!c.next()) throw columnCountError(src, AZURE2019_KEYS.length + m, wanted);
        const n = c.number();
        if (!(n >= 0) || !Number.isInteger(n)) throw fieldError(src, c, `minute ${m + 1}`, "an invocation count (an integer ≥ 0)");
        counts[m] += n;
      }
      if (c.next()) throw columnCountError(src, AZURE2019_KEYS.length + AZURE2019_MINUTES + 1, wanted);
    }
    let total = 0;
    for (let m = 0; m < AZURE2019_MINUTES; m++) {
      if (this.scale !== 1) {
        const x = counts[m]! * this.scale;
        const whole = Math.floor(x);
        counts[m] = whole + (rng() < x - whole ? 1 : 0);
      }
      total += counts[m]!;
    }
    this.total = total;
  }
}

function isHeader(c: CsvCursor, header: string): boolean {
  c.reset(header.trimEnd());
  for (const key of AZURE2019_KEYS) if (!c.next() || !c.equals(key)) return false;
  for (let m = 1; m <= AZURE2019_MINUTES; m++) if (!c.next() || c.number() !== m) return false;
  return !c.next();
}
