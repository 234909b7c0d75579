import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeDistribution } from "../../src/core/dist/make-distribution.js";
import { randomStream } from "../../src/core/random.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { tailLines, type Invocation } from "../support/report-lines.js";

/** Nearest-rank quantile of sorted values. */
function quantileOf(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** n invocations with lognormal durations (median 120 ms, sigma 0.8) and a cold start in 1 of 20 (init lognormal median 300 ms). */
function invocations(n: number): Invocation[] {
  const rng = randomStream(7, "report-log-test", "durations");
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Array.from({ length: n }, (_, i) => ({
    timeMs: Date.parse("2026-11-30T00:00:00Z") + i * 1000,
    durationMs: Number((120 * Math.exp(0.8 * normal())).toFixed(2)),
    memoryMB: 1024,
    maxMemoryUsedMB: 90,
    ...(i % 20 === 0 ? { initMs: Number((300 * Math.exp(0.3 * normal())).toFixed(2)) } : {}),
  }));
}

function scenarioBeside(log: string, fn: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-log-"));
  writeFileSync(join(dir, "report.log"), log);
  const file = join(dir, "s.yaml");
  writeFileSync(file, `horizon: 1h\nwarmup: 0s\nfunctions:\n  - name: api\n    runtime: nodejs22.x\n    memoryMB: 1024\n    arrivals: { kind: poisson, rate: 1/s }\n${fn}`);
  return file;
}

/** `draws` samples of a spec, sorted. */
function drawn(spec: Parameters<typeof makeDistribution>[0], draws: number): number[] {
  const d = makeDistribution(spec);
  const rng = randomStream(1, "draws", "x");
  return Array.from({ length: draws }, () => d.sample(rng)).sort((a, b) => a - b);
}

describe("duration: { dist: empirical, file: report.log }", () => {
  const invs = invocations(40_000);
  const durations = invs.map((i) => i.durationMs).sort((a, b) => a - b);
  const inits = invs.flatMap((i) => (i.initMs === undefined ? [] : [i.initMs])).sort((a, b) => a - b);

  it("reproduces the log's p50 and p99 within 1 %, and its mean within 0.1 %, drawing from the Duration histogram", () => {
    const s = loadScenarioFile(scenarioBeside(tailLines(invs), "    duration: { dist: empirical, file: report.log }\n"));
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    const spec = s.value.sim.functions[0]!.duration;
    const got = drawn(spec, 400_000);
    for (const q of [0.5, 0.99]) expect(Math.abs(quantileOf(got, q) / quantileOf(durations, q) - 1), `p${q * 100}`).toBeLessThan(0.01);
    const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
    expect(Math.abs(makeDistribution(spec).mean() / mean - 1)).toBeLessThan(0.001);
  });

  it("makes the log's Init Durations the coldStart distribution (2,000 cold starts of 40,000)", () => {
    const s = loadScenarioFile(scenarioBeside(tailLines(invs), "    duration: { dist: empirical, file: report.log }\n    coldStart: { dist: empirical, file: report.log }\n"));
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    const spec = s.value.sim.functions[0]!.coldStart;
    expect(spec.dist === "empirical" && "histogram" in spec && spec.histogram.reduce((n, [, w]) => n + w, 0)).toBe(2000);
    const got = drawn(spec, 200_000);
    expect(Math.abs(quantileOf(got, 0.5) / quantileOf(inits, 0.5) - 1)).toBeLessThan(0.01);
    expect(Math.abs(quantileOf(got, 0.99) / quantileOf(inits, 0.99) - 1)).toBeLessThan(0.01);
  });

  it("reports a log without REPORT lines, a missing file and a log without cold starts at the field's file", () => {
    const noReport = loadScenarioFile(scenarioBeside("START RequestId: a\nEND RequestId: a\n", "    duration: { dist: empirical, file: report.log }\n"));
    expect(!noReport.ok && noReport.issues.map((i) => [i.path, i.value])).toEqual([["functions[0].duration.file", "report.log"]]);
    expect(!noReport.ok && noReport.issues[0]!.allowed).toContain("2 lines and no REPORT line");
    const missing = loadScenarioFile(scenarioBeside("", "    duration: { dist: empirical, file: nowhere.log }\n"));
    expect(!missing.ok && missing.issues[0]!.path).toBe("functions[0].duration.file");
    const warm = tailLines(invs.slice(1, 5));
    const noCold = loadScenarioFile(scenarioBeside(warm, "    duration: { dist: constant, value: 10ms }\n    coldStart: { dist: empirical, file: report.log }\n"));
    expect(!noCold.ok && noCold.issues[0]!.allowed).toContain("its 4 REPORT lines have no cold start");
  });
});
