import seedrandom from "seedrandom";

/** A uniform random source on [0, 1). Streams are plain functions so the hot loop calls them directly. */
export type Rng = () => number;

/** What a stream is used for; one independent stream per (entity, purpose). */
export type StreamPurpose =
  | "arrivals"
  | "durations"
  | "coldStarts"
  | "keepAlive"
  | "retries"
  | "errors"
  | (string & {});

/**
 * Independent seeded stream for one (entity, purpose) pair, from seedrandom's Alea generator.
 * The stream depends only on the seed, the entity name and the purpose, so changing one function
 * or one purpose never shifts another's draws (common random numbers across sweep points).
 * @example const u = randomStream(42, "checkout", "arrivals")();
 */
export function randomStream(seed: number, entity: string, purpose: StreamPurpose): Rng {
  // Alea: fast, passes BigCrush per seedrandom's README; the key string separates the streams.
  return seedrandom.alea(`lambdasim/${seed}/${entity}/${purpose}`);
}

/**
 * One exponential gap with mean `meanMs`: −mean·ln(1 − u). 1 − u lies in (0, 1], so the log is
 * finite. The arrival processes share it (Poisson, thinning, MMPP, Poisson-within-minute traces).
 */
export function exponentialGapMs(meanMs: number, rng: Rng): number {
  return -meanMs * Math.log(1 - rng());
}
