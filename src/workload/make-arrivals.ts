import type { ArrivalProcess } from "./arrival-process.js";
import type { ArrivalSpec, TraceArrivalSpec } from "./arrival-spec.js";
import { Azure2019Arrivals } from "./azure2019-trace.js";
import { Azure2021Arrivals } from "./azure2021-trace.js";
import { BurstCurve } from "./burst-curve.js";
import { CloudWatchArrivals } from "./cloudwatch-trace.js";
import { ConstantArrivals } from "./constant-arrivals.js";
import { DiurnalCurve } from "./diurnal-curve.js";
import { MmppArrivals } from "./mmpp-arrivals.js";
import { PoissonArrivals } from "./poisson-arrivals.js";
import { ProfileCurve } from "./profile-curve.js";
import { SuperposedArrivals } from "./superposed-arrivals.js";
import { ThinnedArrivals } from "./thinned-arrivals.js";
import { TimestampArrivals } from "./timestamp-trace.js";
import type { TraceOpener } from "./trace-source.js";
import { TraceReplay } from "./trace-replay.js";

/**
 * Builds the generator for a resolved arrival spec; bursts are superposed on the base process.
 * Trace specs need `openTrace` (the simulator's file access); without it they throw (a wiring bug).
 */
export function makeArrivals(spec: ArrivalSpec, openTrace?: TraceOpener): ArrivalProcess {
  const base = makeBase(spec, openTrace);
  const bursts = spec.bursts;
  return bursts !== undefined && bursts.length > 0 ? new SuperposedArrivals(base, new ThinnedArrivals(new BurstCurve(bursts))) : base;
}

function makeBase(spec: ArrivalSpec, openTrace: TraceOpener | undefined): ArrivalProcess {
  switch (spec.kind) {
    case "poisson":
      return new PoissonArrivals(spec.ratePerSec);
    case "constant":
      return new ConstantArrivals(spec.ratePerSec);
    case "diurnal":
      return new ThinnedArrivals(new DiurnalCurve(spec.meanPerSec, spec.peakToTrough, spec.peakAtMs, spec.weekly));
    case "profile":
      return new ThinnedArrivals(new ProfileCurve(spec.points, spec.shape));
    case "mmpp":
      return new MmppArrivals(spec.states, spec.transitions);
    case "trace":
      if (openTrace === undefined) throw new Error(`trace arrivals (${spec.file}) need a TraceOpener: pass openTrace to makeArrivals`);
      return makeTrace(spec, openTrace);
  }
}

/** The trace's parser over its opened file, wrapped with the replay options. */
export function makeTrace(spec: TraceArrivalSpec, openTrace: TraceOpener): ArrivalProcess {
  const source = openTrace(spec.file);
  const select = spec.select ?? {};
  const inner =
    spec.format === "timestamps"
      ? new TimestampArrivals(source)
      : spec.format === "azure2021"
        ? new Azure2021Arrivals(source, select)
        : spec.format === "cloudwatch"
          ? new CloudWatchArrivals(source, { metric: spec.metric ?? null, gaps: spec.gaps ?? "error", withinMinute: spec.withinMinute, scale: spec.scale })
          : new Azure2019Arrivals(source, select, spec.withinMinute, spec.scale);
  // Per-period counts scale themselves; per-invocation traces scale by copies.
  const scale = spec.format === "azure2019" || spec.format === "cloudwatch" ? 1 : spec.scale;
  return new TraceReplay(inner, { speedup: spec.speedup, offsetMs: spec.offsetMs, scale, keepDurations: spec.traceDurations });
}
