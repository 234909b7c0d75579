import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutProgress } from "../support/progress.js";
import { sweepScenarioText } from "../support/cli-scenarios.js";
import { signalWhenStarted } from "../support/interrupt-cli.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/** Runs the built CLI (`npm test` builds first) as a user would. */
function lambdasim(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempScenario(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-sweep-"));
  const file = join(dir, "s.yaml");
  writeFileSync(file, text);
  return file;
}

const scenarioText = sweepScenarioText();

/** sweep.json without its wall-clock part. */
function sweepJson(dir: string) {
  const json = JSON.parse(readFileSync(join(dir, "sweep.json"), "utf8"));
  delete json.engine;
  return json;
}

describe("lambdasim sweep", () => {
  it("gives the same sweep.json and sweep.csv with 1 and 2 workers", () => {
    const file = tempScenario(scenarioText);
    const outs = [1, 2].map((workers) => {
      const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
      const r = lambdasim(["sweep", file, "--set", "functions.f.memoryMB=256,1024", "--set", "arrivals.rate=5/s..20/s:lin:2", "-r", "3", "--workers", String(workers), "--out", out]);
      expect(withoutProgress(r.stderr)).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`12 simulations on ${workers} worker`));
      return out;
    });
    const [a, b] = outs.map((d) => sweepJson(d!));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(readFileSync(join(outs[0]!, "sweep.csv"), "utf8")).toBe(readFileSync(join(outs[1]!, "sweep.csv"), "utf8"));
    expect(a.points).toHaveLength(4);
    expect(a.points.map((p: { values: Record<string, string> }) => Object.values(p.values).join(" "))).toEqual(["256 5/s", "256 20/s", "1024 5/s", "1024 20/s"]);
    const p0 = a.points[0].metrics;
    expect(p0.invocations.n).toBe(3);
    expect(p0.invocations.low).toBeLessThan(p0.invocations.mean);
    // CPU-bound work runs faster with more memory; common random numbers make the comparison sharp.
    expect(a.points[2].metrics.p50Ms.mean).toBeLessThan(a.points[0].metrics.p50Ms.mean);
  });

  it("runs the README's example: on the CPU-bound image-resize, p99 falls with memory up to one vCPU, and traffic is never the choice", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    // The scenario's own sweep block (memory × traffic, 3 replications), shortened.
    const r = lambdasim(["sweep", "scenarios/image-resize.yaml", "--horizon", "15m", "--out", out]);
    expect(withoutProgress(r.stderr)).toBe("");
    expect(r.code).toBe(0);
    const json = sweepJson(out);
    expect(json.axes.map((a: { path: string }) => a.path)).toEqual(["functions.thumbs.memoryMB", "arrivals.rate"]);
    // Truth: the duration's p99 (1.2 s at 1024 MB, 90 % CPU-bound, one thread) scaled by Amdahl on the vCPU share
    // min(memoryMB / 1769, 1) (lambda-limits.json function.vcpu): 512 MB ×1.9, 1769 and 3008 MB ×0.621.
    const cpu = (mb: number) => Math.min(mb / 1769, 1);
    for (const p of json.points as Array<{ values: Record<string, string>; metrics: { p99Ms: { mean: number } } }>) {
      const mb = Number(p.values["functions.thumbs.memoryMB"]);
      const want = 1200 * (0.1 + (0.9 * cpu(1024)) / cpu(mb));
      expect(Math.abs(p.metrics.p99Ms.mean / want - 1), `${mb} MB at ${p.values["arrivals.rate"]}`).toBeLessThan(0.06);
    }
    const findings = r.stdout.split("\n").filter((l) => l.startsWith("cheapest") || l.startsWith("lowest"));
    expect(findings).toHaveLength(2);
    for (const [line, rate] of findings.map((l, i) => [l, ["2/s", "20/s"][i]!] as const)) {
      expect(line).toMatch(new RegExp(`^cheapest meeting the SLO at arrivals\\.rate=${rate.replace("/", "\\/")}: functions\\.thumbs\\.memoryMB=\\d+, p99 `));
      expect(line.split(": ")[1]).not.toContain("arrivals.rate");
    }
    expect(r.stdout).toContain("arrivals.rate is what the world gives, not a choice");
    expect(readFileSync(join(out, "summary.md"), "utf8")).toContain("- **cheapest meeting the SLO** at `arrivals.rate=2/s`: `functions.thumbs.memoryMB=");
  });

  it("reports an invalid point with its path and value, completes the others, and exits 3", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const r = lambdasim(["sweep", tempScenario(scenarioText), "--set", "functions.f.memoryMB=128,99999", "--workers", "2", "--out", out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("point 1 (functions.f.memoryMB=99999) failed: functions[0].memoryMB: 99999 is not allowed");
    const json = sweepJson(out);
    expect(json.failed).toBe(1);
    expect(json.points[0].status).toBe("ok");
    expect(json.points[0].metrics.invocations.mean).toBeGreaterThan(1500);
    expect(json.points[1]).toMatchObject({ status: "failed", values: { "functions.f.memoryMB": "99999" }, metrics: null });
    const csv = readFileSync(join(out, "sweep.csv"), "utf8").trim().split("\n");
    expect(csv).toHaveLength(3);
    expect(csv[2]).toMatch(/^99999,failed,.*99999 is not allowed/);
  });

  it("rejects bad --set syntax with one clear line and exit 2", () => {
    const r = lambdasim(["sweep", tempScenario(scenarioText), "--set", "memoryMB=128..1024:cubic:4"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^lambdasim: --set: "memoryMB=128..1024:cubic:4" is not allowed; expected path=v1,v2/);
  });

  it("rejects a path that names no function, and bad --workers, with exit 2", () => {
    const r = lambdasim(["sweep", tempScenario(scenarioText), "--set", "functions.nope.memoryMB=128"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("a function of the scenario after functions.: f");
    const w = lambdasim(["sweep", tempScenario(scenarioText), "--workers", "0"]);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain("--workers: \"0\" is not allowed; expected an integer 1..1024");
  });

  it("rejects a path to a field that does not exist once, as bad input, with the field's suggestion, instead of failing every point", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const r = lambdasim(["sweep", tempScenario(scenarioText), "--set", "functions.f.memoryMb=128,256", "--set", "arrivals.rate=1/s,2/s", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^lambdasim: --set: "functions\.f\.memoryMb" is not allowed; expected a path to a field of the scenario \(functions\[0\]\.memoryMb: no such field \(did you mean memoryMB\?\)/);
    expect(existsSync(join(out, "sweep.json"))).toBe(false);
    // The axis named is the one whose path goes through the unknown key, wherever it comes in --set.
    const nested = lambdasim(["sweep", tempScenario(scenarioText), "--set", "arrivals.rate=1/s,2/s", "--set", "functions.f.nope.x=1,2", "--out", out]);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toMatch(/^lambdasim: --set: "functions\.f\.nope\.x" is not allowed; expected a path to a field of the scenario \(functions\[0\]\.nope: no such field/);
  });

  it("prints sweep.json with --json and no progress bar off a terminal", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const r = lambdasim(["sweep", tempScenario(scenarioText), "--set", "memoryMB=512", "--json", "--out", out, "--horizon", "1m"]);
    expect(r.code).toBe(0);
    expect(withoutProgress(r.stderr)).toBe("");
    const json = JSON.parse(r.stdout);
    expect(json.horizonSeconds).toBe(60);
    expect(json.engine.workers).toBe(1);
    expect(json.points[0].metrics.p99Ms.low).toBeNull(); // one replication: no interval
  });

  it("writes the finished points and exits 130 on Ctrl-C", async () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const file = tempScenario(scenarioText.replace("horizon: 2m", "horizon: 2h").replace("rate: 20/s", "rate: 100/s"));
    const child = spawn(process.execPath, [bin, "sweep", file, "--set", "seed=1..40:lin:40", "--workers", "1", "--out", out], { cwd: root });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    void signalWhenStarted(child, "SIGINT", 300);
    const code = await new Promise<number | null>((res) => child.on("exit", (c) => res(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted: \d+ points finished, \d+ not/);
    const json = sweepJson(out);
    expect(json.interrupted).toBe(true);
    expect(json.points.length + json.notFinished).toBe(40);
    expect(json.points.length).toBeLessThan(40);
    for (const p of json.points) expect(p.status).toBe("ok");
  });
});

describe("the scenario's sweep block", () => {
  it("gives the axes and replications when no --set is given", () => {
    const file = tempScenario(scenarioText + `sweep:\n  set: ["functions.f.memoryMB=256,1024"]\n  replications: 2\n`);
    const out = mkdtempSync(join(tmpdir(), "lambdasim-sweep-out-"));
    const r = lambdasim(["sweep", file, "--out", out, "--workers", "1", "--json"]);
    expect(r.code).toBe(0);
    const json = sweepJson(out);
    expect(json.points.map((p: { values: Record<string, unknown> }) => String(Object.values(p.values)[0]))).toEqual(["256", "1024"]);
    expect(json.replications).toBe(2);
  });

  it("names a bad axis in the block by its place in the file", () => {
    const file = tempScenario(scenarioText + `sweep:\n  set: ["functions.f.memoryMB"]\n`);
    const r = lambdasim(["sweep", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sweep\.set\[0\]/);
  });
});
