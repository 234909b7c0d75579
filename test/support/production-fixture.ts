/**
 * Writes the generated "production" of test/fixtures/production/ (npm run fixture:production): a
 * known scenario (truth.yaml: a day of diurnal traffic on one function with reserved concurrency)
 * is simulated with 1-minute buckets, and what AWS would have recorded is written as
 * - metrics.json: `aws cloudwatch get-metric-data` output with the per-minute Sum of Invocations
 *   (arrivals less throttles: CloudWatch counts no Invocation for a throttled request), Maximum of
 *   ConcurrentExecutions and Sum of Throttles (test/support/cloudwatch-json.ts);
 * - report.log: `aws logs tail` REPORT lines (test/support/report-lines.ts): one per simulated cold
 *   start, at a uniform time in its minute, with an Init Duration drawn from the truth's coldStart;
 *   and a sample of the warm invocations (the day has ~430,000; the fixture stays under 2 MB). Their
 *   Durations are the truth's duration distribution at stratified quantiles ((i + U)/n, shuffled), so
 *   that the small sample keeps the distribution's p50 and p99 (a simple random sample of 3,000
 *   would miss p99 by ~4 %); the cold starts' Durations are plain draws.
 * - base.yaml: the function's configuration (what `import config` would give) with placeholder
 *   traffic and durations, for `lambdasim import traffic --scenario base.yaml`.
 * Deterministic (fixed seeds): running it again writes the same files.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { distQuantile } from "../../src/core/dist/quantile.js";
import { makeDistribution } from "../../src/core/dist/make-distribution.js";
import { randomStream } from "../../src/core/random.js";
import { simulate } from "../../src/platform/simulate.js";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { metricDataJson } from "./cloudwatch-json.js";
import { tailLines, type Invocation } from "./report-lines.js";

/** Where the fixture lives. */
// Two folders up from test/support/ (the source) and from dist/fixture/ (the bundle npm run fixture:production runs) is the root.
export const PRODUCTION_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../test/fixtures/production");
/** The observed day's first minute. */
export const PRODUCTION_START = "2026-11-30T00:00:00Z";
/** Warm invocations sampled into report.log. */
const WARM_SAMPLE = 3000;

/** The known scenario, resolved from truth.yaml. */
export function productionTruth() {
  const text = readFileSync(join(PRODUCTION_DIR, "truth.yaml"), "utf8");
  const r = resolveScenario(YAML.parse(text), { baseName: "truth" });
  if (!r.ok) throw new Error(`truth.yaml: ${JSON.stringify(r.issues)}`);
  return r.value;
}

/** Simulates the truth and writes metrics.json and report.log beside it. */
export function writeProductionFixture(): { invocations: number; coldStarts: number; throttles: number; peak: number } {
  const truth = productionTruth();
  const fn = truth.sim.functions[0]!;
  const result = simulate({ ...truth.sim, bucketMs: 60_000, bucketsOnClock: false });
  const s = result.series;
  const minutes = s.t.length;
  const invoked = s.arrivals.map((a, i) => a - s.throttles[i]!);
  writeFileSync(
    join(PRODUCTION_DIR, "metrics.json"),
    metricDataJson(PRODUCTION_START, 60, [
      { id: "invocations", label: "Invocations", values: invoked },
      { id: "concurrent", label: "ConcurrentExecutions", values: s.concurrencyMax },
      { id: "throttles", label: "Throttles", values: s.throttles },
    ]),
  );

  const rng = randomStream(11, "production-fixture", "durations");
  const duration = makeDistribution(fn.duration);
  const init = makeDistribution(fn.coldStart);
  const t0 = Date.parse(PRODUCTION_START);
  const memoryMB = fn.memoryMB;
  const lines: Invocation[] = [];
  for (let m = 0; m < minutes; m++) {
    for (let k = 0; k < s.coldStarts[m]!; k++) {
      lines.push({ timeMs: t0 + (m + rng()) * 60_000, durationMs: duration.sample(rng), memoryMB, maxMemoryUsedMB: 96, initMs: init.sample(rng) });
    }
  }
  // Warm sample: stratified quantiles of the duration, at times spread like the invocations.
  const total = invoked.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  invoked.reduce((acc, n, i) => (cumulative[i] = acc + n), 0);
  const quantiles = Array.from({ length: WARM_SAMPLE }, (_, i) => distQuantile(fn.duration, (i + rng()) / WARM_SAMPLE));
  for (let i = quantiles.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [quantiles[i], quantiles[j]] = [quantiles[j]!, quantiles[i]!];
  }
  quantiles.forEach((d, i) => {
    const target = ((i + 0.5) / WARM_SAMPLE) * total;
    const m = cumulative.findIndex((c) => c >= target);
    lines.push({ timeMs: t0 + (m + rng()) * 60_000, durationMs: d, memoryMB, maxMemoryUsedMB: 96 + (i % 9) });
  });
  lines.sort((a, b) => a.timeMs - b.timeMs);
  // Only the REPORT lines (tailLines also writes START and END, which would triple the file).
  const text = tailLines(lines).split("\n").filter((l) => l.includes(" REPORT ")).join("\n") + "\n";
  writeFileSync(join(PRODUCTION_DIR, "report.log"), text);
  return { invocations: total, coldStarts: result.total.coldStarts, throttles: result.total.throttled, peak: result.total.concurrency.peak };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]).endsWith("production-fixture.mjs")) {
  mkdirSync(PRODUCTION_DIR, { recursive: true });
  const r = writeProductionFixture();
  process.stdout.write(`wrote ${PRODUCTION_DIR}: ${r.invocations} invocations, ${r.throttles} throttled, ${r.coldStarts} cold starts, peak concurrency ${r.peak}\n`);
}
