/*
 * Generates src/platform/cold-start/data/cold-start-fits.ts, the cold-start model's fitted table, from the repository's
 * reference (data/reference/lambda-perf-coldstarts.json, lambda-limits.json) and Mikhail Shilkov's
 * measurements (data/coldstarts-mikhailio/). Run `npm run fits:cold-start` after the reference
 * changes; test/platform/cold-start/cold-start-fits.test.ts recomputes the table and fails when the two differ.
 *
 * The fit, in numbers (2026 reference):
 * - Runtime init: the 30-day pooled p50 and p99 of lambda-perf's hello-world INIT per runtime,
 *   package type, architecture and memory (window30d rows), copied as [memoryMB, p50, p99].
 * - Zip package size: Shilkov's Node.js functions with 1 KB, 14 MB and 35 MB of dependencies had cold starts
 *   of p50 264 / p99 852, 1,696 / 2,208 and 3,875 / 6,336 ms (mikhailio_raw coldstart_aws_{nodeps,xldeps,
 *   xxxldeps}.json; p50 the sample median, p99 the nearest-rank 99th percentile). Each size's package term
 *   is a lognormal fitted by deconvolution: the term that, added independently to the 1 KB function's raw
 *   samples, gives the measured p50 and p99 (cold-start-sum.ts computes the sum's quantiles). A constant
 *   term cannot do it: it moves p50 and p99 by the same amount (35 MB: p99 4,463 ms, not 6,336).
 * - VPC: coldstart_aws_vpc.json (p50 497 / p99 898 ms) against coldstart_aws_novpc.json (264 / 852 ms). The
 *   with-VPC samples are the no-VPC ones shifted by 189–261 ms at every percentile from p1 to p98, but by
 *   46 ms at p99: the slowest cold starts do not pay the attachment on top. No term added to the no-VPC
 *   samples reproduces that (a constant 233 ms already gives p99 1,085 ms, +21 %; the best independent
 *   lognormal gave 1,097 ms, +22 %; a positively correlated one widens the tail further). So a VPC cold
 *   start is its own distribution relative to the same function's no-VPC one S, by the overlap rule
 *   q(p) = max(q_S(p), q_S(½) + q_V(p)) (cold-start-sum.ts overlapQuantiles): as slow as the slower of S and
 *   S's median plus an attachment V drawn at the same rank (comonotone). V is fitted in closed form to the
 *   raw samples: median 497 − 264 = 233 ms, p99 898 − 264 = 634 ms (sigma 0.43). It lengthens the body
 *   by about V, as measured (the rule's p10/p25/p75/p90 are within 10 % of the VPC samples'), and the
 *   slowest tail of a wide S (a 35 MB package) not at all. (The p99 of ~680 samples rests on their ~7
 *   slowest: the measured 46 ms p99 shift is what the rule reproduces, not a law with an interval.)
 * - Bound: beyond 35 MB the package term's median grows on the 14→35 MB slope until it reaches the
 *   on-demand INIT timeout (lambda-limits.json function.initTimeoutSeconds.onDemand, 10 s): an INIT that
 *   long is cut off and retried inside the first invoke, which the model does not represent.
 * - Image size: a minimal image 795 ms, +100 MB 868 ms, +5 GB 818 ms (coldstart_aws_{minimal,docker100mb,
 *   docker5gb}.json): no trend with size, so one flat extra, the mean of the two increments (≈48 ms).
 * - SnapStart: the restore-duration p50 and p99 of lambda-perf's `* snapstart` rows (snapstartWindow).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { MEASURED_RUNTIME, MEASURED_SNAPSTART } from "../src/platform/cold-start/cold-start-runtimes.js";
import type { ColdStartFits, MeasuredRow } from "../src/platform/cold-start/cold-start-model.js";
import { sumQuantiles, Z99, type LognormalTerm } from "../src/platform/cold-start/cold-start-sum.js";

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

/** Shilkov's raw samples (seconds) in ms, ascending. */
function rawSamplesMs(dataDir: string, name: string): Float64Array {
  const file = join(dataDir, "coldstarts-mikhailio/mikhailio_raw", `coldstart_aws_${name}.json`);
  return Float64Array.from(readJson<{ points: number[][] }>(file).points.map((p) => p[0]! * 1000)).sort();
}

