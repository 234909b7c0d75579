import { z } from "zod";
import type { CapacityProviderConfig, ManagedFunctionConfig } from "../platform/managed/managed-config.js";
import type { PriceCatalog } from "../pricing/catalog/types.js";
import type { DurationScalingInput } from "./dist-schema.js";
import { valueAt, type Issue } from "./issues.js";
import { jsonHint } from "./json-hints.js";
import { durationWithUnit, integer, matching, numberIn, strictObject } from "./leaves.js";
import { CONCURRENCY_PER_VCPU, MANAGED, runtimeFamily } from "./managed-defaults.js";
import { LIMITS } from "./defaults.js";
import { ALLOWED } from "./messages.js";

/*
 * Lambda Managed Instances (DESIGN.md "Contracts added in 2026-12"): the `capacityProviders:` section,
 * a function's `capacityProvider`, `memoryGiBPerVCpu` and `maxConcurrency`, their checks and defaults.
 * Facts: data/reference/lambda-managed-instances.json (cited by key); what AWS does not publish
 * (`notDocumented`) is a lambdasim choice, named as such.
 */

/** Runtimes LMI supports (`function.runtimes`: java21+, python3.13+, nodejs22.x+, dotnet8+, provided.al2023), as spelled in RUNTIMES. */
export const MANAGED_RUNTIMES = ["nodejs22.x", "nodejs24.x", "python3.13", "python3.14", "java21", "java25", "dotnet8", "dotnet10", "provided.al2023"] as const;

const ALLOWED_LMI = {
  providers: "a mapping of capacity provider names to { instanceTypes, maxVCpu, targetCpuUtilization, minInstances, launchDelay, pricing }",
  provider: "{ instanceTypes: [m7g.xlarge], maxVCpu: 400, targetCpuUtilization: 0.5, minInstances: 3, launchDelay: 3m, pricing: onDemand }",
  providerName: "a name of 1..64 letters, digits, '-' or '_'",
  instanceTypes: "a list of EC2 instance types, e.g. [m7g.xlarge] or [m7g.xlarge, c7g.xlarge] (launched in turn)",
  instanceType: "an EC2 instance type such as m7g.xlarge",
  maxVCpu: `an integer ${MANAGED.maxVCpu.min}..${MANAGED.maxVCpu.max} (lambda-managed-instances.json capacityProvider.maxVCpuCount)`,
  target: "a fraction in (0, 1], the average CPU utilisation to track, e.g. 0.5 (leave it out for Lambda's automatic mode)",
  minInstances: "an integer ≥ 0",
  launchDelay: "a duration with a unit, 0s..1h, e.g. 3m",
  pricing: "onDemand, savingsPlan (the catalog's largest EC2 Compute Savings Plan discount) or { savingsPlan: 0.3 } (up to the deepest EC2 commitment discount); Lambda Managed Instances does not offer Spot",
  capacityProvider: "the name of one of the scenario's capacityProviders",
  ratio: `a number ${MANAGED.ratio.min}..${MANAGED.ratio.max}, GiB of memory per vCPU (lambda-managed-instances.json function.memoryGiBPerVCpu)`,
  maxConcurrency: `an integer ${MANAGED.maxConcurrency.min}..${MANAGED.maxConcurrency.max} (lambda-managed-instances.json function.maxConcurrencyPerEnvironment)`,
};

/** `pricing:` of a capacity provider, parsed: a plan and a discount (undefined: the catalog's largest). */
const providerPricing = jsonHint(z.unknown(), {
  json: {
    anyOf: [
      { type: "string", enum: ["onDemand", "savingsPlan"] },
      { type: "object", properties: { savingsPlan: { type: "number", minimum: 0, exclusiveMaximum: 1 } }, required: ["savingsPlan"], additionalProperties: false },
    ],
  },
}).transform((input, ctx): { plan: "onDemand" | "savingsPlan"; discount?: number } => {
  if (input === "onDemand" || input === "savingsPlan") return { plan: input };
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    const entries = Object.entries(input);
    if (entries.length === 1 && entries[0]![0] === "savingsPlan" && typeof entries[0]![1] === "number" && entries[0]![1] >= 0 && entries[0]![1] < 1) {
      return { plan: "savingsPlan", discount: entries[0]![1] };
    }
  }
  ctx.addIssue({ code: "custom", message: ALLOWED_LMI.pricing, input });
  return z.NEVER;
});

