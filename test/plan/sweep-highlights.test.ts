import { describe, expect, it } from "vitest";
import { isWorldAxis, meetsObjectives, sweepHighlights, type SweepResults } from "../../src/plan/index.js";
import { METRICS } from "../../src/parallel/index.js";

/** A finished point with the given means (no intervals); other metrics null. */
function point(index: number, memoryMB: string, p99: number | null, cost: number, cold = 0, throttle = 0) {
  const metrics = Object.fromEntries(METRICS.map((m) => [m, null])) as NonNullable<SweepResults["points"][number]["metrics"]>;
  const v = (mean: number) => ({ mean, low: null, high: null, n: 1 });
  metrics.p99Ms = p99 === null ? null : v(p99);
  metrics.monthlyCost = v(cost);
  metrics.coldStartRate = v(cold);
  metrics.throttleRate = v(throttle);
  return { point: index, values: { "functions.f.memoryMB": memoryMB }, status: "ok" as const, errors: [], metrics };
}

function results(points: SweepResults["points"]): SweepResults {
  return { name: "s", seed: 1, horizonSeconds: 60, replications: 1, axes: [{ path: "functions.f.memoryMB", values: points.map((p) => p.values["functions.f.memoryMB"]!) }], metrics: METRICS, points, failed: 0, notFinished: 0, interrupted: false };
}

describe("sweep highlights", () => {
  const r = results([
    point(0, "128", 950, 10),
    point(1, "512", 400, 14, 0.03),
    point(2, "1024", 210, 19),
    point(3, "2048", 200, 31),
    { point: 4, values: { "functions.f.memoryMB": "99999" }, status: "failed", errors: ["memoryMB too large"], metrics: null },
  ]);

  it("name the cheapest point, the fastest, and the cheapest that meets every objective", () => {
    const h = sweepHighlights(r, { p99LatencyMs: 500, maxColdStartRate: 0.01 });
    expect(h.highlights.map((x) => [x.label, x.values["functions.f.memoryMB"]])).toEqual([
      ["cheapest", "128"],
      ["lowest p99", "2048"],
      ["cheapest meeting the SLO", "1024"], // 512 MB meets the p99 but has 3 % cold starts
    ]);
    expect(h.meetingSlo).toBe(2);
  });

  it("leave out the SLO line without objectives, and never pick a failed point", () => {
    const h = sweepHighlights(r, null);
    expect(h.highlights.map((x) => x.label)).toEqual(["cheapest", "lowest p99"]);
    expect(h.meetingSlo).toBeNull();
    expect(h.highlights.every((x) => x.point !== 4)).toBe(true);
  });

  it("do not count a point without a p99 as meeting a p99 objective", () => {
    expect(meetsObjectives(point(0, "128", null, 1), { p99LatencyMs: 500 })).toBe(false);
    expect(meetsObjectives(point(0, "128", null, 1), { maxThrottleRate: 0.1 })).toBe(true);
  });

  it("break a cost tie by the lower p99", () => {
    const h = sweepHighlights(results([point(0, "128", 900, 10), point(1, "256", 500, 10)]), null);
    expect(h.highlights[0]!.values["functions.f.memoryMB"]).toBe("256");
  });
});

describe("sweep highlights with an axis the world gives (traffic)", () => {
  const MEM = "functions.f.memoryMB";
  const RATE = "arrivals.rate";
  /** A point of a memory × traffic sweep: memory chosen, traffic given. */
  function at(index: number, memoryMB: string, rate: string, p99: number, cost: number) {
    const p = point(index, memoryMB, p99, cost);
    return { ...p, values: { [MEM]: memoryMB, [RATE]: rate } };
  }
  // At 10/s, 128 MB is cheapest overall but misses p99 ≤ 500 ms; 512 MB meets it. At 100/s every point costs more and only 1024 MB meets it.
  const grid: SweepResults = {
    ...results([]),
    axes: [{ path: MEM, values: ["128", "512", "1024"] }, { path: RATE, values: ["10/s", "100/s"] }],
    points: [
      at(0, "128", "10/s", 900, 5),
      at(1, "128", "100/s", 950, 50),
      at(2, "512", "10/s", 420, 7),
      at(3, "512", "100/s", 640, 70),
      at(4, "1024", "10/s", 300, 12),
      at(5, "1024", "100/s", 480, 120),
    ],
  };

  it("classes traffic, work and the simulation's settings as given, and the function's configuration as chosen", () => {
    for (const path of ["arrivals.rate", "functions.api.arrivals.rate", "arrivals.kind", "duration.median", "functions.api.errorRate", "payloadKB", "horizon", "seed"]) {
      expect(isWorldAxis(path), path).toBe(true);
    }
    for (const path of ["memoryMB", "functions.api.memoryMB", "functions.api.provisionedConcurrency", "reservedConcurrency", "architecture", "timeout", "sqs.batchSize", "account.concurrencyLimit", "pricing.frontDoor"]) {
      expect(isWorldAxis(path), path).toBe(false);
    }
  });

  it("never names a traffic value as the choice: per traffic level, the cheapest memory meeting the SLO", () => {
    const h = sweepHighlights(grid, { p99LatencyMs: 500 });
    expect(h.highlights.map((x) => [x.label, x.given[RATE], x.values])).toEqual([
      ["cheapest meeting the SLO", "10/s", { [MEM]: "512" }],
      ["cheapest meeting the SLO", "100/s", { [MEM]: "1024" }],
    ]);
    expect(h.highlights.every((x) => !(RATE in x.values))).toBe(true);
    expect(h.meetingSlo).toBe(3);
  });

  it("without an SLO gives the cheapest and the fastest per traffic level, not the cheapest traffic level", () => {
    const h = sweepHighlights(grid, null);
    expect(h.highlights.map((x) => [x.label, x.given[RATE], x.values[MEM]])).toEqual([
      ["cheapest", "10/s", "128"],
      ["lowest p99", "10/s", "1024"],
      ["cheapest", "100/s", "128"],
      ["lowest p99", "100/s", "1024"],
    ]);
  });

  it("says so when no choice meets the SLO at a traffic level, naming the fastest", () => {
    const h = sweepHighlights(grid, { p99LatencyMs: 450 });
    expect(h.highlights.map((x) => [x.label, x.given[RATE], x.values[MEM]])).toEqual([
      ["cheapest meeting the SLO", "10/s", "512"],
      ["lowest p99, none meets the SLO", "100/s", "1024"],
    ]);
  });
});
