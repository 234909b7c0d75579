import type { Result } from "../../platform/result.js";
import { formatCount } from "../format.js";

/**
 * Most functions a run's charts draw one by one. Beyond it the page charts the busiest ones and sums
 * the rest as "other": a line per function over ~2,000 buckets made a 1,000-function page 97 MB and
 * took minutes to render (issue 12 §4); ten lines stay legible and the tables list every function.
 */
export const CHARTED_FUNCTIONS = 10;

/** Which functions a run's charts draw: the charted names, and the functions summed as "other". */
export interface ChartedFunctions {
  /** Functions drawn one by one: every function in scenario order, or the busiest first when there are too many. */
  names: string[];
  /** Functions summed as "other", in scenario order (empty when every function is drawn). */
  others: string[];
}

/**
 * The functions a run's charts draw: all of them, in scenario order, when there are at most
 * `CHARTED_FUNCTIONS`; else the `CHARTED_FUNCTIONS` with the most invocations (ties: scenario order),
 * busiest first, and the rest as `others`. O(functions · log functions).
 */
export function chartedFunctions(result: Result, limit = CHARTED_FUNCTIONS): ChartedFunctions {
  const all = Object.keys(result.functions);
  if (all.length <= limit) return { names: all, others: [] };
  const ranked = all.map((name, i) => ({ name, i, n: result.functions[name]!.invocations })).sort((a, b) => b.n - a.n || a.i - b.i);
  const shown = new Set(ranked.slice(0, limit).map((r) => r.name));
  return { names: ranked.slice(0, limit).map((r) => r.name), others: all.filter((n) => !shown.has(n)) };
}

/** The label of the summed functions: `other (990 functions)`. */
export function otherLabel(others: readonly string[]): string {
  return `other (${formatCount(others.length)} function${others.length === 1 ? "" : "s"})`;
}

/**
 * The sentence a report adds when it charts only some functions, or null when it charts them all:
 * which were charted and by what measure, and where the others are.
 */
export function chartedFunctionsNote(charted: ChartedFunctions): string | null {
  if (charted.others.length === 0) return null;
  return (
    `The charts draw the ${charted.names.length} busiest of ${formatCount(charted.names.length + charted.others.length)} functions by invocations ` +
    `(${charted.names.map((n) => `\`${n}\``).join(", ")}); the arrivals and cost charts sum the other ${formatCount(charted.others.length)} as ` +
    `"${otherLabel(charted.others)}", the concurrency chart's account lines include them, and the tables list every function.`
  );
}
