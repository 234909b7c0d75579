import { describe, expect, it } from "vitest";
import { randomStream } from "../../src/core/random.js";
import { openTraceFile } from "../../src/scenario/trace-file.js";
import type { TraceArrivalSpec } from "../../src/workload/arrival-spec.js";
import { makeArrivals } from "../../src/workload/make-arrivals.js";
import { TraceError } from "../../src/workload/trace-source.js";
import { tempFile, traceSpec } from "./trace-fixtures.js";

/** The TraceError a full replay of `spec` raises (fails the test when it raises none). */
function replayError(spec: TraceArrivalSpec): TraceError {
  const rng = randomStream(1, "bad", "arrivals");
  try {
    const p = makeArrivals(spec, openTraceFile);
    for (let t = p.first(0, rng); t !== Infinity; t = p.next(t, rng));
  } catch (err) {
    if (err instanceof TraceError) return err;
    throw err;
  }
  throw new Error("expected a TraceError");
}

const HEADER2021 = "app,func,end_timestamp,duration\n";
const minutes = (fill: (m: number) => string) => Array.from({ length: 1440 }, (_, m) => fill(m)).join(",");
const HEADER2019 = `HashOwner,HashApp,HashFunction,Trigger,${minutes((m) => String(m + 1))}\n`;

describe("bad traces give an error naming file, line and column", () => {
  it("a missing file", () => {
    const e = replayError(traceSpec("/nonexistent/trace.csv", "timestamps"));
    expect([e.file, e.line, e.found]).toEqual(["/nonexistent/trace.csv", 0, "no such file"]);
    expect(e.message).toBe("/nonexistent/trace.csv: no such file; expected a readable trace file");
  });

  it("a wrong azure2021 header", () => {
    const file = tempFile("h.csv", "app,function,end,duration\na,f,1,0.5\n");
    const e = replayError(traceSpec(file, "azure2021"));
    expect([e.line, e.column]).toEqual([1, 1]);
    expect(e.message).toContain("expected the azure2021 header app,func,end_timestamp,duration");
  });

  it("a wrong azure2019 header (an azure2021 file declared as azure2019)", () => {
    const file = tempFile("h.csv", HEADER2021 + "a,f,1,0.5\n");
    const e = replayError(traceSpec(file, "azure2019"));
    expect([e.file, e.line, e.column]).toEqual([file, 1, 1]);
    expect(e.expected).toContain("HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440");
  });

  it("unsorted timestamps", () => {
    const file = tempFile("t.csv", "1\n2\n1.5\n");
    const e = replayError(traceSpec(file, "timestamps"));
    expect([e.line, e.column]).toEqual([3, 1]);
    expect(e.message).toBe(`${file}, line 3, column 1: time 1.5 s, before the previous row's 2 s; expected times in non-decreasing order`);
  });

  it("unsorted azure2021 start times", () => {
    const file = tempFile("u.csv", HEADER2021 + "a,f,10,1\na,f,10,5\n");
    const e = replayError(traceSpec(file, "azure2021"));
    expect([e.line, e.column]).toEqual([3, 3]);
    expect(e.expected).toContain("order of start time");
  });

  it("a negative duration", () => {
    const file = tempFile("n.csv", HEADER2021 + "a,f,10,1\na,f,12,-0.5\n");
    const e = replayError(traceSpec(file, "azure2021"));
    expect([e.line, e.column]).toEqual([3, 4]);
    expect(e.message).toBe(`${file}, line 3, column 4: "-0.5" in column 4 (duration); expected a number of seconds ≥ 0`);
  });

  it("a row with a non-number, in each format", () => {
    const t = replayError(traceSpec(tempFile("t.csv", "1,0.1\n2,abc\n"), "timestamps"));
    expect([t.line, t.column, t.found]).toEqual([2, 2, '"abc" in column 2 (duration)']);
    const a = replayError(traceSpec(tempFile("a.csv", HEADER2021 + "a,f,1e1,1\na,f,,1\n"), "azure2021"));
    expect([a.line, a.column, a.found]).toEqual([3, 3, '"" in column 3 (end_timestamp)']);
    const row = `o,a,f,http,${minutes((m) => (m === 99 ? "x" : "0"))}\n`;
    const b = replayError(traceSpec(tempFile("b.csv", HEADER2019 + row), "azure2019"));
    expect([b.line, b.column, b.found]).toEqual([2, 104, '"x" in column 104 (minute 100)']);
  });

  it("a row with too few or too many columns", () => {
    const few = replayError(traceSpec(tempFile("f.csv", HEADER2021 + "a,f,1\n"), "azure2021"));
    expect([few.line, few.found]).toEqual([2, "a row with 3 columns"]);
    const many = replayError(traceSpec(tempFile("m.csv", "1,2,3\n"), "timestamps"));
    expect([many.line, many.found]).toEqual([1, "a row with 3 columns"]);
  });

  it("an error far into a large file is found mid-replay with its line", () => {
    const lines = Array.from({ length: 5000 }, (_, i) => String(i / 10));
    lines[4321] = "oops";
    const e = replayError(traceSpec(tempFile("big.csv", lines.join("\n")), "timestamps"));
    expect([e.line, e.column]).toEqual([4322, 1]);
  });
});
