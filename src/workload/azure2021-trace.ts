import type { Rng } from "../core/random.js";
import type { ArrivalProcess } from "./arrival-process.js";
import { columnCountError, CsvCursor, fieldError, headerError, RowRate, TraceError, type TraceLineSource } from "./trace-source.js";
import { fieldMatches, type TraceSelect } from "./trace-select.js";

/** The header of the Azure Functions 2021 invocation trace. */
export const AZURE2021_HEADER = "app,func,end_timestamp,duration";
const COLUMNS = ["app", "func", "end_timestamp", "duration"] as const;

/**
 * Replays the Azure Functions 2021 invocation trace (`app,func,end_timestamp,duration`, seconds):
 * each selected row is one arrival at start = end − duration (trace seconds → ms), carrying its
 * duration. Rows must come in order of start time. Streams the file: O(1) memory.
 * Throws TraceError (file, line, column) on a bad header or row.
 */
export class Azure2021Arrivals implements ArrivalProcess {
  /** Duration of the arrival last returned, ms. */
  lastDurationMs = NaN;
  private readonly cursor = new CsvCursor();
  /** The rows' start times. */
  private readonly starts = new RowRate();

  constructor(
    private readonly source: TraceLineSource,
    private readonly select: TraceSelect = {},
  ) {}

  first(_startMs: number, _rng: Rng): number {
    const header = this.source.nextLine();
    if (header === null || header.replace(/^\uFEFF/, "").trim() !== AZURE2021_HEADER) {
      throw headerError(this.source, header, `the azure2021 header ${AZURE2021_HEADER}`);
    }
    return this.pull();
  }

  next(_nowMs: number, _rng: Rng): number {
    return this.pull();
  }

  /** Mean rate over the rows read so far (first to last start), per second; 0 before two rows. */
  meanRatePerSec(): number {
    return this.starts.perSec();
  }

  private pull(): number {
    const c = this.cursor;
    const src = this.source;
    for (;;) {
      const line = src.nextLine();
      if (line === null) {
        this.lastDurationMs = NaN;
        return Infinity;
      }
      if (line.length === 0) continue;
      c.reset(line);
      c.next();
      const app = fieldMatches(c, this.select.app, false);
      if (!c.next()) throw columnCountError(src, 1, "4 columns: app,func,end_timestamp,duration");
      const fn = fieldMatches(c, this.select.function, false);
      if (!c.next()) throw columnCountError(src, 2, "4 columns: app,func,end_timestamp,duration");
      if (!(app && fn)) continue;
      const end = c.number();
      if (Number.isNaN(end)) throw fieldError(src, c, COLUMNS[2], "a number of seconds");
      if (!c.next()) throw columnCountError(src, 3, "4 columns: app,func,end_timestamp,duration");
      const duration = c.number();
      if (Number.isNaN(duration) || duration < 0) throw fieldError(src, c, COLUMNS[3], "a number of seconds ≥ 0");
      if (c.next()) throw columnCountError(src, 5, "4 columns: app,func,end_timestamp,duration");
      const startMs = (end - duration) * 1000;
      if (startMs < this.starts.lastMs) {
        throw new TraceError(
          src.file,
          src.lineNumber,
          3,
          `start time end_timestamp − duration = ${end - duration} s, before the previous row's ${this.starts.lastMs / 1000} s`,
          "rows in order of start time (sort the file by end_timestamp − duration)",
        );
      }
      this.starts.add(startMs);
      this.lastDurationMs = duration * 1000;
      return startMs;
    }
  }
}
