import type { TraceLineSource } from "../workload/trace-source.js";

/**
 * A trace's lines from its text held in memory (the what-if page embeds the trace files), read as
 * `scenario/trace-file.ts` reads a file: lines split at "\n", a trailing "\r" dropped, a byte-order mark
 * dropped from the first line, no empty line after a final line break. Each line is a substring: O(1) per line.
 */
export class TextLineSource implements TraceLineSource {
  lineNumber = 0;
  private pos = 0;

  constructor(
    readonly file: string,
    private readonly text: string,
  ) {}

  nextLine(): string | null {
    const text = this.text;
    if (this.pos >= text.length) return null;
    const nl = text.indexOf("\n", this.pos);
    const end = nl < 0 ? text.length : nl;
    let line = text.slice(this.pos, end);
    this.pos = end + 1;
    this.lineNumber++;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (this.lineNumber === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    return line;
  }

  /** Later calls of `nextLine` return null. */
  close(): void {
    this.pos = this.text.length;
  }
}
