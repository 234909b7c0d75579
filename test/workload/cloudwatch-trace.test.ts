import { describe, expect, it } from "vitest";
import { randomStream } from "../../src/core/random.js";
import { openTraceFile } from "../../src/scenario/trace-file.js";
import type { TraceArrivalSpec } from "../../src/workload/arrival-spec.js";
import { makeArrivals } from "../../src/workload/make-arrivals.js";
import { TraceError } from "../../src/workload/trace-source.js";
import { metricDataJson, metricDataResponse } from "../support/cloudwatch-json.js";
import { tempFile, traceSpec } from "./trace-fixtures.js";

/** Arrival times of a spec over its whole file, ms. */
function replay(spec: TraceArrivalSpec, seed = 1): number[] {
  const p = makeArrivals(spec, openTraceFile);
  const rng = randomStream(seed, "cloudwatch", "arrivals");
  const times: number[] = [];
  for (let t = p.first(0, rng); t !== Infinity; t = p.next(t, rng)) {
    expect(t).toBeGreaterThanOrEqual(times.at(-1) ?? 0);
    times.push(t);
  }
  return times;
}

function perPeriod(times: number[], periodMs: number, periods: number): number[] {
  const counts = new Array<number>(periods).fill(0);
  for (const t of times) counts[Math.floor(t / periodMs)]!++;
  return counts;
}

/** A day of per-minute counts with a daily swing and some quiet minutes: 0..~40 per minute. */
function dayOfCounts(): number[] {
  return Array.from({ length: 1440 }, (_, m) => (m % 97 === 0 ? 0 : Math.round(20 + 18 * Math.sin((2 * Math.PI * m) / 1440) + (m % 7))));
}

function cw(patch: Partial<TraceArrivalSpec>, text: string): TraceArrivalSpec {
  return traceSpec(tempFile("metrics.json", text), "cloudwatch", { metric: "inv", gaps: "error", ...patch });
}

function traceErrorOf(spec: TraceArrivalSpec): TraceError {
  try {
    replay(spec);
  } catch (err) {
    if (err instanceof TraceError) return err;
    throw err;
  }
  throw new Error("expected a TraceError");
}

describe("cloudwatch replay (get-metric-data Sum of Invocations)", () => {
  const counts = dayOfCounts();
  const metrics = [
    { id: "inv", label: "Invocations", values: counts },
    { id: "conc", label: "ConcurrentExecutions", values: counts.map((c) => Math.ceil(c / 10)) },
  ];

  it("replays a per-minute Invocations series with exactly those counts in every minute (newest-first timestamps)", () => {
    const times = replay(cw({}, metricDataJson("2026-11-30T00:00:00Z", 60, metrics)));
    expect(perPeriod(times, 60_000, 1440)).toEqual(counts);
  });

  it("replays 5-minute periods with exactly each period's count, timestamps in either order", () => {
    const five = counts.slice(0, 288);
    const times = replay(cw({}, metricDataJson("2026-11-30T00:00:00Z", 300, [{ id: "inv", label: "Invocations", values: five }], true)));
    expect(perPeriod(times, 300_000, 288)).toEqual(five);
  });

  it("merges pages given as a JSON array of responses or as responses one after the other", () => {
    const first = metricDataResponse("2026-11-30T00:00:00Z", 60, [{ id: "inv", label: "Invocations", values: counts.slice(0, 700), statusCode: "PartialData" }]);
    const second = metricDataResponse("2026-11-30T11:40:00Z", 60, [{ id: "inv", label: "Invocations", values: counts.slice(700) }]);
    expect(perPeriod(replay(cw({}, JSON.stringify([first, second]))), 60_000, 1440)).toEqual(counts);
    expect(perPeriod(replay(cw({}, `${JSON.stringify({ ...first, NextToken: "abc" }, null, 4)}\n${JSON.stringify(second, null, 2)}`)), 60_000, 1440)).toEqual(counts);
  });

  it("keeps each minute's count as the mean with withinMinute: poisson (the day's total within 5 sd of the file's)", () => {
    const total = counts.reduce((a, b) => a + b, 0);
    const n = replay(cw({ withinMinute: "poisson" }, metricDataJson("2026-11-30T00:00:00Z", 60, metrics)), 4).length;
    expect(Math.abs(n - total)).toBeLessThan(5 * Math.sqrt(total));
    expect(n).not.toBe(total);
  });

  it("adds the Throttles to the Invocations with metric: [inv, thr] (the requests), a missing Throttles minute counting 0", () => {
    const thr = counts.map((_, i) => (i % 60 === 30 ? 3 : i % 5 === 0 ? null : 0));
    const text = metricDataJson("2026-11-30T00:00:00Z", 60, [{ id: "inv", label: "Invocations", values: counts }, { id: "thr", label: "Throttles", values: thr }]);
    const times = replay(cw({ metric: ["inv", "thr"] }, text));
    expect(perPeriod(times, 60_000, 1440)).toEqual(counts.map((c, i) => c + (thr[i] ?? 0)));
  });

  it("reads missing minutes as no invocations with gaps: zero", () => {
    const sparse = counts.map((c, i) => (i % 97 === 50 ? null : c));
    const times = replay(cw({ gaps: "zero" }, metricDataJson("2026-11-30T00:00:00Z", 60, [{ id: "inv", label: "Invocations", values: sparse }])));
    expect(perPeriod(times, 60_000, 1440)).toEqual(sparse.map((c) => c ?? 0));
  });
});

