import cliProgress from "cli-progress";
import { ProgressLines, type ProgressMode } from "./progress-lines.js";

/**
 * Progress of work whose total is not known in advance (a tuner's simulations, a bisection's probes,
 * on the worker pool): a cli-progress line on stderr with the count, the time so far and the last
 * step's detail, cleared at the end, on a terminal ("bar"); in a log ("lines") a plain line every
 * UNSIZED_EVERY simulations; silent with "none" (--json, --quiet).
 */
export class Ticker {
  private readonly bar: cliProgress.SingleBar | null;
  private readonly lines: ProgressLines;

  /** Shows the bar at once (0 simulations) in "bar" mode, the starting line in "lines" mode; create it once the command listens for signals. */
  constructor(label: string, mode: ProgressMode) {
    this.lines = new ProgressLines(label, null, mode === "lines");
    this.bar = mode === "bar"
      ? new cliProgress.SingleBar({ stream: process.stderr, format: `${label}: {value} simulations in {duration}s {detail}`, hideCursor: true, clearOnComplete: true })
      : null;
    this.bar?.start(0, 0, { detail: "" });
    this.lines.start();
  }

  /** One more step done; `detail` (e.g. the rate just probed) is shown after the count. */
  tick(detail = ""): void {
    this.bar?.increment(1, { detail: detail === "" ? "" : `(${detail})` });
    this.lines.tick(detail);
  }

  /** Clears the line (nothing to do when disabled). */
  done(): void {
    this.bar?.stop();
  }
}
