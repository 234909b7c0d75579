/**
 * Fuzz campaign (npm run bench:fuzz -- --runs 50000 --seed 1): mutated bundled scenarios and
 * well-formed random ones (bench/fuzz/scenario-arbitrary.ts) through `lambdasim run`'s code path in
 * process (bench/fuzz/run-case.ts). Every outcome must be exit 0 with a conserving, finite result or
 * exit 2 with messages naming a field. Prints the outcome counts, the time per case (mean, p99, max)
 * and the slowest case; on a failure, fast-check's seed and path, then the shrunk case and exits 1.
 * `--unsafe-keys` also puts __proto__, constructor and toString keys into the cases.
 *
 * Usage: node dist/bench/fuzz.js [--runs 2000] [--seed 20261212] [--max-case-ms 5000] [--unsafe-keys]
 */
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { caseFolder, runCase, violations, writeCase } from "./fuzz/run-case.js";
import { bundledScenarios, fuzzCase, type FuzzCase } from "./fuzz/scenario-arbitrary.js";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const runs = arg("--runs", 2000);
const seed = arg("--seed", 20261212);
const maxCaseMs = arg("--max-case-ms", 5000);
const unsafeKeys = process.argv.includes("--unsafe-keys");
// dist/bench/fuzz.js and bench/fuzz.ts both sit two or one levels below the repository root.
const root = fileURLToPath(new URL(import.meta.url.includes("/dist/") ? "../../" : "../", import.meta.url));
const scenarios = `${root}scenarios`;

const bundled = bundledScenarios(scenarios);
const folder = caseFolder(scenarios);
const counts = { valid: 0, refusedValidate: 0, refusedOverride: 0, refusedTrace: 0 };
const times: number[] = [];
let events = 0;
let slowest = { ms: 0, c: null as FuzzCase | null };

console.log(`lambdasim fuzz campaign — node ${process.version}: ${runs} cases, seed ${seed}, ${bundled.length} bundled scenarios + random ones`);
const t0 = performance.now();
try {
  fc.assert(
    fc.property(fuzzCase(bundled, { unsafeKeys }), (c) => {
      const file = writeCase(folder.dir, c);
      const start = performance.now();
      const outcome = runCase(file);
      const ms = performance.now() - start;
      const problems = violations(outcome);
      if (ms > maxCaseMs) problems.push(`took ${ms.toFixed(0)} ms (limit ${maxCaseMs} ms)`);
      if (problems.length > 0) throw new Error(problems.join("\n"));
      times.push(ms);
      if (ms > slowest.ms) slowest = { ms, c };
      if (outcome.exit === 0) (counts.valid++, (events += outcome.events));
      else if (outcome.stage === "validate") counts.refusedValidate++;
      else if (outcome.stage === "override") counts.refusedOverride++;
      else counts.refusedTrace++;
    }),
    { numRuns: runs, seed, endOnFailure: false },
  );
} catch (err) {
  console.error(err instanceof Error ? `${err.message}\n${err.cause instanceof Error ? err.cause.message : ""}` : String(err));
  process.exitCode = 1;
} finally {
  folder.remove();
}

const wall = (performance.now() - t0) / 1000;
const sorted = [...times].sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
const n = times.length;
const pct = (k: number) => `${((100 * k) / Math.max(1, n)).toFixed(1)} %`;
console.log(`
cases passed        ${n}
  exit 0 (valid)    ${counts.valid} (${pct(counts.valid)}), ${events} simulated events
  exit 2 (refused)  ${n - counts.valid} (${pct(n - counts.valid)}): ${counts.refusedValidate} by validation, ${counts.refusedOverride} by --horizon, ${counts.refusedTrace} by a trace row
time per case       mean ${mean.toFixed(2)} ms, median ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${slowest.ms.toFixed(1)} ms
wall                ${wall.toFixed(1)} s (generation, shrinking and file writes included)`);
if (slowest.c !== null) console.log(`slowest case (${slowest.c.origin}):\n${JSON.stringify(slowest.c.raw)}`);
