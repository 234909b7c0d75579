import { performance } from "node:perf_hooks";

/**
 * Progress of work whose total is not known in advance (a tuner's simulations, a bisection's probes,
 * on the worker pool): one line on stderr, rewritten after each step, cleared at the end. Silent
 * unless enabled (stderr is a terminal and output is not --json/--quiet).
 */
export class Ticker {
  private count = 0;
  private readonly t0 = performance.now();

  constructor(
    private readonly label: string,
    private readonly enabled: boolean,
  ) {}

  /** One more step done; `detail` (e.g. the rate just probed) is shown after the count. */
  tick(detail = ""): void {
    this.count++;
    if (!this.enabled) return;
    const seconds = ((performance.now() - this.t0) / 1000).toFixed(1);
    process.stderr.write(`\r\x1b[2K${this.label}: ${this.count} simulation${this.count === 1 ? "" : "s"} in ${seconds} s${detail === "" ? "" : ` (${detail})`}`);
  }

  /** Clears the line (nothing to do when disabled). */
  done(): void {
    if (this.enabled && this.count > 0) process.stderr.write("\r\x1b[2K");
  }
}
