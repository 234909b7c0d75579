import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { computePriceCatalog } from "../../bench/price-catalog.js";
import { US_EAST_1 } from "../../src/pricing/index.js";

const data = resolve(import.meta.dirname, "../../data");
const reference = JSON.parse(readFileSync(join(data, "reference/ec2-instances-us-east-1.json"), "utf8"));
const instances = US_EAST_1.ec2.instances;

/** A copy of data/ whose aws-pricing.json was changed by `edit`, for generator failure tests. */
function dataWith(edit: (pricing: { ec2: { instances: Record<string, Record<string, unknown>> } }) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-prices-"));
  cpSync(join(data, "reference"), join(dir, "reference"), { recursive: true });
  const file = join(dir, "reference/aws-pricing.json");
  const pricing = JSON.parse(readFileSync(file, "utf8"));
  edit(pricing);
  writeFileSync(file, JSON.stringify(pricing));
  return dir;
}

describe("the catalog's EC2 instance types (ec2-instances-us-east-1.json)", () => {
  it("holds all 98 types of the reference, with their vCPU, memory, architecture and price", () => {
    const names = Object.keys(reference.instances);
    expect(names).toHaveLength(98);
    for (const name of names) {
      const want = reference.instances[name];
      const got = instances[name]!;
      expect({ name, architecture: got.architecture, vcpu: got.vcpu, memoryGiB: got.memoryGiB, price: got.onDemandHourly.value }).toEqual({
        name,
        architecture: want.architecture,
        vcpu: want.vcpu,
        memoryGiB: want.memoryGiB,
        price: want.onDemandHourly,
      });
    }
  });

  it("keeps the 6 types only aws-pricing.json lists, so no scenario loses its type (98 + 6 = 104)", () => {
    expect(Object.keys(instances)).toHaveLength(104);
    expect(instances["t3.micro"]!.onDemandHourly).toMatchObject({ value: 0.0104, ref: 'ec2.instances["t3.micro"].onDemandHourly', source: "P7" });
    for (const t of ["t3.small", "c5.large", "m5.large", "t4g.micro", "t4g.small"]) expect(instances[t]).toBeDefined();
  });

  it("spot-checks sizes and prices against the reference (E1 Price List, E2 DescribeInstanceTypes)", () => {
    expect(instances["c8g.4xlarge"]).toMatchObject({ architecture: "arm64", vcpu: 16, memoryGiB: 32 });
    expect(instances["r7i.2xlarge"]).toMatchObject({ architecture: "x86_64", vcpu: 8, memoryGiB: 64 });
    expect(instances["m7g.xlarge"]!.onDemandHourly).toEqual({
      value: 0.1632, // also AWS's Managed Instances example (aws-pricing.json P1)
      unit: "USD per instance-hour, Linux, On-Demand",
      ref: 'ec2-instances-us-east-1.json:instances["m7g.xlarge"].onDemandHourly',
      source: "E1",
    });
    expect(instances["c7a.8xlarge"]!.onDemandHourly.value).toBe(reference.instances["c7a.8xlarge"].onDemandHourly);
    expect(US_EAST_1.sources.E1!.url).toContain("github.com/aws/karpenter-provider-aws/blob/6fc13b5236fd04fd16ff3f9dc7490d0813994099/");
    expect(US_EAST_1.ec2.compiled).toBe("2026-12-04");
  });

  it("marks Graviton families (a 'g' after the generation) arm64 and every other family x86_64", () => {
    const arm = Object.entries(instances).filter(([, i]) => i.architecture === "arm64").map(([n]) => n);
    const x86 = Object.entries(instances).filter(([, i]) => i.architecture === "x86_64").map(([n]) => n);
    expect(arm.length + x86.length).toBe(104);
    expect(arm.every((n) => /^[a-z]\dg\./.test(n))).toBe(true);
    expect(x86.every((n) => !/^[a-z]\dg\./.test(n))).toBe(true);
    expect(arm).toContain("t4g.medium");
    expect(x86).toContain("m7a.large");
  });

  it("keeps the Price List price where aws-pricing.json transcribed it rounded (c7i.large 0.08925 vs 0.0893)", () => {
    expect(instances["c7i.large"]!.onDemandHourly.value).toBe(0.08925);
    expect(instances["c7i.large"]!.note).toContain("0.0893 as transcribed");
  });

  it("refuses to generate when the two files disagree beyond transcription rounding", () => {
    const price = dataWith((p) => (p.ec2.instances["c7i.large"]!.onDemandHourly = 0.0895));
    const arch = dataWith((p) => (p.ec2.instances["m7g.large"]!.architecture = "x86_64"));
    const mem = dataWith((p) => (p.ec2.instances["m6g.large"]!.memoryGiB = 16));
    try {
      expect(() => computePriceCatalog(price)).toThrow(/c7i\.large.*disagree: onDemandHourly 0\.0895 vs 0\.08925/);
      expect(() => computePriceCatalog(arch)).toThrow(/m7g\.large.*architecture x86_64 vs arm64/);
      expect(() => computePriceCatalog(mem)).toThrow(/m6g\.large.*memoryGiB 16 vs 8/);
    } finally {
      for (const d of [price, arch, mem]) rmSync(d, { recursive: true, force: true });
    }
  });
});
