import type { FunctionSeriesResult, Result } from "../../platform/result.js";
import { chartedFunctions, otherLabel } from "./charted-functions.js";

/** One function's chart series, with its name. */
export interface NamedFunctionSeries {
  name: string;
  series: FunctionSeriesResult;
}

/**
 * The per-function series a run's charts draw (chartedFunctions: every function in scenario order,
 * or the busiest ones when there are many): empty for a single-function run (the simulator keeps
 * none), each checked to have the account series' length. With `withOther`, the functions left out
 * follow as one series named `other (N functions)`: their arrivals and throttles summed per bucket
 * (exact), and the sum of their running maxima (an upper bound of their running total).
 * O(buckets · functions).
 */
export function functionSeriesOf(result: Result, withOther = false): NamedFunctionSeries[] {
  const out: NamedFunctionSeries[] = [];
  const n = result.series.t.length;
  const checked = (name: string): FunctionSeriesResult | undefined => {
    const f = result.functions[name]!;
    if (!f.series) return undefined;
    for (const key of ["arrivals", "throttles", "concurrencyMax"] as const) {
      if (f.series[key].length !== n) throw new RangeError(`chart series '${key}' of function '${name}' has ${f.series[key].length} points, t has ${n}`);
    }
    return f.series;
  };
  const charted = chartedFunctions(result);
  for (const name of charted.names) {
    const series = checked(name);
    if (series) out.push({ name, series });
  }
  if (!withOther || charted.others.length === 0) return out;
  // Counts add up; a p99 of several functions cannot be made from theirs, so "other" has none.
  const sum: FunctionSeriesResult = {
    arrivals: new Array<number>(n).fill(0),
    throttles: new Array<number>(n).fill(0),
    concurrencyMax: new Array<number>(n).fill(0),
    coldStarts: new Array<number>(n).fill(0),
    p99: new Array<number | null>(n).fill(null),
    spillover: new Array<number>(n).fill(0),
  };
  for (const name of charted.others) {
    const series = checked(name);
    if (!series) continue;
    for (let i = 0; i < n; i++) {
      sum.arrivals[i]! += series.arrivals[i]!;
      sum.throttles[i]! += series.throttles[i]!;
      sum.concurrencyMax[i]! += series.concurrencyMax[i]!;
      sum.coldStarts[i]! += series.coldStarts[i]!;
      sum.spillover[i]! += series.spillover[i]!;
    }
  }
  out.push({ name: otherLabel(charted.others), series: sum });
  return out;
}
