import { closeSync, readSync } from "node:fs";
import { describeFsError } from "./fs-errors.js";
import { openRegularFile } from "./regular-file.js";
import { TraceError, type TraceLineSource, type TraceOpener } from "../workload/trace-source.js";

/** Bytes read per `readSync`: memory stays at about this much per open trace, whatever the file's size. */
const CHUNK_BYTES = 1 << 16;
/** The longest line accepted, in bytes (an azure2019 row is ~5 KB). */
const MAX_LINE_BYTES = 64 << 20;
const NEWLINE = 0x0a;

/**
 * Lines of a file read synchronously in fixed-size chunks (so the synchronous simulation loop can
 * pull rows and memory stays flat): decodes up to the last line break of each chunk and carries the
 * rest. Strips a UTF-8 byte-order mark and CR of CRLF endings. Closes the file at its end.
 * Throws TraceError (line 0) when the file cannot be opened or read, or is not a regular file.
 */
export class FileLineSource implements TraceLineSource {
  lineNumber = 0;
  private fd: number;
  private buf: Buffer;
  /** Bytes in `buf` not yet decoded (the start of an unfinished line). */
  private carry = 0;
  private text = "";
  private pos = 0;
  private eof = false;

  /** `chunkBytes`: bytes per read (the initial buffer; it doubles only for a longer line). */
  constructor(
    readonly file: string,
    chunkBytes = CHUNK_BYTES,
  ) {
    this.buf = Buffer.allocUnsafe(chunkBytes);
    // Only a regular file: a FIFO would block the simulation for ever, a device never end.
    const opened = openRegularFile(file);
    if (!opened.ok) throw new TraceError(file, 0, 0, opened.problem, "a readable trace file");
    this.fd = opened.fd;
  }

  nextLine(): string | null {
    for (;;) {
      const nl = this.text.indexOf("\n", this.pos);
      if (nl >= 0) return this.emit(this.text.slice(this.pos, nl));
      // `text` is consumed (it always ends at a line break): decode the next chunk.
      if (this.eof) {
        if (this.carry === 0) return null;
        const last = this.buf.toString("utf8", 0, this.carry);
        this.carry = 0;
        return this.emit(last);
      }
      this.fill();
    }
  }

  /** Closes the file early (it closes itself at its end); later calls of `nextLine` return null. Idempotent. */
  close(): void {
    this.release();
    this.eof = true;
    this.carry = 0;
    this.text = "";
    this.pos = 0;
  }

  private release(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private emit(line: string): string {
    this.pos += line.length + 1;
    this.lineNumber++;
    let out = line.endsWith("\r") ? line.slice(0, -1) : line;
    if (this.lineNumber === 1 && out.charCodeAt(0) === 0xfeff) out = out.slice(1);
    return out;
  }

  /** Reads into the buffer after the carried bytes; decodes whole lines into `text`. */
  private fill(): void {
    this.text = "";
    this.pos = 0;
    if (this.carry === this.buf.length) {
      if (this.buf.length >= MAX_LINE_BYTES) {
        throw new TraceError(this.file, this.lineNumber + 1, 0, `a line longer than ${MAX_LINE_BYTES} bytes`, "a text file of lines");
      }
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.carry);
      this.buf = bigger;
    }
    let n: number;
    try {
      n = readSync(this.fd, this.buf, this.carry, this.buf.length - this.carry, null);
    } catch (err) {
      this.release();
      throw new TraceError(this.file, this.lineNumber + 1, 0, describeFsError(err), "a readable trace file");
    }
    if (n === 0) {
      this.eof = true;
      this.release();
      return;
    }
    const filled = this.carry + n;
    const lastNl = this.buf.lastIndexOf(NEWLINE, filled - 1);
    if (lastNl < 0 || lastNl >= filled) {
      this.carry = filled;
      return;
    }
    this.text = this.buf.toString("utf8", 0, lastNl + 1);
    this.buf.copy(this.buf, 0, lastNl + 1, filled);
    this.carry = filled - lastNl - 1;
  }
}

/** Opens a trace file for the simulator (SimulateOptions.openTrace). */
export function openTraceFile(file: string): TraceLineSource {
  return new FileLineSource(file);
}

/**
 * An opener that remembers what it opened, and `closeAll()` to release those files after a run (a
 * run whose horizon ends before a trace's end would otherwise keep its descriptor open).
 * @example
 * const traces = traceFileScope();
 * try { simulate(sim, { openTrace: traces.open }); } finally { traces.closeAll(); }
 */
export function traceFileScope(): { open: TraceOpener; closeAll(): void } {
  const opened: FileLineSource[] = [];
  return {
    open: (file) => {
      const source = new FileLineSource(file);
      opened.push(source);
      return source;
    },
    closeAll: () => {
      for (const source of opened) source.close();
      opened.length = 0;
    },
  };
}

