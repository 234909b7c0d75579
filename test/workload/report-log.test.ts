import { describe, expect, it } from "vitest";
import { readReportLog, type ReportRecord } from "../../src/workload/report-log.js";
import { TraceError, type TraceLineSource } from "../../src/workload/trace-source.js";
import { filterJson, filterTextLines, tailLines, telemetryRecords, type Invocation } from "../support/report-lines.js";

/** A line source over a string. */
function linesOf(text: string, file = "report.log"): TraceLineSource {
  const lines = text.split("\n");
  let i = 0;
  return {
    file,
    get lineNumber() {
      return i;
    },
    nextLine: () => (i < lines.length ? lines[i++]! : null),
  };
}

function read(text: string): ReportRecord[] {
  const out: ReportRecord[] = [];
  readReportLog(linesOf(text), { add: (r) => out.push({ ...r }) });
  return out;
}

const T0 = Date.parse("2026-11-30T10:00:00Z");
const INVOCATIONS: Invocation[] = [
  { timeMs: T0 + 1_000, durationMs: 812.46, memoryMB: 1024, maxMemoryUsedMB: 91, initMs: 412.88 },
  { timeMs: T0 + 61_250, durationMs: 37.1, memoryMB: 1024, maxMemoryUsedMB: 92 },
  { timeMs: T0 + 125_500, durationMs: 1.99, memoryMB: 1024, maxMemoryUsedMB: 92 },
];

function expectRecords(got: ReportRecord[], withBilled = true): void {
  expect(got.map((r) => r.durationMs)).toEqual([812.46, 37.1, 1.99]);
  if (withBilled) expect(got.map((r) => r.billedDurationMs)).toEqual([813, 38, 2]);
  expect(got.map((r) => r.memorySizeMB)).toEqual([1024, 1024, 1024]);
  expect(got.map((r) => r.maxMemoryUsedMB)).toEqual([91, 92, 92]);
  expect(got[0]!.initDurationMs).toBe(412.88);
  expect(got.slice(1).every((r) => Number.isNaN(r.initDurationMs))).toBe(true);
}

describe("REPORT records from CloudWatch Logs", () => {
  it("reads aws logs tail output, skipping START and END, with each line's time", () => {
    const got = read(tailLines(INVOCATIONS));
    expectRecords(got);
    // The REPORT line is written at the end of the invocation (start + duration), to the millisecond.
    expect(got.map((r) => r.timeMs)).toEqual(INVOCATIONS.map((inv) => Math.floor(inv.timeMs + inv.durationMs)));
  });

  it("reads filter-log-events --output text rows by their epoch-ms column", () => {
    const got = read(filterTextLines(INVOCATIONS));
    expectRecords(got);
    expect(got.map((r) => r.timeMs)).toEqual(INVOCATIONS.map((inv) => Math.round(inv.timeMs)));
  });

  it("reads filter-log-events JSON, pretty-printed or on one line, timing each message by its event's timestamp", () => {
    for (const compact of [false, true]) {
      const got = read(filterJson(INVOCATIONS, compact));
      expectRecords(got);
      expect(got.map((r) => r.timeMs)).toEqual(INVOCATIONS.map((inv) => Math.round(inv.timeMs)));
    }
  });

  it("reads Telemetry API platform.report records one per line or pretty-printed, ignoring the tracing type and span durations", () => {
    for (const pretty of [false, true]) {
      const got = read(telemetryRecords(INVOCATIONS, pretty));
      expectRecords(got);
      expect(got.map((r) => r.timeMs)).toEqual(INVOCATIONS.map((inv) => inv.timeMs));
    }
  });

  it("reads platform.report records escaped inside filter-log-events messages (a log group in JSON log format)", () => {
    const doc = { events: INVOCATIONS.map((inv, i) => ({ timestamp: inv.timeMs, message: telemetryRecords([inv]).trim(), eventId: String(i) })) };
    expectRecords(read(JSON.stringify(doc, null, 4)));
  });

  it("does not read Billed Duration or Init Duration as Duration whatever the order of the fields", () => {
    const [r] = read("REPORT RequestId: x\tInit Duration: 200.00 ms\tBilled Duration: 51 ms\tDuration: 50.25 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\n");
    expect(r).toMatchObject({ durationMs: 50.25, billedDurationMs: 51, initDurationMs: 200, memorySizeMB: 128, maxMemoryUsedMB: 60 });
    const [snap] = read("REPORT RequestId: y\tDuration: 5.00 ms\tBilled Duration: 6 ms\tMemory Size: 512 MB\tMax Memory Used: 90 MB\tRestore Duration: 480.10 ms\tBilled Restore Duration: 300 ms\n");
    expect(snap).toMatchObject({ durationMs: 5, restoreDurationMs: 480.1 });
    expect(Number.isNaN(snap!.initDurationMs)).toBe(true);
  });

  it("refuses a log with no REPORT line, and a REPORT line without a Duration, naming the line", () => {
    const none = (() => {
      try {
        read("START RequestId: a Version: $LATEST\nhello\nEND RequestId: a\n");
      } catch (err) {
        return err;
      }
    })() as TraceError;
    expect(none).toBeInstanceOf(TraceError);
    expect(none.found).toBe("4 lines and no REPORT line");
    expect(none.expected).toContain("REPORT lines");
    expect(() => read("ok\nREPORT RequestId: a\tBilled Duration: 3 ms\n")).toThrow(/line 2: a REPORT line without a Duration/);
  });
});
