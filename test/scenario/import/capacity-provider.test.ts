import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveScenarioData } from "../../../src/scenario/index.js";
import { importConfigText, importedScenarioText, unresolvedOf, type ImportedConfig } from "../../../src/scenario/import/index.js";
import { parseYaml } from "../../../src/scenario/parse-document.js";
import { FIXTURES, fn, importFixture, sourcesOf, valuesOf } from "./support.js";

/*
 * Lambda Managed Instances in an import. The expected values are read off the templates by hand:
 * test/fixtures/import/sam-managed-instances.yaml (SAM: AWS::Serverless::CapacityProvider with
 * AllowedTypes, MaxVCpuCount from a parameter default, AverageCPUUtilization 60 %) and the inline
 * CloudFormation templates below (AWS::Lambda::CapacityProvider with ScalingPolicies).
 */

const FILE = "sam-managed-instances.yaml";
const P = `${FILE}#Resources.SharedCapacity.Properties`;

/** The scenario an import writes, resolved as `lambdasim run` resolves a file. */
function resolvedScenario(config: ImportedConfig) {
  const parsed = parseYaml(importedScenarioText(config, { name: "lmi", schemaRef: "../schema/scenario.schema.json" }));
  if (!parsed.ok) throw new Error(parsed.problem);
  return { data: parsed.data as Record<string, unknown>, resolved: resolveScenarioData(parsed.data, "lmi.yaml") };
}

/** A one-function CloudFormation template (YAML) whose function has `config` as its CapacityProviderConfig. */
const cfn = (config: string, extra = "") => `Resources:
${extra}
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.13
      MemorySize: 2048
      CapacityProviderConfig:
        LambdaManagedInstancesCapacityProviderConfig:
${config}
`;

