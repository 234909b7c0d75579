import { describe, expect, it } from "vitest";
import { resolveScenarioData } from "../../../src/scenario/index.js";
import { importConfigText, importedScenarioText, unresolvedOf, type ImportedConfig } from "../../../src/scenario/import/index.js";
import { parseYaml } from "../../../src/scenario/parse-document.js";
import { importFixture, sourcesOf, valuesOf } from "./support.js";

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
