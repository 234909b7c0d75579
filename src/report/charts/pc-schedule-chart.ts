import type { TopLevelSpec } from "vega-lite";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";

/** A provisioned-concurrency schedule as daily steps (ms since midnight → environments). */
export type ScheduleSteps = ReadonlyArray<{ atMsOfDay: number; count: number }>;

/** The level a daily schedule sets at `tSeconds` since the simulation start (the last step at or before that time of day). */
function levelAt(steps: ScheduleSteps, tSeconds: number): number {
  const tod = ((tSeconds * 1000) % 86_400_000 + 86_400_000) % 86_400_000;
  let level = steps[steps.length - 1]!.count;
  for (const s of steps) if (s.atMsOfDay <= tod) level = s.count;
  return level;
}

/**
 * The recommended provisioned-concurrency schedule against the load it serves: arrivals per second
 * per hour (bars, left axis) and provisioned environments (step line, right axis) over the run, in hours.
 */
export function pcScheduleChart(load: { t: readonly number[]; arrivalsPerSec: readonly number[] }, steps: ScheduleSteps): ChartSpec {
  const bucketS = load.t.length > 1 ? load.t[1]! - load.t[0]! : 3600;
  const values = load.t.map((t, i) => ({
    hour: round6(t / 3600)!,
    hourEnd: round6((t + bucketS) / 3600)!,
    arrivalsPerSec: round6(load.arrivalsPerSec[i]!)!,
    provisioned: levelAt(steps, t),
  }));
  // The step line needs the level at every change inside the run, not only at bucket starts.
  const end = load.t.length > 0 ? load.t[load.t.length - 1]! + bucketS : 0;
  const changes: Array<{ hour: number; provisioned: number }> = [];
  for (let day = 0; day * 86_400 < end; day++) {
    for (const s of steps) {
      const t = day * 86_400 + s.atMsOfDay / 1000;
      if (t >= (load.t[0] ?? 0) && t < end) changes.push({ hour: round6(t / 3600)!, provisioned: s.count });
    }
  }
  const last = values[values.length - 1];
  const tail = last ? [{ hour: last.hourEnd, provisioned: last.provisioned }] : [];
  const levels = [...values.map((v) => ({ hour: v.hour, provisioned: v.provisioned })), ...changes, ...tail].sort((a, b) => a.hour - b.hour);
  const x = { field: "hour", type: "quantitative" as const, title: "simulated time (h)" };
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: "Provisioned-concurrency schedule vs load", subtitle: "bars: arrivals per second each hour; line: provisioned environments" },
    ...CHART_SIZE,
    layer: [
      {
        data: { values },
        mark: { type: "bar", color: "#9ecae9" },
        encoding: { x, x2: { field: "hourEnd" }, y: { field: "arrivalsPerSec", type: "quantitative", title: "arrivals (req/s)" }, y2: { datum: 0 } },
      },
      {
        data: { values: levels },
        mark: { type: "line", interpolate: "step-after", color: "#f58518", strokeWidth: 2 },
        encoding: {
          x,
          y: {
            field: "provisioned",
            type: "quantitative",
            title: "provisioned environments (count)",
            // Whole environments from 0; a schedule of zeros still gets an axis from 0 to 1, not a line in mid-air.
            scale: { domain: [0, Math.max(1, ...levels.map((l) => l.provisioned))] },
            axis: { titleColor: "#f58518", format: "d", tickMinStep: 1 },
          },
        },
      },
    ],
    resolve: { scale: { y: "independent" } },
  };
  return { name: "pc-schedule", title: "Provisioned-concurrency schedule vs load", spec };
}
