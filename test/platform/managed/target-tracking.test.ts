import { describe, expect, it } from "vitest";
import { decideScaling, type ScalingState } from "../../../src/platform/managed/target-tracking.js";

const base: ScalingState = {
  running: 3, launching: 0, utilization: 0.3, target: 0.5, minInstances: 3, maxInstances: 100, lowReadings: 0, scaleInPeriods: 5, scaleInFraction: 0.1,
};

describe("target tracking of a capacity provider", () => {
  it("launches ceil(instances × reading / target) minus those running and launching", () => {
    // 4 × 0.9 / 0.5 = 7.2 → 8 wanted; 4 running + 1 launching → 3 more.
    expect(decideScaling({ ...base, running: 4, launching: 1, utilization: 0.9 })).toEqual({ launch: 3, drain: 0, lowReadings: 0 });
  });

  it("doubles a saturated provider at a 50 % target, and stops at the vCPU limit", () => {
    expect(decideScaling({ ...base, running: 10, utilization: 1 }).launch).toBe(10);
    expect(decideScaling({ ...base, running: 10, utilization: 1, maxInstances: 12 }).launch).toBe(2);
  });

  it("waits for five low readings in a row before draining, then drains 10 % (at least one), never below the minimum", () => {
    let s = { ...base, running: 40, utilization: 0.1 };
    for (let k = 1; k < 5; k++) {
      const d = decideScaling(s);
      expect(d).toEqual({ launch: 0, drain: 0, lowReadings: k });
      s = { ...s, lowReadings: d.lowReadings };
    }
    expect(decideScaling(s)).toEqual({ launch: 0, drain: 4, lowReadings: 0 });
    expect(decideScaling({ ...base, running: 4, utilization: 0.01, lowReadings: 4 }).drain).toBe(1);
    expect(decideScaling({ ...base, running: 3, utilization: 0, lowReadings: 4 }).drain).toBe(0);
  });

  it("does not scale in while instances are still launching", () => {
    expect(decideScaling({ ...base, running: 10, launching: 2, utilization: 0.05, lowReadings: 4 })).toEqual({ launch: 0, drain: 0, lowReadings: 0 });
  });
});
