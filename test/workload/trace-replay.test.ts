import { describe, expect, it } from "vitest";
import { randomStream } from "../../src/core/random.js";
import { openTraceFile } from "../../src/scenario/trace-file.js";
import type { ArrivalProcess } from "../../src/workload/arrival-process.js";
import type { TraceArrivalSpec } from "../../src/workload/arrival-spec.js";
import { makeArrivals } from "../../src/workload/make-arrivals.js";
import { AZURE2019, AZURE2021, azure2019Rows, azure2021Rows, tempFile, traceSpec } from "./trace-fixtures.js";

/** Every arrival of a trace spec: times and carried durations, in ms. */
function replay(spec: TraceArrivalSpec, seed = 1): { times: number[]; durations: number[] } {
  const p: ArrivalProcess = makeArrivals(spec, openTraceFile);
  const rng = randomStream(seed, "trace", "arrivals");
  const times: number[] = [];
  const durations: number[] = [];
  for (let t = p.first(0, rng); t !== Infinity; t = p.next(t, rng)) {
    expect(t).toBeGreaterThanOrEqual(times.at(-1) ?? 0);
    times.push(t);
    durations.push(p.lastDurationMs);
  }
  return { times, durations };
}

function perMinute(times: number[]): number[] {
  const counts = new Array<number>(1440).fill(0);
  for (const t of times) counts[Math.floor(t / 60_000)]!++;
  return counts;
}

describe("azure2019 replay (per-minute counts)", () => {
  const rows = azure2019Rows();

  it("replays each function's row with exactly the file's count in every minute (uniform within the minute)", () => {
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      const { times, durations } = replay(traceSpec(AZURE2019, "azure2019", { select: { function: row.fn } }));
      expect(perMinute(times)).toEqual(row.counts);
      expect(durations.every((d) => Number.isNaN(d))).toBe(true);
    }
  });

  it("sums every row's counts without a selection, and selects by trigger and by hash prefix", () => {
    const sum = (pick: (r: (typeof rows)[number]) => boolean) => rows.filter(pick).reduce((acc, r) => acc.map((x, i) => x + r.counts[i]!), new Array<number>(1440).fill(0));
    expect(perMinute(replay(traceSpec(AZURE2019, "azure2019")).times)).toEqual(sum(() => true));
    expect(perMinute(replay(traceSpec(AZURE2019, "azure2019", { select: { trigger: "orchestration" } })).times)).toEqual(sum((r) => r.trigger === "orchestration"));
    const app = rows[2]!.app.slice(0, 6);
    expect(perMinute(replay(traceSpec(AZURE2019, "azure2019", { select: { app } })).times)).toEqual(sum((r) => r.app.startsWith(app)));
  });

  it("keeps the two every-5-minute functions' gaps between 4 and 6 minutes, so a 10-minute idle lifetime never expires between them", () => {
    const fives = rows.filter((r) => r.counts.reduce((a, b) => a + b, 0) === 288);
    expect(fives).toHaveLength(2);
    for (const row of fives) {
      const { times } = replay(traceSpec(AZURE2019, "azure2019", { select: { function: row.fn } }), 3);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      expect(Math.max(...gaps)).toBeLessThan(6 * 60_000);
      expect(Math.min(...gaps)).toBeGreaterThan(4 * 60_000);
    }
  });

  it("spreads a minute as a Poisson process with withinMinute: poisson (the day's total is Poisson around the file's)", () => {
    const busy = rows.find((r) => r.fn.startsWith("33429bc8"))!;
    const total = busy.counts.reduce((a, b) => a + b, 0);
    const got: number[] = [];
    for (let seed = 1; seed <= 20; seed++) got.push(replay(traceSpec(AZURE2019, "azure2019", { select: { function: busy.fn }, withinMinute: "poisson" }), seed).times.length);
    // 20 days of Poisson(432): the mean's standard error is √(432/20) = 4.6; 5 standard errors. Counts differ between seeds.
    const mean = got.reduce((a, b) => a + b, 0) / got.length;
    expect(Math.abs(mean - total)).toBeLessThan(5 * Math.sqrt(total / 20));
    expect(new Set(got).size).toBeGreaterThan(1);
  });
});

