import { resolve } from "./intrinsics.js";
import {
  CPU_METRIC, placeholderProvider, providerName, setProviderInstanceTypes, setProviderMaxVCpu, setProviderTarget,
} from "./capacity-provider-fields.js";
import { asNumber, setKnown, type ImportedConfig, type ImportedFunction } from "./imported-config.js";
import { as, child, field, referencedId, take, type Located, type TemplateScope } from "./template-fields.js";

/*
 * Lambda Managed Instances in a template: a function's `CapacityProviderConfig` (CloudFormation
 * AWS::Lambda::Function `CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig` with
 * `CapacityProviderArn`; SAM AWS::Serverless::Function `CapacityProviderConfig` with `Arn`; both with
 * `ExecutionEnvironmentMemoryGiBPerVCpu` and `PerExecutionEnvironmentMaxConcurrency`) becomes
 * `capacityProvider`, `memoryGiBPerVCpu` and `maxConcurrency`; the provider it names, an
 * `AWS::Lambda::CapacityProvider` (`InstanceRequirements.AllowedInstanceTypes`,
 * `CapacityProviderScalingConfig` with `MaxVCpuCount`, `ScalingMode`, `ScalingPolicies`) or an
 * `AWS::Serverless::CapacityProvider` (`InstanceRequirements.AllowedTypes`, `ScalingConfig` with
 * `MaxVCpuCount` and `AverageCPUUtilization`), becomes `capacityProviders.<name>`. Field names from the
 * AWS CloudFormation Template Reference and the AWS SAM specification (lambda-managed-instances.json M3, M4).
 */

/** The capacity provider resource types read. */
export const CAPACITY_PROVIDER_TYPES = new Set(["AWS::Lambda::CapacityProvider", "AWS::Serverless::CapacityProvider"]);

/**
 * Attaches each function's capacity provider settings, and imports the providers they name into
 * `config.scenario` (`capacityProviders.<name>.<field>`); a provider outside the template becomes placeholders.
 */
export function attachCapacityProviders(
  scope: TemplateScope,
  resources: Record<string, unknown>,
  byLogicalId: Map<string, ImportedFunction>,
  config: ImportedConfig,
  globals: unknown,
): void {
  const imported = new Set<string>();
  for (const [id, f] of byLogicalId) {
    const props = field(resources[id], "Properties");
    const sam = field(resources[id], "Type") === "AWS::Serverless::Function";
    const base = `${scope.file}#Resources.${id}.Properties`;
    const cfg: Located | undefined =
      field(props, "CapacityProviderConfig") !== undefined ? { raw: field(props, "CapacityProviderConfig"), source: `${base}.CapacityProviderConfig` }
      : sam && field(globals, "CapacityProviderConfig") !== undefined ? { raw: field(globals, "CapacityProviderConfig"), source: `${scope.file}#Globals.Function.CapacityProviderConfig` }
      : undefined;
    if (cfg === undefined) continue;
    const inner = child(cfg, "LambdaManagedInstancesCapacityProviderConfig") ?? cfg;
    take(scope, f, "memoryGiBPerVCpu", child(inner, "ExecutionEnvironmentMemoryGiBPerVCpu"), as(asNumber));
    take(scope, f, "maxConcurrency", child(inner, "PerExecutionEnvironmentMaxConcurrency"), as(asNumber));
    const arn = child(inner, "CapacityProviderArn") ?? child(inner, "Arn") ?? { raw: undefined, source: `${inner.source}.CapacityProviderArn` };
    const refId = referencedId(arn.raw);
    if (refId !== undefined && CAPACITY_PROVIDER_TYPES.has(String(field(resources[refId], "Type")))) {
      const name = providerName(refId);
      setKnown(f, "capacityProvider", name, arn.source);
      if (!imported.has(refId)) importProvider(scope, config, name, refId, resources[refId]);
      imported.add(refId);
      continue;
    }
    const r = arn.raw === undefined ? { ok: false as const, why: "no capacity provider ARN" } : resolve(arn.raw, scope.ctx);
    const text = r.ok && typeof r.value === "string" ? r.value : undefined;
    const m = text === undefined ? null : /:capacity-provider:([A-Za-z0-9_-]+)$/.exec(text);
    const arch = f.fields.get("architecture")?.value === "arm64" ? "arm64" : "x86_64";
    if (m !== null) {
      const name = providerName(m[1]!);
      setKnown(f, "capacityProvider", name, arn.source);
      placeholderProvider(config, name, arn.source, `capacity provider ${text} is not in this configuration`, arch);
    } else {
      const name = providerName(`${f.name}_provider`);
      const why = r.ok ? `${String(r.value)} is not a capacity provider ARN or a capacity provider of the template` : r.why;
      f.fields.set("capacityProvider", { value: name, source: arn.source, placeholder: why });
      placeholderProvider(config, name, arn.source, `the function's capacity provider is unknown (${why})`, arch);
    }
  }
}

