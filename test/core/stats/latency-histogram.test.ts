import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LatencyHistogram } from "../../../src/core/stats/latency-histogram.js";

const QUANTILES = [0.5, 0.9, 0.99, 0.999];

/** Exact nearest-rank quantile: the ceil(q·n)-th smallest value (the definition the histogram approximates). */
function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

/** The largest float64 below a positive finite x. */
function nextDown(x: number): number {
  const f = new Float64Array([x]);
  const b = new BigInt64Array(f.buffer);
  b[0] = b[0]! - 1n;
  return f[0]!;
}

/** Values log-uniform over 1e-3..1e8 ms, the span of latencies the simulator reports. */
const logSpreadValues = fc.array(
  fc.double({ min: -3, max: 8, noNaN: true }).map((e) => 10 ** e),
  { minLength: 1, maxLength: 3000 },
);

function recordAll(values: number[]): LatencyHistogram {
  const h = new LatencyHistogram();
  for (const v of values) h.record(v);
  return h;
}

describe("LatencyHistogram", () => {
  it("reports every quantile of log-spread values within 1 % of the exact nearest-rank quantile", () => {
    fc.assert(
      fc.property(logSpreadValues, (values) => {
        const h = recordAll(values);
        const sorted = [...values].sort((a, b) => a - b);
        for (const q of QUANTILES) {
          const want = exactQuantile(sorted, q);
          const err = Math.abs(h.quantile(q) - want) / want;
          expect(err).toBeLessThanOrEqual(0.01);
          expect(err).toBeLessThanOrEqual(LatencyHistogram.RELATIVE_ERROR * (1 + 1e-12));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("puts each bucket's lower edge in that bucket and the float just below it in the bucket before", () => {
    // Checks the Math.log2 exponent and its correction step exactly at every power-of-two and sub-bucket edge.
    const misplaced: number[] = [];
    for (let i = 1; i < LatencyHistogram.BUCKET_COUNT; i++) {
      const lower = LatencyHistogram.bucketLower(i);
      if (LatencyHistogram.bucketIndex(lower) !== i || LatencyHistogram.bucketIndex(nextDown(lower)) !== i - 1) {
        misplaced.push(i);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it("keeps every covered value within RELATIVE_ERROR (0.39 %) of its bucket's midpoint, the worst case at a lower edge", () => {
    let worst = 0;
    for (let i = 1; i < LatencyHistogram.BUCKET_COUNT; i++) {
      const mid = LatencyHistogram.bucketMidpoint(i);
      const lower = LatencyHistogram.bucketLower(i);
      const upper = i + 1 < LatencyHistogram.BUCKET_COUNT ? LatencyHistogram.bucketLower(i + 1) : LatencyHistogram.CEILING_MS;
      for (const v of [lower, nextDown(upper), (lower + upper) / 2]) {
        worst = Math.max(worst, Math.abs(mid - v) / v);
      }
    }
    expect(worst).toBeLessThanOrEqual(LatencyHistogram.RELATIVE_ERROR);
    expect(worst).toBeCloseTo(1 / 256, 12);
    expect(LatencyHistogram.RELATIVE_ERROR).toBe(0.00390625);
  });

  it("covers 0.001 ms to 2^42 ms with 53 ranges of 128 sub-buckets plus a zero bucket", () => {
    expect(LatencyHistogram.BUCKET_COUNT).toBe(1 + 53 * 128);
    expect(LatencyHistogram.bucketIndex(0.001)).toBeGreaterThan(0);
    expect(LatencyHistogram.bucketIndex(2 ** 42)).toBeLessThan(LatencyHistogram.BUCKET_COUNT - 1);
    expect(LatencyHistogram.CEILING_MS).toBe(2 ** 43);
  });

  it("merging two histograms equals recording every value into one", () => {
    fc.assert(
      fc.property(logSpreadValues, logSpreadValues, (a, b) => {
        const merged = recordAll(a);
        merged.merge(recordAll(b));
        const direct = recordAll([...a, ...b]);
        expect(Array.from(merged.counts)).toEqual(Array.from(direct.counts));
        expect(merged.count).toBe(a.length + b.length);
        expect(merged.min).toBe(direct.min);
        expect(merged.max).toBe(direct.max);
        expect(merged.sum).toBeCloseTo(direct.sum, 6);
        for (const q of QUANTILES) expect(merged.quantile(q)).toBe(direct.quantile(q));
      }),
      { numRuns: 50 },
    );
  });

  it("summarises an empty histogram with nulls, not NaN", () => {
    const s = new LatencyHistogram().summary();
    expect(s).toEqual({ count: 0, p50: null, p90: null, p95: null, p99: null, p999: null, max: null, mean: null });
    expect(JSON.stringify(s)).not.toContain("NaN");
  });

  it("summarises 1..1000 ms with exact count, max and mean and percentiles within 0.39 %, rounded to microseconds", () => {
    const h = new LatencyHistogram();
    for (let v = 1; v <= 1000; v++) h.record(v);
    const s = h.summary();
    expect(s.count).toBe(1000);
    expect(s.max).toBe(1000);
    expect(s.mean).toBe(500.5);
    const want: Record<string, number> = { p50: 500, p90: 900, p95: 950, p99: 990, p999: 999 };
    for (const [key, exact] of Object.entries(want)) {
      const got = s[key as keyof typeof s] as number;
      expect(Math.abs(got - exact) / exact).toBeLessThanOrEqual(LatencyHistogram.RELATIVE_ERROR);
      expect(Math.round(got * 1000) / 1000).toBe(got);
    }
  });

  it("keeps the same bucket array, whatever its length, after a million records", () => {
    const h = new LatencyHistogram();
    const counts = h.counts;
    let x = 1;
    for (let i = 0; i < 1_000_000; i++) {
      x = (x * 48271) % 2147483647; // Park–Miller: deterministic spread over 1..2^31 ms
      h.record(x / 1000);
    }
    expect(h.counts).toBe(counts);
    expect(h.counts.length).toBe(LatencyHistogram.BUCKET_COUNT);
    expect(h.count).toBe(1_000_000);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(1_000_000);
  });

  it("returns the exact value for every quantile of a single recorded value", () => {
    const h = new LatencyHistogram();
    h.record(3.14159);
    for (const q of [0, 0.001, 0.5, 0.99, 1]) expect(h.quantile(q)).toBe(3.14159);
  });

  it("returns the exact min at q = 0 and the exact max at q = 1", () => {
    const h = recordAll([7.77, 1.234567, 99.9999, 42]);
    expect(h.quantile(0)).toBe(1.234567);
    expect(h.quantile(1)).toBe(99.9999);
    expect(h.min).toBe(1.234567);
    expect(h.max).toBe(99.9999);
    expect(h.sum).toBe(7.77 + 1.234567 + 99.9999 + 42);
    expect(h.mean()).toBe((7.77 + 1.234567 + 99.9999 + 42) / 4);
  });

  it("counts values below 2^-10 ms in the zero bucket and reports them as the min", () => {
    const h = recordAll([0, 0.0005, 5]);
    expect(h.counts[0]).toBe(2);
    expect(h.quantile(0.5)).toBe(0);
    expect(h.min).toBe(0);
  });

  it("clamps values past 2^43 ms into the top bucket while max stays exact", () => {
    const h = recordAll([1, 2 ** 50]);
    expect(h.counts[LatencyHistogram.BUCKET_COUNT - 1]).toBe(1);
    expect(h.max).toBe(2 ** 50);
    expect(h.quantile(1)).toBe(2 ** 50);
  });

  it("rejects NaN, negative and infinite values as bugs", () => {
    const h = new LatencyHistogram();
    expect(() => h.record(NaN)).toThrow(RangeError);
    expect(() => h.record(-1)).toThrow(RangeError);
    expect(() => h.record(Infinity)).toThrow(RangeError);
    expect(() => h.quantile(1.5)).toThrow(RangeError);
    expect(h.count).toBe(0);
  });

  it("behaves like a fresh histogram after reset", () => {
    fc.assert(
      fc.property(logSpreadValues, logSpreadValues, (before, after) => {
        const h = recordAll(before);
        h.reset();
        expect(h.count).toBe(0);
        expect(h.counts.every((c) => c === 0)).toBe(true);
        for (const v of after) h.record(v);
        const fresh = recordAll(after);
        expect(Array.from(h.counts)).toEqual(Array.from(fresh.counts));
        expect(h.summary()).toEqual(fresh.summary());
      }),
      { numRuns: 30 },
    );
  });
});

describe("LatencyHistogram.coarseBins", () => {
  it("groups both histograms into the same bins and keeps every count", () => {
    const cold = new LatencyHistogram();
    const warm = new LatencyHistogram();
    for (let v = 100; v < 400; v += 0.5) cold.record(v);
    for (let v = 10; v < 60; v += 0.01) warm.record(v);
    const { lowerMs, counts } = LatencyHistogram.coarseBins([cold, warm], 4);
    expect(counts[0]!.reduce((a, b) => a + b, 0)).toBe(cold.count);
    expect(counts[1]!.reduce((a, b) => a + b, 0)).toBe(warm.count);
    expect(lowerMs.length).toBe(counts[0]!.length);
    // 4 bins per doubling: consecutive edges grow by 2^(1/4) on average, exactly 5/4, 6/5, 7/6, 8/7.
    expect(lowerMs[0]).toBeLessThanOrEqual(10);
    expect(lowerMs[lowerMs.length - 1]).toBeLessThanOrEqual(400);
    expect(lowerMs[lowerMs.length - 1]).toBeGreaterThan(256);
    for (let i = 1; i < lowerMs.length; i++) expect(lowerMs[i]).toBeGreaterThan(lowerMs[i - 1]!);
  });

  it("returns no bins when nothing was recorded", () => {
    expect(LatencyHistogram.coarseBins([new LatencyHistogram()], 8)).toEqual({ lowerMs: [], counts: [[]] });
  });
});
