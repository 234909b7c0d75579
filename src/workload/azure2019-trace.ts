import type { Rng } from "../core/random.js";
import { PeriodCountReplay, scaleCounts, type WithinMinute } from "./period-count-replay.js";
import type { ArrivalProcess } from "./arrival-process.js";
import { columnCountError, CsvCursor, fieldError, headerError, type TraceLineSource } from "./trace-source.js";
import { fieldMatches, type TraceSelect } from "./trace-select.js";

/** Minutes in one day of the Azure Functions 2019 trace (columns 1..1440). */
export const AZURE2019_MINUTES = 1440;
/** The key columns of the Azure Functions 2019 invocation counts, before the minute columns. */
export const AZURE2019_KEYS = ["HashOwner", "HashApp", "HashFunction", "Trigger"] as const;
const MINUTE_MS = 60_000;

export type { WithinMinute };

/**
 * Replays one day of the Azure Functions 2019 trace (`HashOwner,HashApp,HashFunction,Trigger,1..1440`,
 * invocations per minute). The selected rows' counts are summed per minute in one streamed pass at
 * `first()` (1,440 numbers kept, never the file), then replayed by PeriodCountReplay (minute m,
 * 1-based, covers [(m−1)·60 s, m·60 s); `uniform` or `poisson` within the minute).
 * `scale` multiplies each minute's count (rounded at random to an integer with the right mean).
 */
export class Azure2019Arrivals implements ArrivalProcess {
  /** The 2019 trace carries no durations. */
  readonly lastDurationMs = NaN;
  /** Summed invocations per minute of the selected rows (after `first()`). */
  readonly counts = new Float64Array(AZURE2019_MINUTES);
  private readonly cursor = new CsvCursor();
  private readonly replay: PeriodCountReplay;
  private total = 0;

  constructor(
    private readonly source: TraceLineSource,
    private readonly select: TraceSelect = {},
    withinMinute: WithinMinute = "uniform",
    private readonly scale = 1,
  ) {
    this.replay = new PeriodCountReplay(this.counts, MINUTE_MS, withinMinute);
  }

  first(_startMs: number, rng: Rng): number {
    this.readCounts(rng);
    return this.replay.start(rng);
  }

  next(nowMs: number, rng: Rng): number {
    return this.replay.next(nowMs, rng);
  }

  /** Mean rate over the trace's day, per second (0 before `first()`). */
  meanRatePerSec(): number {
    return this.total / (AZURE2019_MINUTES * 60);
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
    if (this.scale !== 1) scaleCounts(counts, this.scale, rng);
    this.total = this.replay.total();
  }
}

function isHeader(c: CsvCursor, header: string): boolean {
  c.reset(header.trimEnd());
  for (const key of AZURE2019_KEYS) if (!c.next() || !c.equals(key)) return false;
  for (let m = 1; m <= AZURE2019_MINUTES; m++) if (!c.next() || c.number() !== m) return false;
  return !c.next();
}