/** Median and nearest-rank p99 of ascending samples. */
function p50p99(xs: Float64Array): { p50: number; p99: number } {
  const n = xs.length;
  return { p50: n % 2 === 1 ? xs[(n - 1) / 2]! : (xs[n / 2 - 1]! + xs[n / 2]!) / 2, p99: xs[Math.ceil(0.99 * n) - 1]! };
}

/** The smallest and largest shift b − a (ms, rounded) of the nearest-rank percentiles from..to of two ascending sample sets. */
function quantileShiftRange(a: Float64Array, b: Float64Array, from: number, to: number): [number, number] {
  const q = (xs: Float64Array, pct: number) => xs[Math.ceil((pct / 100) * xs.length) - 1]!;
  let lo = Infinity;
  let hi = -Infinity;
  for (let pct = from; pct <= to; pct++) {
    lo = Math.min(lo, q(b, pct) - q(a, pct));
    hi = Math.max(hi, q(b, pct) - q(a, pct));
  }
  return [Math.round(lo), Math.round(hi)];
}

/** Median of Shilkov's raw samples, ms. */
function rawMedianMs(dataDir: string, name: string): number {
  return p50p99(rawSamplesMs(dataDir, name)).p50;
}

/**
 * The lognormal term T such that `base` samples + T (independent) have the target's p50 and p99: T's median
 * re-solved by secant for the p50 at each sigma, sigma by bisection for the p99 (the sum's p99 grows with
 * it). When even a constant T overshoots the target's p99 (the base's own slowest samples set the sum's
 * p99, and no independent term can then reach it), T takes the target's own log-spread, ln(p99/p50)/z₀.₉₉:
 * the spread measured on the function that carries the term, which a tighter base than the one measured
 * (lambda-perf's INIT) would otherwise lose.
 */
export function fitTerm(base: Float64Array, target: Float64Array): LognormalTerm {
  const want = p50p99(target);
  const baseP50 = p50p99(base).p50;
  const at = (t: LognormalTerm) => sumQuantiles(base, [t], [0.5, 0.99]);
  const medianFor = (sigma: number): number => {
    let m0 = Math.max(1, want.p50 - baseP50);
    let f0 = at({ median: m0, sigma })[0]! - want.p50;
    let m1 = m0 * 0.9;
    let f1 = at({ median: m1, sigma })[0]! - want.p50;
    for (let k = 0; k < 12 && Math.abs(f1) > 0.01 && f1 !== f0; k++) {
      const m2 = Math.max(1e-3, m1 - (f1 * (m1 - m0)) / (f1 - f0));
      [m0, f0, m1] = [m1, f1, m2];
      f1 = at({ median: m1, sigma })[0]! - want.p50;
    }
    return m1;
  };
  if (at({ median: medianFor(0), sigma: 0 })[1]! >= want.p99) {
    const sigma = Math.log(want.p99 / want.p50) / Z99;
    return { median: medianFor(sigma), sigma };
  }
  let lo = 0;
  let hi = 1.5;
  for (let k = 0; k < 20; k++) {
    const sigma = (lo + hi) / 2;
    if (at({ median: medianFor(sigma), sigma })[1]! < want.p99) lo = sigma;
    else hi = sigma;
  }
  const sigma = (lo + hi) / 2;
  return { median: medianFor(sigma), sigma };
}

/**
 * The lognormal V such that the overlap rule q(p) = max(q_S(p), q_S(½) + q_V(p)) on the `base` samples S gives
 * the target's p50 and p99: q_V(½) = target p50 − S's p50 and q_V(0.99) = target p99 − S's p50 (the rule's p99
 * is then S's own p99 only if that is larger, which the check below refuses).
 */
