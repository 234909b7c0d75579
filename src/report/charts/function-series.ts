import type { FunctionSeriesResult, Result } from "../../platform/result.js";

/** One function's chart series, with its name. */
export interface NamedFunctionSeries {
  name: string;
  series: FunctionSeriesResult;
}

/**
 * The per-function series of a run, in scenario order: empty for a single-function run (the
 * simulator keeps none), else one per function, each checked to have the account series' length. O(functions).
 */
export function functionSeriesOf(result: Result): NamedFunctionSeries[] {
  const out: NamedFunctionSeries[] = [];
  const n = result.series.t.length;
  for (const [name, f] of Object.entries(result.functions)) {
    if (!f.series) continue;
    for (const key of ["arrivals", "throttles", "concurrencyMax"] as const) {
      if (f.series[key].length !== n) throw new RangeError(`chart series '${key}' of function '${name}' has ${f.series[key].length} points, t has ${n}`);
    }
    out.push({ name, series: f.series });
  }
  return out;
}
