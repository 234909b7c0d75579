/*
 * Lambda REPORT records written in the forms CloudWatch Logs and the AWS CLI give them, from the
 * documented formats (AWS Lambda Developer Guide, "Using CloudWatch Logs with Lambda": the REPORT
 * line; "Telemetry API reference": platform.report; AWS CLI `logs tail` and `logs filter-log-events`
 * output). Written here independently of the parser under test.
 */

/** One invocation to write. */
export interface Invocation {
  timeMs: number;
  durationMs: number;
  memoryMB: number;
  maxMemoryUsedMB: number;
  /** Init duration of a cold start, ms; undefined when warm. */
  initMs?: number;
}

/** A request id like Lambda's (a UUID), from a counter. */
function requestId(i: number): string {
  const hex = (i >>> 0).toString(16).padStart(8, "0");
  return `${hex}-7c1b-4d2e-9f3a-${(i * 2654435761 >>> 0).toString(16).padStart(12, "0")}`;
}

/** The REPORT message text (tab-separated, with the trailing tab Lambda writes). Duration with 2 decimals, Billed Duration rounded up to 1 ms. */
export function reportMessage(inv: Invocation, i: number): string {
  const billed = Math.ceil(Number(inv.durationMs.toFixed(2)));
  const init = inv.initMs === undefined ? "" : `Init Duration: ${inv.initMs.toFixed(2)} ms\t`;
  return `REPORT RequestId: ${requestId(i)}\tDuration: ${inv.durationMs.toFixed(2)} ms\tBilled Duration: ${billed} ms\tMemory Size: ${inv.memoryMB} MB\tMax Memory Used: ${inv.maxMemoryUsedMB} MB\t${init}`;
}

/** ISO time as `aws logs tail` prints it: microseconds and +00:00. */
function tailTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000+00:00");
}

const STREAM = "2026/11/30/[$LATEST]4f2b9c0e8d7a41c6b3e5a9d2c7f1e0b8";

/** `aws logs tail` lines: `<time> <stream> <message>`, with the START and END lines around each REPORT. */
export function tailLines(invocations: readonly Invocation[]): string {
  return invocations
    .map((inv, i) => {
      const t = tailTime(inv.timeMs);
      const end = tailTime(inv.timeMs + inv.durationMs);
      return `${t} ${STREAM} START RequestId: ${requestId(i)} Version: $LATEST\n${end} ${STREAM} END RequestId: ${requestId(i)}\n${end} ${STREAM} ${reportMessage(inv, i)}\n`;
    })
    .join("");
}

/** `aws logs filter-log-events --output text` rows: EVENTS, eventId, ingestionTime, logStreamName, message (timestamp on the next line, after the message's newline). */
export function filterTextLines(invocations: readonly Invocation[]): string {
  return invocations.map((inv, i) => `EVENTS\t${String(i).padStart(56, "3")}\t${Math.round(inv.timeMs)}\t${STREAM}\t${reportMessage(inv, i)}\n\t${Math.round(inv.timeMs)}\n`).join("");
}

/** The events of `aws logs filter-log-events` JSON output. */
function events(invocations: readonly Invocation[]): object[] {
  return invocations.map((inv, i) => ({
    logStreamName: STREAM,
    timestamp: Math.round(inv.timeMs),
    message: `${reportMessage(inv, i)}\n`,
    ingestionTime: Math.round(inv.timeMs) + 740,
    eventId: String(i).padStart(56, "3"),
  }));
}

/** `aws logs filter-log-events` JSON (pretty, 4 spaces, as the CLI prints it, or on one line). */
export function filterJson(invocations: readonly Invocation[], compact = false): string {
  const doc = { events: events(invocations), searchedLogStreams: [] };
  return compact ? JSON.stringify(doc) : JSON.stringify(doc, null, 4) + "\n";
}

/** Telemetry API platform.report records (the JSON log format writes the same), one per line or pretty-printed in an array. */
export function telemetryRecords(invocations: readonly Invocation[], pretty = false): string {
  const records = invocations.map((inv, i) => ({
    time: new Date(inv.timeMs).toISOString(),
    type: "platform.report",
    record: {
      requestId: requestId(i),
      metrics: {
        durationMs: Number(inv.durationMs.toFixed(3)),
        billedDurationMs: Math.ceil(inv.durationMs),
        memorySizeMB: inv.memoryMB,
        maxMemoryUsedMB: inv.maxMemoryUsedMB,
        ...(inv.initMs === undefined ? {} : { initDurationMs: Number(inv.initMs.toFixed(3)) }),
      },
      tracing: { spanId: "65f0b4c2e9d1a7b3", type: "X-Amzn-Trace-Id", value: "Root=1-5e1b4151-5ac6c58f5b5daa6532e4f2d7;Parent=65f0b4c2e9d1a7b3;Sampled=1" },
      spans: [{ name: "responseLatency", start: new Date(inv.timeMs).toISOString(), durationMs: 1.2 }],
      status: "success",
    },
  }));
  if (pretty) return JSON.stringify(records, null, 2) + "\n";
  return records.map((r) => JSON.stringify(r)).join("\n") + "\n";
}