export function fitOverlapTerm(base: Float64Array, target: Float64Array): LognormalTerm {
  const s = p50p99(base);
  const want = p50p99(target);
  const v50 = want.p50 - s.p50;
  const v99 = want.p99 - s.p50;
  if (!(v50 > 0) || !(v99 >= v50) || !(want.p99 > s.p99)) {
    throw new Error(`overlap rule: no term fits ${want.p50}/${want.p99} ms on ${s.p50}/${s.p99} ms`);
  }
  return { median: v50, sigma: Math.log(v99 / v50) / Z99 };
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
  const limits = readJson<{ function: { initTimeoutSeconds: { value: { onDemand: number } } } }>(join(dataDir, "reference/lambda-limits.json"));

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

  // Zip: a lognormal term per measured size, deconvolved from the 1 KB function's raw samples.
  const deps = readJson<{ points: Array<[string, ...unknown[]]> }>(
    join(dataDir, "coldstarts-mikhailio/mikhailio_summary/coldstart_aws_bydependencies.json"),
  ).points.map((p) => labelMB(p[0]));
  const zipSamples = (["nodeps", "xldeps", "xxxldeps"] as const).map((name) => rawSamplesMs(dataDir, name));
  const zipBase = zipSamples[0]!;
  const zipPoints = zipSamples.map((xs, i) => [mb4(deps[i]!), ms2(p50p99(xs).p50), ms2(p50p99(xs).p99)] as const);
  const terms = zipSamples.slice(1).map((xs, i) => {
    const t = fitTerm(zipBase, xs);
    return [mb4(deps[i + 1]!), ms2(t.median), Math.round(t.sigma * 10_000) / 10_000] as const;
  });
  const [penult, last] = [terms[terms.length - 2]!, terms[terms.length - 1]!];
  const slope = (last[1] - penult[1]) / (last[0] - penult[0]);
  const initTimeoutMs = limits.function.initTimeoutSeconds.value.onDemand * 1000;

  const novpc = rawSamplesMs(dataDir, "novpc");
  const vpc = rawSamplesMs(dataDir, "vpc");
  const vpcTerm = fitOverlapTerm(novpc, vpc);

  const minimal = rawMedianMs(dataDir, "minimal");
  const plus100MB = rawMedianMs(dataDir, "docker100mb");
  const plus5GB = rawMedianMs(dataDir, "docker5gb");

  return {
    window: `${perf.window30d.from}..${perf.window30d.to}`,
    snapStartWindow: `${perf.snapstartWindow.from}..${perf.snapstartWindow.to}`,
    init,
    snapStart,
    zipPackage: {
      points: zipPoints,
      terms,
      largestMeasuredMB: last[0],
      boundMB: Math.round((last[0] + (initTimeoutMs - last[1]) / slope) * 10) / 10,
      initTimeoutMs,
    },
    imagePackage: {
      minimalMs: ms2(minimal),
      plus100MBMs: ms2(plus100MB),
      plus5GBMs: ms2(plus5GB),
      extraMs: ms2((plus100MB - minimal + (plus5GB - minimal)) / 2),
    },
    vpc: {
      without: [ms2(p50p99(novpc).p50), ms2(p50p99(novpc).p99)],
      with: [ms2(p50p99(vpc).p50), ms2(p50p99(vpc).p99)],
      term: [ms2(vpcTerm.median), Math.round(vpcTerm.sigma * 10_000) / 10_000],
      bodyShift: quantileShiftRange(novpc, vpc, 1, 98),
      p99Shift: ms2(p50p99(vpc).p99 - p50p99(novpc).p99),
    },
  };
}

/** The data module's text: a header, then the table with each row on one line. */
export function renderColdStartFits(fits: ColdStartFits): string {
  const body = JSON.stringify(fits, null, 2).replace(/\[\s*(-?[\d.]+(?:,\s*-?[\d.]+)*)\s*\]/g, (_, inner: string) => `[${inner.replace(/\s+/g, " ")}]`);
  return (
    "// Generated by bench/cold-start-fits.ts (`npm run fits:cold-start`) from data/reference/lambda-perf-coldstarts.json\n" +
    "// (maxday/lambda-perf), data/reference/lambda-limits.json and data/coldstarts-mikhailio/ (Mikhail Shilkov,\n" +
    "// Cold Starts in Serverless Functions, mikhail.io). Do not edit: test/platform/cold-start/cold-start-fits.test.ts checks it against them.\n" +
    'import type { ColdStartFits } from "../cold-start-model.js";\n\n' +
    "/** The cold-start model's fitted table (see bench/cold-start-fits.ts for the fit and its numbers). */\n" +
    `export const COLD_START_FITS: ColdStartFits = ${body};\n`
  );
}

// `node dist/bench/cold-start-fits.js` writes the data module (paths from the compiled file's place).
if (process.argv[1] !== undefined && resolve(process.argv[1]).endsWith(join("bench", "cold-start-fits.js"))) {
  const root = resolve(import.meta.dirname, "../..");
  const out = join(root, "src/platform/cold-start/data/cold-start-fits.ts");
  writeFileSync(out, renderColdStartFits(computeColdStartFits(resolve(root, "data"))));
  process.stdout.write(`wrote ${out}\n`);
}
