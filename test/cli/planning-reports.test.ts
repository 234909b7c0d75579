import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutProgress } from "../support/progress.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/** Runs the built CLI (`npm test` builds first) in `cwd`, with extra environment variables. */
function lambdasim(args: string[], cwd = root, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stand-in for the system opener (xdg-open / open) that logs the file it is given: the PATH to run with, and what it opened. */
function recordingOpener(): { env: Record<string, string>; opened: () => string } {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-opener-"));
  const log = join(dir, "opened.log");
  for (const opener of ["xdg-open", "open"]) {
    writeFileSync(join(dir, opener), `#!/bin/sh\nprintf '%s\\n' "$1" >> "${log}"\n`);
    chmodSync(join(dir, opener), 0o755);
  }
  return { env: { PATH: `${dir}:/usr/bin:/bin` }, opened: () => (existsSync(log) ? readFileSync(log, "utf8") : "") };
}

const scenarioText = `
name: plans
horizon: 2h
warmup: 0s
seed: 3
slo: { p99LatencyMs: 900, maxColdStartRate: 0.02 }
functions:
  - name: f
    runtime: nodejs22.x
    duration: { dist: lognormal, median: 80ms, p99: 500ms, atMemoryMB: 512, cpuBound: 0.7 }
    coldStart: { dist: constant, value: 400ms }
    idleLifetime: { dist: constant, value: 60s }
    arrivals: { kind: profile, points: [[0s, 2/s], [59m, 2/s], [60m, 40/s], [2h, 40/s]] }
compare:
  ec2: { instanceType: m7g.large, slotsPerInstance: 8, minInstances: 1, maxInstances: 10 }
`;

function scenarioFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), "lambdasim-plans-")), "plans.yaml");
  writeFileSync(file, scenarioText);
  return file;
}

/** Checks a report folder: summary.md with the given sections and a link per chart that resolves, index.html with a placeholder per chart, valid SVG and PNG files. */
function expectReport(dir: string, sections: string[], charts: string[]): string {
  const md = readFileSync(join(dir, "summary.md"), "utf8");
  for (const s of sections) expect(md).toContain(`\n## ${s}\n`);
  const html = readFileSync(join(dir, "index.html"), "utf8");
  expect(html.match(/<div class="chart" id="chart-\d+"/g) ?? []).toHaveLength(charts.length);
  for (const c of charts) {
    expect(md).toContain(`](${c}.svg)`);
    expect(readFileSync(join(dir, `${c}.svg`), "utf8")).toMatch(/^<svg/);
    const png = readFileSync(join(dir, `${c}.png`));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(statSync(join(dir, `${c}.png`)).size).toBeGreaterThan(10_000);
  }
  expect(md).not.toMatch(/NaN|undefined/);
  expect(html).not.toMatch(/>NaN<|>undefined</);
  return md;
}

describe("reports of the planning commands", () => {
  it("sweep writes (and with --open opens) summary.md and index.html with the findings, the table, the failed points and the sweep chart", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const opener = recordingOpener();
    const r = lambdasim(["sweep", scenarioFile(), "--set", "functions.f.memoryMB=256,1024,99999", "--set", "functions.f.architecture=x86_64,arm64", "-H", "30m", "-w", "1", "--out", out, "--open"], root, opener.env);
    expect(r.code).toBe(3); // the 99999 MB points fail alone; the report is still written (and opened)
    expect(opener.opened()).toBe(`${join(out, "index.html")}\n`);
    const md = expectReport(out, ["Findings", "Results", "Failed and unfinished points", "Charts", "Method"], ["sweep"]);
    expect(md).toContain("**cheapest meeting the SLO**");
    expect(md).toMatch(/\| functions\.f\.memoryMB \| functions\.f\.architecture \| invocations/);
    expect(md).toMatch(/- point 4 \(`functions\.f\.memoryMB=99999`, `functions\.f\.architecture=x86_64`\): .*memoryMB/);
    expect(existsSync(join(out, "sweep.csv"))).toBe(true);
  });

  it("tune memory writes (and with --open opens) the recommendation with its numbers, the curve and its chart", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const opener = recordingOpener();
    const r = lambdasim(["tune", "memory", scenarioFile(), "--sizes", "256,512,2048", "-H", "30m", "-w", "1", "--out", out, "--open"], root, opener.env);
    expect(r.code).toBe(0);
    expect(opener.opened()).toBe(`${join(out, "index.html")}\n`);
    const md = expectReport(out, ["Recommendation", "Memory curve", "Charts", "Method"], ["tune-memory"]);
    const json = JSON.parse(readFileSync(join(out, "tune-memory.json"), "utf8"));
    expect(md).toContain(`- **${json.recommendation.memoryMB.toLocaleString("en-US")} MB**: ${json.recommendation.reason}`);
  });

  it("tune provisioned writes (and with --open opens) the schedule, its savings and the schedule chart", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const opener = recordingOpener();
    const r = lambdasim(["tune", "provisioned", scenarioFile(), "--no-slo-exit", "--out", out, "--open"], root, opener.env);
    expect(withoutProgress(r.stderr)).toBe("");
    expect(r.code).toBe(0);
    expect(opener.opened()).toBe(`${join(out, "index.html")}\n`);
    const rec = JSON.parse(readFileSync(join(out, "tune-provisioned.json"), "utf8"));
    // The busy second hour needs provisioned environments: a schedule that is not all zeros, drawn in its chart.
    expect(rec.schedule.plan.steps.some((s: { count: number }) => s.count > 0)).toBe(true);
    const md = expectReport(out, ["Recommendation", "Options simulated", "Schedule", "Charts", "Method"], ["pc-schedule"]);
    expect(md).toContain("| no provisioned concurrency |");
  });

  it("compare writes (and with --open opens) the recommended option, the break-even and both charts", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const opener = recordingOpener();
    const r = lambdasim(["compare", scenarioFile(), "-H", "30m", "--traffic", "1/s..500/s", "--arrivals", "constant", "--quiet", "--out", out, "--open"], root, opener.env);
    expect(withoutProgress(r.stderr)).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(opener.opened()).toBe(`${join(out, "index.html")}\n`);
    const md = expectReport(out, ["Recommendation", "At the scenario's traffic", "Break-even with EC2", "Charts", "Method"], ["compare-options", "break-even"]);
    expect(md).toMatch(/\*\*Recommended: (Lambda|EC2 m7g\.large)\*\*, \$[\d,.]+ per month: the cheapest option that meets every objective of the SLO/);
  });

  it("by default writes each command's report into its own folder under reports/<name>/, beside the run's", () => {
    const cwd = mkdtempSync(join(tmpdir(), "lambdasim-cwd-"));
    const file = scenarioFile();
    expect(lambdasim(["run", file, "-H", "20m", "--quiet", "--no-slo-exit"], cwd).code).toBe(0);
    expect(lambdasim(["sweep", file, "--set", "functions.f.memoryMB=256,512", "-H", "20m", "-w", "1", "--quiet"], cwd).code).toBe(0);
    expect(readFileSync(join(cwd, "reports/plans/summary.md"), "utf8")).toMatch(/^# plans\n/);
    expect(readFileSync(join(cwd, "reports/plans/sweep/summary.md"), "utf8")).toMatch(/^# plans: sweep\n/);
    expect(existsSync(join(cwd, "reports/plans/sweep/index.html"))).toBe(true);
  });
});
