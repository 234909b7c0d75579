import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TimeWeighted } from "../../../src/core/stats/time-weighted.js";

describe("TimeWeighted", () => {
  it("averages a hand-computed step function: 2 for 10 ms, 5 for 15 ms, 1 for 15 ms is 2.75", () => {
    const tw = new TimeWeighted(0);
    tw.set(0, 2);
    tw.set(10, 5);
    tw.set(25, 1);
    expect(tw.area(40)).toBe(2 * 10 + 5 * 15 + 1 * 15);
    expect(tw.mean(40)).toBe(2.75);
    expect(tw.peak).toBe(5);
    expect(tw.value).toBe(1);
  });

  it("adds no area for warm-up updates but carries their last level into the window", () => {
    const tw = new TimeWeighted(100);
    tw.set(20, 7); // before the window: not a peak, no area
    tw.set(50, 3); // the level in force when the window opens
    tw.set(150, 1);
    expect(tw.area(200)).toBe(3 * 50 + 1 * 50);
    expect(tw.mean(200)).toBe(2);
    expect(tw.peak).toBe(3);
  });

  it("adds a delta to the current level, like set(level + delta)", () => {
    const tw = new TimeWeighted(0, 1);
    tw.add(5, 2);
    tw.add(10, -3);
    expect(tw.value).toBe(0);
    expect(tw.area(20)).toBe(1 * 5 + 3 * 5);
    expect(tw.peak).toBe(3);
  });

  it("matches a millisecond-by-millisecond sum for random step functions with a warm-up", () => {
    const step = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: -5, max: 5 }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.array(step, { maxLength: 60 }), (startMs, raw) => {
        const steps = [...raw].sort((a, b) => a[0] - b[0]);
        const endMs = 200;
        const tw = new TimeWeighted(startMs, 4);
        for (const [t, d] of steps) tw.add(t, d);
        // Reference: the level in force during each millisecond [ms, ms+1) of the window (startMs included).
        let area = 0;
        let peak = -Infinity;
        let level = 4;
        let k = 0;
        for (let ms = 0; ms < endMs; ms++) {
          while (k < steps.length && steps[k]![0] <= ms) level += steps[k++]![1];
          if (ms >= startMs) {
            area += level;
            peak = Math.max(peak, level);
          }
        }
        // Steps inside the window reach their level even when a later step at the same ms replaces it.
        let lv = 4;
        for (const [t, d] of steps) {
          lv += d;
          if (t > startMs) peak = Math.max(peak, lv);
        }
        expect(tw.area(endMs)).toBe(area);
        expect(tw.mean(endMs)).toBeCloseTo(area / (endMs - startMs), 12);
        expect(tw.peak).toBe(peak);
      }),
      { numRuns: 300 },
    );
  });

  it("gives mean 0 and area 0 for an empty window", () => {
    const tw = new TimeWeighted(50, 3);
    expect(tw.mean(50)).toBe(0);
    expect(tw.area(10)).toBe(0);
  });

  it("rejects time going backwards inside the window as a bug", () => {
    const tw = new TimeWeighted(0);
    tw.set(10, 1);
    expect(() => tw.set(5, 2)).toThrow(RangeError);
    expect(() => tw.area(5)).toThrow(RangeError);
  });
});
