import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { metricDataJson } from "../support/cloudwatch-json.js";
import { tailLines, type Invocation } from "../support/report-lines.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/** Runs the built CLI (`npm test` builds first) in `cwd`. */
function lambdasim(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const START = "2026-11-30T00:00:00Z";
const COUNTS = Array.from({ length: 120 }, (_, m) => 30 + (m % 11));

/** A folder with metrics.json (Invocations, and Duration p50/p99/Average of a lognormal mu ln 100, sigma 0.6) and report.log. */
function inputs(): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-import-"));
  const z99 = 2.3263479;
  writeFileSync(
    join(dir, "metrics.json"),
    metricDataJson(START, 60, [
      { id: "inv", label: "Invocations", values: COUNTS },
      { id: "thr", label: "Throttles", values: COUNTS.map(() => 0) },
      { id: "d50", label: "Duration p50", values: COUNTS.map(() => 100) },
      { id: "d99", label: "Duration p99", values: COUNTS.map(() => 100 * Math.exp(0.6 * z99)) },
      { id: "davg", label: "Duration Average", values: COUNTS.map(() => 100 * Math.exp(0.18)) },
    ]),
  );
  const invs: Invocation[] = Array.from({ length: 300 }, (_, i) => ({ timeMs: Date.parse(START) + i * 20_000, durationMs: 20 + (i % 50) * 3.5, memoryMB: 1769, maxMemoryUsedMB: 120, ...(i % 30 === 0 ? { initMs: 350 + i } : {}) }));
  writeFileSync(join(dir, "report.log"), tailLines(invs));
  return dir;
}

