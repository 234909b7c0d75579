import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomStream } from "../../../src/core/random.js";
import { LatencyHistogram } from "../../../src/core/stats/latency-histogram.js";
import { BucketAxis, BucketMax, BucketQuantile, BucketSum, NICE_BUCKET_MS, niceBucketMs } from "../../../src/core/stats/time-series.js";

const DAY_MS = 86_400_000;

describe("niceBucketMs", () => {
  it("gives 60 s buckets for 24 h (1,440 buckets)", () => {
    expect(niceBucketMs(DAY_MS)).toBe(60_000);
  });

  it("gives at most 2,000 buckets for 30 days, with 30 min buckets", () => {
    const w = niceBucketMs(30 * DAY_MS);
    expect(Math.ceil((30 * DAY_MS) / w)).toBeLessThanOrEqual(2000);
    expect(w).toBe(30 * 60_000);
  });

  it("gives 1 s for an empty or short span", () => {
    expect(niceBucketMs(0)).toBe(1000);
    expect(niceBucketMs(2000 * 1000)).toBe(1000);
    expect(niceBucketMs(2000 * 1000 + 1)).toBe(2000);
  });

  it("picks the smallest nice width giving at most maxBuckets buckets, for any span", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e13, noNaN: true }), fc.integer({ min: 1, max: 5000 }), (spanMs, maxBuckets) => {
        const w = niceBucketMs(spanMs, maxBuckets);
        expect(Math.ceil(spanMs / w)).toBeLessThanOrEqual(maxBuckets);
        // Every smaller candidate (the ladder, then whole days) gives too many buckets.
        const i = NICE_BUCKET_MS.indexOf(w as (typeof NICE_BUCKET_MS)[number]);
        const smaller = i > 0 ? NICE_BUCKET_MS[i - 1]! : i === 0 ? null : w - DAY_MS;
        if (i === -1) expect(w % DAY_MS).toBe(0);
        if (smaller !== null) expect(Math.ceil(spanMs / smaller)).toBeGreaterThan(maxBuckets);
      }),
      { numRuns: 500 },
    );
  });
});

