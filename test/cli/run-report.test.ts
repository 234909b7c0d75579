import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

const scenario = `
name: report-cli
horizon: 20m
functions:
  - name: f
    runtime: nodejs22.x
    duration: { dist: exponential, mean: 50ms }
    coldStart: { dist: constant, value: 100ms }
    arrivals: { kind: poisson, rate: 5/s }
`;

/** Runs the built CLI (`npm test` builds first) with extra environment variables. */
function lambdasim(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scenarioFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), "lambdasim-cli-")), "s.yaml");
  writeFileSync(file, scenario);
  return file;
}

describe("lambdasim run report", () => {
  it("writes index.html and an SVG and a PNG per chart beside result.json, linked from summary.md", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const r = lambdasim(["run", scenarioFile(), "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(join(out, "index.html"));
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("<h1>report-cli</h1>");
    const md = readFileSync(join(out, "summary.md"), "utf8");
    for (const chart of ["arrivals", "concurrency", "latency", "latency-distribution"]) {
      expect(md).toContain(`(${chart}.svg)`);
      expect(readFileSync(join(out, `${chart}.svg`), "utf8")).toMatch(/^<svg/);
      expect(statSync(join(out, `${chart}.png`)).size).toBeGreaterThan(5_000);
    }
  });

  it("only warns, and still exits 0, when --open cannot open the page", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const fakeBin = mkdtempSync(join(tmpdir(), "lambdasim-bin-"));
    for (const opener of ["xdg-open", "open"]) {
      writeFileSync(join(fakeBin, opener), "#!/bin/sh\nexit 3\n");
      chmodSync(join(fakeBin, opener), 0o755);
    }
    const r = lambdasim(["run", scenarioFile(), "--out", out, "--quiet", "--open"], { PATH: `${fakeBin}:/usr/bin:/bin` });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^lambdasim: warning: cannot open .*index\.html/);
  });
});
