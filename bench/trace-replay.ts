/**
 * Trace replay benchmark (npm run bench:trace): writes an azure2021-format trace of N rows (default
 * 2 million; generated here, never committed) to a temporary folder, then replays it in a child
 * process twice: arrivals only (parse + replay) and end to end through the Lambda model. Prints
 * rows/s and peak RSS, for N/10 rows and N rows: RSS must stay flat when the file grows 10x, since
 * the file is streamed in fixed-size chunks and never held whole. Children run with the heap capped
 * (OLD_SPACE_MB, SEMI_SPACE_MB: a replay that held the file would die there) and report the heap
 * still in use after a full GC. Without a cap V8 collects lazily and RSS drifts up by tens of MB
 * with no data retained. Checks the row count it timed.
 *
 * Usage: node dist/bench/trace-replay.js [--rows 2000000]
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { randomStream } from "../src/core/random.js";
import type { SimConfig } from "../src/platform/config.js";
import { steadyScenario } from "./engine.js";
import { simulate } from "../src/platform/simulate.js";
import { openTraceFile } from "../src/scenario/trace-file.js";
import type { TraceArrivalSpec } from "../src/workload/arrival-spec.js";
import { makeArrivals } from "../src/workload/make-arrivals.js";

/** Writes `rows` invocations of 40 functions at ~2,000 invocations/s, sorted by start, in 1 MB writes. */
export function writeAzure2021(path: string, rows: number): void {
  const fd = openSync(path, "w");
  const rng = randomStream(1, "bench", "trace");
  let chunk = "app,func,end_timestamp,duration\n";
  let start = 0;
  for (let i = 0; i < rows; i++) {
    start += -0.0005 * Math.log(1 - rng());
    const f = Math.floor(rng() * 40);
    const duration = Math.round(-200 * Math.log(1 - rng())) / 1000;
    chunk += `app${f % 8}aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,func${f}bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,${start + duration},${duration}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = "";
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

function spec(file: string): TraceArrivalSpec {
  return { kind: "trace", file, format: "azure2021", select: null, withinMinute: "uniform", speedup: 1, scale: 1, offsetMs: 0, traceDurations: true };
}

/** Old-generation cap of the child processes, MB: far below the 300 MB file of 2 million rows. */
const OLD_SPACE_MB = 48;
/** Young-generation semi-space cap, MB: V8 otherwise grows it (up to 16 MB x 3) as allocation goes on. */
const SEMI_SPACE_MB = 4;

interface Measurement {
  mode: string;
  retainedHeapMB: number;
  rows: number;
  seconds: number;
  rowsPerSec: number;
  peakRssMB: number;
  note: string;
}

function measure(file: string, mode: string, expectedRows: number): Measurement {
  const t0 = performance.now();
  let rows = 0;
  let note = "";
  if (mode === "arrivals") {
    const p = makeArrivals(spec(file), openTraceFile);
    const rng = randomStream(1, "bench", "arrivals");
    for (let t = p.first(0, rng); t !== Infinity; t = p.next(t, rng)) rows++;
  } else {
    // The engine benchmark's function (kept in step with FunctionConfig there), fed by the trace.
    const base = steadyScenario(1);
    const config: SimConfig = {
      ...base,
      name: "bench-trace",
      horizonMs: 1e12,
      account: { concurrencyLimit: 10_000 },
      functions: [{ ...base.functions[0]!, name: "replay", idleLifetime: { dist: "constant", value: 600_000 }, arrivals: spec(file) }],
    };
    try {
      // `openTrace` once SimulateOptions has it (the lead wires it); the cast keeps this compiling before.
      const r = simulate(config, { openTrace: openTraceFile });
      rows = r.total.invocations;
      note = `${r.engine.events.toLocaleString("en-US")} events`;
    } catch (err) {
      return { mode, rows: 0, seconds: 0, rowsPerSec: 0, peakRssMB: 0, retainedHeapMB: 0, note: `not run: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  if (rows !== expectedRows) throw new Error(`replayed ${rows} rows, expected ${expectedRows}`);
  (globalThis as { gc?: () => void }).gc?.();
  const retainedHeapMB = process.memoryUsage().heapUsed / 2 ** 20;
  return { mode, rows, seconds, rowsPerSec: rows / seconds, peakRssMB: process.resourceUsage().maxRSS / 1024, retainedHeapMB, note };
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] === self) {
  const rows = arg("--rows", 2_000_000);
  if (process.argv.includes("--child")) {
    const i = process.argv.indexOf("--file");
    const mode = process.argv[process.argv.indexOf("--mode") + 1]!;
    process.stdout.write(JSON.stringify(measure(process.argv[i + 1]!, mode, rows)));
  } else {
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-bench-"));
    const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
    console.log(`lambdasim trace replay benchmark — node ${process.version}, ${process.platform}/${process.arch}`);
    console.log(`azure2021 rows of 40 functions at ~2,000/s; children capped at --max-old-space-size=${OLD_SPACE_MB} --max-semi-space-size=${SEMI_SPACE_MB}`);
    try {
      for (const n of [Math.round(rows / 10), rows]) {
        const file = join(dir, `azure2021-${n}.csv`);
        const t0 = performance.now();
        writeAzure2021(file, n);
        console.log(`\n${fmt(n)} rows, ${(statSync(file).size / 2 ** 20).toFixed(0)} MB (written in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
        for (const mode of ["arrivals", "simulate"]) {
          const m: Measurement = JSON.parse(
            execFileSync(process.execPath, [`--max-old-space-size=${OLD_SPACE_MB}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, "--expose-gc", self, "--child", "--file", file, "--mode", mode, "--rows", String(n)], { encoding: "utf8", maxBuffer: 1 << 20 }),
          );
          console.log(
            m.rows === 0
              ? `  ${mode.padEnd(9)} ${m.note}`
              : `  ${mode.padEnd(9)} ${fmt(m.rowsPerSec)} rows/s (${m.seconds.toFixed(2)} s)   peak RSS ${m.peakRssMB.toFixed(0)} MB   heap after GC ${m.retainedHeapMB.toFixed(1)} MB${m.note ? `   ${m.note}` : ""}`,
          );
        }
        rmSync(file);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`\ntarget: peak RSS and heap after GC flat (within a few MB) when the trace grows 10x`);
  }
}
