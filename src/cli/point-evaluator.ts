import { PRICED_WORKER } from "../parallel/index.js";
import type { EvaluatePoints, PointOutcome } from "../plan/managed-options.js";
import type { CatalogOverlay, PricingOptions } from "../pricing/index.js";
import { executorFor, type ExecutorChoice } from "./executor-for.js";

/** Options of `pointEvaluator`. */
export interface PointEvaluatorOptions extends ExecutorChoice {
  region: string;
  catalogOverlay: CatalogOverlay | null;
  pricing: PricingOptions;
  /** Aborting it (Ctrl-C) stops the running batch; unfinished simulations come back as `stopped`. */
  signal: AbortSignal;
  /** Called once per finished simulation, failed or not (a progress tick). */
  onResult: () => void;
}

/**
 * Simulates and prices batches on a pool of worker threads, or through Redis (PRICED_WORKER), each
 * simulation's outcome in input order: unlike `poolEvaluator`, a failed simulation is an outcome and the
 * others go on, and an interrupted batch keeps what finished (the rest are `stopped`).
 */
export function pointEvaluator(options: PointEvaluatorOptions): { evaluate: EvaluatePoints; close(): Promise<void> } {
  const executor = executorFor(PRICED_WORKER, options);
  const evaluate: EvaluatePoints = async (sims) => {
    const out: PointOutcome[] = sims.map(() => ({ status: "stopped" }));
    if (options.signal.aborted) return out;
    await executor.run(
      sims.map((sim, id) => ({ id, sim, region: options.region, catalogOverlay: options.catalogOverlay, pricing: options.pricing })),
      {
        signal: options.signal,
        onResult: (o) => {
          out[o.id] = o.ok ? { status: "ok", result: o.result } : { status: "failed", error: o.error };
          options.onResult();
        },
      },
    );
    return out;
  };
  return { evaluate, close: () => executor.close() };
}
