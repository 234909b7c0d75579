import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutProgress } from "../support/progress.js";
import { US_EAST_1 } from "../../src/pricing/index.js";
import { interruptCli } from "../support/interrupt-cli.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/** Runs the built CLI (`npm test` builds first) as a user would. */
function lambdasim(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes a scenario file into a fresh folder and returns its path. */
function scenarioFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-compare-"));
  const file = join(dir, "s.yaml");
  writeFileSync(file, text);
  return file;
}

/** A constant 100 ms, 512 MB arm64 function, and the fleets it is compared with. */
const scenario = (compare: string) => `
name: break-even
horizon: 20m
warmup: 2m
functions:
  - name: api
    runtime: nodejs22.x
    architecture: arm64
    memoryMB: 512
    duration: { dist: constant, value: 100ms }
    arrivals: { kind: constant, rate: 10/s }
compare:
${compare}
`;

const EC2 = "  ec2: { instanceType: m7g.large, slotsPerInstance: 16, targetUtilization: 0.7, minInstances: 1, maxInstances: 10 }";
const BOTH = `${EC2}\n  fargate: { vcpu: 1, memoryGB: 2, slotsPerTask: 8 }`;
const LMI = "  managedInstances: { instanceTypes: [m7g.large], targetCpuUtilization: 0.5 }";

