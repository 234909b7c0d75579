import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/scenario/parse-document.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");
const fixtures = join(root, "test/fixtures/import");

/** Runs the built CLI (`npm test` builds first) as a user would. */
function lambdasim(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), "lambdasim-import-"));

interface Explained {
  scenario: Array<{ field: string; value: string; source: string }>;
  functions: Array<{ name: string; fields: Array<{ field: string; value: string; source: string }> }>;
}

describe("lambdasim import config", () => {
  it("writes --out, a scenario that lambdasim run simulates", () => {
    const dir = tmp();
    const out = join(dir, "orders.yaml");
    const r = lambdasim(["import", "config", join(fixtures, "sam-template.yaml"), "--out", out]);
    expect(r.stderr).toContain("placeholder functions.ReportsFunction.timeout: !Ref ReportsTimeout: a parameter without Default");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${out} (OrderWorker, ReportsFunction from sam-template.yaml)\n`);
    // The schema line points at the package's schema from the scenario's folder.
    const first = readFileSync(out, "utf8").split("\n")[0]!;
    expect(resolve(dir, first.replace("# yaml-language-server: $schema=", ""))).toBe(join(root, "schema/scenario.schema.json"));
    const run = lambdasim(["run", out, "--out", join(dir, "report"), "--json", "--horizon", "10m"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { functions: Record<string, { invocations: number }> };
    expect(Object.keys(result.functions)).toEqual(["OrderWorker", "ReportsFunction"]);
  });

  for (const [file, fn, field, value, source] of [
    ["sam-template.yaml", "OrderWorker", "memoryMB", "1024", "imported from sam-template.yaml#Resources.OrderWorker.Properties.MemorySize"],
    ["terraform-plan.json", "orders-worker", "sqs.batchSize", "25", "imported from terraform-plan.json#aws_lambda_event_source_mapping.orders.batch_size"],
    ["serverless.yml", "reports", "timeout", "3s", "imported placeholder: ${self:custom.reportsTimeout}"],
  ] as const) {
    it(`makes explain show every imported value with its source (${file})`, () => {
      const out = join(tmp(), "s.yaml");
      expect(lambdasim(["import", "config", join(fixtures, file), "--out", out]).code).toBe(0);
      const r = lambdasim(["explain", out, "--json"]);
      expect(r.code).toBe(0);
      const e = JSON.parse(r.stdout) as Explained;
      const written = importedMaps(out);
      for (const f of e.functions) {
        const imported = written.find((w) => w.name === f.name)!.imported;
        for (const key of Object.keys(imported)) {
          const row = f.fields.find((x) => x.field === key);
          expect(row?.source, `${f.name}.${key}`).toMatch(/^imported (from |placeholder: )/);
        }
      }
      const row = e.functions.find((f) => f.name === fn)!.fields.find((x) => x.field === field)!;
      expect(row.value).toBe(value);
      expect(row.source.startsWith(source)).toBe(true);
      expect(e.scenario.find((x) => x.field === "pricing.frontDoor")).toMatchObject({ value: "rest", source: expect.stringMatching(/^imported from /) });
    });
  }

  it("imports a function on a capacity provider: run simulates it, explain cites the template for the provider and the function", () => {
    const dir = tmp();
    const out = join(dir, "lmi.yaml");
    const r = lambdasim(["import", "config", join(fixtures, "sam-managed-instances.yaml"), "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("placeholder capacityProviders");
    const run = lambdasim(["run", out, "--out", join(dir, "report"), "--json", "--horizon", "10m"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(Object.keys((JSON.parse(run.stdout) as { capacityProviders: Record<string, unknown> }).capacityProviders)).toEqual(["SharedCapacity"]);
    const e = JSON.parse(lambdasim(["explain", out, "--json"]).stdout) as Explained & { capacityProviders: Explained["functions"] };
    const provider = e.capacityProviders.find((c) => c.name === "SharedCapacity")!.fields;
    const at = "imported from sam-managed-instances.yaml#Resources.SharedCapacity.Properties.";
    expect(provider.find((x) => x.field === "maxVCpu")!.source).toBe(`${at}ScalingConfig.MaxVCpuCount`);
    expect(provider.find((x) => x.field === "targetCpuUtilization")).toMatchObject({ value: "0.6", source: `${at}ScalingConfig.AverageCPUUtilization` });
    expect(provider.find((x) => x.field === "instanceTypes")!.source).toBe(`${at}InstanceRequirements.AllowedTypes`);
    const fn = e.functions[0]!.fields;
    const cfg = "imported from sam-managed-instances.yaml#Resources.ApiFunction.Properties.CapacityProviderConfig.";
    expect(fn.find((x) => x.field === "capacityProvider")).toMatchObject({ value: "SharedCapacity", source: `${cfg}Arn` });
    expect(fn.find((x) => x.field === "maxConcurrency")).toMatchObject({ value: "100", source: `${cfg}PerExecutionEnvironmentMaxConcurrency` });
    expect(e.scenario.some((x) => x.field.startsWith("capacityProviders."))).toBe(false);
  });

  it("lists a capacity provider outside the template as placeholders on stderr", () => {
    const file = join(tmp(), "t.yaml");
    writeFileSync(file, `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs22.x
      MemorySize: 2048
      CapacityProviderConfig:
        LambdaManagedInstancesCapacityProviderConfig:
          CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:shared
`);
    const r = lambdasim(["import", "config", file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("lambdasim: import: placeholder capacityProviders.shared.instanceTypes: capacity provider arn:aws:lambda:us-east-1:123456789012:capacity-provider:shared is not in this configuration");
    expect(r.stderr).toContain("lambdasim: import: placeholder capacityProviders.shared.maxVCpu:");
  });

  it("prints the scenario on stdout without --out, and lists the placeholders on stderr", () => {
    const r = lambdasim(["import", "config", join(fixtures, "serverless.yml")]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("# yaml-language-server: $schema=")).toBe(true);
    expect(r.stdout).toContain("memoryMB: 1024 # serverless.yml#functions.worker.memorySize");
    expect(r.stderr).toContain("lambdasim: import: placeholder functions.reports.timeout: ${self:custom.reportsTimeout}");
    expect(r.stderr).toContain("lambdasim: import: traffic (arrivals) and durations of the 2 functions are placeholders");
  });

  describe("exits 2 with what was expected", () => {
    const write = (name: string, text: string) => {
      const file = join(tmp(), name);
      writeFileSync(file, text);
      return file;
    };

    it("on a template without functions", () => {
      const file = write("t.yaml", "Resources:\n  Q: { Type: AWS::SQS::Queue }\n");
      const r = lambdasim(["import", "config", file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`lambdasim: ${file}: a template without functions (its resources: AWS::SQS::Queue); expected a template with at least one AWS::Serverless::Function or AWS::Lambda::Function\n`);
      expect(r.stdout).toBe("");
    });

    it("on a file of no known format", () => {
      const file = write("x.yaml", "name: checkout\nfunctions: []\n");
      const r = lambdasim(["import", "config", file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("YAML that is none of these (top-level keys name, functions); expected a SAM or CloudFormation template");
      expect(r.stderr).toContain("terraform show -json PLAN");
    });

    it("on invalid YAML, with its line", () => {
      const file = write("t.yaml", "Resources:\n  Fn: [unclosed\n");
      const r = lambdasim(["import", "config", file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^lambdasim: .*t\.yaml: invalid YAML at line \d+, column \d+: .*; expected a SAM or CloudFormation template/);
    });

    it("on a runtime lambdasim does not model, naming the ones it does", () => {
      const file = write("t.yaml", "Resources:\n  Fn: { Type: AWS::Serverless::Function, Properties: { Runtime: nodejs16.x } }\n");
      const r = lambdasim(["import", "config", file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Resources.Fn.Properties.Runtime: "nodejs16.x" is not allowed; expected a Lambda runtime lambdasim models, one of: nodejs18.x, nodejs20.x, nodejs22.x');
    });

    it("on an imported value the scenario format refuses, named by its source", () => {
      const file = write("t.yaml", "Resources:\n  Fn: { Type: AWS::Lambda::Function, Properties: { Runtime: python3.13, MemorySize: 20000 } }\n");
      const r = lambdasim(["import", "config", file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("lambdasim: t.yaml#Resources.Fn.Properties.MemorySize (scenario field): functions[0].memoryMB: 20000 is not allowed");
    });

    it("on an --out that exists, unless --force", () => {
      const out = write("s.yaml", "keep me\n");
      const r = lambdasim(["import", "config", join(fixtures, "serverless.yml"), "--out", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("exists; expected a new file (or --force to overwrite it)");
      expect(readFileSync(out, "utf8")).toBe("keep me\n");
    });
  });
});

/** The functions of a written scenario with their imported maps. */
function importedMaps(file: string): Array<{ name: string; imported: Record<string, string> }> {
  const p = parseYaml(readFileSync(file, "utf8"));
  if (!p.ok) throw new Error(p.problem);
  return (p.data as { functions: Array<{ name: string; imported: Record<string, string> }> }).functions;
}
