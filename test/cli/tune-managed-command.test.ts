import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { interruptCli } from "../support/interrupt-cli.js";
import { withoutProgress } from "../support/progress.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/** Runs the built CLI (`npm test` builds first) as a user would. */
function lambdasim(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scenario file: `api` on capacity provider cp (c7g.xlarge), and `legacy`, on demand, with `legacyFields`. */
function scenarioFile(over: { horizon?: string; rate?: string; legacy?: string } = {}): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-tunelmi-"));
  const file = join(dir, "lmi.yaml");
  writeFileSync(
    file,
    `name: lmi-tune
horizon: ${over.horizon ?? "10m"}
warmup: 1m
seed: 5
capacityProviders:
  cp: { instanceTypes: [c7g.xlarge], maxVCpu: 400, targetCpuUtilization: 0.5, launchDelay: 1m }
functions:
  - name: api
    runtime: nodejs22.x
    architecture: arm64
    capacityProvider: cp
    memoryMB: 4096
    memoryGiBPerVCpu: 2
    duration: { dist: lognormal, median: 40ms, p99: 200ms, atMemoryMB: 1769, cpuBound: 0.5 }
    arrivals: { kind: poisson, rate: ${over.rate ?? "50/s"} }
  - name: legacy
    architecture: arm64
    ${over.legacy ?? "runtime: python3.13\n    memoryMB: 4096"}
    duration: { dist: constant, value: 50ms }
    arrivals: { kind: constant, rate: 20/s }
slo: { p99LatencyMs: 400 }
`,
  );
  return { dir, file };
}

const GRID = ["--max-concurrency", "8,32", "--ratio", "2,4", "--instance-types", "c7g.large,c7g.xlarge"];