function importText(text: string): ImportedConfig {
  const r = importConfigText(text, "t.yaml");
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("import of Lambda Managed Instances from a SAM template", () => {
  const config = importFixture(FILE);

  it("puts the function on the provider with the template's memory per vCPU and concurrency per environment", () => {
    expect(valuesOf(config, "ApiFunction")).toEqual({
      runtime: "nodejs22.x", architecture: "arm64", memoryMB: 4096, timeout: "30s", invocation: "sync",
      capacityProvider: "SharedCapacity", memoryGiBPerVCpu: 2, maxConcurrency: 100,
    });
    const sources = sourcesOf(config, "ApiFunction");
    expect(sources.capacityProvider).toBe(`${FILE}#Resources.ApiFunction.Properties.CapacityProviderConfig.Arn`);
    expect(sources.maxConcurrency).toBe(`${FILE}#Resources.ApiFunction.Properties.CapacityProviderConfig.PerExecutionEnvironmentMaxConcurrency`);
  });

  it("imports the provider: allowed types, MaxVCpuCount through its parameter default, the CPU target as a fraction", () => {
    expect(config.scenario.get("capacityProviders.SharedCapacity.instanceTypes")).toEqual({ value: ["m7g.xlarge", "m7g.2xlarge"], source: `${P}.InstanceRequirements.AllowedTypes` });
    expect(config.scenario.get("capacityProviders.SharedCapacity.maxVCpu")).toEqual({ value: 64, source: `${P}.ScalingConfig.MaxVCpuCount` });
    expect(config.scenario.get("capacityProviders.SharedCapacity.targetCpuUtilization")).toEqual({ value: 0.6, source: `${P}.ScalingConfig.AverageCPUUtilization` });
    expect(unresolvedOf(config)).toEqual([]);
  });

  it("writes a scenario that validates and that run accepts, the provider's values cited in imported:", () => {
    const { data, resolved } = resolvedScenario(config);
    expect(resolved.ok ? [] : resolved.issues).toEqual([]);
    if (!resolved.ok) return;
    const provider = resolved.value.sim.capacityProviders![0]!;
    expect([provider.name, provider.instanceTypes[0], provider.maxVCpu, provider.targetUtilization]).toEqual(["SharedCapacity", "m7g.xlarge", 64, 0.6]);
    const fn = resolved.value.sim.functions[0]!;
    // 4096 MB at 2 GiB per vCPU: 2-vCPU environments of 100 concurrent requests each.
    expect([fn.managed?.vcpus, fn.managed?.maxConcurrency]).toEqual([2, 100]);
    expect((data.imported as Record<string, string>)["capacityProviders.SharedCapacity.maxVCpu"]).toBe(`${P}.ScalingConfig.MaxVCpuCount`);
  });
});

describe("import of Lambda Managed Instances from a CloudFormation template", () => {
  it("reads AWS::Lambda::CapacityProvider: AllowedInstanceTypes, MaxVCpuCount and the CPU policy's TargetValue", () => {
    const config = importText(cfn(
      `          CapacityProviderArn: !Ref Cp
          ExecutionEnvironmentMemoryGiBPerVCpu: 2
          PerExecutionEnvironmentMaxConcurrency: 8`,
      `  Cp:
    Type: AWS::Lambda::CapacityProvider
    Properties:
      InstanceRequirements: { AllowedInstanceTypes: [m7i.xlarge] }
      CapacityProviderScalingConfig:
        MaxVCpuCount: 40
        ScalingMode: Manual
        ScalingPolicies: [{ PredefinedMetricType: LambdaCapacityProviderAverageCPUUtilization, TargetValue: 70 }]`,
    ));
    expect(valuesOf(config, "Fn")).toMatchObject({ capacityProvider: "Cp", memoryGiBPerVCpu: 2, maxConcurrency: 8 });
    expect([...config.scenario].map(([k, s]) => [k, s.value])).toEqual([
      ["capacityProviders.Cp.instanceTypes", ["m7i.xlarge"]],
      ["capacityProviders.Cp.maxVCpu", 40],
      ["capacityProviders.Cp.targetCpuUtilization", 0.7],
    ]);
    expect(config.scenario.get("capacityProviders.Cp.targetCpuUtilization")?.source).toBe("t.yaml#Resources.Cp.Properties.CapacityProviderScalingConfig.ScalingPolicies[0].TargetValue");
    const { resolved } = resolvedScenario(config);
    expect(resolved.ok ? [] : resolved.issues).toEqual([]);
  });

  it("leaves ScalingMode Auto to Lambda's automatic mode (no target written)", () => {
    const config = importText(cfn(
      "          CapacityProviderArn: !GetAtt Cp.Arn",
      `  Cp:
    Type: AWS::Lambda::CapacityProvider
    Properties:
      InstanceRequirements: { AllowedInstanceTypes: [m7i.xlarge] }
      CapacityProviderScalingConfig: { MaxVCpuCount: 40, ScalingMode: Auto }`,
    ));
    expect(config.scenario.has("capacityProviders.Cp.targetCpuUtilization")).toBe(false);
  });

  it("makes a provider ARN outside the template a named provider whose settings are placeholders listed for stderr", () => {
    const arn = "arn:aws:lambda:us-east-1:123456789012:capacity-provider:team-shared";
    const config = importText(cfn(`          CapacityProviderArn: ${arn}`));
    expect(valuesOf(config, "Fn").capacityProvider).toBe("team_shared");
    expect(unresolvedOf(config).map((u) => [u.field, u.why.startsWith(`capacity provider ${arn} is not in this configuration`)])).toEqual([
      ["capacityProviders.team_shared.instanceTypes", true],
      ["capacityProviders.team_shared.maxVCpu", true],
    ]);
    // x86_64 (the function's default architecture): m7i.xlarge; no MaxVCpuCount: the largest AWS allows.
    expect(config.scenario.get("capacityProviders.team_shared.instanceTypes")?.value).toEqual(["m7i.xlarge"]);
    expect(config.scenario.get("capacityProviders.team_shared.maxVCpu")?.value).toBe(15_000);
    const { data, resolved } = resolvedScenario(config);
    expect(resolved.ok ? [] : resolved.issues).toEqual([]);
    expect((data.imported as Record<string, string>)["capacityProviders.team_shared.maxVCpu"]).toMatch(/^placeholder: capacity provider arn:/);
  });

  it("makes an ARN known only at deployment a placeholder provider named after the function", () => {
    const config = importText(cfn("          CapacityProviderArn: !ImportValue shared-capacity"));
    expect(unresolvedOf(config).map((u) => u.field)).toEqual([
      "capacityProviders.Fn_provider.instanceTypes", "capacityProviders.Fn_provider.maxVCpu", "functions.Fn.capacityProvider",
    ]);
    const { resolved } = resolvedScenario(config);
    expect(resolved.ok ? [] : resolved.issues).toEqual([]);
  });
});

/*
 * test/fixtures/import/terraform-managed-instances.json: `terraform show -json` of a plan written after the
 * Terraform JSON output format and the AWS provider's aws_lambda_capacity_provider and aws_lambda_function
 * (capacity_provider_config) documentation. orders-api refers to the plan's provider (its ARN known only after
 * apply, found through configuration's references); report-builder names a provider outside the plan by ARN.
 */
describe("import of Lambda Managed Instances from a Terraform plan", () => {
  const TF = "terraform-managed-instances.json";
  const config = importFixture(TF);
  const LMI = "capacity_provider_config[0].lambda_managed_instances_capacity_provider_config[0]";

  it("puts a function on the plan's provider through the reference of its ARN known only after apply", () => {
    expect(valuesOf(config, "orders-api")).toMatchObject({ capacityProvider: "shared_graviton", memoryGiBPerVCpu: 2, maxConcurrency: 100, architecture: "arm64" });
    expect(sourcesOf(config, "orders-api").maxConcurrency).toBe(`${TF}#aws_lambda_function.api.${LMI}.per_execution_environment_max_concurrency`);
  });

  it("imports aws_lambda_capacity_provider: allowed types, max_vcpu_count and the Manual CPU policy's target as a fraction", () => {
    const P = `${TF}#aws_lambda_capacity_provider.shared`;
    expect(config.scenario.get("capacityProviders.shared_graviton.instanceTypes")).toEqual({ value: ["m7g.xlarge", "m7g.2xlarge"], source: `${P}.instance_requirements[0].allowed_instance_types` });
    expect(config.scenario.get("capacityProviders.shared_graviton.maxVCpu")).toEqual({ value: 96, source: `${P}.capacity_provider_scaling_config[0].max_vcpu_count` });
    expect(config.scenario.get("capacityProviders.shared_graviton.targetCpuUtilization")).toEqual({ value: 0.6, source: `${P}.capacity_provider_scaling_config[0].scaling_policies[0].target_value` });
  });

  it("makes a provider ARN outside the plan a named provider of placeholders, and leaves an unset concurrency to the runtime's default", () => {
    expect(valuesOf(config, "report-builder")).toMatchObject({ capacityProvider: "team_batch", memoryGiBPerVCpu: 4 });
    expect(valuesOf(config, "report-builder").maxConcurrency).toBeUndefined();
    expect(unresolvedOf(config).map((u) => u.field)).toEqual(["capacityProviders.team_batch.instanceTypes", "capacityProviders.team_batch.maxVCpu"]);
  });

  it("writes a scenario that run accepts: 2-vCPU environments of 100 slots, and Python's 16 per vCPU where the plan sets none", () => {
    const { resolved } = resolvedScenario(config);
    expect(resolved.ok ? [] : resolved.issues).toEqual([]);
    if (!resolved.ok) return;
    const shared = resolved.value.sim.capacityProviders!.find((c) => c.name === "shared_graviton")!;
    expect([shared.instanceTypes[0], shared.maxVCpu, shared.targetUtilization]).toEqual(["m7g.xlarge", 96, 0.6]);
    const [api, reports] = resolved.value.sim.functions;
    expect([api!.managed?.vcpus, api!.managed?.maxConcurrency]).toEqual([2, 100]);
    // 8192 MB at 4 GiB per vCPU: 2 vCPUs; lambda-managed-instances.json function.defaultConcurrencyPerVCpu.python 16.
    expect([reports!.managed?.vcpus, reports!.managed?.maxConcurrency]).toEqual([2, 32]);
  });

  it("leaves ScalingMode Auto to the automatic mode, and a provider without allowed types to a placeholder of its architecture", () => {
    const plan = JSON.parse(readFileSync(resolve(FIXTURES, TF), "utf8")) as { planned_values: { root_module: { resources: Array<{ type: string; values: Record<string, unknown> }> } } };
    const cp = plan.planned_values.root_module.resources.find((r) => r.type === "aws_lambda_capacity_provider")!;
    cp.values.capacity_provider_scaling_config = [{ max_vcpu_count: null, scaling_mode: "Auto", scaling_policies: [] }];
    cp.values.instance_requirements = [{ architectures: ["arm64"], allowed_instance_types: null, excluded_instance_types: ["m7g.large"] }];
    const r = importConfigText(JSON.stringify(plan), TF);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.scenario.has("capacityProviders.shared_graviton.targetCpuUtilization")).toBe(false);
    const types = r.value.scenario.get("capacityProviders.shared_graviton.instanceTypes")!;
    expect(types.value).toEqual(["m7g.xlarge"]);
    expect(types.placeholder).toMatch(/^no allowed_instance_types: Lambda chooses the instances; a general-purpose arm64 xlarge \(lambdasim choice\), .*excluded_instance_types not modelled$/);
    expect(r.value.scenario.get("capacityProviders.shared_graviton.maxVCpu")).toMatchObject({ value: 15_000, placeholder: "no max_vcpu_count: the largest AWS allows (capacityProvider.maxVCpuCount.max)" });
  });
});

