import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutProgress } from "../support/progress.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/** Runs the built CLI (`npm test` builds first) as a user would. */
function lambdasim(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder with the given files. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-cli-prices-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const scenario = (pricing: string, region = "us-east-1") => `
name: priced
region: ${region}
horizon: 10m
warmup: 0s
pricing: ${pricing}
functions:
  - name: f
    runtime: nodejs22.x
    duration: { dist: constant, value: 100ms }
    coldStart: { dist: constant, value: 100ms }
    arrivals: { kind: constant, rate: 10/s }
`;

describe("prices from the user's file on the command line", () => {
  it("price --catalog halves AWS example 1's request line ($0.40 → $0.20) and says which file set what", () => {
    const dir = folder({ "half.json": JSON.stringify({ lambda: { requestsPricePerMillion: 0.1 } }) });
    const r = lambdasim(["price", "--requests", "3M", "--duration", "120ms", "--memory", "1536", "--free-tier", "--catalog", "half.json", "--json"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.lineItems).toEqual({ requests: 0.2, compute: 2.33 });
    expect(out.total).toBe(2.53);
    expect(out.prices).toMatchObject({ file: "half.json", overrides: ["lambda.requestsPricePerMillion"] });
  });

  it("price --region eu-west-1 needs --catalog, and then bills with the file", () => {
    const dir = folder({ "eu.yaml": "lambda:\n  requestsPricePerMillion: 0.2\n" });
    const without = lambdasim(["price", "--requests", "3M", "--region", "eu-west-1"], dir);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain("or any region with --catalog FILE");
    const withFile = lambdasim(["price", "--requests", "3M", "--duration", "100ms", "--memory", "128", "--region", "eu-west-1", "--catalog", "eu.yaml"], dir);
    expect(withFile.code).toBe(0);
    expect(withFile.stdout).toMatch(/^Lambda bill for one month, eu-west-1 \(USD; prices: eu\.yaml \(overrides lambda\.requestsPricePerMillion\) over the bundled catalog us-east-1 compiled /);
  });

  it("run writes the prices' source into result.json's cost block and the summary's cost section", () => {
    // 10/s × 600 s = 6,000 requests at $1 per million (the file's price) = $0.006 → $0.01 for the window.
    const dir = folder({ "s.yaml": scenario("{ catalog: mine.yaml }"), "mine.yaml": "source: test rates\nlambda:\n  requestsPricePerMillion: 1\n" });
    const out = join(dir, "out");
    const r = lambdasim(["run", join(dir, "s.yaml"), "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(join(out, "result.json"), "utf8"));
    expect(result.total.cost.prices).toMatchObject({ file: "mine.yaml", fileSource: "test rates", overrides: ["lambda.requestsPricePerMillion"] });
    expect(result.total.invocations).toBe(6000);
    expect(result.total.cost.window.requests).toBe(0.01);
    expect(readFileSync(join(out, "summary.md"), "utf8")).toContain("prices: mine.yaml (overrides lambda.requestsPricePerMillion) over the bundled catalog us-east-1 compiled");
  });

  it("run says the bundled catalog and its date when there is no file", () => {
    const dir = folder({ "s.yaml": scenario("{ freeTier: false }") });
    const out = join(dir, "out");
    expect(lambdasim(["run", join(dir, "s.yaml"), "--out", out]).code).toBe(0);
    const result = JSON.parse(readFileSync(join(out, "result.json"), "utf8"));
    expect(result.total.cost.prices.text).toMatch(/^bundled catalog us-east-1 compiled 2026 \(Lambda\), 2026-12-04 \(EC2\), 2026-12-04 \(network\)$/);
  });

  it("refuses a bad price file with exit 2, one line per field naming the file and the path", () => {
    const dir = folder({ "s.yaml": scenario("{ catalog: bad.yaml }", "eu-west-1"), "bad.yaml": "lambda:\n  requestsPricePerMillion: -1\nfargate:\n  arm64: { perVcpuHour: cheap }\n" });
    const r = lambdasim(["run", join(dir, "s.yaml"), "--out", join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/s\.yaml: pricing\.catalog \(bad\.yaml\): lambda\.requestsPricePerMillion: -1 is not allowed; expected a price ≥ 0 in USD per 1,000,000 requests/);
    expect(lines[1]).toMatch(/pricing\.catalog \(bad\.yaml\): fargate\.arm64\.perVcpuHour: "cheap" is not allowed; expected a price ≥ 0 in USD per vCPU-hour/);
  });

  it("compare prices a fleet of an instance type the file adds, in a region only the file prices: 1 × $0.10 × 730 h = $73.00", () => {
    const text = scenario("{ catalog: p.yaml }", "ap-southeast-2") + "compare: { ec2: { instanceType: x9.large, slotsPerInstance: 4, minInstances: 1, maxInstances: 4 } }\n";
    const dir = folder({ "s.yaml": text, "p.yaml": "ec2:\n  instances:\n    x9.large: { vcpu: 2, memoryGiB: 8, architecture: arm64, onDemandHourly: 0.1 }\n" });
    const r = lambdasim(["compare", join(dir, "s.yaml"), "--out", join(dir, "out"), "--workers", "1"]);
    expect(withoutProgress(r.stderr)).toBe("");
    expect(r.code).toBe(0);
    // 10/s on 4 slots of 100 ms: one instance (minInstances) all month.
    expect(r.stdout).toMatch(/^EC2 x9\.large\s+\$73\.00\s/m);
    expect(r.stdout).toContain('Prices: p.yaml (overrides ec2.instances["x9.large"]) over the bundled catalog us-east-1');
    const report = JSON.parse(readFileSync(join(dir, "out/compare.json"), "utf8"));
    expect(report.prices).toMatchObject({ region: "ap-southeast-2", file: "p.yaml", overrides: ['ec2.instances["x9.large"]'] });
  });
});