/** One capacity provider's settings (also the fields of compare.managedInstances). */
export const providerSchema = strictObject(
  {
    instanceTypes: z
      .array(matching(ALLOWED_LMI.instanceType, /^[a-z0-9-]+\.[a-z0-9]+$/), { error: ALLOWED_LMI.instanceTypes })
      .min(1, { error: ALLOWED_LMI.instanceTypes }),
    maxVCpu: integer(ALLOWED_LMI.maxVCpu, MANAGED.maxVCpu.min, MANAGED.maxVCpu.max),
    targetCpuUtilization: z.number({ error: ALLOWED_LMI.target }).gt(0, { error: ALLOWED_LMI.target }).max(1, { error: ALLOWED_LMI.target }).optional(),
    minInstances: integer(ALLOWED_LMI.minInstances, 0).optional(),
    launchDelay: durationWithUnit(ALLOWED_LMI.launchDelay, (ms) => ms >= 0 && ms <= 3_600_000).optional(),
    pricing: providerPricing.optional(),
  },
  ALLOWED_LMI.provider,
);

/** `capacityProviders:` a mapping of provider names to their settings. */
export const capacityProvidersSchema = z.record(matching(ALLOWED_LMI.providerName, /^[A-Za-z0-9_-]{1,64}$/), providerSchema, { error: ALLOWED_LMI.providers });

/** The function fields of LMI (spread into the function schema). */
export const managedFunctionFields = {
  capacityProvider: matching(ALLOWED_LMI.capacityProvider, /^[A-Za-z0-9_-]{1,64}$/).optional(),
  memoryGiBPerVCpu: numberIn(ALLOWED_LMI.ratio, MANAGED.ratio.min, MANAGED.ratio.max).optional(),
  maxConcurrency: integer(ALLOWED_LMI.maxConcurrency, MANAGED.maxConcurrency.min, MANAGED.maxConcurrency.max).optional(),
};

/** Parsed `capacityProviders`. */
export type ParsedCapacityProviders = z.output<typeof capacityProvidersSchema>;

/** Environment size of a function on a capacity provider: vCPUs = memory (GiB) / ratio. */
function environmentVCpu(memoryMB: number, ratio: number): number {
  return memoryMB / 1024 / ratio;
}

/**
 * The LMI checks across fields, on the raw input (fields that are themselves invalid are left to the
 * schema): instance types known to the catalog, a minimum that fits maxVCpu, and for each function on
 * a capacity provider a known provider, a supported runtime, memory ≥ 2,048 MB, whole vCPUs that fit
 * the instance, no provisioned concurrency, SnapStart or reserved concurrency, and a concurrency default.
 */
