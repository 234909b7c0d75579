import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/** Runs the built CLI (`npm test` builds first) as a user would. */
function lambdasim(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "lambdasim-limits-")), name);
  writeFileSync(file, text);
  return file;
}

const fnYaml = (name: string, extra = "") =>
  `  - { name: ${name}, runtime: nodejs22.x, duration: 50ms, arrivals: { kind: poisson, rate: 5/s }${extra} }\n`;

/** The stderr lines, without the trailing newline. */
const lines = (stderr: string) => stderr.split("\n").filter((l) => l !== "");

// Each input below was seen to crash or exhaust memory before the limits (issue 12 §4).
describe("work past the limits is refused before it runs", () => {
  it("refuses a scenario of 10,000 functions with one line (it ran out of V8's heap after 397 s)", () => {
    const functions = Array.from({ length: 10_000 }, (_, i) => ({ name: `f${i}`, runtime: "nodejs22.x", duration: "50ms", arrivals: { kind: "poisson", rate: "1/s" } }));
    const file = tempFile("many.json", JSON.stringify({ name: "many", horizon: "1h", functions }));
    const out = join(mkdtempSync(join(tmpdir(), "lambdasim-limits-out-")), "report");
    const r = lambdasim(["run", file, "--out", out]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      `lambdasim: ${file}: too much work: functions: 10,000 functions is over the limit of 2,000 (1,000 take ~12 s of CPU and 0.7 GB end to end); ` +
        "simulate the functions in groups, or merge those that share a configuration, or pass --force to run it anyway",
    ]);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("refuses a sweep of 2 axes × 10,000 values before planning it, even with --force (it ran out of memory at 55 s)", () => {
    const file = tempFile("s.yaml", `name: s\nhorizon: 1m\nfunctions:\n${fnYaml("api")}`);
    const out = join(mkdtempSync(join(tmpdir(), "lambdasim-limits-out-")), "report");
    const r = lambdasim(["sweep", file, "--set", "functions.api.memoryMB=128..10240:lin:10000", "--set", "arrivals.rate=1/s..100/s:lin:10000", "--out", out, "--force"]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      "lambdasim: too much work: --set: 100,000,000 simulations is over the limit of 1,000,000 (their plan would not fit in memory); " +
        "use fewer values per axis, fewer axes or fewer --replications (a hard limit: --force does not go past it)",
    ]);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("refuses provisionedConcurrency 1000000000 by AWS's account concurrency (with its source) and by memory (13.9 GB and growing before)", () => {
    const file = tempFile("pc.yaml", `name: pc\nhorizon: 10m\naccount: { concurrencyLimit: 2000000000 }\nfunctions:\n${fnYaml("api", ", provisionedConcurrency: 1000000000")}`);
    const r = lambdasim(["run", file, "--out", join(mkdtempSync(join(tmpdir(), "lambdasim-limits-out-")), "report")]);
    expect(r.code).toBe(2);
    const l = lines(r.stderr);
    expect(l.find((x) => x.includes("functions[0].provisionedConcurrency: 1,000,000,000 concurrent executions is over the limit of 100,000"))).toContain(
      "lambda-limits.json concurrency.accountDefault, source L1",
    );
    expect(l.find((x) => x.includes("GiB of memory"))).toMatch(/functions\[0\]\.provisionedConcurrency: ~104\.\d GiB of memory \(1,000,003,000 execution environments, 1 function\) is over the limit of /);
    // --force lifts the AWS limit, not the memory.
    const forced = lambdasim(["run", file, "--force", "--out", join(mkdtempSync(join(tmpdir(), "lambdasim-limits-out-")), "report")]);
    expect(forced.code).toBe(2);
    if (totalmem() < 100 * 2 ** 30) expect(lines(forced.stderr)).toHaveLength(1);
    expect(forced.stderr).toContain("--force does not go past it");
  }, 60_000);
});

describe("--force", () => {
  const file = tempFile(
    "big-account.yaml",
    `name: big\nhorizon: 1m\naccount: { concurrencyLimit: 200000 }\nfunctions:\n${fnYaml("api")}` +
      "slo: { maxColdStartRate: 0.01 }\ncompare: { ec2: { instanceType: m7g.large } }\n",
  );

  it("runs a scenario past a soft limit (an account of 200,000 concurrent executions) when asked", () => {
    const out = join(mkdtempSync(join(tmpdir(), "lambdasim-limits-out-")), "report");
    expect(lambdasim(["run", file, "--out", out]).code).toBe(2);
    const r = lambdasim(["run", file, "--out", out, "--force", "-q"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(join(out, "result.json"))).toBe(true);
  }, 60_000);

  it("is checked by sweep, tune memory, tune provisioned and compare too", () => {
    for (const args of [["sweep", file, "--set", "seed=1,2"], ["tune", "memory", file], ["tune", "provisioned", file], ["compare", file]]) {
      const r = lambdasim(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toContain("account.concurrencyLimit: 200,000 concurrent executions is over the limit of 100,000");
    }
  }, 60_000);
});

describe("run --help", () => {
  it("lists the work limits beside the scenario limits", () => {
    const r = lambdasim(["run", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Work limits, checked before anything runs \(--force goes past the soft ones\):\n {2}functions in a scenario +2,000 +soft\n/);
    expect(r.stdout).toContain("--force");
  }, 60_000);
});
