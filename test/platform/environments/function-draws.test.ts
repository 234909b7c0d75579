import { describe, expect, it } from "vitest";
import { FunctionDraws, ON_DEMAND_INIT_LIMIT_MS, snapStartInitLimitMs } from "../../../src/platform/environments/function-draws.js";
import { fn } from "../../support/configs.js";

describe("function draws", () => {
  it("limit INIT to 10 s on demand and to max(130 s, timeout), at most 900 s, with SnapStart", () => {
    expect(snapStartInitLimitMs(3000)).toBe(130_000);
    expect(snapStartInitLimitMs(300_000)).toBe(300_000);
    expect(snapStartInitLimitMs(900_000)).toBe(900_000);
    const d = new FunctionDraws([fn({ name: "a", timeoutMs: 200_000 }), fn({ name: "b", runtime: "java21", snapStart: true, timeoutMs: 200_000 })], 1);
    expect(Array.from(d.initLimitMs)).toEqual([ON_DEMAND_INIT_LIMIT_MS, 200_000]);
    expect(Array.from(d.timeoutMs)).toEqual([200_000, 200_000]);
  });

  it("scale a duration given at 128 MB by 128/1769 at 1,769 MB when the handler is CPU-bound", () => {
    const d = new FunctionDraws(
      [fn({ name: "f", memoryMB: 1769, duration: { dist: "constant", value: 1000 }, durationScaling: { atMemoryMB: 128, cpuBound: 1, threads: 1 } })],
      1,
    );
    expect(d.durationMs(0)).toBeCloseTo((1000 * 128) / 1769, 9);
  });

  it("never recycle an environment without a maximum lifetime, and add the lifetime to its creation time otherwise", () => {
    const d = new FunctionDraws([fn({ name: "a" }), fn({ name: "b", maxLifetime: { dist: "constant", value: 3_600_000 } })], 1);
    expect(d.deathAtMs(0, 500)).toBe(Infinity);
    expect(d.deathAtMs(1, 500)).toBe(3_600_500);
  });

  it("fail never at error rate 0 and always at error rate 1", () => {
    const d = new FunctionDraws([fn({ name: "a", errorRate: 0 }), fn({ name: "b", errorRate: 1 })], 1);
    for (let i = 0; i < 100; i++) {
      expect(d.fails(0)).toBe(false);
      expect(d.fails(1)).toBe(true);
    }
  });
});