export function managedIssues(raw: unknown, catalog: PriceCatalog): Issue[] {
  const issues: Issue[] = [];
  const providersRaw = valueAt(raw, ["capacityProviders"]);
  const providers = providersRaw !== null && typeof providersRaw === "object" && !Array.isArray(providersRaw) ? (providersRaw as Record<string, unknown>) : {};
  const known = Object.keys(catalog.ec2.instances);
  // Each provider's allowed types with their sizes and places in the list (known types only), and its functions' environments.
  const sizes = new Map<string, Array<{ type: string; at: number; vcpu: number; memoryGiB: number }>>();
  const environments = new Map<string, Array<{ vcpu: number; memoryGiB: number }>>();
  for (const [name, p] of Object.entries(providers)) {
    const types = valueAt(p, ["instanceTypes"]);
    const shapes: Array<{ type: string; at: number; vcpu: number; memoryGiB: number }> = [];
    if (Array.isArray(types)) {
      types.forEach((t, k) => {
        if (typeof t !== "string") return;
        const it = catalog.ec2.instances[t];
        if (types.indexOf(t) < k) {
          issues.push({ path: `capacityProviders.${name}.instanceTypes[${k}]`, value: t, allowed: `an instance type not already listed (instanceTypes[${types.indexOf(t)}] is ${t})` });
        } else if (it === undefined) {
          issues.push({
            path: `capacityProviders.${name}.instanceTypes[${k}]`,
            value: t,
            allowed: `an EC2 instance type of the price catalog (${known.length} types, e.g. ${known.filter((n) => /^(m7g|c7g|m7i)\./.test(n)).slice(0, 4).join(", ")}) or one your pricing.catalog file adds`,
          });
        } else shapes.push({ type: t, at: k, vcpu: it.vcpu, memoryGiB: it.memoryGiB });
      });
    }
    const allKnown = Array.isArray(types) && shapes.length === types.length;
    if (allKnown) sizes.set(name, shapes);
    environments.set(name, []);
    const maxVCpu = valueAt(p, ["maxVCpu"]);
    const minRaw = valueAt(p, ["minInstances"]);
    const min = minRaw === undefined ? MANAGED.minInstances.value : minRaw;
    if (allKnown && shapes.length > 0 && typeof maxVCpu === "number" && typeof min === "number") {
      // The minimum's instances are launched in turn over the types (round robin), as the model does.
      let need = 0;
      for (let k = 0; k < min; k++) need += shapes[k % shapes.length]!.vcpu;
      if (need > maxVCpu) {
        const of = shapes.length === 1 ? `× ${shapes[0]!.vcpu} vCPUs of ${shapes[0]!.type}` : `launched in turn over ${shapes.map((x) => `${x.type} (${x.vcpu} vCPUs)`).join(", ")}`;
        issues.push({
          path: `capacityProviders.${name}.maxVCpu`,
          value: maxVCpu,
          allowed: `at least ${need}: minInstances (${min}${minRaw === undefined ? ", the default" : ""}) ${of}`,
        });
      }
    }
    const pricing = valueAt(p, ["pricing"]);
    if (pricing === "savingsPlan" || (pricing !== null && typeof pricing === "object" && "savingsPlan" in pricing)) {
      const d = valueAt(pricing, ["savingsPlan"]);
      // Savings Plans and Reserved Instances apply to the EC2 part (lambda-managed-instances.json pricing.ec2InstancePrice):
      // up to the deepest EC2 commitment, the 72 % of AWS's own m7g.xlarge example (commitmentDiscounts.lambdaManagedInstancesExample).
      const max = catalog.discounts.ec2CommitmentMax;
      if (typeof d === "number" && d > max.value) {
        issues.push({ path: `capacityProviders.${name}.pricing.savingsPlan`, value: d, allowed: `a discount 0..${max.value} (the deepest EC2 commitment discount, ${max.ref})` });
      }
    }
  }

  const functions = valueAt(raw, ["functions"]);
  if (!Array.isArray(functions)) return issues;
  functions.forEach((fn, i) => {
    const at = (key: string) => `functions[${i}].${key}`;
    const provider = valueAt(fn, ["capacityProvider"]);
    if (provider === undefined) {
      const memory = valueAt(fn, ["memoryMB"]);
      if (typeof memory === "number" && Number.isInteger(memory) && memory > LIMITS.memoryMB.max && memory <= MANAGED.maxEnvironment.memoryMB) {
        issues.push({ path: at("memoryMB"), value: memory, allowed: ALLOWED.memoryMB });
      }
      for (const key of ["memoryGiBPerVCpu", "maxConcurrency"]) {
        const v = valueAt(fn, [key]);
        if (v !== undefined) issues.push({ path: at(key), value: v, allowed: "only with capacityProvider (a setting of Lambda Managed Instances)" });
      }
      return;
    }
    if (typeof provider !== "string") return;
    if (!(provider in providers)) {
      const names = Object.keys(providers);
      issues.push({
        path: at("capacityProvider"),
        value: provider,
        allowed: names.length > 0 ? `one of the scenario's capacityProviders: ${names.join(", ")}` : "the name of a capacity provider defined under capacityProviders: (there is none)",
      });
    }
    const runtime = valueAt(fn, ["runtime"]);
    if (typeof runtime === "string" && !(MANAGED_RUNTIMES as readonly string[]).includes(runtime)) {
      issues.push({
        path: at("runtime"),
        value: runtime,
        allowed: `a runtime Lambda Managed Instances supports: ${MANAGED_RUNTIMES.join(", ")} (lambda-managed-instances.json function.runtimes)`,
      });
    }
    const memory = valueAt(fn, ["memoryMB"]);
    if (typeof memory === "number" && memory > MANAGED.maxEnvironment.memoryMB) {
      issues.push({
        path: at("memoryMB"),
        value: memory,
        allowed: `at most ${MANAGED.maxEnvironment.memoryMB} MB (${MANAGED.maxEnvironment.vcpu} vCPUs) on a capacity provider (${MANAGED.maxEnvironment.source})`,
      });
    }
    if (memory === undefined || (typeof memory === "number" && memory < MANAGED.minMemoryMB)) {
      issues.push({
        path: at("memoryMB"),
        value: memory,
        allowed: `at least ${MANAGED.minMemoryMB} MB on a capacity provider (lambda-managed-instances.json function.minimumSize: 2 GB, 1 vCPU)${memory === undefined ? "; the on-demand default 128 does not apply" : ""}`,
      });
    }
    for (const key of ["provisionedConcurrency", "reservedConcurrency"]) {
      const v = valueAt(fn, [key]);
      if (v !== undefined) issues.push({ path: at(key), value: v, allowed: `none on a capacity provider: ${key} belongs to on-demand Lambda (capacity comes from the provider's instances)` });
    }
    const snap = valueAt(fn, ["snapStart"]);
    if (snap === true) issues.push({ path: at("snapStart"), value: snap, allowed: "false on a capacity provider: environments start before requests arrive, SnapStart does not apply" });
    const ratioRaw = valueAt(fn, ["memoryGiBPerVCpu"]);
    const ratio = ratioRaw === undefined ? MANAGED.memoryGiBPerVCpu.value : ratioRaw;
    if (typeof memory === "number" && memory >= MANAGED.minMemoryMB && typeof ratio === "number" && ratio >= MANAGED.ratio.min && ratio <= MANAGED.ratio.max) {
      const vcpu = environmentVCpu(memory, ratio);
      if (Math.abs(vcpu - Math.round(vcpu)) > 1e-9) {
        issues.push({
          path: at("memoryMB"),
          value: memory,
          allowed: `a multiple of ${ratio * 1024} MB: memoryMB / 1024 / memoryGiBPerVCpu (${ratio}${ratioRaw === undefined ? ", the default" : ""}) must be a whole number of vCPUs`,
        });
      } else {
        const shapes = typeof provider === "string" ? sizes.get(provider) : undefined;
        if (shapes && shapes.length > 0 && !shapes.some((x) => fits(x, vcpu, memory / 1024))) {
          const list = shapes.map((x) => `${x.type} (${x.vcpu} vCPUs, ${x.memoryGiB} GiB)`).join(", ");
          issues.push({
            path: at("memoryMB"),
            value: memory,
            allowed: `an environment that fits one ${shapes.length === 1 ? list : `of ${list}`}: this one needs ${vcpu} vCPUs and ${memory / 1024} GiB`,
          });
        } else if (typeof provider === "string") environments.get(provider)?.push({ vcpu, memoryGiB: memory / 1024 });
      }
    }
    if (valueAt(fn, ["maxConcurrency"]) === undefined && typeof runtime === "string" && runtimeFamily(runtime) === null) {
      issues.push({
        path: at("maxConcurrency"),
        value: undefined,
        allowed: `required for ${runtime}: AWS publishes no default concurrency per vCPU for it (lambda-managed-instances.json function.defaultConcurrencyPerVCpu)`,
      });
    }
  });
  // Every allowed type must hold at least one of its provider's environments (else its instances would stand empty).
  for (const [name, shapes] of sizes) {
    const envs = environments.get(name) ?? [];
    if (envs.length === 0) continue;
    for (const x of shapes) {
      if (envs.some((e) => fits(x, e.vcpu, e.memoryGiB))) continue;
      const smallest = envs.reduce((a, b) => (b.vcpu < a.vcpu || (b.vcpu === a.vcpu && b.memoryGiB < a.memoryGiB) ? b : a));
      issues.push({
        path: `capacityProviders.${name}.instanceTypes[${x.at}]`,
        value: x.type,
        allowed: `an instance type that holds at least one of the provider's environments (${x.type} has ${x.vcpu} vCPUs and ${x.memoryGiB} GiB; the smallest environment needs ${smallest.vcpu} vCPUs and ${smallest.memoryGiB} GiB)`,
      });
    }
  }
  return issues;
}

