import type { FunctionResult } from "../platform/result.js";

/** Service-level objectives of a scenario (each optional). */
export interface Slo {
  p99LatencyMs?: number;
  maxColdStartRate?: number;
  maxThrottleRate?: number;
}

/** One objective checked against a result. */
export interface SloVerdict {
  objective: string;
  target: number;
  actual: number | null;
  /** null when the result has no data to judge (e.g. no request completed). */
  pass: boolean | null;
}

/** What the objectives judge: a function's result, or a fleet's measured like one (compare). */
export type SloMeasures = Pick<FunctionResult, "coldStartRate" | "throttleRate"> & { latencyMs: Pick<FunctionResult["latencyMs"], "p99"> };

/** Checks each objective of `slo` against `r`; an objective without data gets pass = null. */
export function sloVerdicts(slo: Slo | null, r: SloMeasures): SloVerdict[] {
  if (!slo) return [];
  const out: SloVerdict[] = [];
  const check = (objective: string, target: number | undefined, actual: number | null) => {
    if (target === undefined) return;
    out.push({ objective, target, actual, pass: actual === null ? null : actual <= target });
  };
  check("p99LatencyMs", slo.p99LatencyMs, r.latencyMs.p99);
  check("maxColdStartRate", slo.maxColdStartRate, r.coldStartRate);
  check("maxThrottleRate", slo.maxThrottleRate, r.throttleRate);
  return out;
}
