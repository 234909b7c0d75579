import type { BurstSpec } from "./burst-curve.js";
import type { MmppState } from "./mmpp-arrivals.js";
import type { ProfileShape } from "./profile-curve.js";
import type { WithinMinute } from "./period-count-replay.js";
import type { MetricGaps } from "./cloudwatch-metrics.js";
import type { TraceSelect } from "./trace-select.js";

export type { BurstSpec, MmppState, ProfileShape, WithinMinute, TraceSelect, MetricGaps };

/** Trace file layouts (DESIGN.md "Trace formats"). */
export type TraceFormat = "timestamps" | "azure2019" | "azure2021" | "cloudwatch";

/** Replay of a trace file; `file` is opened by the simulator's TraceOpener (workload/ does no I/O). */
export interface TraceArrivalSpec {
  kind: "trace";
  /** Path as resolved by `scenario/` (against the scenario file's folder). */
  file: string;
  format: TraceFormat;
  /** Which rows feed the function; null: every row. */
  select: TraceSelect | null;
  /** azure2019 and cloudwatch: how a period's count is spread in the period. */
  withinMinute: WithinMinute;
  /** cloudwatch: the get-metric-data result Id to replay, or Ids to add (Invocations and Throttles); null: the file's only result. */
  metric?: string | string[] | null;
  /** cloudwatch: missing periods are an error or no invocations (default error). */
  gaps?: MetricGaps;
  /** Sim time = offset + trace time / speedup. */
  speedup: number;
  /** Mean invocations per trace invocation (thinning below 1). */
  scale: number;
  /** Shift of the replay, ms (negative skips the trace's beginning). */
  offsetMs: number;
  /** Whether the trace's own durations are used (timestamps with a duration column, azure2021). */
  traceDurations: boolean;
  /** Extra bursts superposed on the replay. */
  bursts?: BurstSpec[];
}

/**
 * Plain-data description of an arrival process, as resolved from a scenario. Rates are per second,
 * times ms. `bursts`, on any kind, superposes extra Poisson arrivals during the burst windows.
 */
export type ArrivalSpec =
  | { kind: "poisson"; ratePerSec: number; bursts?: BurstSpec[] }
  | { kind: "constant"; ratePerSec: number; bursts?: BurstSpec[] }
  | { kind: "diurnal"; meanPerSec: number; peakToTrough: number; peakAtMs: number; weekly: number[] | null; bursts?: BurstSpec[] }
  | { kind: "profile"; points: Array<[number, number]>; shape: ProfileShape; bursts?: BurstSpec[] }
  | { kind: "mmpp"; states: MmppState[]; transitions: number[][] | null; bursts?: BurstSpec[] }
  | TraceArrivalSpec;
