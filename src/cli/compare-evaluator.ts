import { COMPARE_WORKER, type CompareBase, type EvaluateSides } from "../parallel/index.js";
import { executorFor, type ExecutorChoice } from "./executor-for.js";
import { BatchStopped, runBatch } from "./pool-batch.js";

/** Options of `compareEvaluator`. */
export interface CompareEvaluatorOptions extends ExecutorChoice {
  /** Aborting it (Ctrl-C) stops every running batch at once. */
  signal: AbortSignal;
}

/** A comparison evaluator on a worker pool, and the call that releases the pool. */
export interface CompareEvaluator {
  evaluate: EvaluateSides;
  close(): Promise<void>;
}

/**
 * Simulates each batch of comparison sides of `base` on worker threads or through Redis (COMPARE_WORKER),
 * outcomes in input order. Batches may run concurrently (the bisections of several fleets); the first failure
 * rejects its batch with `BatchStopped` and stops the others too, as does the signal.
 */
export function compareEvaluator(base: CompareBase, options: CompareEvaluatorOptions): CompareEvaluator {
  const executor = executorFor(COMPARE_WORKER, options);
  const failed = new AbortController();
  const signal = AbortSignal.any([options.signal, failed.signal]);
  let failure: BatchStopped | null = null;
  const evaluate: EvaluateSides = async (requests) => {
    try {
      return await runBatch(
        executor,
        requests.map((r, id) => ({ ...base, ...r, id })),
        signal,
        (outcome) => outcome.result,
      );
    } catch (err) {
      if (err instanceof BatchStopped && !err.interrupted) failure ??= err;
      failed.abort();
      // A batch stopped by another's failure reports that failure, not an interrupt.
      throw failure !== null && !options.signal.aborted ? failure : err;
    }
  };
  return { evaluate, close: () => executor.close() };
}