describe("lambdasim import traffic", () => {
  it("writes a new scenario replaying the Sum of Invocations, with duration, coldStart and memory from the REPORT log, that loads", () => {
    const dir = inputs();
    const r = lambdasim(["import", "traffic", "--cloudwatch", "metrics.json", "--logs", "report.log", "--function", "api", "--out", "api.yaml"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('arrivals: the Sum of Invocations in result "inv" of metrics.json, 120 periods of 60 s from 2026-11-30T00:00:00.000Z (horizon 2h)');
    expect(r.stdout).toContain("duration: empirical, the Duration of the 300 REPORT lines of report.log");
    expect(r.stdout).toContain("coldStart: empirical, the Init Duration of its 10 cold starts");
    const doc = YAML.parse(readFileSync(join(dir, "api.yaml"), "utf8"));
    expect(doc.horizon).toBe("2h");
    expect(doc.functions[0]).toMatchObject({
      name: "api",
      memoryMB: 1769,
      arrivals: { kind: "trace", format: "cloudwatch", file: "metrics.json", metric: "inv" },
      duration: { dist: "empirical", file: "report.log" },
      coldStart: { dist: "empirical", file: "report.log" },
    });
    expect(loadScenarioFile(join(dir, "api.yaml")).ok).toBe(true);
  });

  it("fits a lognormal to CloudWatch's Duration p50, p99 and Average without a log, recovering mu ln 100 and sigma 0.6, and prints the agreement", () => {
    const dir = inputs();
    const r = lambdasim(["import", "traffic", "--cloudwatch", "metrics.json"], dir);
    expect(r.code).toBe(0);
    const doc = YAML.parse(r.stdout);
    expect(doc.functions[0].duration.dist).toBe("lognormal");
    expect(doc.functions[0].duration.mu).toBeCloseTo(Math.log(100), 4);
    expect(doc.functions[0].duration.sigma).toBeCloseTo(0.6, 4);
    expect(r.stderr).toContain("duration: lognormal fitted to CloudWatch's Duration p50, Duration p99, Duration Average");
    expect(r.stderr).toContain("p50 100 ms → 100 ms (+0.0 %)");
  });

  it("imports into the named function of --scenario, keeping its other fields and comments", () => {
    const dir = inputs();
    writeFileSync(
      join(dir, "base.yaml"),
      "# my service\nname: shop\nhorizon: 24h\nwarmup: 10m\nfunctions:\n  - name: web # the front end\n    runtime: python3.13\n    memoryMB: 512\n    duration: { dist: constant, value: 40ms }\n    arrivals: { kind: poisson, rate: 5/s }\n  - name: api\n    runtime: java21\n    memoryMB: 1024\n    duration: { dist: constant, value: 80ms }\n    arrivals: { kind: poisson, rate: 1/s }\n",
    );
    const r = lambdasim(["import", "traffic", "--cloudwatch", "metrics.json", "--logs", "report.log", "--scenario", "base.yaml", "--function", "api", "--out", "out.yaml"], dir);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "out.yaml"), "utf8");
    expect(text).toContain("# my service");
    expect(text).toContain("- name: web # the front end");
    const doc = YAML.parse(text);
    expect(doc.functions[0]).toEqual({ name: "web", runtime: "python3.13", memoryMB: 512, duration: { dist: "constant", value: "40ms" }, arrivals: { kind: "poisson", rate: "5/s" } });
    expect(doc.functions[1]).toMatchObject({ name: "api", runtime: "java21", memoryMB: 1769, duration: { dist: "empirical", file: "report.log" } });
    expect([doc.horizon, doc.warmup]).toEqual(["2h", "10m"]);
  });

  it("fits cpuBound and threads to a Power Tuning visualization URL and writes them into the duration, with the fit error", () => {
    const dir = inputs();
    // Encoded as Power Tuning's buildVisualizationURL does: base64 of Int16 sizes; Float32 durations; Float32 costs.
    const sizes = [128, 256, 512, 1024, 1769, 3008];
    const durations = sizes.map((m) => 30 + (900 * 1769) / Math.min(m, 1769)); // 30 ms I/O, 900 ms of one-thread CPU at 1 vCPU
    const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
    const url = `https://lambda-power-tuning.show/#${b64(new Int16Array(sizes))};${b64(new Float32Array(durations))};${b64(new Float32Array(sizes.map(() => 1e-6)))}`;
    const r = lambdasim(["import", "traffic", "--cloudwatch", "metrics.json", "--logs", "report.log", "--power-tuning", url, "--out", "s.yaml"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const duration = YAML.parse(readFileSync(join(dir, "s.yaml"), "utf8")).functions[0].duration;
    // At the log's 1,769 MB: CPU 900 ms of 930 ms.
    expect(duration).toMatchObject({ dist: "empirical", file: "report.log", atMemoryMB: 1769, threads: 1 });
    expect(duration.cpuBound).toBeCloseTo(900 / 930, 4);
    expect(r.stdout).toContain("duration scaling: the Amdahl model fitted to Power Tuning's 6 memory sizes");
    expect(r.stdout).toContain("RMS error 0.0 %");
    const bad = lambdasim(["import", "traffic", "--cloudwatch", "metrics.json", "--logs", "report.log", "--power-tuning", "https://lambda-power-tuning.show/#nonsense"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--power-tuning");
    expect(bad.stderr).toContain("expected a Power Tuning visualization URL like");
  });

  it("exits 2 naming what was expected: a metrics file without Invocations, a log without REPORT lines, several functions without --function", () => {
    const dir = inputs();
    writeFileSync(join(dir, "other.json"), metricDataJson(START, 60, [{ id: "thr", label: "Throttles", values: [0, 1, 0] }]));
    const noInv = lambdasim(["import", "traffic", "--cloudwatch", "other.json"], dir);
    expect(noInv.code).toBe(2);
    expect(noInv.stderr).toBe('lambdasim: --metric: missing; expected the Id of the Sum of Invocations in other.json (no result whose Id or Label says Invocations; its results: "thr" ("Throttles"))\n');
    writeFileSync(join(dir, "app.log"), "START RequestId: a\nhello world\n");
    const noReport = lambdasim(["import", "traffic", "--cloudwatch", "metrics.json", "--logs", "app.log"], dir);
    expect(noReport.code).toBe(2);
    expect(noReport.stderr).toMatch(/^lambdasim: --logs app\.log: 2 lines and no REPORT line; expected a CloudWatch Logs export/);
    writeFileSync(join(dir, "two.yaml"), "functions:\n  - { name: a, runtime: nodejs22.x, duration: 10ms, arrivals: { kind: poisson, rate: 1/s } }\n  - { name: b, runtime: nodejs22.x, duration: 10ms, arrivals: { kind: poisson, rate: 1/s } }\n");
    const two = lambdasim(["import", "traffic", "--cloudwatch", "metrics.json", "--scenario", "two.yaml"], dir);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("--function: missing; expected one of the scenario's functions: a, b");
  });
});
