/**
 * The scaling decision of a capacity provider, pure: target tracking on the utilisation reading, as
 * EC2 Auto Scaling does (desired = ceil(instances × reading / target)), clamped to the minimum and to
 * the vCPU limit. Scale-out is immediate; scale-in needs `scaleInPeriods` readings in a row below the
 * target and drains at most `scaleInFraction` of the instances (at least one) per decision.
 */

/** What one reading asks for: instances to launch, instances to drain, and the new count of low readings. */
export interface ScalingDecision {
  launch: number;
  drain: number;
  lowReadings: number;
}

/** Inputs of one decision. */
export interface ScalingState {
  /** Instances running and not draining. */
  running: number;
  /** Instances launched and not yet running. */
  launching: number;
  /** The reading: the larger of CPU and concurrency-slot utilisation over the period, 0..1. */
  utilization: number;
  target: number;
  minInstances: number;
  maxInstances: number;
  /** Readings in a row below target before this one. */
  lowReadings: number;
  scaleInPeriods: number;
  scaleInFraction: number;
}

/** Decides one period's scaling. */
export function decideScaling(s: ScalingState): ScalingDecision {
  const base = Math.max(s.running, 1);
  // A tiny tolerance keeps float noise (0.5000000001 / 0.5) from asking for one more instance.
  const desired = Math.min(s.maxInstances, Math.max(s.minInstances, Math.ceil((base * s.utilization) / s.target - 1e-9)));
  const planned = s.running + s.launching;
  if (desired > planned) return { launch: desired - planned, drain: 0, lowReadings: 0 };
  if (desired >= s.running || s.launching > 0) return { launch: 0, drain: 0, lowReadings: 0 };
  const low = s.lowReadings + 1;
  if (low < s.scaleInPeriods) return { launch: 0, drain: 0, lowReadings: low };
  const step = Math.max(1, Math.floor(s.running * s.scaleInFraction));
  return { launch: 0, drain: Math.min(step, s.running - desired), lowReadings: 0 };
}
