import type { ArrivalSpec } from "./arrival-spec.js";

/**
 * A short human label for an arrival spec, for reports: `Poisson 50/s`, `diurnal mean 50/s, peak/trough 4 at 14:00`,
 * `trace azure2021 traces/x.csv`, with `+ 2 bursts` when bursts are set.
 */
export function describeArrivals(spec: ArrivalSpec): string {
  const bursts = spec.bursts?.length ?? 0;
  const extra = bursts > 0 ? ` + ${bursts} burst${bursts === 1 ? "" : "s"}` : "";
  return base(spec) + extra;
}

function base(spec: ArrivalSpec): string {
  switch (spec.kind) {
    case "poisson":
      return `Poisson ${num(spec.ratePerSec)}/s`;
    case "constant":
      return `constant ${num(spec.ratePerSec)}/s`;
    case "diurnal":
      return `diurnal mean ${num(spec.meanPerSec)}/s, peak/trough ${num(spec.peakToTrough)} at ${clock(spec.peakAtMs)}${spec.weekly ? ", weekly shape" : ""}`;
    case "profile":
      return `${spec.shape} profile of ${spec.points.length} point${spec.points.length === 1 ? "" : "s"}`;
    case "mmpp":
      return `MMPP of ${spec.states.length} states`;
    case "trace":
      return `trace ${spec.format} ${spec.file}${spec.format === "cloudwatch" && spec.metric ? ` metric ${[spec.metric].flat().join(" + ")}` : ""}${spec.speedup !== 1 ? ` at ${num(spec.speedup)}x` : ""}`;
  }
}

function num(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

function clock(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
