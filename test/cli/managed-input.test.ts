import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/** Runs the built CLI (`npm test` builds first) on a scenario text, as a user would. */
function run(text: string) {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-lmi-"));
  const file = join(dir, "s.yaml");
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [bin, "run", file, "--out", join(dir, "out")], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A valid LMI scenario; `fn` and `cp` are extra lines of the function and fields of the provider. */
function scenario(fn = "", cp = "", runtime = "nodejs22.x", memory = "memoryMB: 4096"): string {
  return `
name: lmi
horizon: 2m
capacityProviders:
  shared: { instanceTypes: [m7g.xlarge], maxVCpu: 40${cp} }
functions:
  - name: api
    runtime: ${runtime}
    capacityProvider: shared
    ${memory}
    duration: { dist: exponential, mean: 50ms }
    arrivals: { kind: poisson, rate: 5/s }
${fn}`;
}

describe("lambdasim run with Lambda Managed Instances", () => {
  it("runs a valid scenario and exits 0", () => {
    const r = run(scenario());
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("accepts an async function on a capacity provider with a 90-minute timeout (lambda-managed-instances.json function.timeout)", () => {
    const r = run(scenario("    invocation: async\n    timeout: 5400s\n"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  const bad: Array<[string, string, RegExp]> = [
    ["a runtime LMI does not support", scenario("", "", "python3.12"), /functions\[0\]\.runtime.*python3\.12.*nodejs22\.x.*python3\.13.*function\.runtimes/],
    ["memory below 2048 MB", scenario("", "", "nodejs22.x", "memoryMB: 1024"), /functions\[0\]\.memoryMB.*1024.*at least 2048 MB/],
    ["a memory-per-vCPU ratio outside 2..8", scenario("    memoryGiBPerVCpu: 16\n"), /functions\[0\]\.memoryGiBPerVCpu.*16.*2\.\.8/],
    ["an unknown instance type", scenario().replace("[m7g.xlarge]", "[m9z.huge]"), /capacityProviders\.shared\.instanceTypes\[0\].*m9z\.huge.*instance type of the price catalog/],
    ["provisioned concurrency on a capacity provider", scenario("    provisionedConcurrency: 5\n"), /functions\[0\]\.provisionedConcurrency.*5.*none on a capacity provider/],
    ["SnapStart on a capacity provider", scenario("    snapStart: true\n", "", "java21"), /functions\[0\]\.snapStart.*true.*false on a capacity provider/],
    ["an unknown capacity provider", scenario().replace("capacityProvider: shared", "capacityProvider: other"), /functions\[0\]\.capacityProvider.*other.*one of the scenario's capacityProviders: shared/],
    ["Spot pricing", scenario("", ", pricing: spot"), /capacityProviders\.shared\.pricing.*spot.*does not offer Spot/],
    ["maxConcurrency above 1600", scenario("    maxConcurrency: 2000\n"), /functions\[0\]\.maxConcurrency.*2000.*1\.\.1600/],
    ["a Savings Plan discount deeper than any EC2 commitment", scenario("", ", pricing: { savingsPlan: 0.8 }"), /capacityProviders\.shared\.pricing\.savingsPlan.*0\.8.*0\.\.0\.72.*ec2InstanceSavingsPlanMax/],
    ["memory above LMI's largest environment", scenario("", "", "nodejs22.x", "memoryMB: 36864"), /functions\[0\]\.memoryMB.*36864.*at most 32768 MB \(16 vCPUs\) on a capacity provider.*function\.maximumSize/],
    ["maxVCpu above 15000", scenario("", "").replace("maxVCpu: 40", "maxVCpu: 20000"), /capacityProviders\.shared\.maxVCpu.*20000.*2\.\.15000/],
    ["a sync timeout above LMI's 900 s", scenario("    timeout: 901s\n"), /functions\[0\]\.timeout.*901s.*1s\.\.900s for a sync function on a capacity provider.*function\.timeout/],
    ["an async timeout above LMI's 5400 s", scenario("    invocation: async\n    timeout: 5401s\n"), /functions\[0\]\.timeout.*5401s.*5400s/],
    ["an instance type that holds none of the provider's environments", scenario("", "", "nodejs22.x", "memoryMB: 16384").replace("[m7g.xlarge]", "[m7g.2xlarge, m7g.large]"), /capacityProviders\.shared\.instanceTypes\[1\].*m7g\.large.*holds at least one of the provider's environments.*2 vCPUs and 8 GiB.*needs 8 vCPUs and 16 GiB/],
    ["an instance type listed twice", scenario().replace("[m7g.xlarge]", "[m7g.xlarge, m7g.xlarge]"), /capacityProviders\.shared\.instanceTypes\[1\].*m7g\.xlarge.*not already listed/],
    ["an on-demand timeout above 900 s", scenario().replace("    capacityProvider: shared\n", "").replace("memoryMB: 4096", "memoryMB: 4096\n    timeout: 1200s"), /functions\[0\]\.timeout.*1200s.*1s\.\.900s on demand/],
  ];
  it("runs the largest environment LMI offers, 32 GB and 16 vCPUs at 2 GiB per vCPU, which on-demand Lambda refuses", () => {
    const big = scenario("    memoryGiBPerVCpu: 2\n", "", "nodejs22.x", "memoryMB: 32768").replace("m7g.xlarge", "m7g.8xlarge").replace("maxVCpu: 40", "maxVCpu: 400");
    const r = run(big);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const onDemand = run(big.replace("    capacityProvider: shared\n", "").replace(/capacityProviders:\n.*\n/, "").replace("    memoryGiBPerVCpu: 2\n", ""));
    expect(onDemand.code).toBe(2);
    expect(onDemand.stderr).toMatch(/functions\[0\]\.memoryMB: 32768 is not allowed; expected an integer 128\.\.10240 \(MB\)/);
  });

  for (const [what, text, pattern] of bad) {
    it(`rejects ${what} with exit code 2, naming the field, the value and what is allowed`, () => {
      const r = run(text);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }
});
