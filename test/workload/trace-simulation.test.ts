import { describe, expect, it } from "vitest";
import type { SimConfig } from "../../src/platform/config.js";
import { simulate } from "../../src/platform/simulate.js";
import { openTraceFile } from "../../src/scenario/trace-file.js";
import { fn, scenario } from "../support/configs.js";
import { AZURE2019, AZURE2021, azure2019Rows, azure2021Rows, maxOverlap, traceSpec } from "./trace-fixtures.js";

function run(config: SimConfig) {
  return simulate(config, { openTrace: openTraceFile });
}

const DAY = 86_400_000;

describe("trace replay through the Lambda model", () => {
  it("azure2019: the two every-5-minute functions get exactly one cold start each over the day with a fixed 10-minute idle lifetime", () => {
    const rows = azure2019Rows().filter((r) => r.counts.reduce((a, b) => a + b, 0) === 288);
    const functions = rows.map((r, i) =>
      fn({
        name: `five${i}`,
        duration: { dist: "constant", value: 100 },
        idleLifetime: { dist: "constant", value: 600_000 },
        arrivals: traceSpec(AZURE2019, "azure2019", { select: { function: r.fn } }),
      }),
    );
    const res = run(scenario(functions, { horizonMs: DAY, bucketMs: 60_000 }));
    for (const name of ["five0", "five1"]) {
      expect(res.functions[name]!.invocations).toBe(288);
      expect(res.functions[name]!.coldStarts).toBe(1);
    }
    // Per-minute arrivals of the run equal the file's (both rows summed).
    expect(res.series.arrivals).toEqual(rows[0]!.counts.map((c, m) => c + rows[1]!.counts[m]!));
  });

  it("azure2021: 199 invocations whose latencies are the trace's durations, and the busiest function reaches the concurrency the trace implies", () => {
    const rows = azure2021Rows();
    const byFn = new Map<string, typeof rows>();
    for (const r of rows) byFn.set(r.fn, [...(byFn.get(r.fn) ?? []), r]);
    const [busiest, itsRows] = [...byFn.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    const implied = maxOverlap(itsRows);
    expect(implied).toBeGreaterThan(1);
    const res = run(
      scenario(
        [
          fn({ name: "all", arrivals: traceSpec(AZURE2021, "azure2021") }),
          fn({ name: "busiest", arrivals: traceSpec(AZURE2021, "azure2021", { select: { function: busiest } }) }),
        ],
        { horizonMs: 3_600_000 },
      ),
    );
    const all = res.functions.all!;
    expect(all.invocations).toBe(199);
    expect(all.completed).toBe(199);
    expect(all.concurrency.peak).toBe(maxOverlap(rows));
    // No cold-start time (fixture), so the longest latency is the longest trace duration (histogram error ≤ 1 %).
    const longest = Math.max(...rows.map((r) => r.durationMs));
    expect(Math.abs((all.latencyMs.max ?? NaN) / longest - 1)).toBeLessThan(0.01);
    expect(res.functions.busiest!.invocations).toBe(itsRows.length);
    expect(res.functions.busiest!.concurrency.peak).toBe(implied);
  });
});
