import { asNumber, type ImportedConfig } from "./imported-config.js";

/*
 * The scenario's `capacityProviders.<name>.<field>` as every import format writes them (CloudFormation and
 * SAM, Terraform plans, serverless.yml): the provider's name, its instance types, vCPU ceiling and CPU
 * target, or the placeholders that stand in for what the configuration leaves to Lambda.
 */

/** The only metric a target tracking policy may track (Lambda API TargetTrackingScalingPolicy, lambda-managed-instances.json M4). */
export const CPU_METRIC = "LambdaCapacityProviderAverageCPUUtilization";

/**
 * Placeholder instance type when the configuration names none (Lambda then chooses): a general-purpose
 * xlarge of the architecture, arm64 → m7g.xlarge, x86_64 (AWS's default architecture) → m7i.xlarge. lambdasim choice.
 */
export const PLACEHOLDER_INSTANCE = { arm64: "m7g.xlarge", x86_64: "m7i.xlarge" } as const;

/** Placeholder maxVCpu when the configuration sets none: the largest AWS allows (lambda-managed-instances.json capacityProvider.maxVCpuCount.max). */
export const PLACEHOLDER_MAX_VCPU = 15_000;

/** A scenario name for a capacity provider: letters, digits and `_` (so that `imported:` keys can cite it), 1..64. */
export function providerName(wanted: string): string {
  const cleaned = wanted.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 64);
  return cleaned === "" ? "provider" : cleaned;
}

/** The scenario path of one field of provider `name`. */
function key(name: string, field: string): string {
  return `capacityProviders.${name}.${field}`;
}

/**
 * Writes the provider's `instanceTypes`: the allowed list from `source`, or (types undefined) a general-purpose
 * placeholder of `arch` that says `why` and, when the configuration excludes types instead, that the exclusion is not modelled.
 */
export function setProviderInstanceTypes(
  config: ImportedConfig, name: string, types: unknown, source: string, arch: "arm64" | "x86_64", why: string, excludedSource?: string,
): void {
  if (types !== undefined) {
    config.scenario.set(key(name, "instanceTypes"), { value: types, source });
    return;
  }
  config.scenario.set(key(name, "instanceTypes"), {
    value: [PLACEHOLDER_INSTANCE[arch]],
    source,
    placeholder: `${why}; a general-purpose ${arch} xlarge (lambdasim choice)${excludedSource === undefined ? "" : `, ${excludedSource} not modelled`}`,
  });
}

/** Writes the provider's `maxVCpu` from `source`, or (value undefined) the largest AWS allows as a placeholder saying `why`. */
export function setProviderMaxVCpu(config: ImportedConfig, name: string, value: unknown, source: string, why: string): void {
  if (value !== undefined) config.scenario.set(key(name, "maxVCpu"), { value: asNumber(value), source });
  else config.scenario.set(key(name, "maxVCpu"), { value: PLACEHOLDER_MAX_VCPU, source, placeholder: `${why}: the largest AWS allows (capacityProvider.maxVCpuCount.max)` });
}

/**
 * Writes the provider's `targetCpuUtilization` from a percentage (0-100 in every configuration format; a
 * fraction in the scenario), or a placeholder saying `unresolved` when the value is known only at deployment.
 */
export function setProviderTarget(config: ImportedConfig, name: string, percent: unknown, source: string, unresolved?: string): void {
  const n = asNumber(percent);
  if (unresolved === undefined && typeof n === "number") config.scenario.set(key(name, "targetCpuUtilization"), { value: n / 100, source });
  else config.scenario.set(key(name, "targetCpuUtilization"), { value: undefined, source, placeholder: unresolved ?? `${String(percent)} is not a percentage` });
}

/** A provider known only by name: placeholder instance type and maxVCpu, listed on stderr; nothing when it is already imported. */
export function placeholderProvider(config: ImportedConfig, name: string, source: string, why: string, arch: "arm64" | "x86_64"): void {
  if (config.scenario.has(key(name, "instanceTypes"))) return;
  config.scenario.set(key(name, "instanceTypes"), { value: [PLACEHOLDER_INSTANCE[arch]], source, placeholder: `${why}: a general-purpose ${arch} xlarge (lambdasim choice)` });
  setProviderMaxVCpu(config, name, undefined, source, why);
}
