import type { SweepPointResult, SweepResults } from "./sweep-results.js";

/** Objectives a sweep point can be held to (a scenario's `slo`; each optional). */
export interface SweepObjectives {
  p99LatencyMs?: number;
  maxColdStartRate?: number;
  maxThrottleRate?: number;
}

/** A point singled out by `sweepHighlights`, with the numbers that singled it out (means across replications). */
export interface SweepHighlight {
  /** "cheapest", "lowest p99" or "cheapest meeting the SLO". */
  label: string;
  point: number;
  values: Record<string, string>;
  p99Ms: number | null;
  monthlyCost: number | null;
}

/** The points worth naming in a review, and how many met the objectives. */
export interface SweepHighlights {
  highlights: SweepHighlight[];
  /** Finished points that meet every objective (null without objectives). */
  meetingSlo: number | null;
}

/** Whether a point's means meet every objective; a metric without data (e.g. no request completed) does not. */
export function meetsObjectives(p: SweepPointResult, slo: SweepObjectives): boolean {
  const m = p.metrics;
  if (m === null) return false;
  const within = (metric: "p99Ms" | "coldStartRate" | "throttleRate", target: number | undefined) =>
    target === undefined || (m[metric] !== null && m[metric]!.mean <= target);
  return within("p99Ms", slo.p99LatencyMs) && within("coldStartRate", slo.maxColdStartRate) && within("throttleRate", slo.maxThrottleRate);
}

/**
 * The cheapest finished point, the one with the lowest p99, and (with objectives) the cheapest that
 * meets them. Ties go to the lower p99, then to the earlier point. Compared on means, so read them
 * with the intervals of sweep.csv when replications overlap. O(points).
 */
export function sweepHighlights(results: SweepResults, slo: SweepObjectives | null): SweepHighlights {
  const ok = results.points.filter((p) => p.status === "ok" && p.metrics !== null);
  const cost = (p: SweepPointResult) => p.metrics!.monthlyCost?.mean ?? Infinity;
  const p99 = (p: SweepPointResult) => p.metrics!.p99Ms?.mean ?? Infinity;
  const best = (points: SweepPointResult[], key: (p: SweepPointResult) => number, tie: (p: SweepPointResult) => number) =>
    points.reduce<SweepPointResult | null>((a, p) => (a === null || key(p) < key(a) || (key(p) === key(a) && tie(p) < tie(a)) ? p : a), null);
  const highlight = (label: string, p: SweepPointResult | null): SweepHighlight[] =>
    p === null ? [] : [{ label, point: p.point, values: p.values, p99Ms: p.metrics!.p99Ms?.mean ?? null, monthlyCost: p.metrics!.monthlyCost?.mean ?? null }];
  const hasSlo = slo !== null && (slo.p99LatencyMs !== undefined || slo.maxColdStartRate !== undefined || slo.maxThrottleRate !== undefined);
  const passing = hasSlo ? ok.filter((p) => meetsObjectives(p, slo!)) : [];
  return {
    highlights: [
      ...highlight("cheapest", best(ok.filter((p) => Number.isFinite(cost(p))), cost, p99)),
      ...highlight("lowest p99", best(ok.filter((p) => Number.isFinite(p99(p))), p99, cost)),
      ...(hasSlo ? highlight("cheapest meeting the SLO", best(passing.filter((p) => Number.isFinite(cost(p))), cost, p99)) : []),
    ],
    meetingSlo: hasSlo ? passing.length : null,
  };
}
