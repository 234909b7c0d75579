import type { TopLevelSpec } from "vega-lite";
import { CHART_SIZE, VEGA_LITE_SCHEMA, round6, type ChartSpec } from "./chart-spec.js";

/** A provisioned-concurrency schedule as daily steps (ms since midnight → environments). */
export type ScheduleSteps = ReadonlyArray<{ atMsOfDay: number; count: number }>;

/** The level a daily schedule sets at `hourOfDay` (the last step at or before it, wrapping from yesterday's last). */
function levelAt(steps: ScheduleSteps, hourOfDay: number): number {
  let level = steps[steps.length - 1]!.count;
  for (const s of steps) if (s.atMsOfDay <= hourOfDay * 3_600_000) level = s.count;
  return level;
}

/**
 * The recommended provisioned-concurrency schedule against the load it serves, over the 24 h of the
 * simulated day (clock time): arrivals per second per clock hour (bars, coloured by whether the
 * re-simulated schedule met the objectives in that hour) and provisioned environments (step line).
 */
export function pcScheduleChart(
  load: { hour: readonly number[]; arrivalsPerSec: readonly number[] },
  steps: ScheduleSteps,
  met: ReadonlyArray<boolean | null> = [],
): ChartSpec {
  const word = (m: boolean | null | undefined) => (m === true ? "met" : m === false ? "missed" : "not judged");
  const values = load.hour.map((h, i) => ({ hour: h, hourEnd: h + 1, arrivalsPerSec: round6(load.arrivalsPerSec[i]!)!, slo: word(met[h]) }));
  const levels = [
    { hour: 0, provisioned: levelAt(steps, 0) },
    ...steps.map((s) => ({ hour: round6(s.atMsOfDay / 3_600_000)!, provisioned: s.count })),
    { hour: 24, provisioned: levelAt(steps, 24 - 1e-9) },
  ].sort((a, b) => a.hour - b.hour);
  const x = { field: "hour", type: "quantitative" as const, title: "time of day (h)", scale: { domain: [0, 24] }, axis: { values: [0, 3, 6, 9, 12, 15, 18, 21, 24] } };
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: "Provisioned-concurrency schedule vs load", subtitle: "bars: arrivals per second each clock hour, by SLO verdict; line: provisioned environments" },
    ...CHART_SIZE,
    layer: [
      {
        data: { values },
        mark: { type: "bar" },
        encoding: {
          x,
          x2: { field: "hourEnd" },
          y: { field: "arrivalsPerSec", type: "quantitative", title: "arrivals (req/s)" },
          y2: { datum: 0 },
          color: { field: "slo", type: "nominal", title: "SLO in the hour", scale: { domain: ["met", "missed", "not judged"], range: ["#9ecae9", "#e45756", "#d3d3d3"] } },
        },
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
