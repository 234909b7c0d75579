import { describe, expect, it } from "vitest";
import { executionWords, formatMs, formatNumber, formatPercent } from "../../src/report/format.js";

describe("report number formatting", () => {
  it("shows small percentages in plain decimals with two significant digits", () => {
    expect(formatPercent(0.000041)).toBe("0.0041 %");
    expect(formatPercent(0.1234)).toBe("12.3 %");
    expect(formatPercent(0)).toBe("0 %");
  });

  it("says where simulations ran: worker threads, or the workers of a Redis queue", () => {
    expect(executionWords(1)).toBe("1 worker thread");
    expect(executionWords(16)).toBe("16 worker threads");
    expect(executionWords(null)).toBe("the workers of a Redis queue");
  });

  it("says n/a instead of NaN when there is nothing to measure", () => {
    expect(formatPercent(null)).toBe("n/a");
    expect(formatMs(null)).toBe("n/a");
  });

  it("keeps two significant digits of a mean below one", () => {
    expect(formatNumber(0.0034, 1)).toBe("0.0034");
    expect(formatNumber(1234.567, 1)).toBe("1,234.6");
  });

  it("picks a unit that fits the size of a latency", () => {
    expect(formatMs(44.9)).toBe("44.9 ms");
    expect(formatMs(1520)).toBe("1.52 s");
    expect(formatMs(240_000)).toBe("4.0 min");
  });
});