describe("BucketAxis", () => {
  it("maps times to buckets, counting endMs in the last bucket and ignoring times outside the window", () => {
    const axis = new BucketAxis(1000, 11_000, 1000);
    expect(axis.count).toBe(10);
    expect([axis.index(1000), axis.index(1999.999), axis.index(2000), axis.index(10_999), axis.index(11_000)]).toEqual([0, 0, 1, 9, 9]);
    expect([axis.index(999.999), axis.index(11_000.001)]).toEqual([-1, -1]);
    expect(axis.times()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("ends with a partial bucket when the window is not a whole number of buckets", () => {
    const axis = new BucketAxis(0, 10_500, 1000);
    expect(axis.count).toBe(11);
    expect(axis.index(10_500)).toBe(10);
  });

  it("gives exactly the bucket formula's answer next to every edge, whichever bucket it answered last", () => {
    // index() remembers the last bucket and the range of times it covers; the formula is the truth.
    // startMs + k·bucketMs is often an ulp or two off the formula's edge (about 1 draw in 5 here).
    const formula = (axis: BucketAxis, t: number) => {
      if (!(t >= axis.startMs && t <= axis.endMs)) return -1;
      const i = Math.floor((t - axis.startMs) / axis.bucketMs);
      return i < axis.count ? i : axis.count - 1;
    };
    const scratch = new Float64Array(1);
    const bits = new BigInt64Array(scratch.buffer);
    const step = (t: number, ulps: number) => {
      scratch[0] = t; // t > 0 here, so adjacent doubles have adjacent bit patterns
      bits[0] = bits[0]! + BigInt(ulps);
      return scratch[0]!;
    };
    const rng = randomStream(1, "BucketAxis", "edges");
    let checked = 0;
    for (let run = 0; run < 2000; run++) {
      const startMs = rng() * 1e7;
      const bucketMs = 1e-3 + rng() * 1e6;
      const axis = new BucketAxis(startMs, startMs + (1 + rng() * 50) * bucketMs, bucketMs);
      for (let pick = 0; pick < 10; pick++) {
        // Each double around edge k (startMs + k·bucketMs, or endMs past the last bucket), right
        // after a time up to a bucket before or after the edge, whose bucket index() then remembers.
        const k = Math.floor(rng() * (axis.count + 1));
        const edge = k >= axis.count ? axis.endMs : startMs + k * bucketMs;
        for (let ulps = -2; ulps <= 2; ulps++) {
          for (const t of [edge + (2 * rng() - 1) * bucketMs, step(edge, ulps)]) {
            expect(axis.index(t)).toBe(formula(axis, t));
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(2000 * 10 * 5 * 2);
  });
});

describe("BucketSum", () => {
  it("totals the number of adds inside the window, bucket by bucket", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2000, max: 12_000 }), { maxLength: 500 }), (times) => {
        const axis = new BucketAxis(0, 10_000, 1000);
        const s = new BucketSum(axis);
        for (const t of times) s.add(t);
        const want = new Array<number>(10).fill(0);
        for (const t of times) if (t >= 0 && t <= 10_000) want[Math.min(9, Math.floor(t / 1000))]!++;
        expect(s.toArray()).toEqual(want);
        expect(s.toArray().reduce((a, b) => a + b, 0)).toBe(times.filter((t) => t >= 0 && t <= 10_000).length);
      }),
    );
  });
});

describe("BucketMax", () => {
  it("carries a level across buckets with no update, from before the window to finish", () => {
    const m = new BucketMax(new BucketAxis(0, 10_000, 1000));
    m.set(-5, 4); // in force when the window opens
    m.set(500, 3);
    m.set(4200, 1);
    m.set(4300, 6);
    m.set(4400, 2);
    m.finish(10_000);
    expect(m.toArray()).toEqual([4, 3, 3, 3, 6, 2, 2, 2, 2, 2]);
  });

  it("equals, per bucket, the highest of the level carried in and the levels set inside it", () => {
    // Times on a 250 ms grid, so that changes often coincide with each other and with bucket edges.
    const change = fc.tuple(fc.integer({ min: -4, max: 40 }).map((k) => k * 250), fc.integer({ min: 0, max: 50 }));
    fc.assert(
      fc.property(fc.array(change, { maxLength: 200 }), (raw) => {
        const changes = [...raw].sort((a, b) => a[0] - b[0]);
        const m = new BucketMax(new BucketAxis(0, 10_000, 1000));
        for (const [t, v] of changes) m.set(t, v);
        m.finish(10_000);
        const want: number[] = [];
        for (let b = 0; b < 10; b++) {
          const startMs = b * 1000;
          // Carried in: the level set last before the bucket starts (a level replaced right at the start still counts).
          const before = changes.filter(([t]) => t < startMs);
          let best = before.length > 0 ? before[before.length - 1]![1] : 0;
          for (const [t, v] of changes) if (t >= startMs && (t < startMs + 1000 || (b === 9 && t === 10_000))) best = Math.max(best, v);
          want.push(best);
        }
        expect(m.toArray()).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});

describe("BucketQuantile", () => {
  it("gives each bucket's p99 within 1 % of the exact nearest-rank p99 of its values, and null for empty buckets", () => {
    const sample = fc.tuple(
      fc.integer({ min: -500, max: 10_500 }),
      fc.double({ min: -1, max: 5, noNaN: true }).map((e) => 10 ** e),
    );
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 800 }), (raw) => {
        const samples = [...raw].sort((a, b) => a[0] - b[0]);
        const p = new BucketQuantile(new BucketAxis(0, 10_000, 1000), 0.99);
        for (const [t, v] of samples) p.record(t, v);
        p.finish();
        const got = p.toArray();
        for (let b = 0; b < 10; b++) {
          const inBucket = samples
            .filter(([t]) => t >= b * 1000 && (t < (b + 1) * 1000 || (b === 9 && t === 10_000)))
            .map(([, v]) => v)
            .sort((x, y) => x - y);
          if (inBucket.length === 0) {
            expect(got[b]).toBeNull();
          } else {
            const want = inBucket[Math.ceil(0.99 * inBucket.length) - 1]!;
            // 0.39 % from the histogram, plus at most 0.0005 ms from rounding to microseconds.
            expect(Math.abs(got[b]! - want)).toBeLessThanOrEqual(want * LatencyHistogram.RELATIVE_ERROR + 0.0005 + 1e-12);
            expect(Math.abs(got[b]! - want) / want).toBeLessThanOrEqual(0.01);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("rejects a record in an earlier bucket than the one open", () => {
    const p = new BucketQuantile(new BucketAxis(0, 10_000, 1000), 0.5);
    p.record(5000, 1);
    expect(() => p.record(1000, 1)).toThrow(RangeError);
  });
});
