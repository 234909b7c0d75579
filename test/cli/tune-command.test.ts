import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutProgress } from "../support/progress.js";
import { COST_TIE_FRACTION } from "../../src/plan/memory-tuner.js";
import { flashSale } from "../support/cli-scenarios.js";
import { interruptCli } from "../support/interrupt-cli.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/** Runs the built CLI (`npm test` builds first) as a user would. */
function lambdasim(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A function whose duration is `cpuBound` CPU work at 1,769 MB (1 vCPU); default 3 s timeout. */
function scenarioFile(cpuBound: number): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-tune-"));
  const file = join(dir, `s${cpuBound}.yaml`);
  writeFileSync(
    file,
    `name: tune-test
horizon: 2m
seed: 3
functions:
  - name: f
    runtime: nodejs22.x
    duration: { dist: lognormal, median: 400ms, p99: 1200ms, atMemoryMB: 1769, cpuBound: ${cpuBound} }
    arrivals: { kind: poisson, rate: 5/s }
  - name: other
    runtime: nodejs22.x
    duration: { dist: exponential, mean: 20ms }
    arrivals: { kind: poisson, rate: 2/s }
`,
  );
  return file;
}

const SIZES = "128,512,1024,1769,3008";

function tune(cpuBound: number, extra: string[] = []) {
  const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
  const r = lambdasim(["tune", "memory", scenarioFile(cpuBound), "--function", "f", "--sizes", SIZES, "--workers", "2", "--out", out, ...extra]);
  expect(withoutProgress(r.stderr)).toBe("");
  expect(r.code).toBe(0);
  return { stdout: r.stdout, json: JSON.parse(readFileSync(join(out, "tune-memory.json"), "utf8")), out };
}

