import type { LatencySummary } from "../core/stats/latency-histogram.js";

/** What one fleet run measured (after warm-up). Counts cover arrivals in the measured window. */
export interface FleetResult {
  kind: "ec2" | "fargate";
  label: string;
  invocations: number;
  completed: number;
  /** Turned away because the queue held `maxQueue` requests. */
  rejected: number;
  /** Found every slot busy and waited in the queue. */
  queued: number;
  /** queued / invocations; null without invocations. */
  queuedRate: number | null;
  /** In service at the horizon. */
  inService: number;
  /** Still waiting in the queue at the horizon. */
  waiting: number;
  /** Wait plus service, ms. */
  latencyMs: LatencySummary;
  /** Time in the queue, ms (0 for requests that found a free slot). */
  waitMs: LatencySummary;
  /** Busy slots / slots of running instances, time-weighted over the window. */
  utilization: number;
  instances: { peak: number; mean: number; launched: number; atEnd: number };
  /** Instance-hours billed in the window (from the launch decision, as the autoscaler asked for them). */
  instanceHours: number;
  /** Service-time factor of a slot relative to the function's duration distribution. */
  serviceTimeFactor: number;
}
