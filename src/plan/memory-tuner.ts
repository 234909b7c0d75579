import { meetsEvery, type SloVerdict } from "../report/slo-verdicts.js";
import type { Slo } from "../scenario/slo.js";
import type { MeanInterval } from "./confidence-interval.js";
import type { SweepResults } from "./sweep-results.js";
import { formatMs, formatUsd } from "../report/format.js";

/** What `tune memory` optimises among the sizes that meet the p99 SLO (as in AWS Lambda Power Tuning). */
export const TUNE_STRATEGIES = ["cost", "speed", "balanced"] as const;
export type TuneStrategy = (typeof TUNE_STRATEGIES)[number];

/**
 * Memory sizes tried by default, MB: the `PowerValues` default of AWS Lambda Power Tuning
 * (github.com/alexcasalboni/aws-lambda-power-tuning, template.yml: 128,256,512,1024,1536,3008).
 */
export const DEFAULT_TUNE_SIZES_MB: readonly number[] = [128, 256, 512, 1024, 1536, 3008];

/**
 * Monthly costs within this fraction of the cheapest are near-ties: below it, differences may be billing
 * rounding and simulation noise rather than a real saving. The `cost` strategy still recommends the
 * cheapest on the measured numbers (issue 13: the recommendation is the cheapest option that meets the
 * SLO, which an exhaustive search finds), and names each near-tie with its p99 so the reader can choose.
 */
export const COST_TIE_FRACTION = 0.01;

/** One memory size on the curve. */
export interface MemoryCurvePoint {
  memoryMB: number;
  status: "ok" | "failed";
  errors: string[];
  p99Ms: MeanInterval | null;
  p50Ms: MeanInterval | null;
  monthlyCost: MeanInterval | null;
  /** Invocations cut by the function timeout, of those that arrived (a size this slow is never recommended). */
  timeoutRate: MeanInterval | null;
  /** p99 (mean across replications) within the SLO; null without an SLO or without a p99. */
  sloPass: boolean | null;
  /** Whether every objective of the SLO is met (means across replications); null without objectives. */
  meetsSlo: boolean | null;
  /** One verdict per objective (p99LatencyMs, maxColdStartRate, maxThrottleRate), on the means. */
  verdicts: SloVerdict[];
}

/** The tuner's answer. */
export interface MemoryRecommendation {
  memoryMB: number;
  strategy: TuneStrategy;
  /** False when no size met the SLO without timeouts (the pick is then among all sizes). */
  sloMet: boolean;
  reason: string;
  /**
   * `cost` strategy: the other eligible sizes whose monthly cost is within COST_TIE_FRACTION of the
   * recommendation's (dearer by at most 1 % on the measured numbers), with their p99; empty otherwise.
   */
  nearTies: Array<{ memoryMB: number; monthlyCost: number; p99Ms: number }>;
}

/** The curve of a memory sweep whose only axis is the function's memoryMB, each size judged against `slo`. O(points). */
export function memoryCurve(results: SweepResults, slo: Slo | null): MemoryCurvePoint[] {
  const path = results.axes[0]!.path;
  const sloP99Ms = slo?.p99LatencyMs ?? null;
  return results.points.map((p) => {
    const p99 = p.metrics?.p99Ms ?? null;
    const verdicts: SloVerdict[] = [];
    const check = (objective: string, target: number | undefined, actual: MeanInterval | null | undefined) => {
      if (target === undefined) return;
      const x = actual?.mean ?? null;
      verdicts.push({ objective, target, actual: x, pass: x === null ? null : x <= target });
    };
    check("p99LatencyMs", slo?.p99LatencyMs, p99);
    check("maxColdStartRate", slo?.maxColdStartRate, p.metrics?.coldStartRate);
    check("maxThrottleRate", slo?.maxThrottleRate, p.metrics?.throttleRate);
    return {
      meetsSlo: meetsEvery(verdicts),
      verdicts,
      memoryMB: Number(p.values[path]),
      status: p.status,
      errors: p.errors,
      p99Ms: p99,
      p50Ms: p.metrics?.p50Ms ?? null,
      monthlyCost: p.metrics?.monthlyCost ?? null,
      timeoutRate: p.metrics?.timeoutRate ?? null,
      sloPass: sloP99Ms === null || p99 === null ? null : p99.mean <= sloP99Ms,
    };
  });
}

