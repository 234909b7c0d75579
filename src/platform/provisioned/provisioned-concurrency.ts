/**
 * Provisioned-concurrency policies: fixed, scheduled by time of day, or target tracking on
 * utilization. Each returns decisions (the level wanted); the Lambda model applies them.
 */

/** How a function's provisioned concurrency is set over time (times in ms). */
export type ProvisionedPlan =
  | { kind: "fixed"; count: number }
  | {
      kind: "schedule";
      /** Daily steps, sorted by `atMsOfDay`: from that time of day on, `count` environments. */
      steps: Array<{ atMsOfDay: number; count: number }>;
    }
  | {
      kind: "targetTracking";
      /** Utilization the policy aims at, 0..1 (AWS's example and default: 0.7). */
      target: number;
      min: number;
      max: number;
      /** Consecutive 1-minute data points above target before scaling out. */
      scaleOutPoints: number;
      /** Consecutive 1-minute data points below target before scaling in. */
      scaleInPoints: number;
    };

/** One day, ms. */
export const DAY_MS = 86_400_000;
/** Period of the utilization metric the target-tracking alarms evaluate, ms (1-minute data points). */
export const METRIC_PERIOD_MS = 60_000;

/** The level a plan sets at `nowMs` for schedules and fixed plans; target tracking starts at its minimum. */
export function initialProvisioned(plan: ProvisionedPlan): number {
  switch (plan.kind) {
    case "fixed":
      return plan.count;
    case "schedule":
      return scheduledLevel(plan.steps, 0);
    case "targetTracking":
      return plan.min;
  }
}

/** The scheduled level in force at time `tMs` (the last step at or before its time of day, wrapping). */
export function scheduledLevel(steps: ReadonlyArray<{ atMsOfDay: number; count: number }>, tMs: number): number {
  const tod = ((tMs % DAY_MS) + DAY_MS) % DAY_MS;
  let level = steps[steps.length - 1]!.count; // before the first step of the day: yesterday's last
  for (const s of steps) if (s.atMsOfDay <= tod) level = s.count;
  return level;
}

/** Absolute time of the next schedule step strictly after `tMs`. */
export function nextStepTime(steps: ReadonlyArray<{ atMsOfDay: number }>, tMs: number): number {
  const day = Math.floor(tMs / DAY_MS) * DAY_MS;
  for (const s of steps) if (day + s.atMsOfDay > tMs) return day + s.atMsOfDay;
  return day + DAY_MS + steps[0]!.atMsOfDay;
}

/**
 * Target-tracking state of one function: counts consecutive 1-minute utilization data points
 * above and below the target, as Application Auto Scaling's two alarms do (scale out after 3
 * points above, scale in after 15 below), and proposes ceil(current · utilization / target),
 * bounded by [min, max]. After an action both counts restart.
 */
export class TargetTracker {
  private above = 0;
  private below = 0;

  constructor(private readonly plan: Extract<ProvisionedPlan, { kind: "targetTracking" }>) {}

  /** Feeds one data point; returns the new level, or -1 for no change. */
  observe(utilization: number, current: number): number {
    const p = this.plan;
    if (utilization > p.target) {
      this.above++;
      this.below = 0;
    } else if (utilization < p.target) {
      this.below++;
      this.above = 0;
    } else {
      this.above = 0;
      this.below = 0;
    }
    const fire = this.above >= p.scaleOutPoints || this.below >= p.scaleInPoints;
    if (!fire) return -1;
    this.above = 0;
    this.below = 0;
    const wanted = Math.min(p.max, Math.max(p.min, Math.ceil((Math.max(current, 1) * utilization) / p.target)));
    return wanted === current ? -1 : wanted;
  }
}
