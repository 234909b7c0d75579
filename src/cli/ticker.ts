import cliProgress from "cli-progress";

/**
 * Progress of work whose total is not known in advance (a tuner's simulations, a bisection's probes,
 * on the worker pool): a cli-progress line on stderr with the count, the time so far and the last
 * step's detail, cleared at the end. Silent unless enabled (stderr is a terminal and output is not --json/--quiet).
 */
export class Ticker {
  private readonly bar: cliProgress.SingleBar | null;

  /** Shows the line at once (0 simulations) when enabled. */
  constructor(label: string, enabled: boolean) {
    this.bar = enabled
      ? new cliProgress.SingleBar({ stream: process.stderr, format: `${label}: {value} simulations in {duration}s {detail}`, hideCursor: true, clearOnComplete: true })
      : null;
    this.bar?.start(0, 0, { detail: "" });
  }

  /** One more step done; `detail` (e.g. the rate just probed) is shown after the count. */
  tick(detail = ""): void {
    this.bar?.increment(1, { detail: detail === "" ? "" : `(${detail})` });
  }

  /** Clears the line (nothing to do when disabled). */
  done(): void {
    this.bar?.stop();
  }
}
