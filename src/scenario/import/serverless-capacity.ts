import {
  CPU_METRIC, placeholderProvider, providerName, setProviderInstanceTypes, setProviderMaxVCpu, setProviderTarget,
} from "./capacity-provider-fields.js";
import { asNumber, setKnown, type ImportedConfig, type ImportedFunction } from "./imported-config.js";
import type { Mapped } from "./lambda-names.js";
import { resolveVariables } from "./serverless-variables.js";
import { field, referencedId, type Located } from "./template-fields.js";

/*
 * Lambda Managed Instances in a serverless.yml (Serverless Framework docs, "AWS Lambda Managed Instances"):
 * `provider.capacityProviders.<name>` with `instanceRequirements` (`allowedInstanceTypes`,
 * `excludedInstanceTypes`, `architectures`) and `scaling` (`mode` auto | manual, `maxVCpuCount`,
 * `policies[]` {`predefinedMetricType`, `targetValue`}); a function's `capacityProvider`, either a name (of
 * provider.capacityProviders, or `default`, which the framework creates), an ARN or an intrinsic, or
 * `{ name, maxConcurrency, memoryPerVCpu, scaling }`. A function on a provider without a memorySize gets
 * the framework's 2,048 MB.
 */

/** The memorySize the framework gives a function on a capacity provider when none is set (the same docs). */
const LMI_MEMORY_MB = 2048;

/** Sets a field from a located value through the importer's variable resolution and conversion. */
export type Take = (name: string, from: Located | undefined, convert: (v: unknown) => Mapped<unknown>) => void;

/** Where the function `key` of `file` is on a capacity provider: its fields, and the provider it names imported into `config`. */
export function attachServerlessCapacity(
  f: ImportedFunction, def: unknown, key: string, data: unknown, file: string, config: ImportedConfig, take: Take,
): void {
  const raw = field(def, "capacityProvider");
  if (raw === undefined || raw === null || raw === false) return;
  const base = `${file}#functions.${key}.capacityProvider`;
  const object = raw !== null && typeof raw === "object" && !Array.isArray(raw) && field(raw, "name") !== undefined;
  const at = (k: string): Located | undefined => (object && field(raw, k) !== undefined ? { raw: field(raw, k), source: `${base}.${k}` } : undefined);
  const num = (v: unknown): Mapped<unknown> => ({ ok: true, value: asNumber(v) });
  take("maxConcurrency", at("maxConcurrency"), num);
  take("memoryGiBPerVCpu", at("memoryPerVCpu"), num);
  if (at("scaling") !== undefined) f.notes.push(`${base}.scaling: not imported, lambdasim does not model per-function environment limits (environments follow the provider's scaling)`);
  if (field(def, "memorySize") === undefined && field(field(data, "provider"), "memorySize") === undefined) {
    setKnown(f, "memoryMB", LMI_MEMORY_MB, `${base} (the Serverless Framework's memorySize for a capacity provider function)`);
  }
  const nameSource = object ? `${base}.name` : base;
  const named = resolveVariables(object ? field(raw, "name") : raw, data);
  const arch = f.fields.get("architecture")?.value === "arm64" ? "arm64" : "x86_64";
  const defined = field(field(data, "provider"), "capacityProviders");
  if (named.ok && typeof named.value === "string" && field(defined, named.value) !== undefined) {
    const name = providerName(named.value);
    setKnown(f, "capacityProvider", name, nameSource);
    if (!config.scenario.has(`capacityProviders.${name}.instanceTypes`)) importProvider(named.value, name, data, file, config);
    return;
  }
  if (named.ok && named.value === "default") {
    // The framework creates a default provider: automatic scaling, any compatible instance type, no vCPU limit.
    setKnown(f, "capacityProvider", "default", nameSource);
    placeholderProvider(config, "default", nameSource, "the framework's default capacity provider lets Lambda choose the instances and sets no vCPU limit", arch);
    return;
  }
  const text = named.ok && typeof named.value === "string" ? named.value : undefined;
  const arnName = text === undefined ? undefined : /:capacity-provider:([A-Za-z0-9_-]+)$/.exec(text)?.[1];
  if (arnName !== undefined) {
    const name = providerName(arnName);
    setKnown(f, "capacityProvider", name, nameSource);
    placeholderProvider(config, name, nameSource, `capacity provider ${text!} is not in this configuration`, arch);
    return;
  }
  const id = referencedId(object ? field(raw, "name") : raw);
  const name = providerName(id ?? `${f.name}_provider`);
  const why = id !== undefined ? `${id} is a resource of resources.Resources, not read as a capacity provider`
    : named.ok ? `${String(named.value)} is neither a provider of provider.capacityProviders nor a capacity provider ARN`
    : named.why;
  f.fields.set("capacityProvider", { value: name, source: nameSource, placeholder: why });
  placeholderProvider(config, name, nameSource, `the function's capacity provider is unknown (${why})`, arch);
}

/** provider.capacityProviders.<wanted> as `capacityProviders.<name>`, variables evaluated. */
function importProvider(wanted: string, name: string, data: unknown, file: string, config: ImportedConfig): void {
  const source = `${file}#provider.capacityProviders.${wanted}`;
  const def = resolveVariables(field(field(field(data, "provider"), "capacityProviders"), wanted), data);
  const body = def.ok ? def.value : undefined;
  const requirements = field(body, "instanceRequirements");
  const archs = field(requirements, "architectures") ?? field(field(data, "provider"), "architecture");
  const list = Array.isArray(archs) ? archs : [archs];
  const arch = list.length > 0 && list.every((a) => a === "arm64") ? "arm64" : "x86_64";
  const allowed = field(requirements, "allowedInstanceTypes");
  const hasAllowed = Array.isArray(allowed) && allowed.length > 0;
  const excluded = field(requirements, "excludedInstanceTypes");
  const why = !def.ok ? def.why : "no allowedInstanceTypes: Lambda chooses the instances";
  setProviderInstanceTypes(
    config, name, hasAllowed ? allowed : undefined, hasAllowed ? `${source}.instanceRequirements.allowedInstanceTypes` : source, arch, why,
    Array.isArray(excluded) && excluded.length > 0 ? `${source}.instanceRequirements.excludedInstanceTypes` : undefined,
  );
  const scaling = field(body, "scaling");
  const max = field(scaling, "maxVCpuCount");
  setProviderMaxVCpu(config, name, max ?? undefined, max === undefined ? source : `${source}.scaling.maxVCpuCount`, !def.ok ? def.why : "no scaling.maxVCpuCount");
  if (String(field(scaling, "mode")).toLowerCase() !== "manual") return; // auto (the default): lambdasim's automatic mode applies
  const policies = field(scaling, "policies");
  const k = Array.isArray(policies) ? policies.findIndex((p) => field(p, "predefinedMetricType") === CPU_METRIC) : -1;
  if (k !== -1) setProviderTarget(config, name, field((policies as unknown[])[k], "targetValue"), `${source}.scaling.policies[${k}].targetValue`);
}
