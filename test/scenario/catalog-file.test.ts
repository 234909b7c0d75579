import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { fleetOnDemandHourly } from "../../src/pricing/fleet-cost.js";
import { lambdaBill, US_EAST_1 } from "../../src/pricing/index.js";
import { formatIssue } from "../../src/scenario/issues.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { validScenario } from "./support.js";

const root = resolve(import.meta.dirname, "../..");
/** AWS's worked example 1 (mobile backend), as data/reference/aws-pricing.json states it. */
const example1 = (JSON.parse(readFileSync(join(root, "data/reference/aws-pricing.json"), "utf8")) as {
  workedExamples: Array<{ id: string; stated: Record<string, number> }>;
}).workedExamples.find((e) => e.id === "ondemand-1-mobile-backend")!.stated;

/** A folder holding a scenario (with `extra` top-level fields) and the named price files. */
function folder(extra: Record<string, unknown>, files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-prices-"));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), name.endsWith(".json") ? JSON.stringify(data) : YAML.stringify(data));
  }
  writeFileSync(join(dir, "s.yaml"), YAML.stringify({ ...validScenario(), ...extra }));
  return join(dir, "s.yaml");
}

const issueLines = (file: string) => {
  const r = loadScenarioFile(file);
  if (r.ok) throw new Error("expected issues");
  return r.issues.map((i) => formatIssue(i));
};