describe("lambdasim compare", () => {
  it("puts the bisection's break-even rate where the two monthly cost lines cross in closed form", () => {
    const outDir = mkdtempSync(join(tmpdir(), "lambdasim-compare-out-"));
    const r = lambdasim(["compare", scenarioFile(scenario(EC2)), "--traffic", "1/s..100/s", "--arrivals", "constant", "--json", "--out", outDir]);
    expect(withoutProgress(r.stderr)).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      breakEven: Array<{ fleet: string; outcome: string; ratePerSec: number; lowPerSec: number; highPerSec: number; point: { lambda: { latencyMs: { p99: number } } } }>;
    };
    const b = out.breakEven[0]!;
    expect(b).toMatchObject({ fleet: "ec2", outcome: "crosses" });

    // Lambda per month at r/s: r × seconds in 730 h × (request price + 0.5 GB × 0.1 s × arm64 GB-s price), linear in r.
    const monthSeconds = US_EAST_1.monthHours.value * 3600;
    const perRequest = US_EAST_1.lambda.requestsPricePerMillion.value / 1e6 + 0.5 * 0.1 * US_EAST_1.lambda.duration.arm64.tiers[0]!.price;
    const lambdaPerRate = monthSeconds * perRequest;
    // EC2 per month: the instances target tracking keeps, n(r) = max(1, ceil(r × 0.1 s / (16 slots × 0.7))), at 730 h each.
    const instanceMonth = US_EAST_1.ec2.instances["m7g.large"]!.onDemandHourly.value * US_EAST_1.monthHours.value;
    const instances = (rate: number) => Math.max(1, Math.ceil((rate * 0.1) / (16 * 0.7)));
    // The first k whose crossing k × instanceMonth / lambdaPerRate needs no more than k instances.
    let crossing = NaN;
    for (let k = 1; k < 100 && Number.isNaN(crossing); k++) {
      const rate = (k * instanceMonth) / lambdaPerRate;
      if (instances(rate) <= k) crossing = rate;
    }
    expect(crossing).toBeGreaterThan(20); // ≈ 26.2/s: one instance, $59.57 a month
    expect(crossing).toBeLessThan(30);
    // The bracket is 0.5 % wide; both bills are rounded to the cent, so allow 1 %.
    expect(Math.abs(b.ratePerSec - crossing) / crossing).toBeLessThan(0.01);
    expect(b.lowPerSec).toBeLessThan(crossing * 1.005);
    expect(b.highPerSec).toBeGreaterThan(crossing * 0.995);
    expect(b.point.lambda.latencyMs.p99).toBeCloseTo(100, 0);
    // The same comparison is written beside the chart of the two cost lines.
    expect(JSON.parse(readFileSync(join(outDir, "compare.json"), "utf8")).breakEven[0].ratePerSec).toBe(b.ratePerSec);
    expect(readFileSync(join(outDir, "break-even.svg"), "utf8")).toContain("traffic (req/s, log scale)");
    expect(readFileSync(join(outDir, "break-even.png")).subarray(1, 4).toString()).toBe("PNG");
  });

  it("prints Lambda, EC2 and Fargate side by side at the scenario's traffic", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-compare-"));
    const r = lambdasim(["compare", scenarioFile(scenario(BOTH)), "--out", out]);
    expect(withoutProgress(r.stderr)).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Lambda\s+\$22\.78\s+\$0\.00\s+100 ms\s+100 ms/m); // 10/s × 2,628,000 s × $8.6667e-7
    expect(r.stdout).toMatch(/^EC2 m7g\.large\s+\$59\.57\s/m);
    // Fargate arm64: (1 vCPU × $0.03238 + 2 GB × $0.00356) per hour × 730 h = $28.835 (aws-pricing.json fargate.linux_arm64, source P6).
    expect(r.stdout).toMatch(/^Fargate 1 vCPU \/ 2 GB\s+\$28\.84\s/m);
  });

  /** A one-vCPU, all-CPU function beside a quarter-vCPU Fargate task (4 × slower, cheaper), behind API Gateway. */
  const sloScenario = (p99: string) => `
name: slo-gate
horizon: 20m
warmup: 2m
functions:
  - name: api
    runtime: nodejs22.x
    architecture: arm64
    memoryMB: 1769
    duration: { dist: constant, value: 100ms, atMemoryMB: 1769, cpuBound: 1 }
    arrivals: { kind: constant, rate: 10/s }
pricing: { frontDoor: rest }
slo: { p99LatencyMs: ${p99} }
compare:
  fargate: { vcpu: 0.25, memoryGB: 0.5, architecture: arm64, slotsPerTask: 1, minTasks: 6, maxTasks: 20 }
`;

  it("writes meetsSlo, itemised doors and a recommendation of the cheapest option meeting the SLO into compare.json (issue 13 cases 4, 5)", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-compare-out-"));
    const r = lambdasim(["compare", scenarioFile(sloScenario("300")), "--out", out]);
    expect(withoutProgress(r.stderr)).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, "compare.json"), "utf8")) as {
      options: Array<{ option: string; meetsSlo: boolean | null; verdicts: Array<{ objective: string; pass: boolean }>; monthlyCost: Record<string, number> }>;
      recommendation: { option: string; monthlyCost: number; reason: string };
    };
    const [lambda, fargate] = report.options;
    expect(lambda).toMatchObject({ option: "Lambda", meetsSlo: true, monthlyCost: { frontDoor: 91.98, natGateway: 0 } });
    // The ALB in front of Fargate: 730 h × ($0.0225 + 0.4 LCU × $0.008) = $18.76 (network-costs.json).
    expect(fargate).toMatchObject({ option: "Fargate 0.25 vCPU / 0.5 GB", meetsSlo: false, monthlyCost: { loadBalancer: 18.76, natGateway: 0 } });
    expect(fargate!.verdicts).toEqual([expect.objectContaining({ objective: "p99LatencyMs", pass: false })]);
    expect(fargate!.monthlyCost.total!).toBeLessThan(lambda!.monthlyCost.total!);
    expect(report.recommendation).toMatchObject({ option: "Lambda", monthlyCost: lambda!.monthlyCost.total });
    // The terminal table shows the doors and the verdicts; the recommendation is not the cheapest.
    expect(r.stdout).toMatch(/^\s+monthly\s+door\s+p50\s+p99\s.*\sSLO$/m);
    expect(r.stdout).toMatch(/^Lambda\s+\$[\d,.]+\s+\$91\.98\s.*\smet$/m);
    expect(r.stdout).toMatch(/^Fargate 0\.25 vCPU \/ 0\.5 GB\s+\$[\d,.]+\s+\$18\.76\s.*\smissed p99LatencyMs$/m);
    expect(r.stdout).toMatch(/^recommended: Lambda, /m);
    expect(readFileSync(join(out, "summary.md"), "utf8")).toMatch(/\*\*Recommended: Lambda\*\*/);
  });

  it("exits 4 and says so when no option meets the SLO, still writing the report", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-compare-out-"));
    const r = lambdasim(["compare", scenarioFile(sloScenario("50")), "--out", out]);
    expect(withoutProgress(r.stderr)).toBe("");
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/^no option meets the SLO \(exit 4\): Lambda misses p99LatencyMs/m);
    expect(JSON.parse(readFileSync(join(out, "compare.json"), "utf8")).recommendation).toMatchObject({ option: null, monthlyCost: null });
  });

  it("refuses an unknown instance type with one line naming the types the catalog has, exit 2", () => {
    const r = lambdasim(["compare", scenarioFile(scenario("  ec2: { instanceType: m9z.huge }"))]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/compare\.ec2\.instanceType: "m9z\.huge" is not allowed; expected an EC2 instance type the price catalog has: 104 types in 22 families \(.*m7g.*\)/);
  });

  it("refuses a negative discount and a negative slot count, one line each, exit 2", () => {
    const r = lambdasim(["compare", scenarioFile(scenario("  ec2: { instanceType: m7g.large, slotsPerInstance: -2, pricing: { spot: -0.3 } }"))]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.some((l) => /compare\.ec2\.pricing: \{"spot":-0\.3\} is not allowed; expected onDemand, savingsPlan or spot/.test(l))).toBe(true);
    expect(lines.some((l) => /compare\.ec2\.slotsPerInstance: -2 is not allowed; expected an integer ≥ 1/.test(l))).toBe(true);
  });

  it("refuses a discount above the catalog's largest, naming it and its reference key", () => {
    const r = lambdasim(["compare", scenarioFile(scenario("  ec2: { instanceType: m7g.large, pricing: { savingsPlan: 0.9 } }"))]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/compare\.ec2\.pricing\.savingsPlan: 0\.9 is not allowed; expected a savingsPlan discount 0\.\.0\.66 .*commitmentDiscounts\.computeSavingsPlanMax\.ec2/),
    ]);
  });

  it("asks for a compare section, a known --function and a --traffic range, exit 2", () => {
    const none = lambdasim(["compare", scenarioFile(scenario(EC2).replace(/compare:[\s\S]*$/, ""))]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^lambdasim: .*s\.yaml: compare: missing; expected a `compare:` section/);
    const bad = lambdasim(["compare", scenarioFile(scenario(EC2)), "--function", "nope", "--traffic", "100/s..1/s"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trimEnd().split("\n")).toEqual([
      'lambdasim: --function: "nope" is not allowed; expected a function of the scenario: api',
      'lambdasim: --traffic: "100/s..1/s" is not allowed; expected a range of rates lo..hi with 0 < lo < hi, like 1/s..2000/s',
    ]);
  });

  it("writes the same compare.json with one worker as with two, both fleets bisected", () => {
    const file = scenarioFile(scenario(BOTH));
    const run = (workers: string) => {
      const out = mkdtempSync(join(tmpdir(), "lambdasim-compare-out-"));
      const r = lambdasim(["compare", file, "--traffic", "1/s..100/s", "-H", "5m", "-w", workers, "--json", "--out", out]);
      expect(withoutProgress(r.stderr)).toBe("");
      expect(r.code).toBe(0);
      expect(readFileSync(join(out, "compare.json"), "utf8")).toBe(r.stdout);
      return r.stdout;
    };
    const one = run("1");
    // Both bisections took place (with two workers, alongside each other and the scenario's traffic).
    const report = JSON.parse(one) as { breakEven: Array<{ fleet: string; probes: unknown[] }> };
    expect(report.breakEven.map((b) => b.fleet)).toEqual(["ec2", "fargate"]);
    expect(report.breakEven.every((b) => b.probes.length > 2)).toBe(true);
    expect(run("2")).toBe(one);
  });

  it("writes the same compare.json with one worker as with two when LMI is bisected beside a fleet", () => {
    const file = scenarioFile(scenario(`${EC2}\n${LMI}`));
    const run = (workers: string) => {
      const out = mkdtempSync(join(tmpdir(), "lambdasim-compare-out-"));
      const r = lambdasim(["compare", file, "--traffic", "1/s..300/s", "--arrivals", "poisson", "-H", "5m", "-w", workers, "--json", "--out", out]);
      expect(withoutProgress(r.stderr)).toBe("");
      expect(r.code).toBe(0);
      return r.stdout;
    };
    const one = run("1");
    const report = JSON.parse(one) as {
      options: Array<{ option: string; kind: string; monthlyCost: Record<string, number> }>;
      managedInstances: { memoryMB: number; vcpus: number; maxConcurrency: number };
      scenarioTraffic: { managed: { worstBucket: { bucketSeconds: number } } };
      breakEven: Array<{ fleet: string; outcome: string; ratePerSec: number; probes: unknown[] }>;
    };
    const lmi = report.options.find((o) => o.kind === "managed")!;
    expect(lmi.option).toBe("LMI m7g.large");
    expect(Object.keys(lmi.monthlyCost).sort()).toEqual(["frontDoor", "instances", "managementFee", "natGateway", "requests", "total"]);
    // 512 MB on demand maps to one vCPU of 2 GiB; Node.js's 64 requests per vCPU (lambda-managed-instances.json, M6).
    expect(report.managedInstances).toMatchObject({ memoryMB: 2048, vcpus: 1, maxConcurrency: 64 });
    expect(report.scenarioTraffic.managed.worstBucket.bucketSeconds).toBe(60);
    expect(report.breakEven.map((b) => [b.fleet, b.outcome])).toEqual([
      ["ec2", "crosses"],
      ["managed", "crosses"],
    ]);
    expect(run("2")).toBe(one);
  });

  it("refuses LMI for a runtime it does not support, also for a --function other than compare.function, exit 2", () => {
    const text = scenario(LMI).replace("runtime: nodejs22.x", "runtime: python3.12");
    const r = lambdasim(["compare", scenarioFile(text)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/functions\[0\]\.runtime: "python3\.12" is not allowed; expected a runtime Lambda Managed Instances supports: .*python3\.13/);
    const two = `${scenario(LMI)}`.replace(
      "compare:\n",
      "  - { name: old, runtime: nodejs18.x, memoryMB: 1024, duration: { dist: constant, value: 10ms }, arrivals: { kind: constant, rate: 1/s } }\ncompare:\n",
    );
    const ok = lambdasim(["compare", scenarioFile(two), "-H", "5m", "--json", "--out", mkdtempSync(join(tmpdir(), "lambdasim-compare-out-"))]);
    expect(ok.code).toBe(0);
    const bad = lambdasim(["compare", scenarioFile(two), "--function", "old"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/functions\[1\]\.runtime: "nodejs18\.x" is not allowed; expected a runtime Lambda Managed Instances supports/);
  });

  it("rejects a bad --workers value, naming the flag", () => {
    const r = lambdasim(["compare", scenarioFile(scenario(EC2)), "--workers", "0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lambdasim: --workers: "0" is not allowed; expected an integer 1..1024\n');
  });

  it("ends with exit 3 and one line naming the failed simulation, writing nothing, when a simulation passes --point-timeout", () => {
    const out = join(mkdtempSync(join(tmpdir(), "lambdasim-compare-out-")), "out");
    const r = lambdasim(["compare", scenarioFile(scenario(BOTH)), "--traffic", "1/s..100/s", "--point-timeout", "1ms", "--out", out]);
    expect(r.code).toBe(3);
    expect(withoutProgress(r.stderr)).toBe("lambdasim: compare: a simulation failed: no result within --point-timeout (1 ms)\n");
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });

  it("stops on Ctrl-C with exit 130, says it was interrupted and writes nothing", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "lambdasim-compare-out-")), "out");
    // 30 simulated days: tens of seconds of simulations, so the signal comes in the middle of them.
    const { code, stderr } = await interruptCli(["compare", scenarioFile(scenario(BOTH)), "--traffic", "1/s..100/s", "-H", "30d", "-w", "2", "--out", out], 2_500);
    expect(code).toBe(130);
    expect(withoutProgress(stderr)).toBe("lambdasim: interrupted: compare stopped, nothing written\n");
    expect(existsSync(out)).toBe(false);
  });
});