describe("lambdasim tune memory", () => {
  it("gives a CPU-bound function more memory than an I/O-bound one", () => {
    const cpu = tune(1).json;
    const io = tune(0).json;
    expect(io.recommendation.memoryMB).toBe(128); // duration does not shrink: the smallest size is cheapest
    expect(cpu.recommendation.memoryMB).toBeGreaterThan(io.recommendation.memoryMB);
    expect(cpu.curve.map((c: { memoryMB: number }) => c.memoryMB)).toEqual([128, 512, 1024, 1769, 3008]);
  });

  // Issue 13 case 8: the terminal said "recommended: 128 MB" and only summary.md said why.
  it("warns on the terminal when the duration does not depend on memory, and says memory only changes the price", () => {
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-tune-"));
    const file = join(dir, "flat.yaml");
    writeFileSync(file, "name: flat\nhorizon: 2m\nfunctions:\n  - name: f\n    runtime: nodejs22.x\n    duration: { dist: constant, value: 50ms }\n    arrivals: { kind: poisson, rate: 5/s }\n");
    const r = lambdasim(["tune", "memory", file, "--sizes", "128,512", "--out", join(dir, "out")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("warning: the duration of f does not depend on memory in this scenario (no cpuBound in its duration): every size runs as fast, and memory only changes the price");
    expect(r.stdout).toMatch(/recommended: f at 128 MB \(.*; memory only changes the price here, so this is the cheapest size, not a faster one\)/);
  });

  it("recommends the cheapest size and says on the terminal and the page when a faster one costs within 1 %", () => {
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-tune-"));
    const file = join(dir, "cpu.yaml");
    // All CPU at 1,769 MB: 1,024 MB runs 1769/1024 times longer on 1024/1769 of the memory, so the GB-seconds (and bills) nearly match.
    writeFileSync(file, "name: cpu\nhorizon: 2m\nseed: 3\nfunctions:\n  - name: f\n    runtime: nodejs22.x\n    duration: { dist: lognormal, median: 100ms, p99: 300ms, atMemoryMB: 1769, cpuBound: 1 }\n    arrivals: { kind: poisson, rate: 5/s }\n");
    const out = join(dir, "out");
    const r = lambdasim(["tune", "memory", file, "--sizes", "1024,1769,3008", "--out", out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, "tune-memory.json"), "utf8"));
    const cost = (mb: number) => json.curve.find((c: { memoryMB: number }) => c.memoryMB === mb).monthlyCost.mean as number;
    expect(cost(1024)).toBeLessThan(cost(1769));
    expect(cost(1769)).toBeLessThanOrEqual(cost(1024) * 1.01);
    expect(json.recommendation.memoryMB).toBe(1024);
    expect(json.recommendation.nearTies.map((t: { memoryMB: number }) => t.memoryMB)).toEqual([1769]);
    expect(r.stdout).toMatch(/recommended: f at 1024 MB \(strategy cost: cheapest monthly cost on the measured numbers; 1769 MB costs within 1 % of it \(\$[\d.]+ a month, \+0\.\d %\) and is faster \(p99 \d+ ms against \d+ ms\): a near-tie, not recommended because it costs more/);
    const md = readFileSync(join(out, "summary.md"), "utf8");
    expect(md).toContain("1769 MB costs within 1 % of it");
    expect(md).toContain("a size dearer by at most 1 % is named beside it as a near-tie, with its p99, and not chosen");
  });

  it("exits 4 when no size meets the SLO, with each size's verdicts in tune-memory.json; --no-slo-exit keeps 0", () => {
    const file = scenarioFile(1);
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const r = lambdasim(["tune", "memory", file, "-f", "f", "--sizes", "1024,1769", "--slo-p99", "1ms", "--out", out, "--json"]);
    expect(r.code).toBe(4);
    const json = JSON.parse(r.stdout);
    for (const c of json.curve) {
      expect(c.meetsSlo).toBe(false);
      expect(c.verdicts).toEqual([{ objective: "p99LatencyMs", target: 1, actual: c.p99Ms.mean, pass: false }]);
    }
    expect(r.stderr).toBe("lambdasim: no memory size meets every objective of the slo\n");
    expect(lambdasim(["tune", "memory", file, "-f", "f", "--sizes", "1024", "--slo-p99", "1ms", "--out", out, "--quiet", "--no-slo-exit"]).code).toBe(0);
  });

  it("agrees with an exhaustive sweep over the same sizes", () => {
    const file = scenarioFile(1);
    const tuneOut = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const t = lambdasim(["tune", "memory", file, "--function", "f", "--sizes", SIZES, "--out", tuneOut, "--json"]);
    expect(t.code).toBe(0);
    const tuned = JSON.parse(t.stdout);
    // The sweep of the one-function view: drop the other function so the totals are f's.
    const sweepOut = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const single = file.replace(/\.yaml$/, "-single.yaml");
    writeFileSync(single, readFileSync(file, "utf8").replace(/  - name: other[\s\S]*$/, ""));
    const s = lambdasim(["sweep", single, "--set", `functions.f.memoryMB=${SIZES}`, "--out", sweepOut]);
    expect(s.code).toBe(0);
    const sweep = JSON.parse(readFileSync(join(sweepOut, "sweep.json"), "utf8"));

    // Same random numbers for f (streams are per function), so the same p99 at every size.
    const p99s = sweep.points.map((p: { metrics: { p99Ms: { mean: number } } }) => p.metrics.p99Ms.mean);
    expect(tuned.curve.map((c: { p99Ms: { mean: number } }) => c.p99Ms.mean)).toEqual(p99s);

    // The cost rule, recomputed from the sweep: no timeouts, the cheapest (an equal cost: the lowest p99); sizes within 1 % named as near-ties.
    const rows = sweep.points.map((p: { values: Record<string, string>; metrics: Record<string, { mean: number }> }) => ({
      mb: Number(p.values["functions.f.memoryMB"]),
      cost: p.metrics.monthlyCost!.mean,
      p99: p.metrics.p99Ms!.mean,
      timeouts: p.metrics.timeoutRate!.mean,
    }));
    const fit = rows.filter((r: { timeouts: number }) => r.timeouts === 0);
    expect(fit.length).toBeLessThan(rows.length); // 128 MB runs past the 3 s timeout
    const cheapest = Math.min(...fit.map((r: { cost: number }) => r.cost));
    const want = [...fit].sort((a: { cost: number; p99: number }, b: { cost: number; p99: number }) => a.cost - b.cost || a.p99 - b.p99)[0];
    expect(want.cost).toBe(cheapest);
    expect(tuned.recommendation.memoryMB).toBe(want.mb);
    const ties = fit.filter((r: { mb: number; cost: number }) => r.mb !== want.mb && r.cost <= cheapest * (1 + COST_TIE_FRACTION)).map((r: { mb: number }) => r.mb);
    expect(tuned.recommendation.nearTies.map((t: { memoryMB: number }) => t.memoryMB).sort()).toEqual(ties.sort());
  });

  it("honours --slo-p99 and the speed strategy, and marks sizes that fail the SLO", () => {
    const { json, stdout } = tune(1, ["--slo-p99", "1.5s", "--strategy", "speed"]);
    expect(json.sloP99Ms).toBe(1500);
    expect(json.curve[0].sloPass).toBe(false);
    // Above 1,769 MB a one-thread function gets no faster: at equal p99 the cheaper size wins.
    const fastest = [...json.curve].sort((a, b) => a.p99Ms.mean - b.p99Ms.mean || a.monthlyCost.mean - b.monthlyCost.mean)[0];
    expect(fastest.memoryMB).toBe(1769);
    expect(json.recommendation.memoryMB).toBe(fastest.memoryMB);
    expect(stdout).toMatch(/recommended: f at \d+ MB \(strategy speed/);
    expect(stdout).toContain("FAIL");
  });

  it("needs --function when the scenario has several, and rejects a bad strategy", () => {
    const r = lambdasim(["tune", "memory", scenarioFile(1)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--function: missing; expected one of the scenario's functions: f, other");
    const s = lambdasim(["tune", "memory", scenarioFile(1), "-f", "f", "--strategy", "cheap"]);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('--strategy: "cheap" is not allowed; expected cost, speed, balanced');
  });

  it("refuses --sizes outside Lambda's 128..10240 MB before anything runs, naming the flag", () => {
    for (const sizes of ["128,20000", "64"]) {
      const r = lambdasim(["tune", "memory", scenarioFile(1), "-f", "f", "--sizes", sizes]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`lambdasim: --sizes: "${sizes}" is not allowed; expected memory sizes in MB separated by commas, each 128..10240 (lambda-limits.json function.memoryMB), e.g. 128,512,1024\n`);
    }
  });
});

describe("lambdasim tune provisioned", () => {
  it("refuses a scenario without cold-start or latency objectives, naming slo", () => {
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-tunepc-"));
    const file = join(dir, "s.yaml");
    writeFileSync(
      file,
      "name: nopc\nhorizon: 10m\nfunctions:\n  - name: f\n    runtime: nodejs22.x\n    duration: { dist: constant, value: 50ms }\n    arrivals: { kind: poisson, rate: 2/s }\n",
    );
    const r = spawnSync(process.execPath, [bin, "tune", "provisioned", file, "--out", dir], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/slo: .*maxColdStartRate/);
  });

  it("recommends the cheapest option meeting the SLO, every option with its verdicts, written to tune-provisioned.json", () => {
    const { dir, file } = flashSale("3h", "1h");
    const r = spawnSync(process.execPath, [bin, "tune", "provisioned", file, "--out", dir, "--json"], { encoding: "utf8" });
    expect(withoutProgress(r.stderr)).toBe("");
    expect(r.status).toBe(0);
    const rec = JSON.parse(readFileSync(join(dir, "tune-provisioned.json"), "utf8"));
    expect(rec.noPc.meetsSlo).toBe(false);
    expect(rec.noPc.verdicts).toEqual([{ objective: "maxColdStartRate", target: 0.0002, actual: rec.noPc.coldStartRate, pass: false }]);
    expect(rec.schedule.meetsSlo).toBe(true);
    const options = [rec.noPc, ...rec.fixedLevels, rec.schedule];
    const cheapest = options.filter((o) => o.meetsSlo).sort((a, b) => a.monthlyCost - b.monthlyCost)[0];
    expect(rec.recommendation).toEqual({ option: cheapest.label, monthlyCost: cheapest.monthlyCost, reason: expect.any(String) });
    // The saving is stated against an option in the table.
    if (rec.savings) expect(options.map((o) => o.label)).toContain(rec.savings.against);
    // The burst at 01:00 needs the most provisioned environments, in hour 1 of the clock; hours outside the window get none.
    const levels = rec.hours.map((h: { level: number }) => h.level);
    expect(levels.indexOf(Math.max(...levels))).toBe(1);
    expect(levels.slice(3).every((l: number) => l === 0)).toBe(true);
  });

  // Issue 13 case 3: AWS does not allow provisioned concurrency with SnapStart, and run refuses that scenario.
  it("refuses to tune a SnapStart function, saying why, with exit 2 and nothing run", () => {
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-tunepc-"));
    const file = join(dir, "s.yaml");
    writeFileSync(file, "name: snap\nhorizon: 2h\nfunctions:\n  - name: f\n    runtime: java21\n    snapStart: true\n    duration: 100ms\n    arrivals: { kind: poisson, rate: 2/s }\nslo: { maxColdStartRate: 0.001 }\n");
    const r = lambdasim(["tune", "provisioned", file, "--out", join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("functions[0].snapStart: true is not allowed; expected false to tune provisioned concurrency: (SnapStart does not support provisioned concurrency)");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("never proposes more than reserved concurrency allows, and exits 4 when no option meets the SLO (0 with --no-slo-exit)", () => {
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-tunepc-"));
    const file = join(dir, "s.yaml");
    // 20 req/s of 1 s handlers need ~20 environments; reserved concurrency 3 caps PC at 3 (and throttles).
    writeFileSync(
      file,
      "name: capped\nhorizon: 20m\nseed: 2\nfunctions:\n  - name: f\n    runtime: nodejs22.x\n    reservedConcurrency: 3\n" +
        "    duration: { dist: constant, value: 1s }\n    coldStart: { dist: constant, value: 500ms }\n    arrivals: { kind: poisson, rate: 20/s }\nslo: { p99LatencyMs: 800 }\n",
    );
    const r = lambdasim(["tune", "provisioned", file, "--out", join(dir, "out"), "--json"]);
    expect(r.code).toBe(4);
    const rec = JSON.parse(r.stdout);
    expect(rec.maxLevel).toBe(3);
    expect(rec.recommendation).toBeNull();
    expect(Math.max(...rec.fixedLevels.map((o: { plan: { count: number } }) => o.plan.count))).toBeLessThanOrEqual(3);
    expect(r.stderr).toContain("lambdasim: no option meets every objective");
    expect(lambdasim(["tune", "provisioned", file, "--out", join(dir, "out"), "--no-slo-exit", "--quiet"]).code).toBe(0);
  });

  it("prints the same tune-provisioned.json with one worker as with two", () => {
    const { file } = flashSale("3h", "1h");
    const run = (workers: string) => {
      const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
      const r = lambdasim(["tune", "provisioned", file, "-w", workers, "--out", out, "--json"]);
      expect(withoutProgress(r.stderr)).toBe("");
      expect(r.code).toBe(0);
      expect(readFileSync(join(out, "tune-provisioned.json"), "utf8")).toBe(r.stdout);
      return r.stdout;
    };
    const one = run("1");
    // Every kind of run took place: fixed probes (in parallel with schedule probes on two workers) and the schedule.
    const rec = JSON.parse(one);
    expect(rec.fixedLevels.length).toBeGreaterThan(1);
    expect(rec.schedule.plan.kind).toBe("schedule");
    expect(run("2")).toBe(one);
  });

  it("rejects a bad --workers value, naming the flag", () => {
    const { dir, file } = flashSale();
    const r = lambdasim(["tune", "provisioned", file, "--workers", "0", "--out", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lambdasim: --workers: "0" is not allowed; expected an integer 1..1024\n');
  });

  it("ends with exit 3 and one line naming the failed simulation, writing nothing, when a simulation passes --point-timeout", () => {
    const { dir, file } = flashSale();
    const out = join(dir, "out");
    const r = lambdasim(["tune", "provisioned", file, "--point-timeout", "1ms", "--out", out]);
    expect(r.code).toBe(3);
    expect(withoutProgress(r.stderr)).toBe("lambdasim: tune provisioned: a simulation failed: no result within --point-timeout (1 ms)\n");
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });

  it("stops on Ctrl-C with exit 130, says it was interrupted and writes nothing", async () => {
    const { dir, file } = flashSale();
    const out = join(dir, "out");
    // 30 simulated days: tens of seconds of simulations, so the signal comes in the middle of them
    // (after 5 s: on a loaded machine the CLI takes over 2.5 s to start listening).
    const { code, stderr } = await interruptCli(["tune", "provisioned", file, "-H", "30d", "-w", "1", "--out", out], 5_000);
    expect(code).toBe(130);
    expect(withoutProgress(stderr)).toBe("lambdasim: interrupted: tune provisioned stopped, nothing written\n");
    expect(existsSync(out)).toBe(false);
  });
});
