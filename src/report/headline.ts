import type { Result } from "../platform/result.js";

/** The headline figures of a run, the what-if panel's `data-metric` names (DESIGN.md "What-if page"). */
export const HEADLINE_METRICS = ["invocations", "throttled", "coldStartRate", "p50Ms", "p99Ms", "monthlyCost"] as const;
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];
/** Each headline figure as result.json holds it (null: no data, e.g. no request completed, or not priced). */
export type Headline = Record<HeadlineMetric, number | null>;

/** The headline figures of `result`, read from its account total. */
export function headlineOf(result: Result): Headline {
  const t = result.total;
  return {
    invocations: t.invocations,
    throttled: t.throttled,
    coldStartRate: t.coldStartRate,
    p50Ms: t.latencyMs.p50,
    p99Ms: t.latencyMs.p99,
    monthlyCost: t.cost?.monthly.total ?? null,
  };
}
