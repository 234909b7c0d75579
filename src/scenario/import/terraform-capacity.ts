import {
  CPU_METRIC, placeholderProvider, providerName, setProviderInstanceTypes, setProviderMaxVCpu, setProviderTarget,
} from "./capacity-provider-fields.js";
import { asNumber, setKnown, setPlaceholder, type ImportedConfig, type ImportedFunction } from "./imported-config.js";
import { field, first } from "./template-fields.js";
import type { PlannedResource } from "./terraform-plan.js";

/*
 * Lambda Managed Instances in a Terraform plan (AWS provider 6.25 and later): aws_lambda_function's
 * `capacity_provider_config[0].lambda_managed_instances_capacity_provider_config[0]` with
 * `capacity_provider_arn`, `execution_environment_memory_gib_per_vcpu` and
 * `per_execution_environment_max_concurrency` becomes `capacityProvider`, `memoryGiBPerVCpu` and
 * `maxConcurrency`; the aws_lambda_capacity_provider it names (`name`, `instance_requirements[0]` with
 * `architectures`, `allowed_instance_types`, `excluded_instance_types`; `capacity_provider_scaling_config[0]`
 * with `max_vcpu_count`, `scaling_mode` Auto | Manual and `scaling_policies[]` {`predefined_metric_type`,
 * `target_value`}) becomes `capacityProviders.<name>`. Attribute names from the AWS provider's
 * documentation (registry.terraform.io hashicorp/aws: resources lambda_function and lambda_capacity_provider).
 */

/** The nested block that holds a function's LMI settings, as a path of `configuration` expressions. */
const ARN_PATH = "capacity_provider_config.lambda_managed_instances_capacity_provider_config.capacity_provider_arn";

/**
 * Puts each function of the plan that has a capacity provider config on its provider, and imports the
 * providers they name; a provider outside the plan becomes placeholders listed on stderr.
 */
export function attachTerraformCapacity(resources: PlannedResource[], functions: Map<string, ImportedFunction>, config: ImportedConfig, file: string): void {
  const providers = resources.filter((r) => r.type === "aws_lambda_capacity_provider");
  const imported = new Set<string>();
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  for (const [address, f] of functions) {
    const r = byAddress.get(address)!;
    const block = first(field(first(r.values.capacity_provider_config), "lambda_managed_instances_capacity_provider_config"));
    const unknownBlock = first(field(first(r.unknown.capacity_provider_config), "lambda_managed_instances_capacity_provider_config"));
    if (block === undefined && unknownBlock === undefined) continue;
    const base = `${file}#${address}.capacity_provider_config[0].lambda_managed_instances_capacity_provider_config[0]`;
    for (const [name, attr] of [["memoryGiBPerVCpu", "execution_environment_memory_gib_per_vcpu"], ["maxConcurrency", "per_execution_environment_max_concurrency"]] as const) {
      if (field(unknownBlock, attr) === true) setPlaceholder(f, name, `${base}.${attr}`, `${attr} is known only after apply`);
      const v = field(block, attr);
      if (v !== undefined && v !== null) setKnown(f, name, asNumber(v), `${base}.${attr}`);
    }
    const source = `${base}.capacity_provider_arn`;
    const arn = field(block, "capacity_provider_arn");
    const refs = r.references[ARN_PATH] ?? [];
    const named = typeof arn === "string" ? /:capacity-provider:([A-Za-z0-9_-]+)$/.exec(arn)?.[1] : undefined;
    const target = providers.find((p) => refs.includes(p.address)) ?? (named === undefined ? undefined : providers.find((p) => p.values.name === named));
    const arch = f.fields.get("architecture")?.value === "arm64" ? "arm64" : "x86_64";
    if (target !== undefined) {
      const name = providerName(typeof target.values.name === "string" ? target.values.name : target.address.split(".").pop()!);
      setKnown(f, "capacityProvider", name, source);
      if (!imported.has(target.address)) importProvider(target, name, config, `${file}#${target.address}`);
      imported.add(target.address);
    } else if (named !== undefined) {
      const name = providerName(named);
      setKnown(f, "capacityProvider", name, source);
      placeholderProvider(config, name, source, `capacity provider ${arn as string} is not in this plan`, arch);
    } else {
      const name = providerName(`${f.name}_provider`);
      const why = typeof arn === "string" ? `${arn} is not a capacity provider ARN` : "capacity_provider_arn is known only after apply and refers to no aws_lambda_capacity_provider of the plan";
      f.fields.set("capacityProvider", { value: name, source, placeholder: why });
      placeholderProvider(config, name, source, `the function's capacity provider is unknown (${why})`, arch);
    }
  }
}

/** One aws_lambda_capacity_provider as `capacityProviders.<name>`. */
function importProvider(r: PlannedResource, name: string, config: ImportedConfig, source: string): void {
  const requirements = first(r.values.instance_requirements);
  const reqSource = `${source}.instance_requirements[0]`;
  const archs = field(requirements, "architectures");
  const arch = Array.isArray(archs) && archs.length > 0 && archs.every((a) => a === "arm64") ? "arm64" : "x86_64";
  const allowed = field(requirements, "allowed_instance_types");
  const excluded = field(requirements, "excluded_instance_types");
  const hasAllowed = Array.isArray(allowed) && allowed.length > 0;
  setProviderInstanceTypes(
    config, name, hasAllowed ? allowed : undefined, hasAllowed ? `${reqSource}.allowed_instance_types` : requirements === undefined ? source : reqSource, arch,
    "no allowed_instance_types: Lambda chooses the instances", Array.isArray(excluded) && excluded.length > 0 ? `${reqSource}.excluded_instance_types` : undefined,
  );
  const scaling = first(r.values.capacity_provider_scaling_config);
  const scalingSource = `${source}.capacity_provider_scaling_config[0]`;
  const max = field(scaling, "max_vcpu_count");
  const maxKnown = max !== undefined && max !== null;
  setProviderMaxVCpu(config, name, maxKnown ? max : undefined, maxKnown ? `${scalingSource}.max_vcpu_count` : scaling === undefined ? source : scalingSource, "no max_vcpu_count");
  if (field(scaling, "scaling_mode") !== "Manual") return; // Auto (the default): lambdasim's automatic mode applies
  const policies = field(scaling, "scaling_policies");
  const k = Array.isArray(policies) ? policies.findIndex((p) => field(p, "predefined_metric_type") === CPU_METRIC) : -1;
  if (k === -1) return;
  setProviderTarget(config, name, field((policies as unknown[])[k], "target_value"), `${scalingSource}.scaling_policies[${k}].target_value`);
}
