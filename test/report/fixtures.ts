import { simulate } from "../../src/platform/simulate.js";
import { US_EAST_1, withCost } from "../../src/pricing/index.js";
import type { Result } from "../../src/platform/result.js";
import type { RunReportInput } from "../../src/report/run-document.js";
import { fn, scenario } from "../support/configs.js";
import type { SimConfig } from "../../src/platform/config.js";

const HOUR_MS = 3_600_000;

/** A small API-like run: 20 req/s for `horizonMs` with 150 ms cold starts and 30 s idle lifetimes (so cold starts recur). */
export function apiConfig(horizonMs = HOUR_MS, ratePerSec = 20): SimConfig {
  return scenario(
    [
      fn({
        name: "api",
        duration: { dist: "lognormal", median: 60, p99: 400 },
        coldStart: { dist: "constant", value: 150 },
        idleLifetime: { dist: "constant", value: 30_000 },
        arrivals: { kind: "poisson", ratePerSec },
      }),
    ],
    { name: "report-fixture", horizonMs, warmupMs: 60_000 },
  );
}

/** The summary input of a simulated and priced run (us-east-1 prices, no free tier). */
export function runInput(config: SimConfig = apiConfig()): RunReportInput {
  const result: Result = withCost(simulate(config), config.functions, US_EAST_1, {
    freeTier: false,
    frontDoor: "none",
    monthHours: 730,
    savingsPlan: 0,
    date: "2025-08-01",
  });
  return { result, config, slo: { p99LatencyMs: 300, maxColdStartRate: 0.05 }, description: "A fixture for report tests." };
}

/** A copy of `result` whose latency series has empty (null) buckets at the given indexes. */
export function withEmptyBuckets(result: Result, indexes: number[]): Result {
  const p50 = [...result.series.p50];
  const p99 = [...result.series.p99];
  for (const i of indexes) p50[i] = p99[i] = null;
  return { ...result, series: { ...result.series, p50, p99 } };
}
