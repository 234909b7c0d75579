import { describe, expect, it } from "vitest";
import { formatDuration, formatRate, parseDurationMs, parseRatePerSec } from "../../src/scenario/units.js";

describe("parseDurationMs", () => {
  it("reads milliseconds, seconds, minutes, hours and days", () => {
    expect(parseDurationMs("250ms")).toBe(250);
    expect(parseDurationMs("1.5s")).toBe(1500);
    expect(parseDurationMs("5m")).toBe(300_000);
    expect(parseDurationMs("24h")).toBe(86_400_000);
    expect(parseDurationMs("2d")).toBe(172_800_000);
  });

  it("reads 1.5h as 5,400,000 ms", () => {
    expect(parseDurationMs("1.5h")).toBe(5_400_000);
  });

  it("accepts a space between the number and the unit", () => {
    expect(parseDurationMs("1 h")).toBe(3_600_000);
    expect(parseDurationMs(" 10 s ")).toBe(10_000);
  });

  it("rejects a bare number string because it has no unit", () => {
    expect(parseDurationMs("100")).toBeUndefined();
    expect(parseDurationMs("0")).toBeUndefined();
  });

  it("rejects text that is not a duration", () => {
    expect(parseDurationMs("fast")).toBeUndefined();
    expect(parseDurationMs("5 parsecs")).toBeUndefined();
    expect(parseDurationMs("")).toBeUndefined();
    expect(parseDurationMs("1.2.3s")).toBeUndefined();
  });

  it("reads compound durations as the sum of their parts, with or without a space between them", () => {
    expect(parseDurationMs("7h30m")).toBe(7.5 * 3_600_000);
    expect(parseDurationMs("1h 30m")).toBe(5_400_000);
    expect(parseDurationMs("1m30s")).toBe(90_000);
    expect(parseDurationMs("1d12h")).toBe(36 * 3_600_000);
    expect(parseDurationMs("2h30m15s")).toBe(9_015_000);
    expect(parseDurationMs("-1h30m")).toBe(-5_400_000);
  });

  it("rejects a compound with a part that has no unit or an unknown one", () => {
    expect(parseDurationMs("1h30")).toBeUndefined();
    expect(parseDurationMs("1h30x")).toBeUndefined();
    expect(parseDurationMs("h30m")).toBeUndefined();
    expect(parseDurationMs("1h  30m")).toBeUndefined();
  });

  it("parses negative durations so that the schema can say why they are wrong", () => {
    expect(parseDurationMs("-5s")).toBe(-5000);
  });
});

describe("parseRatePerSec", () => {
  it("reads 3000/min as 50 per second", () => {
    expect(parseRatePerSec("3000/min")).toBe(50);
  });

  it("reads per-second, per-hour and per-day rates", () => {
    expect(parseRatePerSec("50/s")).toBe(50);
    expect(parseRatePerSec("2.5/s")).toBe(2.5);
    expect(parseRatePerSec("36/h")).toBeCloseTo(0.01, 12);
    expect(parseRatePerSec("8640/d")).toBeCloseTo(0.1, 12);
    expect(parseRatePerSec("10 / min")).toBeCloseTo(1 / 6, 12);
  });

  it("rejects units other than s, min, h and d", () => {
    expect(parseRatePerSec("1/ms")).toBeUndefined();
    expect(parseRatePerSec("5/week")).toBeUndefined();
  });

  it("rejects a rate without a unit or with words", () => {
    expect(parseRatePerSec("50")).toBeUndefined();
    expect(parseRatePerSec("fast")).toBeUndefined();
  });

  it("parses negative and zero rates so that the schema can say why they are wrong", () => {
    expect(parseRatePerSec("-5/s")).toBe(-5);
    expect(parseRatePerSec("0/s")).toBe(0);
  });
});

describe("formatDuration", () => {
  it("uses the largest unit that keeps the number at least 1", () => {
    expect(formatDuration(5_400_000)).toBe("1.5h");
    expect(formatDuration(250)).toBe("250ms");
    expect(formatDuration(600_000)).toBe("10m");
    expect(formatDuration(172_800_000)).toBe("2d");
    expect(formatDuration(0)).toBe("0s");
  });

  it("round-trips through parseDurationMs", () => {
    for (const ms of [1, 250, 1500, 90_000, 5_400_000, 86_400_000 * 3]) {
      expect(parseDurationMs(formatDuration(ms))).toBe(ms);
    }
  });
});

describe("formatRate", () => {
  it("picks a unit that keeps the number at least 1", () => {
    expect(formatRate(50)).toBe("50/s");
    expect(formatRate(0.5)).toBe("30/min");
    expect(formatRate(1 / 600)).toBe("6/h");
  });
});
