import { describe, expect, it } from "vitest";
import { lmiFunction, managedRun } from "../../support/managed.js";

/** A light load on `minInstances` instances launched in turn over `types` (no scaling: target 1, tiny load). */
function fleet(types: string[], minInstances: number, fn: Record<string, unknown>) {
  return managedRun({
    horizon: "1h",
    seed: 4,
    capacityProviders: { cp: { instanceTypes: types, maxVCpu: 400, minInstances, targetCpuUtilization: 1 } },
    functions: [lmiFunction({ duration: { dist: "constant", value: "10ms" }, arrivals: { kind: "constant", rate: "1/s" }, ...fn })],
  }).result;
}

describe("a capacity provider with several instance types", () => {
  it("places environments on each instance by its own type's vCPUs: one 2-vCPU environment on m7g.large, four on m7g.2xlarge", () => {
    // ec2-instances-us-east-1.json: m7g.large 2 vCPU / 8 GiB, m7g.2xlarge 8 vCPU / 32 GiB; environments of 4 GiB at 2 GiB per vCPU.
    const r = fleet(["m7g.large", "m7g.2xlarge"], 2, { memoryMB: 4096, memoryGiBPerVCpu: 2 });
    const cp = r.capacityProviders!.cp!;
    expect(cp.byInstanceType!["m7g.large"]!.instances.peak).toBe(1);
    expect(cp.byInstanceType!["m7g.2xlarge"]!.instances.peak).toBe(1);
    expect(cp.environments).toEqual({ peak: 5, mean: 5 });
  });

  it("places environments on each instance by its own type's memory: one 8 GiB environment on c7g.xlarge, two on m7g.xlarge", () => {
    // c7g.xlarge 4 vCPU / 8 GiB, m7g.xlarge 4 vCPU / 16 GiB; environments of 8 GiB at 4 GiB per vCPU (2 vCPUs): memory binds.
    const r = fleet(["c7g.xlarge", "m7g.xlarge"], 2, { memoryMB: 8192, memoryGiBPerVCpu: 4 });
    expect(r.capacityProviders!.cp!.environments).toEqual({ peak: 3, mean: 3 });
    // Three instances launched in turn: c7g, m7g, c7g → 1 + 2 + 1 environments.
    const three = fleet(["c7g.xlarge", "m7g.xlarge"], 3, { memoryMB: 8192, memoryGiBPerVCpu: 4 });
    expect(three.capacityProviders!.cp!.byInstanceType!["c7g.xlarge"]!.instances.peak).toBe(2);
    expect(three.capacityProviders!.cp!.environments.peak).toBe(4);
  });

  it("keeps result.json's single-type shape when one type is allowed (no byInstanceType)", () => {
    const r = fleet(["m7g.xlarge"], 3, {});
    expect(r.capacityProviders!.cp!.byInstanceType).toBeUndefined();
    expect(r.capacityProviders!.cp!.environments.peak).toBe(6); // two 2-vCPU environments on each 4-vCPU instance
  });
});
