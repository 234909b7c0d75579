import type { FunctionResult } from "../platform/result.js";
// The SLO is part of the scenario; the report only checks results against it (a type, no code).
import type { Slo } from "../scenario/slo.js";
import { formatMs, formatPercent } from "./format.js";

export type { Slo };

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

/** An objective's value in its unit: "412 ms" for p99LatencyMs, a percentage for the rates. */
export function formatObjective(objective: string, x: number | null): string {
  return objective === "p99LatencyMs" ? formatMs(x) : formatPercent(x);
}

/** Whether every verdict passes: null without objectives, false when one is missed (one without data does not count as missed). */
export function meetsEvery(verdicts: readonly SloVerdict[]): boolean | null {
  if (verdicts.length === 0) return null;
  return verdicts.every((v) => v.pass !== false);
}

/** One line per verdict for a terminal: "slo p99LatencyMs: 412 ms against ≤ 500 ms, met". */
export function verdictLines(verdicts: readonly SloVerdict[]): string[] {
  return verdicts.map((v) => {
    const word = v.pass === null ? "no data to judge" : v.pass ? "met" : "MISSED";
    return `slo ${v.objective}: ${formatObjective(v.objective, v.actual)} against ≤ ${formatObjective(v.objective, v.target)}, ${word}`;
  });
}