/** One provider resource of the template as `capacityProviders.<name>`. */
function importProvider(scope: TemplateScope, config: ImportedConfig, name: string, id: string, resource: unknown): void {
  const sam = field(resource, "Type") === "AWS::Serverless::CapacityProvider";
  const props: Located = { raw: field(resource, "Properties") ?? {}, source: `${scope.file}#Resources.${id}.Properties` };
  const requirements = child(props, "InstanceRequirements");
  const archs = resolve(child(requirements, "Architectures")?.raw ?? [], scope.ctx);
  const arch = archs.ok && Array.isArray(archs.value) && archs.value.length > 0 && archs.value.every((a) => a === "arm64") ? "arm64" : "x86_64";
  const allowed = child(requirements, sam ? "AllowedTypes" : "AllowedInstanceTypes");
  const types = allowed === undefined ? undefined : resolve(allowed.raw, scope.ctx);
  const excluded = child(requirements, sam ? "ExcludedTypes" : "ExcludedInstanceTypes");
  const why = types === undefined ? `no ${sam ? "AllowedTypes" : "AllowedInstanceTypes"}: Lambda chooses the instances` : types.ok ? "" : types.why;
  setProviderInstanceTypes(config, name, types?.ok === true ? types.value : undefined, allowed?.source ?? props.source, arch, why, excluded?.source);
  const scaling = child(props, sam ? "ScalingConfig" : "CapacityProviderScalingConfig");
  const max = child(scaling, "MaxVCpuCount");
  const maxValue = max === undefined ? undefined : resolve(max.raw, scope.ctx);
  setProviderMaxVCpu(config, name, maxValue?.ok === true ? maxValue.value : undefined, max?.source ?? props.source, maxValue === undefined ? "no MaxVCpuCount" : maxValue.ok ? "" : maxValue.why);
  const target = sam ? child(scaling, "AverageCPUUtilization") : cpuPolicyTarget(scope, scaling);
  if (target === undefined) return; // automatic mode: lambdasim's default target applies
  const t = resolve(target.raw, scope.ctx);
  setProviderTarget(config, name, t.ok ? t.value : undefined, target.source, t.ok ? undefined : t.why);
}

/** The TargetValue of the CPU target tracking policy of a CloudFormation scaling config (ScalingMode Manual), or undefined (Auto). */
function cpuPolicyTarget(scope: TemplateScope, scaling: Located | undefined): Located | undefined {
  const mode = resolve(field(scaling?.raw, "ScalingMode"), scope.ctx);
  if (mode.ok && mode.value === "Auto") return undefined;
  const policies = field(scaling?.raw, "ScalingPolicies");
  if (!Array.isArray(policies)) return undefined;
  const k = policies.findIndex((p) => {
    const metric = resolve(field(p, "PredefinedMetricType"), scope.ctx);
    return metric.ok && metric.value === CPU_METRIC;
  });
  return k === -1 ? undefined : child({ raw: policies[k], source: `${scaling!.source}.ScalingPolicies[${k}]` }, "TargetValue");
}
