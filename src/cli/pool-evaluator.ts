import { PRICED_WORKER } from "../parallel/index.js";
import type { EvaluateMany } from "../plan/index.js";
import type { CatalogOverlay, PricingOptions } from "../pricing/index.js";
import { executorFor, type ExecutorChoice } from "./executor-for.js";
import { runBatch } from "./pool-batch.js";

/** Options of `poolEvaluator`. */
export interface PoolEvaluatorOptions extends ExecutorChoice {
  /** Price catalog region and pricing options of every simulation. */
  region: string;
  /** The user's price file over the region's catalog, if any. */
  catalogOverlay: CatalogOverlay | null;
  pricing: PricingOptions;
  /** Aborting it (Ctrl-C) stops the running batch at once. */
  signal: AbortSignal;
  /** Called once per finished simulation (a progress tick). */
  onResult: () => void;
}

/** A batch evaluator on a worker pool, and the call that releases the pool. */
export interface PoolEvaluator {
  evaluate: EvaluateMany;
  close(): Promise<void>;
}

/**
 * Simulates and prices each batch on a pool of worker threads, or through Redis (PRICED_WORKER), with `runBatch`:
 * results in input order; the first failure, or the signal, rejects with `BatchStopped`.
 */
export function poolEvaluator(options: PoolEvaluatorOptions): PoolEvaluator {
  const executor = executorFor(PRICED_WORKER, options);
  const evaluate: EvaluateMany = (sims) =>
    runBatch(
      executor,
      sims.map((sim, id) => ({ id, sim, region: options.region, catalogOverlay: options.catalogOverlay, pricing: options.pricing })),
      options.signal,
      (outcome) => outcome.result,
      options.onResult,
    );
  return { evaluate, close: () => executor.close() };
}
