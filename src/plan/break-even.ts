import type { ArrivalSpec } from "../workload/arrival-spec.js";
import type { ComparePoint, EvaluateComparisons } from "../parallel/compare-point.js";

/** Where Lambda stops being cheaper than a fleet, in a range of rates. */
export interface BreakEven {
  fleet: "ec2" | "fargate";
  /**
   * How the costs compare over the range: "crosses" (Lambda cheaper at the low end, the fleet at the
   * high end), "lambdaCheaper" or "fleetCheaper" throughout (as far as the two ends show).
   */
  outcome: "crosses" | "lambdaCheaper" | "fleetCheaper";
  /** The break-even rate, per second (the geometric middle of the last bracket); null unless it crosses. */
  ratePerSec: number | null;
  /** The last bracket: Lambda cheaper at `lowPerSec`, the fleet at `highPerSec`. */
  lowPerSec: number;
  highPerSec: number;
  /** Lambda, the fleet (and the other fleet, not run: null) at the break-even rate, or at the end nearest to it. */
  point: ComparePoint;
  /** Rates simulated, in order, with the monthly cost difference Lambda − fleet (USD). */
  probes: Array<{ ratePerSec: number; lambdaMonthly: number; fleetMonthly: number }>;
}

/** Options of `breakEven`. */
export interface BreakEvenOptions {
  /** Arrival process of the probes: evenly spaced or Poisson at the probed rate. */
  process: "constant" | "poisson";
  /** Stop when high / low − 1 is below this (default 0.005: half a percent). */
  relativeTolerance?: number;
  /** Most probes in all, the two ends included (default 40). */
  maxProbes?: number;
  /** Called after each probe's simulations, with the rate probed (progress display). */
  onProbe?: (ratePerSec: number) => void;
}

/**
 * Bisection on the monthly cost difference Lambda − fleet over [lowPerSec, highPerSec]: Lambda's bill
 * grows with the rate, the fleet's in steps of one instance, so the difference changes sign once where
 * Lambda stops being cheaper. The midpoint is geometric (ranges span decades). Every probe simulates
 * the function on Lambda and on the fleet at a constant or Poisson rate, with the scenario's seed
 * (common random numbers across probes), through `evaluate`, one probe at a time: each depends on
 * the last. Cost: about log2(ln(high/low) / tolerance) + 2 probes.
 */
export async function breakEven(evaluate: EvaluateComparisons, fleet: "ec2" | "fargate", lowPerSec: number, highPerSec: number, options: BreakEvenOptions): Promise<BreakEven> {
  const tolerance = options.relativeTolerance ?? 0.005;
  const maxProbes = options.maxProbes ?? 40;
  const probes: BreakEven["probes"] = [];
  /** Lambda and the fleet alone at `rate`. */
  const at = async (rate: number): Promise<ComparePoint> => {
    const arrivals: ArrivalSpec = { kind: options.process, ratePerSec: rate };
    return (await evaluate([{ arrivals, only: fleet }]))[0]!;
  };
  const probe = async (rate: number): Promise<{ point: ComparePoint; diff: number }> => {
    const point = await at(rate);
    options.onProbe?.(rate);
    const lambdaMonthly = point.lambda.cost.monthly.total;
    const fleetMonthly = point[fleet]!.cost.monthly;
    probes.push({ ratePerSec: rate, lambdaMonthly, fleetMonthly });
    return { point, diff: lambdaMonthly - fleetMonthly };
  };
  let lo = lowPerSec;
  let hi = highPerSec;
  const atLo = await probe(lo);
  if (atLo.diff >= 0) return { fleet, outcome: "fleetCheaper", ratePerSec: null, lowPerSec: lo, highPerSec: hi, point: atLo.point, probes };
  const atHi = await probe(hi);
  if (atHi.diff < 0) return { fleet, outcome: "lambdaCheaper", ratePerSec: null, lowPerSec: lo, highPerSec: hi, point: atHi.point, probes };
  while (hi / lo - 1 > tolerance && probes.length < maxProbes) {
    const mid = Math.sqrt(lo * hi);
    if ((await probe(mid)).diff < 0) lo = mid;
    else hi = mid;
  }
  const rate = Math.sqrt(lo * hi);
  return { fleet, outcome: "crosses", ratePerSec: rate, lowPerSec: lo, highPerSec: hi, point: await at(rate), probes };
}
