import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCount } from "../../src/cli/count.js";
import { priceRequest, type PriceFlags } from "../../src/cli/price-flags.js";
import { US_EAST_1 } from "../../src/pricing/index.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/** Runs the built CLI (`npm test` builds first) as a user would. */
function lambdasim(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const stated = (id: string): Record<string, number> =>
  (JSON.parse(readFileSync(join(root, "data/reference/aws-pricing.json"), "utf8")) as { workedExamples: Array<{ id: string; stated: Record<string, number> }> })
    .workedExamples.find((e) => e.id === id)!.stated;

const flags = (over: Partial<PriceFlags>): PriceFlags => ({ arch: "x86_64", freeTier: false, frontDoor: "none", json: false, ...over });

describe("lambdasim price", () => {
  it("prints AWS's Example 1 (mobile backend) bill: requests $0.40, duration $2.33, total $2.73", () => {
    const r = lambdasim(["price", "--requests", "3M", "--duration", "120ms", "--memory", "1536", "--arch", "x86_64", "--free-tier"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/requests\s+\$0\.40\s+2,000,000 billable requests/);
    expect(r.stdout).toMatch(/duration \(on-demand\)\s+\$2\.33\s+140,000 billable GB-s/);
    expect(r.stdout).toMatch(/total\s+\$2\.73/);
  });

  it("prints Provisioned Concurrency Example 1 as { lineItems, total, prices } with --json, matching AWS line by line", () => {
    const r = lambdasim(["price", "--requests", "3M", "--duration", "120ms", "--memory", "1536", "--free-tier", "--pc", "100", "--pc-hours", "8", "--pc-requests", "500k", "--pc-duration", "100ms", "--json"]);
    expect(r.code).toBe(0);
    const s = stated("pc-1-mobile-launch");
    expect(JSON.parse(r.stdout)).toEqual({
      lineItems: { requests: s.requests, compute: s.onDemandDuration, provisioned: s.pc, provisionedDuration: s.pcDuration },
      total: s.total,
      prices: expect.objectContaining({ region: "us-east-1", file: null, overrides: [], text: expect.stringMatching(/^bundled catalog us-east-1 compiled /) }),
    });
  });

  it("names each bad flag, its value and what is allowed, one line each, and exits 2", () => {
    const r = lambdasim(["price", "--requests", "-3M", "--duration", "120", "--memory", "64", "--arch", "arm", "--pc", "1", "--pc-hours", "800", "--front-door", "soap"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      "lambdasim: --memory: 64 is not allowed; expected an integer 128..10240 (MB)",
      'lambdasim: --arch: "arm" is not allowed; expected x86_64 or arm64',
      'lambdasim: --requests: "-3M" is not allowed; expected a whole number >= 0, optionally with k, M or B (500k, 3M, 1.5B)',
      'lambdasim: --duration: "120" is not allowed; expected a duration 0ms..900s with a unit (120ms, 1.5s)',
      'lambdasim: --front-door: "soap" is not allowed; expected none | rest | http | url',
      "lambdasim: --pc-hours: 800 is not allowed; expected hours 0..730 (a 730-hour month; pass --month-hours for a longer one)",
    ]);
    expect(r.stderr).not.toMatch(/NaN|at \w+ \(/);
  });

  it("accepts 744 provisioned hours in a 744-hour month", () => {
    const r = lambdasim(["price", "--requests", "0", "--duration", "1ms", "--memory", "1024", "--pc", "1", "--pc-hours", "744", "--month-hours", "744", "--json"]);
    expect(r.stderr).toBe("");
    // 1 GB × 744 h × 3600 s × $0.0000041667 = $11.16
    expect(JSON.parse(r.stdout).lineItems.provisioned).toBe(11.16);
  });
});

describe("price flags", () => {
  it("reads counts with k, M and B suffixes", () => {
    expect(parseCount("3M")).toBe(3_000_000);
    expect(parseCount("500k")).toBe(500_000);
    expect(parseCount("1.5B")).toBe(1_500_000_000);
    expect(parseCount("1.1k")).toBe(1100);
    expect(parseCount("2500")).toBe(2500);
    expect(parseCount("3 million")).toBeUndefined();
    expect(parseCount("")).toBeUndefined();
  });

  it("bills INIT of the cold starts, each rounded up to 1 ms", () => {
    const r = priceRequest(flags({ requests: "1M", duration: "50ms", memory: "512", coldStarts: "10k", init: "200.5ms" }), US_EAST_1);
    expect(r.ok && r.value.usage.initBilledMs).toBe(10_000 * 201);
  });

  it("splits --requests into on-demand and provisioned requests", () => {
    const r = priceRequest(flags({ requests: "3M", duration: "120ms", memory: "1536", pc: "100", pcHours: "8", pcRequests: "500k", pcDuration: "100ms" }), US_EAST_1);
    expect(r.ok && r.value.usage.requests).toBe(2_500_000);
    expect(r.ok && r.value.usage.provisioned).toEqual({ allocations: [{ concurrency: 100, seconds: 28_800 }], requests: 500_000, billedMs: 50_000_000 });
  });

  it("refuses more provisioned requests than requests, and provisioned flags without --pc", () => {
    const over = priceRequest(flags({ requests: "1M", duration: "1ms", memory: "128", pc: "1", pcHours: "1", pcRequests: "2M", pcDuration: "1ms" }), US_EAST_1);
    expect(!over.ok && over.issues.map((i) => i.path)).toEqual(["--pc-requests"]);
    const orphan = priceRequest(flags({ requests: "1M", duration: "1ms", memory: "128", pcHours: "1" }), US_EAST_1);
    expect(!orphan.ok && orphan.issues).toEqual([{ path: "--pc-hours", value: "1", allowed: "only with --pc (provisioned environments)" }]);
  });

  it("refuses a savings plan beyond the catalog's 17 % and a missing memory size", () => {
    const r = priceRequest(flags({ requests: "1M", duration: "1ms", savingsPlan: "0.5" }), US_EAST_1);
    expect(!r.ok && r.issues.map((i) => [i.path, i.value])).toEqual([
      ["--memory", undefined],
      ["--savings-plan", 0.5],
    ]);
  });
});
