import type { Rng } from "../core/random.js";
import type { ArrivalProcess } from "./arrival-process.js";
import { columnCountError, CsvCursor, fieldError, RowRate, TraceError, type TraceLineSource } from "./trace-source.js";

/**
 * Replays a `timestamps` trace: one arrival time in seconds per line, optionally a second column
 * with the invocation's duration in seconds. A first line that does not start with a number is a
 * header; blank lines and lines starting with `#` are skipped. Times must not decrease.
 * Streams the file: O(1) memory. Throws TraceError (file, line, column) on a bad row.
 */
export class TimestampArrivals implements ArrivalProcess {
  /** Duration of the arrival last returned, ms; NaN when its row has none. */
  lastDurationMs = NaN;
  private readonly cursor = new CsvCursor();
  /** The rows' arrival times. */
  private readonly times = new RowRate();

  constructor(private readonly source: TraceLineSource) {}

  first(_startMs: number, _rng: Rng): number {
    return this.pull(true);
  }

  next(_nowMs: number, _rng: Rng): number {
    return this.pull(false);
  }

  /** Mean rate over the rows read so far (first to last time), per second; 0 before two rows. */
  meanRatePerSec(): number {
    return this.times.perSec();
  }

  private pull(atStart: boolean): number {
    const c = this.cursor;
    const src = this.source;
    for (;;) {
      const line = src.nextLine();
      if (line === null) {
        this.lastDurationMs = NaN;
        return Infinity;
      }
      if (line.length === 0 || line.charCodeAt(0) === 35 /* # */ || line.trim() === "") continue;
      c.reset(line);
      c.next();
      const t = c.number();
      if (Number.isNaN(t)) {
        // Only the file's first line may be a header.
        if (atStart && src.lineNumber === 1) continue;
        // Quoted only once a row has parsed: before, the file may not be a trace at all.
        throw fieldError(src, c, "time", "a time in seconds", this.times.lastMs !== -Infinity);
      }
      let durationMs = NaN;
      if (c.next()) {
        const d = c.number();
        if (Number.isNaN(d) || d < 0) throw fieldError(src, c, "duration", "a duration in seconds ≥ 0", this.times.lastMs !== -Infinity);
        durationMs = d * 1000;
        if (c.next()) throw columnCountError(src, 3, "1 or 2 columns: time and optional duration, in seconds");
      }
      const ms = t * 1000;
      if (ms < this.times.lastMs) {
        throw new TraceError(src.file, src.lineNumber, 1, `time ${t} s, before the previous row's ${this.times.lastMs / 1000} s`, "times in non-decreasing order");
      }
      this.times.add(ms);
      this.lastDurationMs = durationMs;
      return ms;
    }
  }
}
