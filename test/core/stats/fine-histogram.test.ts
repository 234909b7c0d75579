import { describe, expect, it } from "vitest";
import { FineHistogram } from "../../../src/core/stats/fine-histogram.js";
import { randomStream } from "../../../src/core/random.js";

describe("FineHistogram", () => {
  it("gives every nearest-rank quantile within 0.1 % of the exact one and the exact mean", () => {
    const rng = randomStream(3, "fine-histogram", "durations");
    const values = Array.from({ length: 50_000 }, () => Math.exp(3 + 2 * rng()) * (rng() < 0.01 ? 50 : 1));
    const h = new FineHistogram();
    for (const v of values) h.record(v);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.01, 0.25, 0.5, 0.9, 0.99, 0.999]) {
      const exact = sorted[Math.ceil(q * sorted.length) - 1]!;
      expect(Math.abs(h.quantile(q) / exact - 1), `q ${q}`).toBeLessThanOrEqual(FineHistogram.RELATIVE_WIDTH);
    }
    const pairs = h.pairs();
    expect(pairs.reduce((n, [, w]) => n + w, 0)).toBe(50_000);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(pairs.reduce((s, [v, w]) => s + v * w, 0) / 50_000).toBeCloseTo(mean, 6);
  });

  it("keeps values equal to the recorded ones when each bucket holds one distinct value", () => {
    const h = new FineHistogram();
    for (const v of [12.34, 12.34, 250.5, 0]) h.record(v);
    expect(h.pairs()).toEqual([[0, 1], [12.34, 2], [250.5, 1]]);
    expect(h.quantile(0.5)).toBe(12.34);
  });
});
