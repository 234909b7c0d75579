import { isAbsolute, resolve } from "node:path";
import type { SimConfig } from "../platform/config.js";
import type { ArrivalSpec } from "../workload/arrival-spec.js";

/** A task that may name trace files: a sweep or priced task's `sim`, a compare task's `arrivals` too. */
export interface TraceCarrier {
  sim: SimConfig;
  arrivals?: ArrivalSpec;
}

/** `spec` with a trace `file` resolved against `cwd` (other kinds unchanged). */
function absoluteArrivals(spec: ArrivalSpec, cwd: string): ArrivalSpec {
  return spec.kind === "trace" && !isAbsolute(spec.file) ? { ...spec, file: resolve(cwd, spec.file) } : spec;
}

/**
 * The task with every trace-file path absolute, resolved against `cwd`: scenario loading keeps them
 * relative to where the command runs, which means nothing to a worker on another machine. O(functions).
 */
export function withAbsoluteTraceFiles<T extends TraceCarrier>(task: T, cwd: string): T {
  const functions = task.sim.functions.map((f) => ({ ...f, arrivals: absoluteArrivals(f.arrivals, cwd) }));
  const arrivals = task.arrivals === undefined ? {} : { arrivals: absoluteArrivals(task.arrivals, cwd) };
  return { ...task, sim: { ...task.sim, functions }, ...arrivals };
}
