/**
 * The seed of replication `replication` of a sweep whose scenario seed is `base`: replication 0 runs
 * the scenario's own seed (so it matches `lambdasim run`); the others are a 32-bit mix (the
 * "lowbias32" finaliser of C. Wellons' hash-prospector) of the base and the index. It depends on
 * nothing else, not on the point, so every point of a replication shares its random numbers
 * (common random numbers), whatever the order or the worker that runs it. O(1).
 * @example replicationSeed(42, 0) // 42
 */
export function replicationSeed(base: number, replication: number): number {
  if (replication === 0) return base >>> 0;
  let x = (base ^ Math.imul(replication, 0x9e3779b9)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}
