import type { CapacityProviderSeriesResult, SeriesResult } from "../platform/result.js";
import { formatCount, formatNumber, formatPercent, formatSeconds } from "./format.js";
import { bucketWidthSeconds } from "./charts/time-axis.js";

/**
 * "d 2 03:04:05"-style simulated clock time of `seconds` since the start of the simulation: HH:MM
 * (HH:MM:SS when not on a minute), with the day from the second day on.
 */
export function simulatedClock(seconds: number): string {
  const s = Math.round(seconds);
  const day = Math.floor(s / 86_400);
  const inDay = s - day * 86_400;
  const two = (x: number) => String(x).padStart(2, "0");
  const hm = `${two(Math.floor(inDay / 3600))}:${two(Math.floor((inDay % 3600) / 60))}`;
  const clock = inDay % 60 === 0 ? hm : `${hm}:${two(inDay % 60)}`;
  return day > 0 ? `day ${day + 1} ${clock}` : clock;
}

/**
 * What a capacity provider's series say over time, as one sentence for its summary line: when the
 * instance peak was first reached, the bucket with the most throttles, and how long the CPU
 * utilisation stayed above the target (bucket widths summed) with the scaling readings above it.
 * Pure. O(buckets).
 */
export function capacityProviderTimeWords(cp: CapacityProviderSeriesResult, series: SeriesResult, horizonSeconds: number): string {
  const t = series.t;
  const peak = Math.max(...cp.instancesMax);
  const peakAt = cp.instancesMax.findIndex((x) => x === peak);
  let worst = -1;
  for (let i = 0; i < cp.throttles.length; i++) if (cp.throttles[i]! > 0 && (worst < 0 || cp.throttles[i]! > cp.throttles[worst]!)) worst = i;
  let aboveSeconds = 0;
  for (let i = 0; i < t.length; i++) {
    const u = cp.cpuUtilization[i];
    if (u !== null && u !== undefined && u > cp.target) aboveSeconds += bucketWidthSeconds(series, i, horizonSeconds);
  }
  const readings = cp.scalingReading.filter((r): r is number => r !== null);
  const readingsAbove = readings.filter((r) => r > cp.target).length;
  const width = formatSeconds(series.bucketSeconds);
  const peakWords = peakAt < 0 ? "" : `peak of ${formatCount(peak)} instances first reached in the ${width} bucket at ${simulatedClock(t[peakAt]!)}`;
  const throttleWords =
    worst < 0
      ? "no throttle in any bucket"
      : `most throttles in one bucket: ${formatCount(cp.throttles[worst]!)} in the ${width} bucket at ${simulatedClock(t[worst]!)}`;
  const aboveWords =
    `CPU utilisation above the ${formatPercent(cp.target)} target for ${formatNumber(aboveSeconds / 60, 1)} min` +
    ` (${formatCount(readingsAbove)} of ${formatCount(readings.length)} scaling readings above it)`;
  return [peakWords, throttleWords, aboveWords].filter((w) => w !== "").join("; ");
}
