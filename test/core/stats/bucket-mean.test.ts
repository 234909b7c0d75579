import { describe, expect, it } from "vitest";
import { BucketMean } from "../../../src/core/stats/bucket-mean.js";
import { BucketAxis } from "../../../src/core/stats/time-series.js";
import { TimeWeighted } from "../../../src/core/stats/time-weighted.js";

describe("BucketMean", () => {
  it("gives each bucket the time-weighted mean of the level over it, a level spanning buckets counted in each", () => {
    const m = new BucketMean(new BucketAxis(0, 30, 10));
    m.set(5, 2); // 0 for 5 ms, then 2
    m.set(25, 4); // 2 until 25, then 4
    m.finish(30);
    expect(m.toArray()).toEqual([1, 2, 3]);
  });

  it("ignores time before the window except for the level it leaves, and cuts the last bucket at the window's end", () => {
    const m = new BucketMean(new BucketAxis(100, 125, 10));
    m.set(50, 3); // warm-up: no area, but 3 is the level at 100
    m.set(118, 1);
    m.finish(1000); // past the end: integrates to 125 only
    // buckets [100,110) [110,120) [120,125]: 3; (8·3 + 2·1) / 10; 1
    expect(m.toArray()).toEqual([3, 2.6, 1]);
    expect(m.widthMs(2)).toBe(5);
  });

  it("weighted by bucket width, averages to TimeWeighted's mean of the same level (random steps, 1e-12)", () => {
    const axis = new BucketAxis(1000, 987_654.5, 7000, true);
    const m = new BucketMean(axis);
    const tw = new TimeWeighted(1000);
    let t = 0;
    let seed = 7;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (;;) {
      t += next() * 20_000;
      if (t > 987_654.5) break;
      const level = Math.floor(next() * 50);
      m.set(t, level);
      tw.set(t, level);
    }
    m.finish(axis.endMs);
    let area = 0;
    for (let i = 0; i < axis.count; i++) area += m.area(i);
    expect(Math.abs(area / (axis.endMs - 1000) - tw.mean(axis.endMs)) / tw.mean(axis.endMs)).toBeLessThan(1e-12);
    const means = m.toArray();
    let weighted = 0;
    for (let i = 0; i < axis.count; i++) weighted += means[i]! * m.widthMs(i);
    expect(Math.abs(weighted / (axis.endMs - 1000) - tw.mean(axis.endMs)) / tw.mean(axis.endMs)).toBeLessThan(1e-12);
  });
});
