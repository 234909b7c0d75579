import { printableExcerpt } from "../core/printable.js";

/**
 * A pull interface over the lines of a trace file, so that `workload/` parses traces without doing
 * I/O. `scenario/trace-file.ts` implements it over a file read in fixed-size chunks.
 */
export interface TraceLineSource {
  /** The next line without its line break, or null at the end of the file. */
  nextLine(): string | null;
  /** 1-based number of the line last returned (0 before the first). */
  readonly lineNumber: number;
  /** The file's name as the user wrote or resolved it, for messages. */
  readonly file: string;
  /** Releases the file before its end (a run whose horizon ends first); idempotent. */
  close?(): void;
}

/** Opens a trace file by name (resolved by the caller); throws TraceError when it cannot. */
export type TraceOpener = (file: string) => TraceLineSource;

/**
 * Bad input found in a trace file: which file, line and column, what was there and what is allowed.
 * Thrown mid-replay (the simulation loop is synchronous); the CLI prints `message` on one line and
 * exits 2. `line` and `column` are 1-based; 0 means the file as a whole (missing, unreadable).
 */
export class TraceError extends Error {
  override name = "TraceError";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    /** What was found, e.g. `"abc" in column 3 (end_timestamp)`. */
    readonly found: string,
    /** What would have been accepted. */
    readonly expected: string,
    /** The arrivals field the problem belongs to (`metric` for a CloudWatch Id not in the file); `file` by default. */
    readonly field = "file",
  ) {
    super(`${file}${line > 0 ? `, line ${line}` : ""}${column > 0 ? `, column ${column}` : ""}: ${found}; expected ${expected}`);
  }
}

/**
 * Walks the comma-separated fields of one line without splitting it into an array: `next()` moves
 * to the following field and sets `start`/`end` (character offsets) and `index` (1-based column).
 */
export class CsvCursor {
  /** Offset of the current field's first character. */
  start = 0;
  /** Offset just past the current field. */
  end = -1;
  /** 1-based column of the current field (0 before the first). */
  index = 0;
  private line = "";

  /** Starts on a new line. */
  reset(line: string): void {
    this.line = line;
    this.start = 0;
    this.end = -1;
    this.index = 0;
  }

  /** Moves to the next field; false when the line has no more. */
  next(): boolean {
    if (this.end >= this.line.length) return false;
    this.start = this.end + 1;
    const comma = this.line.indexOf(",", this.start);
    this.end = comma < 0 ? this.line.length : comma;
    this.index++;
    return true;
  }

  /** The current field's text (allocates a substring: use for messages and keys). */
  text(): string {
    return this.line.slice(this.start, this.end);
  }

  /** True when the current field equals `s` exactly (no allocation). */
  equals(s: string): boolean {
    return this.end - this.start === s.length && this.line.startsWith(s, this.start);
  }

  /** True when the current field starts with `prefix` (no allocation). */
  startsWith(prefix: string): boolean {
    return this.end - this.start >= prefix.length && this.line.startsWith(prefix, this.start);
  }

  /** The current field as a finite number, or NaN when it is empty or not one. */
  number(): number {
    if (this.end <= this.start) return NaN;
    const text = this.line.slice(this.start, this.end);
    const x = Number(text);
    // Number("  ") is 0: a blank field is not a number.
    if (x === 0 && text.trim() === "") return NaN;
    return Number.isFinite(x) ? x : NaN;
  }
}

/**
 * Counts a trace's rows by their arrival times to give the rows' mean rate: (rows − 1) per span from the
 * first time to the last. Keeps the last time for order checks. O(1) per row, no allocation.
 */
export class RowRate {
  /** Time of the last row counted, ms; −Infinity before the first. */
  lastMs = -Infinity;
  private firstMs = NaN;
  private count = 0;

  /** Counts a row arriving at `ms`. */
  add(ms: number): void {
    if (this.count === 0) this.firstMs = ms;
    this.count++;
    this.lastMs = ms;
  }

  /** Mean rate over the rows counted so far, per second; 0 before two rows or while they share one time. */
  perSec(): number {
    return this.count > 1 && this.lastMs > this.firstMs ? ((this.count - 1) * 1000) / (this.lastMs - this.firstMs) : 0;
  }
}

/** The most characters of a trace's field quoted in a message (escaped), so that a message shows little of a file. */
const MAX_QUOTED_FIELD = 24;
/** The most characters of a CSV header quoted in a message. */
const MAX_QUOTED_HEADER = 60;
/** A first line that looks like a CSV header: comma-separated names (letters, digits, spaces, `_ . - "`). */
const CSV_HEADER_SHAPE = /^[\w .\-"]*(,[\w .\-"]*)+$/;

/**
 * A TraceError for the cursor's current field: `"abc" in column 3 (end_timestamp)`, the field quoted
 * (escaped, at most MAX_QUOTED_FIELD characters) only when `quote`: once the file has shown it is a
 * trace (its header or a row parsed); before that only the field's length, so that a file that is
 * not a trace (a secret, say) is not echoed.
 */
export function fieldError(source: TraceLineSource, cursor: CsvCursor, columnName: string, expected: string, quote = true): TraceError {
  const text = cursor.index === 0 ? "" : cursor.text();
  const found = quote ? JSON.stringify(printableExcerpt(text, MAX_QUOTED_FIELD)) : `a field of ${text.length} character${text.length === 1 ? "" : "s"}`;
  return new TraceError(source.file, source.lineNumber, cursor.index, `${found} in column ${cursor.index} (${columnName})`, expected);
}

/**
 * A TraceError for a file whose first line (`header`, null for an empty file) is not the format's
 * header. The line is quoted only when it looks like a CSV header (a wrong trace format); any other
 * first line (a file that is not a trace) is described by its length alone.
 */
export function headerError(source: TraceLineSource, header: string | null, expected: string): TraceError {
  const found =
    header === null
      ? "an empty file"
      : CSV_HEADER_SHAPE.test(header)
        ? `header ${JSON.stringify(printableExcerpt(header, MAX_QUOTED_HEADER))}`
        : `a first line of ${header.length} characters that is not a CSV header`;
  return new TraceError(source.file, 1, 1, found, expected);
}

/** A TraceError for a row with the wrong number of columns. */
export function columnCountError(source: TraceLineSource, found: number, wanted: string): TraceError {
  return new TraceError(source.file, source.lineNumber, Math.max(1, found), `a row with ${found} column${found === 1 ? "" : "s"}`, wanted);
}
