import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { distQuantile } from "../../src/core/dist/quantile.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { metricDataJson } from "../support/cloudwatch-json.js";
import { simulate } from "../../src/platform/simulate.js";
import { PRODUCTION_DIR, productionTruth } from "../support/production-fixture.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/** Runs the built CLI (`npm test` builds first) in `cwd`. */
function lambdasim(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder holding a copy of the generated production (test/fixtures/production/). */
function production(): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-backtest-"));
  for (const f of ["base.yaml", "metrics.json", "report.log", "truth.yaml"]) copyFileSync(join(PRODUCTION_DIR, f), join(dir, f));
  return dir;
}

describe("import traffic + backtest on the generated production (test/fixtures/production)", () => {
  it("recovers the known scenario: durations within 2 % at p50 and p99, concurrency MAPE below the noise of two replications, and a chart", () => {
    const dir = production();
    const imported = lambdasim(["import", "traffic", "--cloudwatch", "metrics.json", "--logs", "report.log", "--scenario", "base.yaml", "--out", "orders.yaml"], dir);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('arrivals: plus the Throttles in result "throttles"');

    // The truth: duration lognormal with median 300 ms and p99 2 s (truth.yaml).
    const s = loadScenarioFile(join(dir, "orders.yaml"));
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    const duration = s.value.sim.functions[0]!.duration;
    expect(Math.abs(distQuantile(duration, 0.5) / 300 - 1)).toBeLessThan(0.02);
    expect(Math.abs(distQuantile(duration, 0.99) / 2000 - 1)).toBeLessThan(0.02);

    const r = lambdasim(["backtest", "orders.yaml", "--observed", "metrics.json", "--logs", "report.log", "--replications", "2", "--out", "bt"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const bt = JSON.parse(readFileSync(join(dir, "bt", "backtest.json"), "utf8"));
    expect(bt.observed).toMatchObject({ periods: 1440, periodSeconds: 60, start: "2026-11-30T00:00:00.000Z" });
    const conc = bt.metrics.ConcurrentExecutions;
    expect(conc.mape).toBeLessThan(conc.replicationNoiseMape);
    expect(Math.abs(conc.bias)).toBeLessThan(0.02);
    // Invocations agree but for the throttles, which are random in each replication (905 of 432,021).
    expect(bt.metrics.Invocations.mape).toBeLessThan(0.01);
    expect(bt.metrics.Invocations.observedTotal).toBe(432_021);
    expect(bt.metrics.ColdStarts.observedTotal).toBe(80);
    expect(Math.abs(bt.metrics.Throttles.bias)).toBeLessThan(0.25);
    expect(bt.series.ConcurrentExecutions.observed).toHaveLength(1440);
    const svg = readFileSync(join(dir, "bt", "backtest-concurrentexecutions.svg"), "utf8");
    expect(svg).toContain("ConcurrentExecutions (Maximum): simulated vs observed");
    expect(readFileSync(join(dir, "bt", "summary.md"), "utf8")).toContain("| ConcurrentExecutions | Maximum | 10,511 |");
    expect(existsSync(join(dir, "bt", "index.html"))).toBe(true);
  });

  it("holds what truth.yaml simulates: the committed metrics.json is the day's per-minute invocations (npm run fixture:production)", () => {
    const truth = productionTruth();
    const series = simulate({ ...truth.sim, bucketMs: 60_000 }).series;
    const doc = JSON.parse(readFileSync(join(PRODUCTION_DIR, "metrics.json"), "utf8"));
    const inv = doc.MetricDataResults.find((r: { Id: string }) => r.Id === "invocations");
    const byTime = new Map<string, number>(inv.Timestamps.map((t: string, i: number) => [t, inv.Values[i]]));
    const expected = series.arrivals.map((a, i) => a - series.throttles[i]!);
    const got = series.t.map((t) => byTime.get(new Date(Date.parse("2026-11-30T00:00:00Z") + t * 1000).toISOString().replace(".000Z", "+00:00")) ?? 0);
    expect(got).toEqual(expected);
  });

  it("exits 2 naming what was expected: a metrics file without Invocations, one replication", () => {
    const dir = production();
    writeFileSync(join(dir, "thr.json"), metricDataJson("2026-11-30T00:00:00Z", 60, [{ id: "thr", label: "Throttles", values: [0, 1] }]));
    const noInv = lambdasim(["backtest", "truth.yaml", "--observed", "thr.json"], dir);
    expect(noInv.code).toBe(2);
    expect(noInv.stderr).toContain('lambdasim: --observed: "thr.json" is not allowed; expected get-metric-data output with the Sum of Invocations');
    expect(noInv.stderr).toContain('"thr" ("Throttles")');
    const one = lambdasim(["backtest", "truth.yaml", "--observed", "metrics.json", "--replications", "1"], dir);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("--replications");
  });
});

describe("backtest of provisioned-concurrency spillover", () => {
  it("compares ProvisionedConcurrencySpilloverInvocations per period: exactly 240 a minute simulated against 240 then 300 observed", () => {
    // Arrivals every 100 ms, 950 ms each, on 6 provisioned environments: each serves one request a
    // second, so 4 of the 10 a second spill, 240 a minute in every replication (as in
    // test/platform/stats/spillover-series.test.ts). Observed: 240 for 5 minutes, then 300 for 5.
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-backtest-spill-"));
    writeFileSync(
      join(dir, "pc.yaml"),
      ["name: pc", "horizon: 10m", "functions:", "  - name: api", "    runtime: nodejs22.x", "    memoryMB: 512", "    provisionedConcurrency: 6",
        "    duration: { dist: constant, value: 950ms }", "    arrivals: { kind: constant, rate: 10/s }", ""].join("\n"),
    );
    const observed = [240, 240, 240, 240, 240, 300, 300, 300, 300, 300];
    writeFileSync(
      join(dir, "m.json"),
      metricDataJson("2026-11-30T00:00:00Z", 60, [
        { id: "inv", label: "Invocations", values: new Array(10).fill(600) },
        { id: "spill", label: "ProvisionedConcurrencySpilloverInvocations", values: observed },
      ]),
    );
    const r = lambdasim(["backtest", "pc.yaml", "--observed", "m.json", "--replications", "2", "--out", "bt"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const bt = JSON.parse(readFileSync(join(dir, "bt", "backtest.json"), "utf8"));
    const spill = bt.metrics.ProvisionedConcurrencySpilloverInvocations;
    expect(spill).toMatchObject({ statistic: "Sum", observedTotal: 2700, simulatedTotal: 2400, withinBand: 0.5, replicationNoiseMape: 0 });
    expect(spill.mape).toBeCloseTo(0.1, 12); // 60/300 in half of the periods, 0 in the other half
    expect(spill.bias).toBeCloseTo(-300 / 2700, 12);
    expect(bt.series.ProvisionedConcurrencySpilloverInvocations).toMatchObject({ observed, simulatedMean: new Array(10).fill(240), low: new Array(10).fill(240), high: new Array(10).fill(240) });
    expect(bt.totals).toBeUndefined();
    expect(r.stdout).toMatch(/ProvisionedConcurrencySpilloverInvocations +2,700 +2,400 +10\.0 %/);
    expect(readFileSync(join(dir, "bt", "summary.md"), "utf8")).toContain("| ProvisionedConcurrencySpilloverInvocations | Sum | 2,700 | 2,400 |");
    expect(readFileSync(join(dir, "bt", "backtest-provisionedconcurrencyspilloverinvocations.svg"), "utf8")).toContain("ProvisionedConcurrencySpilloverInvocations (Sum): simulated vs observed");
  });
});