/** Whether an environment of `vcpu` vCPUs and `memoryGiB` fits an empty instance of shape `x`. */
function fits(x: { vcpu: number; memoryGiB: number }, vcpu: number, memoryGiB: number): boolean {
  return vcpu <= x.vcpu && memoryGiB <= x.memoryGiB;
}

/** The resolved capacity providers, in the order of the file; `catalog` gives the instance sizes and the default discount. */
export function buildCapacityProviders(parsed: ParsedCapacityProviders | undefined, catalog: PriceCatalog): CapacityProviderConfig[] {
  return Object.entries(parsed ?? {}).map(([name, p]) => {
    const it = catalog.ec2.instances[p.instanceTypes[0]!]!;
    const plan = p.pricing?.plan ?? "onDemand";
    return {
      name,
      instanceTypes: [...p.instanceTypes],
      instanceVCpu: it.vcpu,
      instanceMemoryGiB: it.memoryGiB,
      instanceShapes: p.instanceTypes.map((type) => ({ type, vcpu: catalog.ec2.instances[type]!.vcpu, memoryGiB: catalog.ec2.instances[type]!.memoryGiB })),
      maxVCpu: p.maxVCpu,
      targetUtilization: p.targetCpuUtilization ?? MANAGED.autoTarget.value,
      scalingMode: p.targetCpuUtilization === undefined ? "auto" : "target",
      minInstances: p.minInstances ?? MANAGED.minInstances.value,
      launchDelayMs: p.launchDelay ?? MANAGED.launchDelayMs.value,
      scalingPeriodMs: MANAGED.scalingPeriodMs.value,
      scaleInPeriods: MANAGED.scaleInPeriods.value,
      scaleInFraction: MANAGED.scaleInFraction.value,
      pricing: { plan, discount: plan === "onDemand" ? 0 : (p.pricing?.discount ?? catalog.discounts.ec2SavingsPlan.value) },
    };
  });
}

