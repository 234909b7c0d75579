/*
 * Generates src/platform/data/cold-start-fits.ts, the cold-start model's fitted table, from the repository's
 * reference (data/reference/lambda-perf-coldstarts.json, lambda-limits.json) and Mikhail Shilkov's
 * measurements (data/coldstarts-mikhailio/). Run `npm run fits:cold-start` after the reference
 * changes; test/platform/cold-start-fits.test.ts recomputes the table and fails when the two differ.
 *
 * The fit, in numbers (2026 reference):
 * - Runtime init: the 30-day pooled p50 and p99 of lambda-perf's hello-world INIT per runtime,
 *   package type, architecture and memory (window30d rows), copied as [memoryMB, p50, p99].
 * - Zip package size: Shilkov's Node.js functions with 1 KB, 14 MB and 35 MB of dependencies had median
 *   cold starts of 264, 1,695 and 3,875 ms (mikhailio_raw coldstart_aws_{nodeps,xldeps,xxxldeps}.json;
 *   lambda-limits.json coldStart.packageSizeEffectSeconds). A least-squares line through the 1 KB point
 *   gives ≈103 ms per MB (14 MB: +1,431 ms, 35 MB: +3,611 ms; both within 1 % of the line).
 * - Image size: a minimal image 795 ms, +100 MB 868 ms, +5 GB 818 ms (coldstart_aws_{minimal,docker100mb,
 *   docker5gb}.json): no trend with size, so one flat extra, the mean of the two increments (≈48 ms).
 * - VPC: lambda-limits.json coldStart.vpcPenaltySeconds.postHyperplane2021Median (0.24 s).
 * - SnapStart: the restore-duration p50 and p99 of lambda-perf's `* snapstart` rows (snapstartWindow).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { MEASURED_RUNTIME, MEASURED_SNAPSTART } from "../src/platform/cold-start-runtimes.js";
import type { ColdStartFits, MeasuredRow } from "../src/platform/cold-start-model.js";

interface PerfRow {
  runtime: string;
  packageType: string;
  architecture: string;
  memoryMB: number;
  initP50Ms?: number;
  initP99Ms?: number;
  startupP50Ms?: number;
  startupP99Ms?: number;
}

interface PerfFile {
  window30d: { from: string; to: string; rows: PerfRow[] };
  snapstartWindow: { from: string; to: string; rows: PerfRow[] };
}

/** Rounds to 0.01 ms (the reference's own precision). */
const ms2 = (x: number): number => Math.round(x * 100) / 100;

/** Rounds a size to 0.0001 MB (1 KB is 0.001 MB). */
const mb4 = (x: number): number => Math.round(x * 10_000) / 10_000;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** Median of Shilkov's raw samples (seconds) in ms. */
function rawMedianMs(dataDir: string, name: string): number {
  const file = join(dataDir, "coldstarts-mikhailio/mikhailio_raw", `coldstart_aws_${name}.json`);
  const xs = readJson<{ points: number[][] }>(file).points.map((p) => p[0]!).sort((a, b) => a - b);
  const n = xs.length;
  const mid = n % 2 === 1 ? xs[(n - 1) / 2]! : (xs[n / 2 - 1]! + xs[n / 2]!) / 2;
  return mid * 1000;
}

/** Package size in MB from a Shilkov chart label such as " 1 KB" or " 14 MB". */
function labelMB(label: string): number {
  const m = /^\s*([\d.]+)\s*(KB|MB)\s*$/.exec(label);
  if (m === null) throw new Error(`unexpected package label ${JSON.stringify(label)}`);
  return Number(m[1]) / (m[2] === "KB" ? 1024 : 1);
}

