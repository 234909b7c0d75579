import type { VolumeTier } from "./catalog/types.js";

/**
 * The cost of the usage between `from` and `to` (the month's cumulative usage before and after it) under
 * monthly volume tiers: each part is priced by the tier it falls in. `unitsPerPrice` is how many units one
 * `price` buys (1 for USD per GB-s, 1,000,000 for USD per million calls). Cost: O(number of tiers).
 * @example
 * tieredCost(x86Tiers, 5.9e9, 6.1e9) // 1e8 GB-s at the first tier's price + 1e8 at the second's
 */
export function tieredCost(tiers: readonly VolumeTier[], from: number, to: number, unitsPerPrice = 1): number {
  if (!(from >= 0) || !(to >= from)) throw new RangeError(`tieredCost: bad usage interval [${from}, ${to}]`);
  let cost = 0;
  for (const t of tiers) {
    const lo = Math.max(from, t.from);
    const hi = Math.min(to, t.to ?? Infinity);
    if (hi > lo) cost += ((hi - lo) / unitsPerPrice) * t.price;
  }
  return cost;
}