/** Default requests per environment: the runtime's per-vCPU default × vCPUs, at most 1,600. */
export function defaultMaxConcurrency(runtime: string, vcpus: number): number {
  const family = runtimeFamily(runtime);
  const perVcpu = family === null ? 1 : CONCURRENCY_PER_VCPU[family]!.value;
  return Math.min(MANAGED.maxConcurrency.max, perVcpu * vcpus);
}

/**
 * A function's LMI settings (null when it has no capacityProvider). Its duration is what one request
 * takes alone; `cpuBound` (with `atMemoryMB`) says which part is CPU work shared on the environment's vCPUs.
 */
export function managedFunction(
  f: { runtime: string; memoryMB?: number; capacityProvider?: string; memoryGiBPerVCpu?: number; maxConcurrency?: number },
  scaling: DurationScalingInput | null,
  providers: readonly CapacityProviderConfig[],
): ManagedFunctionConfig | null {
  if (f.capacityProvider === undefined) return null;
  const provider = providers.findIndex((p) => p.name === f.capacityProvider);
  const memoryMB = f.memoryMB ?? MANAGED.minMemoryMB;
  const ratio = f.memoryGiBPerVCpu ?? MANAGED.memoryGiBPerVCpu.value;
  const vcpus = Math.round(environmentVCpu(memoryMB, ratio));
  const threads = scaling?.threads ?? 1;
  return {
    provider,
    providerName: f.capacityProvider,
    vcpus,
    memoryGiB: memoryMB / 1024,
    maxConcurrency: f.maxConcurrency ?? defaultMaxConcurrency(f.runtime, vcpus),
    cpuBound: scaling?.cpuBound ?? 0,
    threads,
    // lambda-limits.json function.vcpu.mbPerVcpu: the vCPU share the duration was measured with on demand.
    measuredVCpu: scaling ? Math.min(scaling.atMemoryMB / 1769, threads) : 1,
  };
}
