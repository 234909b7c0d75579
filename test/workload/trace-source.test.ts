import { describe, expect, it } from "vitest";
import { CsvCursor } from "../../src/workload/trace-source.js";

/** Every field of `line` read by CsvCursor.number(). */
function numbers(line: string): number[] {
  const c = new CsvCursor();
  c.reset(line);
  const out: number[] = [];
  while (c.next()) out.push(c.number());
  return out;
}

describe("CsvCursor", () => {
  it("reads numbers, zero included, and gives NaN for empty, blank, non-numeric and infinite fields", () => {
    expect(numbers("1.5,0, 0 ,-2e3")).toEqual([1.5, 0, 0, -2000]);
    expect(numbers(",  ,abc,Infinity,0x")).toEqual([NaN, NaN, NaN, NaN, NaN]);
  });
});
