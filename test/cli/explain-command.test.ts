import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");
const perfRows = (JSON.parse(readFileSync(resolve(root, "data/reference/lambda-perf-coldstarts.json"), "utf8")) as {
  window30d: { rows: Array<{ runtime: string; packageType: string; architecture: string; memoryMB: number; initP50Ms: number; initP99Ms: number }> };
}).window30d.rows;

/** Runs the built CLI (`npm test` builds first) as a user would. */
function lambdasim(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempScenario(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-explain-"));
  const file = join(dir, "s.yaml");
  writeFileSync(file, text);
  return file;
}

const scenario = (extra: string) => `
name: explain-test
horizon: 5m
functions:
  - name: f
    runtime: nodejs22.x
    memoryMB: 1024
    duration: { dist: exponential, mean: 50ms }
    arrivals: { kind: poisson, rate: 2/s }
${extra}`;

describe("lambdasim explain", () => {
  it("states duration.per of an sqs function: message by default, with its reason, or as the scenario says", () => {
    const byDefault = lambdasim(["explain", "--json", tempScenario(scenario("    invocation: sqs\n"))]);
    expect(byDefault.code).toBe(0);
    const row = (out: string) =>
      (JSON.parse(out) as { functions: Array<{ fields: Array<{ field: string; value: string; source: string }> }> }).functions[0]!.fields.find(
        (x) => x.field === "duration.per",
      );
    expect(row(byDefault.stdout)!.value).toBe("message");
    expect(row(byDefault.stdout)!.source).toMatch(/loops over the batch's records/);
    const written = lambdasim(["explain", "--json", tempScenario(scenario("    invocation: sqs\n").replace("mean: 50ms }", "mean: 50ms, per: batch }"))]);
    expect(row(written.stdout)).toEqual({ field: "duration.per", value: "batch", source: "scenario" });
    const sync = lambdasim(["explain", "--json", tempScenario(scenario(""))]);
    expect(row(sync.stdout)).toBeUndefined();
  });

  it("names the new-account quota and its user-reported source for account.preset: new", () => {
    const r = lambdasim(["explain", "--json", tempScenario("account: { preset: new }\n" + scenario(""))]);
    expect(r.code).toBe(0);
    const fields = (JSON.parse(r.stdout) as { scenario: Array<{ field: string; value: string; source: string }> }).scenario;
    expect(fields.find((x) => x.field === "account.preset")).toEqual({ field: "account.preset", value: "new", source: "scenario" });
    const limit = fields.find((x) => x.field === "account.concurrencyLimit")!;
    expect(limit.value).toBe("10");
    expect(limit.source).toMatch(/newAccountReducedExamples \(user-reported/);
  });

  it("prints every default with its source and the cold-start parts with theirs", () => {
    const r = lambdasim(["explain", tempScenario(scenario("    vpc: true\n    packageSizeMB: 14\n"))]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/timeout\s+3s\s+lambda-limits\.json function\.timeoutSeconds\.default/);
    expect(r.stdout).toMatch(/account\.concurrencyLimit\s+1000\s+lambda-limits\.json concurrency\.accountDefault/);
    expect(r.stdout).toContain('lambda-perf-coldstarts.json (maxday/lambda-perf) window30d 2026-07-23..2026-08-22, runtime "nodejs22.x" zip/x86_64');
    expect(r.stdout).toContain("coldstart_aws_{vpc,novpc}.json");
    expect(r.stdout).toContain("coldstart_aws_{nodeps,xldeps,xxxldeps}.json");
  });

  it("writes times and rates in their own units: distributions, and the ms and per-second fields of a block", () => {
    const r = lambdasim(["explain", "scenarios/sqs-worker.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/idleLifetime\s+uniform 5m\.\.7m\s+lambda-limits\.json coldStart\.idleExpiryMinutes/);
    expect(r.stdout).toMatch(/duration\s+lognormal, median 25ms, p99 120ms\s+scenario/);
    expect(r.stdout).toMatch(/duration\.per\s+message\s+scenario/);
    expect(r.stdout).toContain("batchingWindow: 2s");
    expect(r.stdout).toContain("visibilityTimeout: 3m");
    expect(r.stdout).toContain("bursts: [{ at: 2h, rate: 1500/s, for: 10m, every: none }]");
    expect(r.stdout).not.toMatch(/\d{5,}/); // no raw millisecond counts
  });

  it("writes a profile's points as times of day and rates, not raw milliseconds", () => {
    const profile = scenario("").replace("arrivals: { kind: poisson, rate: 2/s }", 'arrivals: { kind: profile, points: [["0h", "1/s"], ["7h30m", "5/s"], ["18:00", "3000/min"]] }');
    const r = lambdasim(["explain", tempScenario(profile)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("points: [[0s, 1/s], [7.5h, 5/s], [18h, 50/s]]");
    expect(r.stdout).not.toContain("27000000");
  });

  it("gives, with --json, the measured p50 and p99 of the default cold start", () => {
    const row = perfRows.find((x) => x.runtime === "nodejs22.x" && x.packageType === "zip" && x.architecture === "x86_64" && x.memoryMB === 1024)!;
    const r = lambdasim(["explain", tempScenario(scenario("")), "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { functions: Array<{ coldStart: { p50Ms: number; p99Ms: number; components: unknown[] } }> };
    expect(out.functions[0]!.coldStart.p50Ms).toBeCloseTo(row.initP50Ms, 1);
    expect(out.functions[0]!.coldStart.p99Ms).toBeCloseTo(row.initP99Ms, 1);
  });

  it("exits 2 with one line for a scenario that does not resolve", () => {
    const r = lambdasim(["explain", tempScenario(scenario("    layers: 9\n"))]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("functions[0].layers");
  });
});

describe("a python3.12 arm64 function with a 50 MB zip in a VPC (issue 17 §1)", () => {
  const python50 = tempScenario(`
name: python-50mb-vpc
horizon: 2m
functions:
  - name: thumbs
    runtime: python3.12
    architecture: arm64
    memoryMB: 1024
    packageSizeMB: 50
    vpc: true
    duration: { dist: lognormal, median: 120ms, p99: 600ms }
    arrivals: { kind: poisson, rate: 2/s }
`);

  it("explains a cold start with a spread (p99/p50 > 1.2), a bounded extrapolation and both warnings", () => {
    const json = lambdasim(["explain", python50, "--json"]);
    expect(json.code).toBe(0);
    const c = (JSON.parse(json.stdout) as { functions: Array<{ coldStart: { p50Ms: number; p99Ms: number; warnings: string[] } }> }).functions[0]!.coldStart;
    expect(c.p99Ms / c.p50Ms).toBeGreaterThan(1.2);
    expect(c.warnings).toHaveLength(2);
    const text = lambdasim(["explain", python50]).stdout;
    expect(text).toMatch(/extrapolated beyond the largest measured package \(35 MB\) on the 14→35 MB slope up to \d+(\.\d)? MB/);
    expect(text).toContain("10 s on-demand INIT timeout");
    expect(text).toContain("measured on Node.js only, applied unscaled to python3.12");
    expect(text).toContain("by the overlap rule q(p) = max(q_S(p), q_S(½) + q_V(p))");
    expect(text).toContain("coldstart_aws_{vpc,novpc}.json");
    expect(text).toMatch(/warning: zip package 50 MB is beyond the largest measured \(35 MB\)/);
  });

  it("makes `run` print the warnings, one line each, and the report's findings say so", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const r = lambdasim(["run", python50, "--out", out, "--quiet"]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^lambdasim: warning: thumbs: zip package 50 MB is beyond the largest measured \(35 MB\)/);
    expect(lines[1]).toMatch(/^lambdasim: warning: thumbs: the package-size term of python3.12 is Node.js's, unscaled/);
    const summary = readFileSync(join(out, "summary.md"), "utf8");
    expect(summary).toContain("Cold-start model: `thumbs`: zip package 50 MB is beyond the largest measured (35 MB)");
  });
});

describe("lambdasim run refuses SnapStart where AWS does", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["on nodejs22.x", "    snapStart: true\n", /functions\[0\]\.snapStart.*SnapStart supports Java 11\+, Python 3\.12\+ and \.NET 8\+/],
    ["with 1024 MB of ephemeral storage", "    snapStart: true\n    ephemeralStorageMB: 1024\n", /functions\[0\]\.ephemeralStorageMB.*above 512 MB/],
    ["with provisioned concurrency", "    snapStart: true\n    provisionedConcurrency: 2\n", /functions\[0\]\.provisionedConcurrency.*provisioned concurrency/],
  ];
  for (const [what, extra, pattern] of cases) {
    it(`refuses SnapStart ${what} with one clear line and exit code 2`, () => {
      const text = what === "on nodejs22.x" ? scenario(extra) : scenario(extra).replace("nodejs22.x", "java21");
      const r = lambdasim(["run", tempScenario(text)]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