/** Rows of one lambda-perf runtime grouped by "packageType/architecture", sorted by memory. */
function groupRows(rows: PerfRow[], p50: (r: PerfRow) => number, p99: (r: PerfRow) => number): Record<string, MeasuredRow[]> {
  const out: Record<string, MeasuredRow[]> = {};
  for (const r of [...rows].sort((a, b) => a.memoryMB - b.memoryMB)) {
    (out[`${r.packageType}/${r.architecture}`] ??= []).push([r.memoryMB, p50(r), p99(r)]);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** The fitted table from the repository's data folder (`dataDir` = `data/`). */
export function computeColdStartFits(dataDir: string): ColdStartFits {
  const perf = readJson<PerfFile>(join(dataDir, "reference/lambda-perf-coldstarts.json"));
  const limits = readJson<{ coldStart: { vpcPenaltySeconds: { value: { postHyperplane2021Median: number } } } }>(
    join(dataDir, "reference/lambda-limits.json"),
  );

  const init: Record<string, Record<string, MeasuredRow[]>> = {};
  for (const name of [...new Set(Object.values(MEASURED_RUNTIME).map((m) => m.perf))].sort()) {
    const rows = perf.window30d.rows.filter((r) => r.runtime === name);
    if (rows.length === 0) throw new Error(`lambda-perf window30d has no rows for ${name}`);
    init[name] = groupRows(rows, (r) => r.initP50Ms!, (r) => r.initP99Ms!);
  }
  const snapStart: Record<string, MeasuredRow[]> = {};
  for (const name of [...new Set(Object.values(MEASURED_SNAPSTART).map((m) => m.perf))].sort()) {
    const rows = perf.snapstartWindow.rows.filter((r) => r.runtime === name && r.packageType === "zip" && r.architecture === "x86_64");
    if (rows.length === 0) throw new Error(`lambda-perf snapstartWindow has no rows for ${name}`);
    snapStart[name] = groupRows(rows, (r) => r.startupP50Ms!, (r) => r.startupP99Ms!)["zip/x86_64"]!;
  }

  // Zip: medians by dependency size; least squares through the smallest package's point.
  const deps = readJson<{ points: Array<[string, ...unknown[]]> }>(
    join(dataDir, "coldstarts-mikhailio/mikhailio_summary/coldstart_aws_bydependencies.json"),
  ).points.map((p) => labelMB(p[0]));
  const zipPoints = (["nodeps", "xldeps", "xxxldeps"] as const).map((name, i): [number, number] => [deps[i]!, rawMedianMs(dataDir, name)]);
  const [x0, y0] = zipPoints[0]!;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of zipPoints.slice(1)) {
    sxy += (x - x0) * (y - y0);
    sxx += (x - x0) * (x - x0);
  }

  const minimal = rawMedianMs(dataDir, "minimal");
  const plus100MB = rawMedianMs(dataDir, "docker100mb");
  const plus5GB = rawMedianMs(dataDir, "docker5gb");

  return {
    window: `${perf.window30d.from}..${perf.window30d.to}`,
    snapStartWindow: `${perf.snapstartWindow.from}..${perf.snapstartWindow.to}`,
    init,
    snapStart,
    zipPackage: {
      baselineMB: mb4(x0),
      baselineMs: ms2(y0),
      msPerMB: ms2(sxy / sxx),
      points: zipPoints.map(([x, y]) => [mb4(x), ms2(y)] as const),
      largestMeasuredMB: mb4(Math.max(...zipPoints.map(([x]) => x))),
    },
    imagePackage: {
      minimalMs: ms2(minimal),
      plus100MBMs: ms2(plus100MB),
      plus5GBMs: ms2(plus5GB),
      extraMs: ms2((plus100MB - minimal + (plus5GB - minimal)) / 2),
    },
    vpcPenaltyMs: ms2(limits.coldStart.vpcPenaltySeconds.value.postHyperplane2021Median * 1000),
  };
}

/** The data module's text: a header, then the table with each row on one line. */
export function renderColdStartFits(fits: ColdStartFits): string {
  const body = JSON.stringify(fits, null, 2).replace(/\[\s*(-?[\d.]+(?:,\s*-?[\d.]+)*)\s*\]/g, (_, inner: string) => `[${inner.replace(/\s+/g, " ")}]`);
  return (
    "// Generated by bench/cold-start-fits.ts (`npm run fits:cold-start`) from data/reference/lambda-perf-coldstarts.json\n" +
    "// (maxday/lambda-perf), data/reference/lambda-limits.json and data/coldstarts-mikhailio/ (Mikhail Shilkov,\n" +
    "// Cold Starts in Serverless Functions, mikhail.io). Do not edit: test/platform/cold-start-fits.test.ts checks it against them.\n" +
    'import type { ColdStartFits } from "../cold-start-model.js";\n\n' +
    "/** The cold-start model's fitted table (see bench/cold-start-fits.ts for the fit and its numbers). */\n" +
    `export const COLD_START_FITS: ColdStartFits = ${body};\n`
  );
}

// `node dist/bench/cold-start-fits.js` writes the data module (paths from the compiled file's place).
if (process.argv[1] !== undefined && resolve(process.argv[1]).endsWith(join("bench", "cold-start-fits.js"))) {
  const root = resolve(import.meta.dirname, "../..");
  const out = join(root, "src/platform/data/cold-start-fits.ts");
  writeFileSync(out, renderColdStartFits(computeColdStartFits(resolve(root, "data"))));
  process.stdout.write(`wrote ${out}\n`);
}
