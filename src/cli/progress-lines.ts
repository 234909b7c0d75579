import { performance } from "node:perf_hooks";

/** Steps of progress printed off a terminal: a line at each tenth of the work. */
const STEPS = 10;
/** Off a terminal, work of unknown size prints a line every this many simulations. */
export const UNSIZED_EVERY = 10;

/**
 * Progress for a log (stderr is not a terminal, so no bar can redraw): one plain line per tenth of
 * the simulations done, `lambdasim: sweep: 4/40 simulations (10 %), 1.2 s`, or, when the total is
 * unknown (null), one every UNSIZED_EVERY simulations. Silent when disabled (a terminal, --json, --quiet).
 */
export class ProgressLines {
  private done = 0;
  private nextStep = 1;
  private readonly t0 = performance.now();

  constructor(
    private readonly label: string,
    private readonly total: number | null,
    private readonly enabled: boolean,
    private readonly write: (line: string) => void = (line) => process.stderr.write(line),
  ) {}

  /**
   * Says that the work started and how much there is (`lambdasim: sweep: 0/40 simulations (0 %), 0.0 s`).
   * Commands call it once they listen for Ctrl-C and SIGTERM, so a log (or a test) knows from then on
   * a signal stops the command cleanly.
   */
  start(): void {
    if (!this.enabled) return;
    this.write(`lambdasim: ${this.label}: ${this.total === null ? "0" : `0/${this.total}`} simulations${this.total === null ? "" : " (0 %)"}, 0.0 s\n`);
  }

  /** One more simulation finished; `detail` is added to a printed line. */
  tick(detail = ""): void {
    if (!this.enabled) return;
    this.done++;
    const seconds = ((performance.now() - this.t0) / 1000).toFixed(1);
    const extra = detail === "" ? "" : ` (${detail})`;
    if (this.total === null) {
      if (this.done % UNSIZED_EVERY === 0) this.write(`lambdasim: ${this.label}: ${this.done} simulations, ${seconds} s${extra}\n`);
      return;
    }
    // The step crossed: a line at 10 %, 20 %, ... 100 % (several steps at once print one line).
    if (this.done * STEPS < this.nextStep * this.total) return;
    while (this.done * STEPS >= this.nextStep * this.total) this.nextStep++;
    const percent = Math.floor((this.done * 100) / this.total);
    this.write(`lambdasim: ${this.label}: ${this.done}/${this.total} simulations (${percent} %), ${seconds} s${extra}\n`);
  }
}

/** How a command shows progress on stderr: a redrawn bar on a terminal, plain lines in a log, or nothing. */
export type ProgressMode = "bar" | "lines" | "none";

/** The progress mode for a command's flags: none with --json or --quiet, else a bar when stderr is a terminal, lines when not. */
export function progressMode(flags: { json: boolean; quiet: boolean }): ProgressMode {
  if (flags.json || flags.quiet) return "none";
  return process.stderr.isTTY === true ? "bar" : "lines";
}
