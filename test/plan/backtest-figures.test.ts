import { describe, expect, it } from "vitest";
import { compareMetric, countPerPeriod, mapeOf } from "../../src/plan/backtest-figures.js";

describe("backtest figures", () => {
  it("computes MAPE of the replications' mean, the relative bias of totals and the share of periods inside the band", () => {
    // Periods: observed 10, 20, 40, 0; replications (8, 22, 50, 1) and (12, 18, 30, 1): mean 10, 20, 40, 1.
    const { figures, band } = compareMetric({ observed: [10, 20, 40, 0], simulated: [[8, 22, 50, 1], [12, 18, 30, 1]] });
    expect(band.mean).toEqual([10, 20, 40, 1]);
    expect(band.low).toEqual([8, 18, 30, 1]);
    expect(band.high).toEqual([12, 22, 50, 1]);
    expect(figures.mape).toBe(0); // the mean is exact where something was observed
    expect(figures.mapePeriods).toBe(3);
    expect(figures.bias).toBeCloseTo(1 / 70, 12); // totals 71 against 70
    expect(figures.withinBand).toBe(0.75); // the last period's 0 is below both replications' 1
    // Replication 2 against 1: |12−8|/8, |18−22|/22, |30−50|/50, |1−1|/1 → (0.5 + 0.181818 + 0.4 + 0) / 4.
    expect(figures.replicationNoiseMape).toBeCloseTo((0.5 + 4 / 22 + 0.4 + 0) / 4, 12);
  });

  it("has no MAPE or bias when nothing was observed, and no noise with one replication", () => {
    const { figures } = compareMetric({ observed: [0, 0], simulated: [[0, 1]] });
    expect([figures.mape, figures.bias, figures.replicationNoiseMape]).toEqual([null, null, null]);
    expect(mapeOf([1, 2], [0, 0])).toBeNull();
  });

  it("counts times into periods from the start, ignoring those outside", () => {
    expect(countPerPeriod([0, 59_999, 60_000, 179_999, 180_000, -1], 0, 60_000, 3)).toEqual({ counts: [2, 1, 1], outside: 2 });
  });
});
