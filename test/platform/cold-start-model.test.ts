import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { makeDistribution } from "../../src/core/dist/make-distribution.js";
import type { DistSpec } from "../../src/core/dist/distribution.js";
import { randomStream } from "../../src/core/random.js";
import { autoColdStart, type ColdStartInput } from "../../src/platform/cold-start-model.js";
import { RUNTIMES } from "../../src/scenario/runtimes.js";

const data = resolve(import.meta.dirname, "../../data");
const perf = JSON.parse(readFileSync(resolve(data, "reference/lambda-perf-coldstarts.json"), "utf8")) as {
  window30d: { rows: Array<{ runtime: string; packageType: string; architecture: string; memoryMB: number; initP50Ms: number; initP99Ms: number }> };
  snapstartWindow: { rows: Array<{ runtime: string; packageType: string; architecture: string; memoryMB: number; startupP50Ms: number; startupP99Ms: number }> };
};
const limits = JSON.parse(readFileSync(resolve(data, "reference/lambda-limits.json"), "utf8")) as {
  coldStart: { vpcPenaltySeconds: { value: { postHyperplane2021Median: number } } };
};

/** Median of one of Shilkov's raw sample files (seconds), in ms. */
function shilkovMedianMs(name: string): number {
  const file = resolve(data, `coldstarts-mikhailio/mikhailio_raw/coldstart_aws_${name}.json`);
  const xs = (JSON.parse(readFileSync(file, "utf8")) as { points: number[][] }).points.map((p) => p[0]!).sort((a, b) => a - b);
  const n = xs.length;
  return 1000 * (n % 2 === 1 ? xs[(n - 1) / 2]! : (xs[n / 2 - 1]! + xs[n / 2]!) / 2);
}

function perfRow(runtime: string, packageType: string, architecture: string, memoryMB: number) {
  const row = perf.window30d.rows.find((r) => r.runtime === runtime && r.packageType === packageType && r.architecture === architecture && r.memoryMB === memoryMB);
  if (row === undefined) throw new Error(`no lambda-perf row ${runtime} ${packageType} ${architecture} ${memoryMB}`);
  return row;
}

/** p50 and p99 of n draws from a spec. */
function drawQuantiles(spec: DistSpec, n: number, seed = 7): { p50: number; p99: number } {
  const d = makeDistribution(spec);
  const rng = randomStream(seed, "cold-start-test", "coldStarts");
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = d.sample(rng);
  xs.sort();
  return { p50: xs[Math.floor(0.5 * n)]!, p99: xs[Math.floor(0.99 * n)]! };
}

const base: ColdStartInput = {
  runtime: "nodejs22.x",
  architecture: "x86_64",
  packageType: "zip",
  memoryMB: 128,
  packageSizeMB: 0,
  layers: 0,
  vpc: false,
  snapStart: false,
};

const relErr = (got: number, want: number) => Math.abs(got - want) / want;