describe("azure2021 replay (per-invocation rows)", () => {
  const rows = azure2021Rows();

  it("replays 199 arrivals at end − duration carrying the trace's own durations", () => {
    const { times, durations } = replay(traceSpec(AZURE2021, "azure2021"));
    expect(times).toHaveLength(199);
    expect(times).toEqual(rows.map((r) => r.startMs));
    expect(durations).toEqual(rows.map((r) => r.durationMs));
  });

  it("selects one function's rows, or all rows of an app", () => {
    const fn = rows[0]!.fn;
    expect(replay(traceSpec(AZURE2021, "azure2021", { select: { function: fn.slice(0, 10) } })).times).toEqual(rows.filter((r) => r.fn === fn).map((r) => r.startMs));
    const app = rows[1]!.app;
    expect(replay(traceSpec(AZURE2021, "azure2021", { select: { app } })).durations).toEqual(rows.filter((r) => r.app === app).map((r) => r.durationMs));
  });

  it("reports the rows' mean rate: 198 gaps over the span of start times", () => {
    const starts = rows.map((r) => r.startMs);
    const p = makeArrivals(traceSpec(AZURE2021, "azure2021"), openTraceFile);
    const rng = randomStream(1, "trace", "arrivals");
    for (let t = p.first(0, rng); t !== Infinity; t = p.next(t, rng));
    expect(p.meanRatePerSec()).toBeCloseTo((198 * 1000) / (Math.max(...starts) - Math.min(...starts)), 9);
  });

  it("applies speedup and offset to times but not to durations, and drops arrivals before the start", () => {
    const base = rows.map((r) => r.startMs);
    const fast = replay(traceSpec(AZURE2021, "azure2021", { speedup: 4, offsetMs: 1000 }));
    expect(fast.times).toEqual(base.map((t) => 1000 + t / 4));
    expect(fast.durations).toEqual(rows.map((r) => r.durationMs));
    const skipped = replay(traceSpec(AZURE2021, "azure2021", { offsetMs: -600_000 }));
    expect(skipped.times).toEqual(base.filter((t) => t - 600_000 >= 0).map((t) => t - 600_000));
  });

  it("uses the function's durations instead with traceDurations false", () => {
    expect(replay(traceSpec(AZURE2021, "azure2021", { traceDurations: false })).durations.every((d) => Number.isNaN(d))).toBe(true);
  });

  it("scales volume: 2 doubles every arrival, 0.5 keeps a binomial half", () => {
    const doubled = replay(traceSpec(AZURE2021, "azure2021", { scale: 2 }));
    expect(doubled.times).toEqual(rows.flatMap((r) => [r.startMs, r.startMs]));
    expect(doubled.durations).toEqual(rows.flatMap((r) => [r.durationMs, r.durationMs]));
    const half = replay(traceSpec(AZURE2021, "azure2021", { scale: 0.5 })).times.length;
    // Binomial(199, 0.5): sd 7.05; 5 sd.
    expect(Math.abs(half - 99.5)).toBeLessThan(5 * 7.05);
  });
});

describe("timestamps replay", () => {
  it("skips a header, blank and # lines, and carries the optional duration column", () => {
    const file = tempFile("t.csv", "time,duration\n0.5,0.1\n\n# a comment\n1.25\r\n3,2\n");
    const { times, durations } = replay(traceSpec(file, "timestamps"));
    expect(times).toEqual([500, 1250, 3000]);
    expect(durations).toEqual([100, NaN, 2000]);
  });

  it("reports the rows' mean rate: 3 gaps in 4 s is 0.75/s, twice that at speedup 2", () => {
    const file = tempFile("t.csv", "0\n1\n2\n4\n");
    for (const speedup of [1, 2]) {
      const p = makeArrivals(traceSpec(file, "timestamps", { speedup }), openTraceFile);
      const rng = randomStream(1, "trace", "arrivals");
      for (let t = p.first(0, rng); t !== Infinity; t = p.next(t, rng));
      expect(p.meanRatePerSec()).toBe(0.75 * speedup);
    }
  });
});