/*
 * test/fixtures/import/serverless-managed-instances.yml, written after the Serverless Framework docs
 * "AWS Lambda Managed Instances": search on provider.capacityProviders.highMem (object form, a variable
 * for maxVCpuCount), thumbnails on the framework's `default` provider (no memorySize: 2,048 MB), ingest on
 * a provider outside the service by ARN.
 */
describe("import of Lambda Managed Instances from serverless.yml", () => {
  const SLS = "serverless-managed-instances.yml";
  const config = importFixture(SLS);
  const P = `${SLS}#provider.capacityProviders.highMem`;

  it("reads the object form: provider name, concurrency and memory per vCPU; per-function environment limits become a note", () => {
    expect(valuesOf(config, "search")).toMatchObject({ capacityProvider: "highMem", maxConcurrency: 48, memoryGiBPerVCpu: 4, memoryMB: 8192 });
    expect(sourcesOf(config, "search").maxConcurrency).toBe(`${SLS}#functions.search.capacityProvider.maxConcurrency`);
    expect(fn(config, "search").notes).toEqual([expect.stringMatching(/^serverless-managed-instances\.yml#functions\.search\.capacityProvider\.scaling: not imported/)]);
  });

  it("imports provider.capacityProviders: allowed types, maxVCpuCount through a variable, the manual policy's target as a fraction", () => {
    expect(config.scenario.get("capacityProviders.highMem.instanceTypes")).toEqual({ value: ["r7g.large", "r7g.xlarge"], source: `${P}.instanceRequirements.allowedInstanceTypes` });
    expect(config.scenario.get("capacityProviders.highMem.maxVCpu")).toEqual({ value: 120, source: `${P}.scaling.maxVCpuCount` });
    expect(config.scenario.get("capacityProviders.highMem.targetCpuUtilization")).toEqual({ value: 0.7, source: `${P}.scaling.policies[0].targetValue` });
  });

  it("gives a function on the framework's default provider 2,048 MB and a provider of placeholders of its architecture", () => {
    expect(valuesOf(config, "thumbnails")).toMatchObject({ capacityProvider: "default", memoryMB: 2048, invocation: "sqs" });
    expect(config.scenario.get("capacityProviders.default.instanceTypes")).toMatchObject({ value: ["m7g.xlarge"] });
    expect(config.scenario.get("capacityProviders.ingest_provider.instanceTypes")).toBeUndefined();
    expect(valuesOf(config, "ingest")).toMatchObject({ capacityProvider: "data_platform", memoryMB: 4096 });
    expect(unresolvedOf(config).map((u) => u.field)).toEqual([
      "capacityProviders.default.instanceTypes", "capacityProviders.default.maxVCpu",
      "capacityProviders.data_platform.instanceTypes", "capacityProviders.data_platform.maxVCpu",
      "functions.thumbnails.sqs.visibilityTimeout",
    ]);
    expect(config.scenario.get("capacityProviders.data_platform.instanceTypes")?.value).toEqual(["m7i.xlarge"]);
  });

  it("writes a scenario that run accepts: 2-vCPU search environments of 48 slots, Node.js's 64 per vCPU on the default provider", () => {
    const { resolved } = resolvedScenario(config);
    expect(resolved.ok ? [] : resolved.issues).toEqual([]);
    if (!resolved.ok) return;
    const byName = Object.fromEntries(resolved.value.sim.functions.map((f) => [f.name, f.managed]));
    expect([byName.search?.vcpus, byName.search?.maxConcurrency]).toEqual([2, 48]);
    // 2048 MB at the default 2 GiB per vCPU: one vCPU; lambda-managed-instances.json function.defaultConcurrencyPerVCpu.nodejs 64.
    expect([byName.thumbnails?.vcpus, byName.thumbnails?.maxConcurrency]).toEqual([1, 64]);
    // 4096 MB at 2 GiB per vCPU: 2 vCPUs; Python's 16 per vCPU.
    expect([byName.ingest?.vcpus, byName.ingest?.maxConcurrency]).toEqual([2, 32]);
  });
});