describe("cloudwatch replay refuses what is not a count per period", () => {
  const ok = Array.from({ length: 10 }, (_, i) => i + 1);

  it("names the Ids present when the metric asked for is not in the file", () => {
    const e = traceErrorOf(cw({ metric: "invocations" }, metricDataJson("2026-11-30T00:00:00Z", 60, [{ id: "inv", label: "Invocations", values: ok }, { id: "thr", label: "Throttles", values: ok }])));
    expect(e.field).toBe("metric");
    expect(e.found).toBe('no result with Id "invocations"');
    expect(e.expected).toContain('"inv" ("Invocations"), "thr" ("Throttles")');
  });

  it("refuses missing periods by default, naming the first missing minute and the gaps: zero way out", () => {
    const e = traceErrorOf(cw({}, metricDataJson("2026-11-30T00:00:00Z", 60, [{ id: "inv", label: "Invocations", values: [1, 2, null, null, 5, 6] }])));
    expect(e.field).toBe("gaps");
    expect(e.found).toBe('Id "inv" missing 2 of 6 periods (the first at 2026-11-30T00:02:00.000Z)');
    expect(e.expected).toContain("gaps: zero");
  });

  it("refuses a result whose last page says PartialData", () => {
    const e = traceErrorOf(cw({}, metricDataJson("2026-11-30T00:00:00Z", 60, [{ id: "inv", label: "Invocations", values: ok, statusCode: "PartialData" }])));
    expect(e.found).toBe('Id "inv" with StatusCode "PartialData"');
    expect(e.expected).toContain("NextToken");
  });

  it("refuses an Average (non-integer values) and a negative value as not a count", () => {
    const avg = traceErrorOf(cw({}, metricDataJson("2026-11-30T00:00:00Z", 60, [{ id: "inv", label: "Duration Average", values: [120.5, 99.25, 80] }])));
    expect(avg.found).toBe('Id "inv" ("Duration Average") = 120.5 at 2026-11-30T00:00:00.000Z');
    expect(avg.expected).toContain("Sum statistic of Invocations");
    const negative = traceErrorOf(cw({}, metricDataJson("2026-11-30T00:00:00Z", 60, [{ id: "inv", label: "Invocations", values: [3, -1, 2] }])));
    expect(negative.found).toContain("= -1 at 2026-11-30T00:01:00.000Z");
  });

  it("refuses a period other than 1 or 5 minutes, and a file that is not get-metric-data output", () => {
    expect(traceErrorOf(cw({}, metricDataJson("2026-11-30T00:00:00Z", 3600, [{ id: "inv", label: "Invocations", values: ok }]))).expected).toContain("60 s or 300 s");
    expect(traceErrorOf(cw({}, '{"Datapoints": []}')).found).toBe("a response without a MetricDataResults array");
    expect(traceErrorOf(cw({}, "Timestamp,Value\n")).expected).toContain("get-metric-data");
  });
});
