import { isWorldAxis } from "./axis-roles.js";
import type { SweepPointResult, SweepResults } from "./sweep-results.js";

/** Objectives a sweep point can be held to (a scenario's `slo`; each optional). */
export interface SweepObjectives {
  p99LatencyMs?: number;
  maxColdStartRate?: number;
  maxThrottleRate?: number;
}

/** A point singled out by `sweepHighlights`, with the numbers that singled it out (means across replications). */
export interface SweepHighlight {
  /** "cheapest", "lowest p99", "cheapest meeting the SLO" or "lowest p99, none meets the SLO". */
  label: string;
  point: number;
  /** The chosen values of the point: its axes that the user chooses (axis-roles.ts), path → value. */
  values: Record<string, string>;
  /** The given values it was chosen under: its axes that the world gives (traffic…); empty without such axes. */
  given: Record<string, string>;
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
 * The points worth naming, among finished points. Without axes the world gives (traffic…): the
 * cheapest, the one with the lowest p99 and (with objectives) the cheapest that meets them. With such
 * axes, per combination of their values (never choosing one): with objectives, the cheapest point
 * meeting them, else the lowest p99 saying none meets them; without, the cheapest and the lowest p99.
 * Ties go to the lower p99 (or cost), then to the earlier point. Compared on means, so read them with
 * the intervals of sweep.csv when replications overlap. O(points).
 */
export function sweepHighlights(results: SweepResults, slo: SweepObjectives | null): SweepHighlights {
  const ok = results.points.filter((p) => p.status === "ok" && p.metrics !== null);
  const cost = (p: SweepPointResult) => p.metrics!.monthlyCost?.mean ?? Infinity;
  const p99 = (p: SweepPointResult) => p.metrics!.p99Ms?.mean ?? Infinity;
  const best = (points: SweepPointResult[], key: (p: SweepPointResult) => number, tie: (p: SweepPointResult) => number) =>
    points.reduce<SweepPointResult | null>((a, p) => (a === null || key(p) < key(a) || (key(p) === key(a) && tie(p) < tie(a)) ? p : a), null);
  const world = results.axes.map((a) => a.path).filter(isWorldAxis);
  const split = (p: SweepPointResult) => {
    const values: Record<string, string> = {};
    const given: Record<string, string> = {};
    for (const [k, v] of Object.entries(p.values)) (world.includes(k) ? given : values)[k] = v;
    return { values, given };
  };
  const highlight = (label: string, p: SweepPointResult | null): SweepHighlight[] =>
    p === null ? [] : [{ label, point: p.point, ...split(p), p99Ms: p.metrics!.p99Ms?.mean ?? null, monthlyCost: p.metrics!.monthlyCost?.mean ?? null }];
  const hasSlo = slo !== null && (slo.p99LatencyMs !== undefined || slo.maxColdStartRate !== undefined || slo.maxThrottleRate !== undefined);
  const cheapest = (points: SweepPointResult[]) => best(points.filter((p) => Number.isFinite(cost(p))), cost, p99);
  const fastest = (points: SweepPointResult[]) => best(points.filter((p) => Number.isFinite(p99(p))), p99, cost);
  const passing = hasSlo ? ok.filter((p) => meetsObjectives(p, slo!)) : [];
  const meetingSlo = hasSlo ? passing.length : null;
  if (world.length === 0) {
    return {
      highlights: [...highlight("cheapest", cheapest(ok)), ...highlight("lowest p99", fastest(ok)), ...(hasSlo ? highlight("cheapest meeting the SLO", cheapest(passing)) : [])],
      meetingSlo,
    };
  }
  const groups = new Map<string, SweepPointResult[]>();
  for (const p of ok) {
    const key = JSON.stringify(world.map((path) => p.values[path]));
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const highlights: SweepHighlight[] = [];
  for (const points of groups.values()) {
    if (!hasSlo) highlights.push(...highlight("cheapest", cheapest(points)), ...highlight("lowest p99", fastest(points)));
    else {
      const meeting = cheapest(points.filter((p) => meetsObjectives(p, slo!)));
      highlights.push(...(meeting !== null ? highlight("cheapest meeting the SLO", meeting) : highlight("lowest p99, none meets the SLO", fastest(points))));
    }
  }
  return { highlights, meetingSlo };
}
