import { pathSegments } from "./apply-path.js";

/*
 * Which sweep axes the user chooses and which the world gives. A sweep's findings recommend values of
 * the first (memory, provisioned concurrency, reserved concurrency, architecture, timeout, batch size…)
 * and take the second as given: one recommendation per combination of given values, never a traffic level.
 */

/** Function fields the world gives: the offered load, the work and errors each request brings, the platform's own behaviour. */
const WORLD_FUNCTION_FIELDS = new Set(["arrivals", "duration", "errorRate", "payloadKB", "coldStart", "idleLifetime", "maxLifetime"]);

/** Top-level fields that are the simulation's own settings, not a configuration to recommend. */
const WORLD_TOP_LEVEL = new Set(["horizon", "warmup", "seed"]);

/**
 * Whether a sweep axis path names something the world gives rather than something the user chooses.
 * @example isWorldAxis("arrivals.rate") // true
 * @example isWorldAxis("functions.api.memoryMB") // false
 */
export function isWorldAxis(path: string): boolean {
  const segs = pathSegments(path).map(String);
  const field = segs[0] === "functions" ? segs[2] : segs[0];
  return field !== undefined && (WORLD_FUNCTION_FIELDS.has(field) || (segs[0] !== "functions" && WORLD_TOP_LEVEL.has(field)));
}
