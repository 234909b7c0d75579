/**
 * REPORT log import benchmark (npm run bench:report-log): writes a CloudWatch Logs export of N REPORT
 * lines (default 1 million, `aws logs tail` form with its time and stream prefix, 1 in 20 a cold start
 * with Init Duration; generated here, never committed) to a temporary folder, then imports it in a
 * child process as `duration: { dist: empirical, file }` does (scenario/report-log-file.ts): parse,
 * fine histograms, empirical pairs. Prints lines/s and peak RSS for N/10 and N lines: RSS must stay
 * flat when the file grows 10x (the file is read in fixed-size chunks, the samples kept as
 * histograms). Children run with the heap capped (OLD_SPACE_MB) and report the heap in use after a
 * full GC. Checks the count it timed. Target: 1 million lines in under 10 s.
 *
 * Usage: node dist/bench/report-log.js [--lines 1000000]
 */
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { randomStream } from "../src/core/random.js";
import { readReportLogFile } from "../src/scenario/report-log-file.js";

/** Old-generation cap of the child processes, MB: far below the ~190 MB file of 1 million lines. */
const OLD_SPACE_MB = 48;
/** Young-generation semi-space cap, MB. */
const SEMI_SPACE_MB = 4;

/** Writes `lines` REPORT lines at ~12 invocations/s, durations lognormal (median 80 ms), in 1 MB writes. */
export function writeReportLog(path: string, lines: number): void {
  const fd = openSync(path, "w");
  const rng = randomStream(1, "bench", "durations");
  const t0 = Date.parse("2026-11-30T00:00:00Z");
  let chunk = "";
  for (let i = 0; i < lines; i++) {
    const t = new Date(t0 + i * 83).toISOString().replace("Z", "000+00:00");
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    const d = 80 * Math.exp(0.7 * z);
    const init = i % 20 === 0 ? `\tInit Duration: ${(250 + 100 * rng()).toFixed(2)} ms` : "";
    chunk += `${t} 2026/11/30/[$LATEST]4f2b9c0e8d7a41c6b3e5a9d2c7f1e0b8 REPORT RequestId: ${i.toString(16).padStart(8, "0")}-7c1b-4d2e-9f3a-0123456789ab\tDuration: ${d.toFixed(2)} ms\tBilled Duration: ${Math.ceil(d)} ms\tMemory Size: 1024 MB\tMax Memory Used: ${80 + (i % 17)} MB${init}\t\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = "";
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

interface Measurement {
  lines: number;
  seconds: number;
  peakRssMB: number;
  retainedHeapMB: number;
  buckets: number;
  p50: number;
  p99: number;
}

function measure(file: string, expected: number): Measurement {
  const t0 = performance.now();
  const read = readReportLogFile(file);
  if (!read.ok) throw new Error(read.error.message);
  const pairs = read.summary.durations.pairs();
  const seconds = (performance.now() - t0) / 1000;
  if (read.summary.invocations !== expected) throw new Error(`read ${read.summary.invocations} records, expected ${expected}`);
  (globalThis as { gc?: () => void }).gc?.();
  return {
    lines: read.summary.invocations,
    seconds,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    retainedHeapMB: process.memoryUsage().heapUsed / 2 ** 20,
    buckets: pairs.length,
    p50: read.summary.durations.quantile(0.5),
    p99: read.summary.durations.quantile(0.99),
  };
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] === self) {
  const lines = arg("--lines", 1_000_000);
  if (process.argv.includes("--child")) {
    process.stdout.write(JSON.stringify(measure(process.argv[process.argv.indexOf("--file") + 1]!, lines)));
  } else {
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-bench-"));
    const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
    console.log(`lambdasim REPORT log import benchmark — node ${process.version}, ${process.platform}/${process.arch}`);
    console.log(`aws logs tail REPORT lines, 1 in 20 cold; children capped at --max-old-space-size=${OLD_SPACE_MB} --max-semi-space-size=${SEMI_SPACE_MB}`);
    try {
      for (const n of [Math.round(lines / 10), lines]) {
        const file = join(dir, `report-${n}.log`);
        const t0 = performance.now();
        writeReportLog(file, n);
        console.log(`\n${fmt(n)} lines, ${(statSync(file).size / 2 ** 20).toFixed(0)} MB (written in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
        const m: Measurement = JSON.parse(
          execFileSync(process.execPath, [`--max-old-space-size=${OLD_SPACE_MB}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, "--expose-gc", self, "--child", "--file", file, "--lines", String(n)], { encoding: "utf8", maxBuffer: 1 << 20 }),
        );
        console.log(
          `  import  ${fmt(m.lines / m.seconds)} lines/s (${m.seconds.toFixed(2)} s)   peak RSS ${m.peakRssMB.toFixed(0)} MB   heap after GC ${m.retainedHeapMB.toFixed(1)} MB   ${fmt(m.buckets)} histogram values, p50 ${m.p50.toFixed(2)} ms, p99 ${m.p99.toFixed(2)} ms`,
        );
        rmSync(file);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`\ntarget: 1,000,000 lines in under 10 s; peak RSS and heap after GC flat when the log grows 10x`);
  }
}
