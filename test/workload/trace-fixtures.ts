import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TraceArrivalSpec } from "../../src/workload/arrival-spec.js";

/** The Azure trace excerpts bundled with the scenarios (scenarios/traces/, with their attribution in its README). */
export const AZURE_DIR = resolve(import.meta.dirname, "../../scenarios/traces");
export const AZURE2019 = join(AZURE_DIR, "azure2019-sample9.csv");
export const AZURE2021 = join(AZURE_DIR, "azure2021-excerpt199.csv");

/** A trace spec with the replay defaults. */
export function traceSpec(file: string, format: TraceArrivalSpec["format"], patch: Partial<TraceArrivalSpec> = {}): TraceArrivalSpec {
  return { kind: "trace", file, format, select: null, withinMinute: "uniform", speedup: 1, scale: 1, offsetMs: 0, traceDurations: true, ...patch };
}

/** The 2019 excerpt's rows: function hash, trigger and per-minute counts (parsed here, independently of the replay). */
export function azure2019Rows(): Array<{ owner: string; app: string; fn: string; trigger: string; counts: number[] }> {
  const lines = readFileSync(AZURE2019, "utf8").trim().split(/\r?\n/).slice(1);
  return lines.map((l) => {
    const f = l.split(",");
    return { owner: f[0]!, app: f[1]!, fn: f[2]!, trigger: f[3]!, counts: f.slice(4).map(Number) };
  });
}

/** The 2021 excerpt's rows: app, function, start and duration in ms (start = end − duration). */
export function azure2021Rows(): Array<{ app: string; fn: string; startMs: number; durationMs: number }> {
  const lines = readFileSync(AZURE2021, "utf8").trim().split(/\r?\n/).slice(1);
  return lines.map((l) => {
    const [app, fn, end, dur] = l.split(",");
    return { app: app!, fn: fn!, startMs: (Number(end) - Number(dur)) * 1000, durationMs: Number(dur) * 1000 };
  });
}

/** Writes `text` to a new file in a fresh temporary folder; returns its path. */
export function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-trace-"));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The most concurrent executions implied by [start, start + duration) intervals (ends before starts on ties). */
export function maxOverlap(rows: ReadonlyArray<{ startMs: number; durationMs: number }>): number {
  const events = rows.flatMap((r) => [[r.startMs, 1], [r.startMs + r.durationMs, -1]] as Array<[number, number]>);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let level = 0;
  let peak = 0;
  for (const [, d] of events) peak = Math.max(peak, (level += d));
  return peak;
}