describe("lambdasim tune managed", () => {
  it("writes every option with its cost lines and verdicts, the recommendation, summary.md and a page with the chart", () => {
    const { dir, file } = scenarioFile();
    const out = join(dir, "out");
    const r = lambdasim(["tune", "managed", file, "-f", "api", ...GRID, "-w", "2", "--out", out]);
    expect(withoutProgress(r.stderr)).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, "tune-managed.json"), "utf8"));
    expect(json.function).toBe("api");
    expect(json.provider).toMatchObject({ name: "cp", created: false, minInstances: 3 });
    expect(json.gridPoints).toBe(8);
    for (const o of json.options) {
      expect(Object.keys(o.monthlyCost).sort()).toEqual(["instances", "managementFee", "requests", "total"]);
      expect(o.monthlyCost.total).toBeCloseTo(o.monthlyCost.instances + o.monthlyCost.managementFee + o.monthlyCost.requests, 6);
      expect(o.verdicts.map((v: { objective: string }) => v.objective)).toEqual(["p99LatencyMs"]);
      expect(typeof o.meetsSlo).toBe("boolean");
      expect(o.instances.peak).toBeGreaterThanOrEqual(3);
    }
    const rec = json.recommendation;
    const cheapest = Math.min(...json.options.filter((o: { meetsSlo: boolean }) => o.meetsSlo).map((o: { monthlyCost: { total: number } }) => o.monthlyCost.total));
    expect(rec.monthlyCost).toBe(cheapest);
    expect(r.stdout).toContain(`recommended: api on ${rec.option}`);
    expect(r.stdout).toMatch(/<- recommended/);
    expect(readFileSync(join(out, "summary.md"), "utf8")).toContain(`**${rec.option}**`);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain("Managed Instances options: cost against p99");
    expect(existsSync(join(out, "tune-managed.svg"))).toBe(true);
  }, 180_000);

  it("prints the same tune-managed.json with one worker as with two, searching or exhaustive", () => {
    const { dir, file } = scenarioFile();
    const runs = ["1", "2"].map((w) => {
      const out = join(dir, `w${w}`);
      const r = lambdasim(["tune", "managed", file, "-f", "api", ...GRID, "-w", w, "--out", out, "--quiet"]);
      expect(r.code).toBe(0);
      return readFileSync(join(out, "tune-managed.json"), "utf8");
    });
    expect(runs[0]).toBe(runs[1]);
    const all = lambdasim(["tune", "managed", file, "-f", "api", ...GRID, "-w", "2", "--exhaustive", "--json", "--out", join(dir, "all")]);
    const exhaustive = JSON.parse(all.stdout);
    expect(exhaustive.options).toHaveLength(8);
    expect(exhaustive.recommendation.option).toBe(JSON.parse(runs[0]!).recommendation.option);
  }, 240_000);

  it("moves an on-demand function onto a capacity provider of its own, and says so", () => {
    const { dir, file } = scenarioFile();
    const r = lambdasim(["tune", "managed", file, "-f", "legacy", "--max-concurrency", "4,16", "--ratio", "2", "--instance-types", "c7g.large", "--json", "--out", join(dir, "o")]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.provider).toMatchObject({ name: "tune-managed", created: true, minInstances: 3, maxVCpu: 15000 });
    expect(json.recommendation.choice.instanceType).toBe("c7g.large");
  }, 120_000);

  it("refuses bad input with exit 2 naming the flag or field, the value and what is allowed, before anything runs", () => {
    const { dir, file } = scenarioFile();
    const out = join(dir, "bad");
    const cases: Array<{ args: string[]; want: RegExp; file?: string }> = [
      { args: ["-f", "nope"], want: /--function: "nope" is not allowed; expected one of the scenario's functions: api, legacy/ },
      { args: ["-f", "api", "--max-concurrency", "0,2000"], want: /--max-concurrency: "0,2000" is not allowed; expected integers 1\.\.1600/ },
      { args: ["-f", "api", "--ratio", "3"], want: /--ratio: "3" is not allowed; expected GiB per vCPU 2\.\.8 .*: 2, 4/ },
      { args: ["-f", "api", "--instance-types", "m7i.xlarge"], want: /--instance-types: "m7i\.xlarge" is not allowed; expected an arm64 EC2 instance type .*\(m7i\.xlarge is x86_64\)/ },
      { args: ["-f", "api", "--instance-types", "t9z.huge"], want: /--instance-types: "t9z\.huge" is not allowed/ },
      { args: ["-f", "api", "--slo-p99", "fast"], want: /--slo-p99: "fast" is not allowed/ },
      // 30 points × 100 replications of 30 days at 50/s: the whole grid is what the search may need at worst.
      { args: ["-f", "api", "-H", "30d", "-r", "100"], want: /too much work: .*events .* is over the limit/ },
    ];
    for (const c of cases) {
      const r = lambdasim(["tune", "managed", file, ...c.args, "--out", out]);
      expect(r.code, c.args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(c.want);
    }
    const old = scenarioFile({ legacy: "runtime: python3.12\n    memoryMB: 4096" });
    const r = lambdasim(["tune", "managed", old.file, "-f", "legacy", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("tune managed would move legacy onto a capacity provider, which it cannot run on");
    expect(r.stderr).toMatch(/functions\[1\]\.runtime: "python3\.12" is not allowed; expected a runtime Lambda Managed Instances supports/);
    const small = scenarioFile({ legacy: "runtime: python3.13\n    memoryMB: 1024" });
    expect(lambdasim(["tune", "managed", small.file, "-f", "legacy", "--out", out]).stderr).toMatch(/functions\[1\]\.memoryMB: 1024 is not allowed; expected at least 2048 MB/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it("reports a failed option and writes the others, exit 3", () => {
    const { dir, file } = scenarioFile();
    const out = join(dir, "t");
    const r = lambdasim(["tune", "managed", file, "-f", "api", ...GRID, "--point-timeout", "1ms", "--out", out]);
    expect(r.code).toBe(3);
    expect(withoutProgress(r.stderr)).toMatch(/lambdasim: c7g\.large, 2 GiB\/vCPU, 32 per environment failed: no result within --point-timeout \(1 ms\)/);
    const json = JSON.parse(readFileSync(join(out, "tune-managed.json"), "utf8"));
    expect(json.options.every((o: { status: string }) => o.status === "failed")).toBe(true);
    expect(json.recommendation).toBeNull();
  }, 120_000);

  it("stops on Ctrl-C with exit 130 and writes the options that finished", async () => {
    const { dir, file } = scenarioFile({ horizon: "3h", rate: "200/s" });
    const out = join(dir, "int");
    const { code, stderr } = await interruptCli(["tune", "managed", file, "-f", "api", ...GRID, "--exhaustive", "-w", "1", "--out", out], 6_000);
    expect(code).toBe(130);
    expect(withoutProgress(stderr)).toMatch(/lambdasim: interrupted: tune managed stopped; the \d+ options that finished are written/);
    const json = JSON.parse(readFileSync(join(out, "tune-managed.json"), "utf8"));
    expect(json.interrupted).toBe(true);
    expect(json.options.length).toBeLessThan(8);
    expect(json.options.every((o: { status: string }) => o.status === "ok")).toBe(true);
  }, 180_000);
});
