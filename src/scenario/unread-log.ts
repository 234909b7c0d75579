import type { DistSpec } from "../core/dist/distribution.js";

/** Whether a spec is an empirical distribution still to be read from its REPORT log file (pure: no I/O, so the browser bundle may import it). */
export function isUnreadLog(spec: DistSpec): spec is { dist: "empirical"; histogram: Array<[number, number]>; file: string } {
  return spec.dist === "empirical" && "histogram" in spec && spec.file !== undefined && spec.histogram.length === 0;
}