describe("autoColdStart", () => {
  const measured: Array<[string, "x86_64" | "arm64", "zip" | "image", number]> = [
    ["nodejs22.x", "arm64", "zip", 1024],
    ["python3.13", "x86_64", "zip", 512],
    ["java21", "x86_64", "image", 256],
  ];
  for (const [runtime, architecture, packageType, memoryMB] of measured) {
    it(`reproduces lambda-perf's 30-day p50 and p99 for ${runtime} ${packageType} ${architecture} at ${memoryMB} MB within 5 %`, () => {
      const want = perfRow(runtime, packageType, architecture, memoryMB);
      const got = drawQuantiles(autoColdStart({ ...base, runtime, architecture, packageType, memoryMB }).spec, 200_000);
      expect(relErr(got.p50, want.initP50Ms)).toBeLessThan(0.05);
      expect(relErr(got.p99, want.initP99Ms)).toBeLessThan(0.05);
    });
  }

  it("interpolates on log memory between measured sizes and clamps above 1024 MB", () => {
    const lo = perfRow("python3.13", "zip", "x86_64", 512);
    const hi = perfRow("python3.13", "zip", "x86_64", 1024);
    const t = Math.log2(768 / 512); // log2(768) − log2(512), over log2(1024) − log2(512) = 1
    const at768 = autoColdStart({ ...base, runtime: "python3.13", memoryMB: 768 });
    expect(at768.spec).toMatchObject({ median: expect.closeTo(lo.initP50Ms + t * (hi.initP50Ms - lo.initP50Ms), 1) });
    expect(at768.components[0]!.what).toContain("interpolated on log memory");
    const at4096 = autoColdStart({ ...base, runtime: "python3.13", memoryMB: 4096 });
    expect(at4096.spec).toEqual({ dist: "lognormal", median: hi.initP50Ms, p99: hi.initP99Ms });
    expect(at4096.components[0]!.what).toContain("clamped to the 1024 MB row");
  });

  it("makes a 14 MB Node.js zip start slower than a 1 KB one by Shilkov's measured difference (within 5 %)", () => {
    const want = shilkovMedianMs("xldeps") - shilkovMedianMs("nodeps"); // ≈ 1,431 ms
    const small = drawQuantiles(autoColdStart({ ...base, packageSizeMB: 1 / 1024 }).spec, 100_000);
    const big = drawQuantiles(autoColdStart({ ...base, packageSizeMB: 14 }).spec, 100_000);
    expect(relErr(big.p50 - small.p50, want)).toBeLessThan(0.05);
  });

  it("grows a 35 MB zip by Shilkov's 35 MB difference too (the fitted line holds at both sizes)", () => {
    const want = shilkovMedianMs("xxxldeps") - shilkovMedianMs("nodeps"); // ≈ 3,611 ms
    const grown = autoColdStart({ ...base, packageSizeMB: 35 }).spec as { median: number };
    const plain = autoColdStart(base).spec as { median: number };
    expect(relErr(grown.median - plain.median, want)).toBeLessThan(0.02);
  });

  it("adds only a small flat term for container-image content, whatever its size", () => {
    const minimal = shilkovMedianMs("minimal");
    const want = (shilkovMedianMs("docker100mb") - minimal + (shilkovMedianMs("docker5gb") - minimal)) / 2; // ≈ 48 ms
    const median = (mb: number) => (autoColdStart({ ...base, packageType: "image", packageSizeMB: mb }).spec as { median: number }).median;
    expect(median(100) - median(0)).toBeCloseTo(want, 0);
    expect(median(5000)).toBeCloseTo(median(100), 6);
  });

  it("adds lambda-limits.json's post-Hyperplane VPC penalty to the median", () => {
    const want = limits.coldStart.vpcPenaltySeconds.value.postHyperplane2021Median * 1000;
    const plain = drawQuantiles(autoColdStart(base).spec, 100_000);
    const vpc = drawQuantiles(autoColdStart({ ...base, vpc: true }).spec, 100_000);
    expect(relErr(vpc.p50 - plain.p50, want)).toBeLessThan(0.05);
    expect(autoColdStart({ ...base, vpc: true }).components.some((c) => c.ms === want && c.source.includes("vpcPenaltySeconds"))).toBe(true);
  });

  it("replaces java21's INIT by lambda-perf's SnapStart restore distribution", () => {
    const want = perf.snapstartWindow.rows.find((r) => r.runtime === "java21 snapstart" && r.memoryMB === 512)!;
    const choice = autoColdStart({ ...base, runtime: "java21", memoryMB: 512, snapStart: true, packageSizeMB: 20 });
    const got = drawQuantiles(choice.spec, 200_000);
    expect(relErr(got.p50, want.startupP50Ms)).toBeLessThan(0.05);
    expect(relErr(got.p99, want.startupP99Ms)).toBeLessThan(0.05);
    expect(choice.components[0]!.source).toContain("snapstartWindow");
  });

  it("says when a SnapStart runtime borrows java21's restore measurement", () => {
    const choice = autoColdStart({ ...base, runtime: "python3.13", snapStart: true });
    expect(choice.components[0]!.what).toContain("java21 snapstart used as a proxy");
  });

  it("gives every runtime, architecture and package type a lognormal with p99 above the median", () => {
    for (const runtime of RUNTIMES) {
      for (const architecture of ["x86_64", "arm64"] as const) {
        for (const packageType of ["zip", "image"] as const) {
          const spec = autoColdStart({ ...base, runtime, architecture, packageType, memoryMB: 300 }).spec as { median: number; p99: number };
          expect(spec.median, runtime).toBeGreaterThan(0);
          expect(spec.p99, runtime).toBeGreaterThan(spec.median);
        }
      }
    }
  });

  it("rejects a runtime it does not know with a RangeError", () => {
    expect(() => autoColdStart({ ...base, runtime: "cobol1.0" })).toThrow(RangeError);
  });
});