/**
 * Picks a size from the curve: among the sizes that ran, meet the SLO and had no invocation cut by
 * the function timeout (all that ran, if none do), `cost` takes the cheapest monthly cost (the
 * exhaustive optimum on the measured means; at an equal cost the faster size, then the smaller),
 * `speed` the lowest p99, `balanced` the lowest ½·cost/max cost + ½·p99/max p99 (Power Tuning's
 * balanced score with weight 0.5). With `cost`, sizes dearer by at most COST_TIE_FRACTION are named
 * as near-ties in `nearTies` and the reason, not chosen. Null when no size ran. O(points log points).
 */
export function recommendMemory(curve: readonly MemoryCurvePoint[], strategy: TuneStrategy): MemoryRecommendation | null {
  const ran = curve.filter((c) => c.status === "ok" && c.p99Ms !== null && c.monthlyCost !== null);
  if (ran.length === 0) return null;
  // A size whose invocations hit the function timeout is cheap because they are cut: never a fit.
  const passing = ran.filter((c) => c.meetsSlo !== false && (c.timeoutRate?.mean ?? 0) === 0);
  const sloMet = passing.length > 0;
  const pool = sloMet ? passing : ran;
  const p99 = (c: MemoryCurvePoint) => c.p99Ms!.mean;
  const cost = (c: MemoryCurvePoint) => c.monthlyCost!.mean;
  // Faster first; at equal p99 the cheaper, then the smaller size (more memory that buys nothing is waste).
  const faster = (a: MemoryCurvePoint, b: MemoryCurvePoint) =>
    p99(a) !== p99(b) ? p99(a) - p99(b) : cost(a) !== cost(b) ? cost(a) - cost(b) : a.memoryMB - b.memoryMB;

  let pick: MemoryCurvePoint;
  let reason: string;
  let nearTies: MemoryRecommendation["nearTies"] = [];
  if (strategy === "speed") {
    pick = [...pool].sort(faster)[0]!;
    reason = "lowest p99";
  } else if (strategy === "cost") {
    pick = [...pool].sort((a, b) => (cost(a) !== cost(b) ? cost(a) - cost(b) : faster(a, b)))[0]!;
    reason = "cheapest monthly cost on the measured numbers";
    const near = pool.filter((c) => c !== pick && cost(c) <= cost(pick) * (1 + COST_TIE_FRACTION)).sort(faster);
    nearTies = near.map((c) => ({ memoryMB: c.memoryMB, monthlyCost: cost(c), p99Ms: p99(c) }));
    if (near.length > 0) reason += `; ${near.map((c) => nearTieWords(c, pick)).join("; ")}`;
  } else {
    const maxCost = Math.max(...pool.map(cost));
    const maxP99 = Math.max(...pool.map(p99));
    const score = (c: MemoryCurvePoint) => 0.5 * (maxCost > 0 ? cost(c) / maxCost : 0) + 0.5 * (maxP99 > 0 ? p99(c) / maxP99 : 0);
    pick = [...pool].sort((a, b) => (score(a) !== score(b) ? score(a) - score(b) : faster(a, b)))[0]!;
    reason = "lowest ½·cost/max cost + ½·p99/max p99";
  }
  return { memoryMB: pick.memoryMB, strategy, sloMet, reason: sloMet ? reason : `${reason}; no size meets the SLO without timeouts`, nearTies };
}

/**
 * "1024 MB costs within 1 % of it ($10.05 a month, +0.5 %) with p99 250 ms against 900 ms: a near-tie,
 * not recommended because it costs more on the measured numbers".
 */
function nearTieWords(c: MemoryCurvePoint, pick: MemoryCurvePoint): string {
  const cost = c.monthlyCost!.mean;
  const base = pick.monthlyCost!.mean;
  const more = base > 0 ? ((cost - base) / base) * 100 : 0;
  const speed = c.p99Ms!.mean < pick.p99Ms!.mean ? "faster" : c.p99Ms!.mean > pick.p99Ms!.mean ? "slower" : "as fast";
  return (
    `${c.memoryMB} MB costs within ${COST_TIE_FRACTION * 100} % of it (${formatUsd(cost)} a month, +${more.toFixed(1)} %) and is ${speed} ` +
    `(p99 ${formatMs(c.p99Ms!.mean)} against ${formatMs(pick.p99Ms!.mean)}): a near-tie, not recommended because it costs more on the measured numbers` +
    (speed === "faster" ? " (take it if the speed is worth that much)" : "")
  );
}
