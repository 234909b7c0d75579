import type { ArrivalSpec } from "./arrival-spec.js";

/**
 * The same arrival process with every rate multiplied by `factor` (> 0): its shape kept (diurnal stays
 * diurnal with the same peak-to-trough and peak hour, a profile keeps its points' times, an MMPP its
 * holding times, bursts their windows), its mean rate `factor` times the original. A trace is scaled by
 * its `scale` (copies or thinning of each traced invocation). Pure; O(points + states + bursts).
 * @example scaleArrivals({ kind: "diurnal", meanPerSec: 50, peakToTrough: 4, peakAtMs: 50_400_000, weekly: null }, 2).meanPerSec // 100
 */
export function scaleArrivals(spec: ArrivalSpec, factor: number): ArrivalSpec {
  if (!(factor > 0) || !Number.isFinite(factor)) throw new RangeError(`scale factor ${factor} is not a positive number`);
  const bursts = spec.bursts?.map((b) => ({ ...b, ratePerSec: b.ratePerSec * factor }));
  const withBursts = bursts === undefined ? {} : { bursts };
  switch (spec.kind) {
    case "poisson":
    case "constant":
      return { ...spec, ratePerSec: spec.ratePerSec * factor, ...withBursts };
    case "diurnal":
      return { ...spec, meanPerSec: spec.meanPerSec * factor, ...withBursts };
    case "profile":
      return { ...spec, points: spec.points.map(([t, r]) => [t, r * factor] as [number, number]), ...withBursts };
    case "mmpp":
      return { ...spec, states: spec.states.map((s) => ({ ...s, ratePerSec: s.ratePerSec * factor })), ...withBursts };
    case "trace":
      return { ...spec, scale: spec.scale * factor, ...withBursts };
  }
}
