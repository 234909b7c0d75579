import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { defaultManagedMemoryMB } from "../../src/scenario/compare-managed.js";
import { US_EAST_1 } from "../../src/pricing/index.js";
import { issuesOf, validScenario } from "./support.js";

/** validScenario() (nodejs22.x, 128 MB by default) with `compare.managedInstances` and the first function patched. */
function withLmi(managedInstances: Record<string, unknown>, fn: Record<string, unknown> = {}) {
  const s = validScenario();
  return { ...s, functions: [{ ...s.functions[0], ...fn }], compare: { managedInstances } };
}

describe("compare.managedInstances", () => {
  it("places the compared function on a provider with the capacityProviders defaults and its memory rounded up to whole vCPUs", () => {
    const r = resolveScenario(withLmi({ instanceTypes: ["m7g.xlarge"], targetCpuUtilization: 0.5 }, { memoryMB: 3008 }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const m = r.value.compare!.managed!;
    expect(m.label).toBe("LMI m7g.xlarge");
    // 3,008 MB at the default 2 GiB per vCPU: 2 vCPUs, 4,096 MB.
    expect(m.memoryMB).toBe(4096);
    expect(m.managed).toMatchObject({ vcpus: 2, memoryGiB: 4, maxConcurrency: 128, providerName: "compare" }); // 64 per vCPU (nodejs, M6)
    expect(m.provider).toMatchObject({
      instanceTypes: ["m7g.xlarge"],
      instanceVCpu: 4, // ec2-instances-us-east-1.json m7g.xlarge
      instanceMemoryGiB: 16,
      minInstances: 3, // lambda-managed-instances.json capacityProvider.initialInstances
      launchDelayMs: 180_000,
      targetUtilization: 0.5,
      scalingMode: "target",
      maxVCpu: 15_000, // capacityProvider.maxVCpuCount.max: no cap of the user's
      pricing: { plan: "onDemand", discount: 0 },
    });
    const memoryRow = m.defaults.find((d) => d.field === "compare.managedInstances.memoryMB")!;
    expect(memoryRow.value).toBe("4096");
    expect(memoryRow.source).toMatch(/functions\[0\]\.memoryMB \(3008\) rounded up to whole vCPUs of 2 GiB, at least 2048/);
  });

  it("maps on-demand memory to the smallest whole-vCPU environment of at least 2,048 MB", () => {
    expect(defaultManagedMemoryMB(128, 2)).toBe(2048);
    expect(defaultManagedMemoryMB(2048, 2)).toBe(2048);
    expect(defaultManagedMemoryMB(2049, 2)).toBe(4096);
    expect(defaultManagedMemoryMB(1024, 4)).toBe(4096);
    expect(defaultManagedMemoryMB(10240, 8)).toBe(16384);
  });

  it("takes the user's memory, ratio, concurrency and Savings Plan over the defaults", () => {
    const r = resolveScenario(withLmi({ instanceTypes: ["c7g.2xlarge"], memoryMB: 8192, memoryGiBPerVCpu: 2, maxConcurrency: 40, pricing: "savingsPlan", minInstances: 1, maxVCpu: 64 }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const m = r.value.compare!.managed!;
    expect(m.managed).toMatchObject({ vcpus: 4, maxConcurrency: 40 });
    expect(m.provider).toMatchObject({ minInstances: 1, maxVCpu: 64, scalingMode: "auto", pricing: { plan: "savingsPlan", discount: US_EAST_1.discounts.ec2SavingsPlan.value } });
  });

  it("refuses a runtime LMI does not support, naming the function's runtime field and the runtimes allowed", () => {
    const [i] = issuesOf(withLmi({ instanceTypes: ["m7g.xlarge"] }, { runtime: "python3.12" }));
    expect(i).toMatchObject({ path: "functions[0].runtime", value: "python3.12" });
    expect(i!.allowed).toMatch(/python3\.13.*compare\.managedInstances runs this function on them/);
  });

  it("refuses memory below 2,048 MB, naming compare.managedInstances.memoryMB", () => {
    const [i] = issuesOf(withLmi({ instanceTypes: ["m7g.xlarge"], memoryMB: 1024 }));
    expect(i).toMatchObject({ path: "compare.managedInstances.memoryMB", value: 1024 });
    expect(i!.allowed).toMatch(/at least 2048 MB/);
  });

  it("refuses a ratio outside 2..8 and an unknown instance type, each with its field path", () => {
    const ratio = issuesOf(withLmi({ instanceTypes: ["m7g.xlarge"], memoryGiBPerVCpu: 9 }));
    expect(ratio[0]).toMatchObject({ path: "compare.managedInstances.memoryGiBPerVCpu", value: 9 });
    expect(ratio[0]!.allowed).toMatch(/2\.\.8/);
    const type = issuesOf(withLmi({ instanceTypes: ["m7g.huge"] }));
    expect(type[0]).toMatchObject({ path: "compare.managedInstances.instanceTypes[0]", value: "m7g.huge" });
    expect(type[0]!.allowed).toMatch(/EC2 instance type of the price catalog/);
  });

  it("says where a mapped memory that does not fit the instance came from", () => {
    // 10,240 MB at 2 GiB per vCPU is 5 vCPUs: more than an m7g.xlarge has.
    const [i] = issuesOf(withLmi({ instanceTypes: ["m7g.xlarge"] }, { memoryMB: 10240 }));
    expect(i).toMatchObject({ path: "compare.managedInstances.memoryMB", value: 10240 });
    expect(i!.allowed).toMatch(/fits one m7g\.xlarge.*mapped from functions\[0\]\.memoryMB 10240; set compare\.managedInstances\.memoryMB/);
  });

  it("accepts LMI's largest environment, 32,768 MB, and refuses more, naming what is allowed", () => {
    const big = resolveScenario(withLmi({ instanceTypes: ["m7g.8xlarge"], memoryMB: 32768 }));
    expect(big.ok ? [] : big.issues).toEqual([]);
    const [i] = issuesOf(withLmi({ instanceTypes: ["m7g.8xlarge"], memoryMB: 36864 }));
    expect(i).toMatchObject({ path: "compare.managedInstances.memoryMB", value: 36864, allowed: "an integer 2048..32768 (MB)" });
  });

  it("counts as a compare section on its own, without a fleet", () => {
    const r = resolveScenario(withLmi({ instanceTypes: ["m7g.large"] }));
    expect(r.ok).toBe(true);
  });
});
