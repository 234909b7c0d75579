import type { Rng } from "../core/random.js";
import type { ArrivalProcess } from "./arrival-process.js";
import { countsOf, metricSeries, parseMetricData, type MetricData, type MetricGaps } from "./cloudwatch-metrics.js";
import { PeriodCountReplay, scaleCounts, type WithinMinute } from "./period-count-replay.js";
import { TraceError, type TraceLineSource } from "./trace-source.js";

/** Which result of a get-metric-data file to replay and how. */
export interface CloudWatchTraceOptions {
  /** The result's Id, or Ids whose values are added (Invocations and Throttles: the requests); null: the file's only result. */
  metric: string | readonly string[] | null;
  /** Missing periods: an error, or no invocations. */
  gaps: MetricGaps;
  /** How a period's count is spread inside it. */
  withinMinute: WithinMinute;
  /** Multiplies each period's count (rounded at random to an integer with the right mean). */
  scale: number;
}

/**
 * Replays CloudWatch's per-period Sum of Invocations (`aws cloudwatch get-metric-data` JSON) as the
 * Azure 2019 minutes are replayed: the first period starts at trace time 0, each period gets exactly
 * its count (`uniform`) or a Poisson process at count/period (`poisson`). The file is read whole at
 * `first()` (a day of 1-minute periods is ~1,440 numbers per result). Throws TraceError on bad input.
 */
export class CloudWatchArrivals implements ArrivalProcess {
  /** CloudWatch counts carry no durations. */
  readonly lastDurationMs = NaN;
  private replay: PeriodCountReplay | null = null;
  private total = 0;

  constructor(
    private readonly source: TraceLineSource,
    private readonly opts: CloudWatchTraceOptions,
  ) {}

  first(_startMs: number, rng: Rng): number {
    const counts = readCloudWatchCounts(this.source, this.opts);
    if (this.opts.scale !== 1) scaleCounts(counts.counts, this.opts.scale, rng);
    this.replay = new PeriodCountReplay(counts.counts, counts.periodMs, this.opts.withinMinute);
    this.total = this.replay.total();
    return this.replay.start(rng);
  }

  next(nowMs: number, rng: Rng): number {
    return this.replay!.next(nowMs, rng);
  }

  /** Mean rate over the file's periods, per second (0 before `first()`). */
  meanRatePerSec(): number {
    const r = this.replay;
    return r === null ? 0 : this.total / ((r.counts.length * r.periodMs) / 1000);
  }
}

/** All lines of a source joined (JSON needs the whole document). */
export function readAllText(source: TraceLineSource): string {
  const parts: string[] = [];
  for (let line = source.nextLine(); line !== null; line = source.nextLine()) parts.push(line);
  return parts.join("\n");
}

/** The chosen result's counts per period, its period and its first period's start (epoch ms). Throws TraceError. */
export function readCloudWatchCounts(source: TraceLineSource, opts: Pick<CloudWatchTraceOptions, "metric" | "gaps">): { counts: Float64Array; periodMs: number; startMs: number; data: MetricData } {
  const data = parseMetricData(readAllText(source), source.file);
  let ids: readonly string[];
  if (opts.metric === null) {
    if (data.size !== 1) {
      throw new TraceError(source.file, 0, 0, `${data.size} results (${[...data.keys()].map((k) => JSON.stringify(k)).join(", ")}) and no metric chosen`, "`metric: <Id>` naming the Sum of Invocations", "metric");
    }
    ids = [...data.keys()];
  } else ids = typeof opts.metric === "string" ? [opts.metric] : opts.metric;
  // The first result sets the periods; the others (Throttles beside Invocations) add to them, a missing period counting 0.
  const series = metricSeries(data, ids[0]!, source.file, opts.gaps);
  const counts = countsOf(series, source.file);
  for (const id of ids.slice(1)) {
    const extra = metricSeries(data, id, source.file, "zero");
    const added = countsOf(extra, source.file);
    if (extra.periodMs !== series.periodMs) {
      throw new TraceError(source.file, 0, 0, `Id ${JSON.stringify(id)} with a period of ${extra.periodMs / 1000} s`, `the period of ${JSON.stringify(ids[0])} (${series.periodMs / 1000} s)`, "metric");
    }
    const shift = (extra.startMs - series.startMs) / series.periodMs;
    for (let p = 0; p < added.length; p++) {
      const q = p + shift;
      if (added[p]! > 0 && (q < 0 || q >= counts.length)) {
        throw new TraceError(source.file, 0, 0, `Id ${JSON.stringify(id)} with counts outside the periods of ${JSON.stringify(ids[0])}`, "results over the same periods", "metric");
      }
      if (q >= 0 && q < counts.length) counts[q] += added[p]!;
    }
  }
  return { counts, periodMs: series.periodMs, startMs: series.startMs, data };
}
