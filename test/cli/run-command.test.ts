import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/** Runs the built CLI (`npm test` builds first) as a user would. */
function lambdasim(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempScenario(text: string, ext = "yaml"): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-cli-"));
  const file = join(dir, `s.${ext}`);
  writeFileSync(file, text);
  return file;
}

const valid = `
name: cli-test
horizon: 10m
functions:
  - name: f
    runtime: nodejs22.x
    duration: { dist: exponential, mean: 50ms }
    coldStart: { dist: constant, value: 100ms }
    arrivals: { kind: poisson, rate: 5/s }
`;

describe("lambdasim run", () => {
  it("prints the SLO verdicts under the table and exits 4 when an objective is missed; --no-slo-exit keeps 0", () => {
    // 50 ms handlers cannot have a p99 under 1 ms: the objective is missed on any seed.
    const file = tempScenario(valid + "slo: { p99LatencyMs: 1, maxThrottleRate: 0.5 }\n");
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const r = lambdasim(["run", file, "--out", out]);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/slo p99LatencyMs: [\d.]+ ms against ≤ 1\.0 ms, MISSED/);
    expect(r.stdout).toContain("slo maxThrottleRate: 0 % against ≤ 50.0 %, met");
    const quiet = lambdasim(["run", file, "--out", out, "--quiet"]);
    expect(quiet.code).toBe(4);
    expect(quiet.stdout).toBe("");
    expect(quiet.stderr).toMatch(/^lambdasim: slo p99LatencyMs: [\d.]+ ms against ≤ 1\.0 ms, MISSED\n$/);
    const kept = lambdasim(["run", file, "--out", out, "--no-slo-exit"]);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain("MISSED");
  });

  it("exits 0 when every objective is met", () => {
    const r = lambdasim(["run", tempScenario(valid + "slo: { p99LatencyMs: 60000 }\n"), "--out", mkdtempSync(join(tmpdir(), "lambdasim-out-"))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/slo p99LatencyMs: [\d.]+ ms against ≤ 1\.0 min, met/);
  });

  it("writes result.json and summary.md and prints a table", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const r = lambdasim(["run", tempScenario(valid), "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/function\s+invocations/);
    const result = JSON.parse(readFileSync(join(out, "result.json"), "utf8"));
    expect(result.name).toBe("cli-test");
    expect(result.total.invocations).toBeGreaterThan(2000);
    expect(result.total.completed + result.total.throttled + result.total.inFlight).toBe(result.total.invocations);
    expect(readFileSync(join(out, "summary.md"), "utf8")).toContain("# cli-test");
  });

  it("takes a compound horizon, in the scenario and in -H", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const inFile = lambdasim(["run", tempScenario(valid.replace("horizon: 10m", "horizon: 1h30m")), "--out", out, "--json"]);
    expect(inFile.code).toBe(0);
    expect((JSON.parse(inFile.stdout) as { horizonSeconds: number }).horizonSeconds).toBe(5400);
    const flag = lambdasim(["run", tempScenario(valid), "--out", out, "--json", "-H", "1m30s"]);
    expect(flag.code).toBe(0);
    expect((JSON.parse(flag.stdout) as { horizonSeconds: number }).horizonSeconds).toBe(90);
  });

  it("prints result.json on stdout with --json and honours --seed and --horizon", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const r = lambdasim(["run", tempScenario(valid), "--out", out, "--json", "--seed", "9", "--horizon", "2m"]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.seed).toBe(9);
    expect(result.horizonSeconds).toBe(120);
    expect(result.engine.events).toBeGreaterThan(0);
  });

  it("runs the bundled api-backend scenario into reports/api-backend by default", () => {
    const cwd = mkdtempSync(join(tmpdir(), "lambdasim-cwd-"));
    const r = lambdasim(["run", join(root, "scenarios/api-backend.yaml"), "--horizon", "1h", "--quiet"], cwd);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, "reports/api-backend/result.json"))).toBe(true);
    expect(existsSync(join(cwd, "reports/api-backend/summary.md"))).toBe(true);
  });

  const bad: Array<[string, string, RegExp]> = [
    ["an unknown field", valid.replace("runtime:", "memroyMB: 512\n    runtime:"), /functions\[0\]\.memroyMB/],
    ["a negative rate", valid.replace("rate: 5/s", "rate: -5/s"), /functions\[0\]\.arrivals\.rate/],
    ["memoryMB: 20000", valid.replace("runtime:", "memoryMB: 20000\n    runtime:"), /functions\[0\]\.memoryMB.*20000.*128\.\.10240/],
    ['rate: "fast"', valid.replace("rate: 5/s", 'rate: "fast"'), /functions\[0\]\.arrivals\.rate.*fast/],
    ["invalid YAML", "functions: [\n  - name: f\n  bad", /line \d+/],
  ];
  for (const [what, text, pattern] of bad) {
    it(`rejects ${what} with one clear line and exit code 2`, () => {
      const r = lambdasim(["run", tempScenario(text)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  it("rejects a missing file with exit code 2", () => {
    const r = lambdasim(["run", "/nonexistent/scenario.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nonexistent\/scenario\.yaml/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("rejects a bad --horizon naming the flag", () => {
    const r = lambdasim(["run", tempScenario(valid), "--horizon", "soon"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--horizon/);
  });

  it("explains every flag in --help", () => {
    const r = lambdasim(["run", "--help"]);
    expect(r.code).toBe(0);
    for (const flag of ["--out", "--seed", "--horizon", "--json"]) expect(r.stdout).toContain(flag);
  });

  it("exits 2 on an unknown command", () => {
    const r = lambdasim(["frobnicate"]);
    expect(r.code).toBe(2);
  });
});

describe("lambdasim run --set", () => {
  const api = readFileSync(join(root, "scenarios/api-backend.yaml"), "utf8");
  /** result.json of a run printed with --json, without the engine's wall-clock figures (they differ run to run). */
  const resultOf = (args: string[]) => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const r = lambdasim(["run", ...args, "-H", "20m", "--json", "--quiet", "--no-slo-exit", "--out", out]);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout);
    delete json.engine;
    return json;
  };

  it("gives the result of the scenario file edited by hand (functions.api.memoryMB=2048 and arrivals.rate=80/s)", () => {
    const edited = tempScenario(api.replace("memoryMB: 512", "memoryMB: 2048").replace("rate: 50/s", "rate: 80/s"));
    const byHand = resultOf([edited]);
    const bySet = resultOf(["scenarios/api-backend.yaml", "--set", "functions.api.memoryMB=2048", "--set", "arrivals.rate=80/s"]);
    // The edited copy lives in another folder under another name; everything else must be equal.
    expect(bySet).toEqual(byHand);
    // And it is not the unedited run: 2 GB bills four times the GB-s per ms of a 512 MB function.
    const plain = resultOf(["scenarios/api-backend.yaml"]);
    expect(bySet.total.invocations).toBeGreaterThan(plain.total.invocations * 1.4);
    expect(bySet.total.cost.monthly.compute).toBeGreaterThan(plain.total.cost.monthly.compute * 4);
  });

  it("refuses a value the field refuses with exit 2, naming the field as the scenario file's check does", () => {
    const r = lambdasim(["run", "scenarios/api-backend.yaml", "--set", "functions.api.memoryMB=100"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("lambdasim: scenarios/api-backend.yaml: functions[0].memoryMB: 100 is not allowed; expected an integer 128..10240 (MB)");
  });

  it("refuses a path to no field, or to no function, with exit 2 on --set", () => {
    const typo = lambdasim(["run", "scenarios/api-backend.yaml", "--set", "functions.api.memoryMBB=2048"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^lambdasim: --set: "functions\.api\.memoryMBB" is not allowed; expected a path to a field of the scenario \(functions\[0\]\.memoryMBB: no such field \(did you mean memoryMB\?\)/);
    const noFunction = lambdasim(["run", "scenarios/api-backend.yaml", "--set", "functions.web.memoryMB=2048"]);
    expect(noFunction.code).toBe(2);
    expect(noFunction.stderr).toMatch(/--set: "functions\.web\.memoryMB" is not allowed; expected a function of the scenario after functions\.: api/);
  });

  it("refuses a sweep's list or range: a run takes one value per field", () => {
    const r = lambdasim(["run", "scenarios/api-backend.yaml", "--set", "functions.api.memoryMB=512,1024"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--set: "functions\.api\.memoryMB=512,1024" is not allowed; .*one value: lists and ranges are for `lambdasim sweep`/);
  });
});
