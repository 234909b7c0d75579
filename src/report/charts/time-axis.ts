import type { SeriesResult } from "../../platform/result.js";
import { DEFAULT_MAX_BUCKETS } from "../../core/stats/time-series.js";
import { formatSeconds } from "../format.js";

/** Simulated time shown on a chart's x axis: minutes for runs up to 3 h, hours beyond. */
export interface TimeAxis {
  /** Seconds per axis unit (60 or 3,600). */
  secondsPerUnit: number;
  /** Axis title with its unit, e.g. "simulated time (h)". */
  title: string;
  /** Vega expression turning a datum's `t` (seconds since the start of the simulation) into axis units. */
  expr: string;
  /** The measured window [warm-up end, horizon] in axis units: the x domain of every time chart. */
  domain: [number, number];
}

/** Horizons up to this many seconds get a minute axis; longer ones an hour axis. */
const MINUTE_AXIS_MAX_SECONDS = 3 * 3600;

/** The time axis for a run of `horizonSeconds` whose first `warmupSeconds` are not measured. */
export function timeAxis(horizonSeconds: number, warmupSeconds = 0): TimeAxis {
  const secondsPerUnit = horizonSeconds <= MINUTE_AXIS_MAX_SECONDS ? 60 : 3600;
  const unit = secondsPerUnit === 60 ? "min" : "h";
  return {
    secondsPerUnit,
    title: `simulated time (${unit})`,
    expr: `datum.t / ${secondsPerUnit}`,
    domain: [warmupSeconds / secondsPerUnit, horizonSeconds / secondsPerUnit],
  };
}

/** The x encoding of a time chart: quantitative `time` over the measured window. */
export function timeEncoding(axis: TimeAxis) {
  return {
    field: "time",
    type: "quantitative",
    title: axis.title,
    scale: { domain: axis.domain, nice: false, zero: false },
  } as const;
}

/**
 * Checks the series is chartable: equal lengths and at most DEFAULT_MAX_BUCKETS points (the
 * simulator picks its bucket width so; a longer series is a bug, not user input). O(1).
 */
export function assertSeriesBound(series: SeriesResult): void {
  const n = series.t.length;
  if (n > DEFAULT_MAX_BUCKETS) {
    throw new RangeError(`chart series has ${n} points, more than the ${DEFAULT_MAX_BUCKETS} the simulator guarantees`);
  }
  for (const key of ["arrivals", "throttles", "coldStarts", "concurrencyMax", "environmentsMax", "idleMax", "p50", "p99"] as const) {
    if (series[key].length !== n) throw new RangeError(`chart series '${key}' has ${series[key].length} points, t has ${n}`);
  }
}

/** Subtitle naming the bucket width, e.g. "per 1 min bucket". */
export function bucketSubtitle(series: SeriesResult, what: string): string {
  return `${what} per ${formatSeconds(series.bucketSeconds)} bucket`;
}

/** Width of bucket i, s: the bucket width, cut short for a last bucket that ends at the horizon. */
export function bucketWidthSeconds(series: SeriesResult, i: number, horizonSeconds: number): number {
  const w = Math.min(series.bucketSeconds, horizonSeconds - series.t[i]!);
  return w > 0 ? w : series.bucketSeconds;
}