describe("pricing.catalog: a user's price file over the bundled catalog", () => {
  it("halves the request line of AWS's example 1 exactly when the file halves the request price", () => {
    const file = folder({ pricing: { catalog: "prices/half.yaml" } }, { "prices/half.yaml": { lambda: { requestsPricePerMillion: 0.1 } } });
    const r = loadScenarioFile(file);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const usage = { architecture: "x86_64" as const, memoryMB: 1536, requests: 3e6, billedMs: 3e6 * 120 };
    const bundled = lambdaBill(usage, US_EAST_1, { freeTier: true });
    const halved = lambdaBill(usage, r.value.catalog, { freeTier: true });
    // AWS: (3M - 1M free) × $0.20/M = $0.40; at $0.10/M, $0.20. Duration is untouched ($2.33).
    expect(bundled.lineItems.requests).toBe(example1.requests);
    expect(example1.requests).toBe(0.4);
    expect(halved.lineItems.requests).toBe(0.2);
    expect(halved.lineItems.compute).toBe(bundled.lineItems.compute);
    expect(r.value.catalog.lambda.requestsPricePerMillion).toEqual({ value: 0.1, unit: "USD per 1,000,000 requests", ref: "prices/half.yaml:lambda.requestsPricePerMillion", source: "user file prices/half.yaml" });
  });

  it("says where the prices came from: the file, the paths it set, and the bundled catalog with its date", () => {
    const file = folder({ pricing: { catalog: "p.json" } }, { "p.json": { source: "EDP rate card 2026-11", lambda: { requestsPricePerMillion: 0.18 }, fargate: { arm64: { perVcpuHour: 0.03 } } } });
    const r = loadScenarioFile(file);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const origin = r.value.catalog.origin!;
    expect(origin.file).toBe("p.json");
    expect(origin.fileSource).toBe("EDP rate card 2026-11");
    expect(origin.overrides).toEqual(["lambda.requestsPricePerMillion", "fargate.arm64.perVcpuHour"]);
    expect(origin.text).toBe(
      "p.json (overrides lambda.requestsPricePerMillion, fargate.arm64.perVcpuHour) over the bundled catalog us-east-1 compiled 2026 (Lambda), 2026-12-04 (EC2), 2026-12-04 (network); p.json says: EDP rate card 2026-11",
    );
    // Fargate arm64, 1 vCPU + 2 GB: 0.03 + 2 × 0.00356 (aws-pricing.json fargate.linux_arm64.perGbHour) = 0.03712 per hour.
    const hourly = fleetOnDemandHourly({ kind: "fargate", instanceType: null, architecture: "arm64", vcpu: 1, memoryGB: 2 }, r.value.catalog)!;
    expect(hourly).toBeCloseTo(0.03712, 12);
  });

  it("adds an EC2 instance type compare can use, and changes a bundled one's price", () => {
    const file = folder(
      { pricing: { catalog: "p.yaml" }, compare: { ec2: { instanceType: "x9.large" } } },
      { "p.yaml": { ec2: { instances: { "x9.large": { vcpu: 2, memoryGiB: 8, architecture: "arm64", onDemandHourly: 0.05 }, "m7g.large": { onDemandHourly: 0.07 } } } } },
    );
    const r = loadScenarioFile(file);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.compare!.ec2).toMatchObject({ instanceType: "x9.large", vcpu: 2, memoryGB: 8, architecture: "arm64" });
    expect(fleetOnDemandHourly({ kind: "ec2", instanceType: "x9.large", architecture: "arm64", vcpu: 2, memoryGB: 8 }, r.value.catalog)).toBe(0.05);
    expect(r.value.catalog.ec2.instances["m7g.large"]).toMatchObject({ vcpu: 2, memoryGiB: 8, onDemandHourly: { value: 0.07 } });
    expect(Object.keys(r.value.catalog.ec2.instances)).toHaveLength(105);
  });

  it("sets load balancer and NAT gateway rates, and a tier table as one flat price", () => {
    const file = folder({ pricing: { catalog: "p.yaml" } }, { "p.yaml": { network: { applicationLoadBalancer: { hourly: 0.0252 }, natGateway: { perGbProcessed: 0.048 } }, lambda: { duration: { arm64: 0.00001 } } } });
    const r = loadScenarioFile(file);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.catalog.network.applicationLoadBalancer.hourly.value).toBe(0.0252);
    expect(r.value.catalog.network.applicationLoadBalancer.lcuHourly.value).toBe(0.008);
    expect(r.value.catalog.network.natGateway.perGbProcessed.value).toBe(0.048);
    expect(r.value.catalog.lambda.duration.arm64.tiers).toEqual([{ from: 0, to: null, price: 0.00001, source: "user file p.yaml" }]);
    // 10 billion GB-s at a flat $0.00001 is $100,000: no volume discount beyond the first tier any more.
    const bill = lambdaBill({ architecture: "arm64", memoryMB: 1024, requests: 0, billedMs: 1e13 }, r.value.catalog, {});
    expect(bill.lineItems.compute).toBe(100_000);
  });

  it("accepts a region without a bundled catalog only with a price file, and then names it in the prices", () => {
    const without = folder({ region: "eu-west-1" }, {});
    expect(issueLines(without)).toEqual([
      'region: "eu-west-1" is not allowed; expected a region with a bundled price catalog (us-east-1), or, for any other region, your own prices with pricing.catalog: FILE (see README, pricing.catalog)',
    ]);
    const withFile = folder({ region: "eu-west-1", pricing: { catalog: "eu.yaml" } }, { "eu.yaml": { lambda: { requestsPricePerMillion: 0.2 } } });
    const r = loadScenarioFile(withFile);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.catalog.region).toBe("eu-west-1");
    expect(r.value.catalog.origin!.text).toContain("eu.yaml (overrides lambda.requestsPricePerMillion) over the bundled catalog us-east-1");
    expect(issueLines(folder({ region: "europe", pricing: { catalog: "eu.yaml" } }, { "eu.yaml": {} }))).toEqual(['region: "europe" is not allowed; expected an AWS Region name like us-east-1 or eu-central-1']);
  });

  it("reports each bad field of the file with the file's name, its path, the value and what is allowed", () => {
    const file = folder(
      { pricing: { catalog: "bad.yaml" } },
      {
        "bad.yaml": {
          lambda: { requestsPricePerMillion: -0.2, requestPricePerMillion: 1, duration: { x86_64: [{ from: 0, to: 100, price: 1 }, { from: 50, to: null, price: 1 }] } },
          ec2: { instances: { "x9.large": { vcpu: "two", memoryGiB: 8, architecture: "arm64", onDemandHourly: 0.05 }, "y1.small": { vcpu: 1 } } },
          discounts: { ec2Spot: 1.5 },
          region: "eu-west-1",
        },
      },
    );
    expect(issueLines(file).sort()).toEqual(
      [
        "pricing.catalog (bad.yaml): lambda.requestsPricePerMillion: -0.2 is not allowed; expected a price ≥ 0 in USD per 1,000,000 requests (bundled 0.2)",
        "pricing.catalog (bad.yaml): lambda.requestPricePerMillion: no such field (did you mean requestsPricePerMillion?); allowed fields: requestsPricePerMillion, asyncPayload, duration, mbPerGb, memoryRangeMB, billingGranularityMs, freeTier, initBilledSince, provisioned, ephemeralStorage, snapStart, responseStreaming, edge, tenantIsolation, eventPollers, durable, savingsPlanMaxDiscount, managedInstances",
        "pricing.catalog (bad.yaml): lambda.duration.x86_64[1].from: 50 is not allowed; expected 100 (the previous tier's to)",
        'pricing.catalog (bad.yaml): ec2.instances["x9.large"].vcpu: "two" is not allowed; expected vCPUs, a number > 0',
        'pricing.catalog (bad.yaml): ec2.instances["y1.small"].memoryGiB: missing; expected memoryGiB, which a type the bundled catalog lacks must give (vcpu, memoryGiB, architecture, onDemandHourly)',
        'pricing.catalog (bad.yaml): ec2.instances["y1.small"].architecture: missing; expected architecture, which a type the bundled catalog lacks must give (vcpu, memoryGiB, architecture, onDemandHourly)',
        'pricing.catalog (bad.yaml): ec2.instances["y1.small"].onDemandHourly: missing; expected onDemandHourly, which a type the bundled catalog lacks must give (vcpu, memoryGiB, architecture, onDemandHourly)',
        "pricing.catalog (bad.yaml): discounts.ec2Spot: 1.5 is not allowed; expected a fraction 0..1 (bundled 0.9)",
        "pricing.catalog (bad.yaml): region: no such field; allowed fields: monthHours, lambda, frontDoor, ec2, fargate, network, discounts, source",
      ].sort(),
    );
  });

  it("refuses a price file that is a FIFO or a folder without waiting on it, and one that is missing", () => {
    const fifoScenario = folder({ pricing: { catalog: "fifo.yaml" } }, {});
    execFileSync("mkfifo", [join(fifoScenario, "../fifo.yaml")]);
    expect(issueLines(fifoScenario)).toEqual([
      'pricing.catalog: "fifo.yaml" is not allowed; expected a readable regular .yaml, .yml or .json price file (see README, pricing.catalog) (found a named pipe (FIFO), not a regular file)',
    ]);
    const dirScenario = folder({ pricing: { catalog: "d.yaml" } }, {});
    mkdirSync(join(dirScenario, "../d.yaml"));
    expect(issueLines(dirScenario)[0]).toContain("(found a folder, not a file)");
    expect(issueLines(folder({ pricing: { catalog: "nope.json" } }, {}))[0]).toContain("(found no such file)");
  });

  it("is refused with its path when a scenario value is resolved without its file being read", () => {
    const r = resolveScenario({ ...validScenario(), pricing: { catalog: "p.yaml" } });
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(["pricing.catalog"]);
  });
});
