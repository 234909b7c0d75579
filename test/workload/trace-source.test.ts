import { describe, expect, it } from "vitest";
import { CsvCursor, fieldError, headerError, RowRate, type TraceLineSource } from "../../src/workload/trace-source.js";

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

describe("trace errors", () => {
  const source: TraceLineSource = { file: "t.csv", lineNumber: 7, nextLine: () => null };

  it("quotes a wrong CSV header on line 1, cut to 60 characters, or says the file is empty", () => {
    const long = `a,${"x".repeat(59)}`;
    expect(headerError(source, long, "a header").message).toBe(`t.csv, line 1, column 1: header "${long.slice(0, 57)}..."; expected a header`);
    expect(headerError(source, "a,b\u001b[2J", "a header").found).toBe("a first line of 7 characters that is not a CSV header");
    expect(headerError(source, null, "a header").message).toBe("t.csv, line 1, column 1: an empty file; expected a header");
  });

  it("quotes nothing of a first line that is not a CSV header (a secret file given as a trace)", () => {
    const shadow = "root:$6$salt$hash:19000:0:99999:7:::";
    expect(headerError(source, shadow, "a header").message).toBe(`t.csv, line 1, column 1: a first line of ${shadow.length} characters that is not a CSV header; expected a header`);
  });

  it("quotes a bad field with its column, cut to 24 characters, or only its length before the file shows it is a trace", () => {
    const c = new CsvCursor();
    c.reset(`1,${"y".repeat(41)}`);
    c.next();
    c.next();
    expect(fieldError(source, c, "duration", "a number").message).toBe(`t.csv, line 7, column 2: "${"y".repeat(21)}..." in column 2 (duration); expected a number`);
    expect(fieldError(source, c, "duration", "a number", false).found).toBe("a field of 41 characters in column 2 (duration)");
  });
});

describe("RowRate", () => {
  it("gives (rows − 1) per second of span from the first row to the last, 0 before two rows or over no span", () => {
    const r = new RowRate();
    expect([r.perSec(), r.lastMs]).toEqual([0, -Infinity]);
    r.add(1000);
    r.add(1000);
    expect(r.perSec()).toBe(0);
    r.add(2000);
    r.add(5000);
    expect([r.perSec(), r.lastMs]).toEqual([0.75, 5000]); // 3 gaps in 4 s
  });
});
