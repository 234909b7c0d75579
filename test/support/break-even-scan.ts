import { expect } from "vitest";
import type { BreakEven } from "../../src/plan/break-even.js";

/**
 * Asserts that a break-even search agrees with an exhaustive scan: `grid` (rates ascending, each with the
 * mean cost difference Lambda − the other option over the same seeds) changes sign once; the search's
 * interval overlaps the scan's crossing (grid[at − 1], grid[at]] and its estimate lies within 1 % of both.
 */
export function expectAgreesWithScan(b: BreakEven, grid: ReadonlyArray<{ rate: number; diff: number }>): void {
  const at = grid.findIndex((g) => g.diff >= 0);
  expect(at).toBeGreaterThan(0);
  expect(b.lowPerSec).toBeLessThanOrEqual(grid[at]!.rate);
  expect(b.highPerSec).toBeGreaterThanOrEqual(grid[at - 1]!.rate);
  expect(b.ratePerSec!).toBeGreaterThanOrEqual(Math.min(b.lowPerSec, grid[at - 1]!.rate) * 0.99);
  expect(b.ratePerSec!).toBeLessThanOrEqual(Math.max(b.highPerSec, grid[at]!.rate) * 1.01);
}
