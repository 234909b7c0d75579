import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

/** `lambdasim explain --json` of the bundled LMI scenario (the built CLI, as a user runs it). */
function explainJson() {
  const r = spawnSync(process.execPath, [join(root, "bin/lambdasim.js"), "explain", "scenarios/managed-instances.yaml", "--json"], { cwd: root, encoding: "utf8" });
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as {
    capacityProviders: Array<{ name: string; fields: Array<{ field: string; value: string; source: string }> }>;
    functions: Array<{ name: string; fields: Array<{ field: string; value: string; source: string }>; coldStart: unknown }>;
  };
}

describe("lambdasim explain with Lambda Managed Instances", () => {
  it("lists every capacity-provider setting with its source, naming lambdasim's own choices as such", () => {
    const cp = explainJson().capacityProviders[0]!;
    expect(cp.name).toBe("shared");
    const source = (field: string) => cp.fields.find((f) => f.field === field)?.source;
    for (const field of ["scaling period", "scale-in", "scaling signal", "placement"]) expect(source(field)).toMatch(/^lambdasim choice/);
    expect(source("instance size")).toBe('ec2-instances-us-east-1.json:instances["m7g.xlarge"].onDemandHourly');
    expect(source("management fee")).toBe("aws-pricing.json lambda.managedInstances.managementFeeFraction");
    expect(cp.fields.find((f) => f.field === "instance size")!.value).toBe("4 vCPU, 16 GiB, $0.1632/h On-Demand");
  });

  it("gives a Python function's default concurrency (16 per vCPU × 2 vCPUs) with its third-party source", () => {
    const reports = explainJson().functions.find((f) => f.name === "reports")!;
    const mc = reports.fields.find((f) => f.field === "maxConcurrency")!;
    expect(mc.value).toBe("32");
    expect(mc.source).toMatch(/defaultConcurrencyPerVCpu\.python.*third-party only/);
    expect(reports.fields.find((f) => f.field === "cold starts")!.value).toBe("none on the request path");
  });

  it("shows no cold-start distribution for a function on a capacity provider, only that it has none on the request path", () => {
    for (const f of explainJson().functions) {
      expect(f.coldStart).toBeNull();
      expect(f.fields.some((r) => r.field === "coldStart")).toBe(false);
      expect(f.fields.find((r) => r.field === "cold starts")!.value).toBe("none on the request path");
    }
    const text = spawnSync(process.execPath, [join(root, "bin/lambdasim.js"), "explain", "scenarios/managed-instances.yaml"], { cwd: root, encoding: "utf8" });
    expect(text.status).toBe(0);
    expect(text.stdout).not.toMatch(/cold start: /);
  });
});

describe("lambdasim run with Lambda Managed Instances", () => {
  it("prints the instance and management-fee lines in the terminal's monthly cost, adding up to its total", () => {
    const out = join(root, "test-output", "run-managed-terminal");
    const r = spawnSync(process.execPath, [join(root, "bin/lambdasim.js"), "run", "scenarios/managed-instances.yaml", "--horizon", "20m", "--out", out], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(0);
    const line = /monthly cost: \$([\d,.]+) \(([^)]*)\)/.exec(r.stdout)!;
    const usd = (s: string) => Number(s.replace(/[$,]/g, ""));
    const parts = Object.fromEntries(line[2]!.split(", ").map((p) => { const [k, v] = p.split(" "); return [k!, usd(v!)]; }));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(["requests", "instances", "managementFee"]));
    // An LMI bill has no duration, INIT or provisioned line (aws-pricing.json lambda.managedInstances.durationCharge).
    expect(parts.compute ?? 0).toBe(0);
    const sum = Object.values(parts).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(usd(line[1]!), 2);
  });
});

describe("lambdasim explain with compare.managedInstances", () => {
  it("lists the LMI option of compare with the function's memory mapped to whole vCPUs and each default's source", () => {
    const r = spawnSync(process.execPath, [join(root, "bin/lambdasim.js"), "explain", "scenarios/api-backend.yaml", "--json"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(0);
    const lmi = (JSON.parse(r.stdout) as { compareManagedInstances: { function: string; fields: Array<{ field: string; value: string; source: string }> } }).compareManagedInstances;
    expect(lmi.function).toBe("api");
    const row = (field: string) => lmi.fields.find((f) => f.field === `compare.managedInstances.${field}`)!;
    // api-backend's 512 MB rounds up to one vCPU of 2 GiB: 2,048 MB, Node.js's 64 requests per vCPU.
    expect(row("memoryMB")).toMatchObject({ value: "2048" });
    expect(row("memoryMB").source).toMatch(/^lambdasim choice: functions\[0\]\.memoryMB \(512\)/);
    expect(row("maxConcurrency")).toMatchObject({ value: "64" });
    expect(row("maxConcurrency").source).toMatch(/defaultConcurrencyPerVCpu\.nodejs \(M6/);
    expect(row("minInstances").source).toBe("lambda-managed-instances.json capacityProvider.initialInstances (AZ resiliency)");
    expect(row("targetCpuUtilization")).toEqual({ field: "compare.managedInstances.targetCpuUtilization", value: "0.5", source: "scenario" });
  });
});
