import { PiscinaExecutor, PRICED_WORKER } from "../parallel/index.js";
import type { EvaluateMany } from "../plan/index.js";
import type { Result } from "../platform/result.js";
import type { PricingOptions } from "../pricing/index.js";

/**
 * Why a batch did not give every result: a simulation failed (it threw, its worker died, or it
 * passed --point-timeout), or the signal (Ctrl-C) stopped it. A rejection, so that the planner
 * awaiting the batch stops there; the command turns it into a message and an exit code.
 */
export class BatchStopped extends Error {
  constructor(
    message: string,
    /** True when the signal stopped the batch, false when a simulation failed. */
    readonly interrupted: boolean,
  ) {
    super(message);
    this.name = "BatchStopped";
  }
}

/** Options of `poolEvaluator`. */
export interface PoolEvaluatorOptions {
  /** Price catalog region and pricing options of every simulation. */
  region: string;
  pricing: PricingOptions;
  /** Worker threads (≥ 1) and the per-simulation limit (null: none). */
  workers: number;
  pointTimeoutMs: number | null;
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
 * Simulates and prices each batch on a pool of worker threads (PRICED_WORKER), results in input
 * order, so they do not depend on the worker count. The first failure stops the batch and rejects
 * with `BatchStopped`, as does the signal: a planner has no answer without every result.
 */
export function poolEvaluator(options: PoolEvaluatorOptions): PoolEvaluator {
  const executor = new PiscinaExecutor(PRICED_WORKER, { workers: options.workers, pointTimeoutMs: options.pointTimeoutMs });
  const evaluate: EvaluateMany = async (sims) => {
    const results = new Array<Result>(sims.length);
    const failed = new AbortController();
    let failure: string | null = null;
    await executor.run(
      sims.map((sim, id) => ({ id, sim, region: options.region, pricing: options.pricing })),
      {
        signal: AbortSignal.any([options.signal, failed.signal]),
        onResult: (outcome) => {
          if (outcome.ok) {
            results[outcome.id] = outcome.result;
            options.onResult();
          } else if (failure === null) {
            failure = outcome.error;
            failed.abort();
          }
        },
      },
    );
    if (options.signal.aborted) throw new BatchStopped("interrupted", true);
    if (failure !== null) throw new BatchStopped(`a simulation failed: ${failure}`, false);
    return results;
  };
  return { evaluate, close: () => executor.close() };
}
