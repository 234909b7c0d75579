import type { z } from "zod";
import type { FunctionConfig } from "../platform/config.js";
import type { ManagedOptionConfig } from "../parallel/managed-side.js";
import type { PriceCatalog } from "../pricing/catalog/types.js";
import { DEFAULTS, LIMITS } from "./defaults.js";
import type { Issue } from "./issues.js";
import { integer, strictObject } from "./leaves.js";
import { CONCURRENCY_PER_VCPU, MANAGED, runtimeFamily } from "./managed-defaults.js";
import { buildCapacityProviders, managedFunction, managedFunctionFields, managedIssues, providerSchema } from "./managed-schema.js";
import { formatDuration } from "./units.js";

/*
 * `compare.managedInstances`: Lambda Managed Instances as an option of `compare`. The compared function
 * is placed alone on a capacity provider made of these settings and simulated by the Lambda model's
 * managed path. The settings, their checks and their defaults are those of `capacityProviders:` and of a
 * function on one (managed-schema.ts, managed-defaults.ts); only `maxVCpu` (optional here) and the memory
 * mapping are this section's own.
 */

/** Name of the synthesized capacity provider (result `capacityProviders` key of the LMI side). */
export const COMPARE_PROVIDER = "compare";

/** The allowed shape of the section, for messages. */
const ALLOWED_SECTION =
  "{ instanceTypes: [m7g.xlarge], targetCpuUtilization: 0.5, maxConcurrency: 64, memoryGiBPerVCpu: 2, memoryMB: 2048, minInstances: 3, launchDelay: 3m, pricing: onDemand, maxVCpu: 400 }";

const p = providerSchema.shape;

/** `compare.managedInstances` as written: a capacity provider's settings and the function's LMI settings. */
export const compareManagedSchema = strictObject(
  {
    instanceTypes: p.instanceTypes,
    targetCpuUtilization: p.targetCpuUtilization,
    maxConcurrency: managedFunctionFields.maxConcurrency,
    memoryGiBPerVCpu: managedFunctionFields.memoryGiBPerVCpu,
    // LMI's environments reach 32 GB (function.maximumSize); at least 2,048 MB is checked with the provider's other rules.
    memoryMB: integer(`an integer ${MANAGED.minMemoryMB}..${MANAGED.maxEnvironment.memoryMB} (MB)`, LIMITS.memoryMB.min, MANAGED.maxEnvironment.memoryMB).optional(),
    minInstances: p.minInstances,
    launchDelay: p.launchDelay,
    pricing: p.pricing,
    maxVCpu: p.maxVCpu.optional(),
  },
  ALLOWED_SECTION,
);

/** `compare.managedInstances` as parsed (times in ms). */
export type ParsedCompareManaged = z.output<typeof compareManagedSchema>;

/** What the checks and defaults need of the compared function. */
export interface ComparedFunction {
  /** Its index in `functions` (for field paths). */
  index: number;
  runtime: string;
  /** Its on-demand memory, MB (the default 128 when not given). */
  memoryMB: number;
  /** Its capacity provider, when it already runs on one. */
  capacityProvider?: string;
}

/** Default `maxVCpu` of the compared provider: no cap of the user's, the most AWS allows (`capacityProvider.maxVCpuCount.max`). */
const DEFAULT_MAX_VCPU = {
  value: MANAGED.maxVCpu.max,
  source: "lambdasim choice: no cap of your own, the most AWS allows (lambda-managed-instances.json capacityProvider.maxVCpuCount)",
};

/**
 * The environment memory of the compared function on LMI when `memoryMB` is not given: the smallest whole
 * number of vCPUs at `ratio` GiB each that holds its on-demand memory (at least one vCPU, so at least
 * 2,048 MB: `function.minimumSize`). 512 MB at ratio 2 → 2,048; 3,008 → 4,096. O(1).
 */
export function defaultManagedMemoryMB(onDemandMB: number, ratio: number): number {
  const perVCpu = ratio * 1024;
  return Math.round(Math.max(1, Math.ceil(onDemandMB / perVCpu)) * perVCpu);
}

/**
 * The checks of `compare.managedInstances` for the compared function, as the checks of a function on a
 * capacity provider (managedIssues) on a scenario made of the section and the function, their paths
 * mapped back: the section's fields to `compare.managedInstances.*`, the function's runtime to
 * `functions[i].runtime`. A function on a capacity provider already is refused (compare puts on-demand
 * Lambda beside LMI).
 */
export function compareManagedIssues(c: ParsedCompareManaged, fn: ComparedFunction, catalog: PriceCatalog): Issue[] {
  const at = "compare.managedInstances";
  if (fn.capacityProvider !== undefined) {
    return [
      {
        path: `functions[${fn.index}].capacityProvider`,
        value: fn.capacityProvider,
        allowed: `none with ${at}: compare puts the function on demand beside Lambda Managed Instances (compare another function with compare.function, or leave capacityProvider out)`,
      },
    ];
  }
  const ratio = c.memoryGiBPerVCpu ?? MANAGED.memoryGiBPerVCpu.value;
  const memoryMB = c.memoryMB ?? defaultManagedMemoryMB(fn.memoryMB, ratio);
  // The raw scenario managedIssues reads: what the user wrote (times and plans in their written form do not matter to it).
  const raw = {
    capacityProviders: {
      [COMPARE_PROVIDER]: {
        instanceTypes: c.instanceTypes,
        maxVCpu: c.maxVCpu ?? DEFAULT_MAX_VCPU.value,
        ...(c.minInstances !== undefined ? { minInstances: c.minInstances } : {}),
        ...(c.pricing?.discount !== undefined ? { pricing: { savingsPlan: c.pricing.discount } } : {}),
      },
    },
    functions: [{ runtime: fn.runtime, capacityProvider: COMPARE_PROVIDER, memoryMB, memoryGiBPerVCpu: ratio, ...(c.maxConcurrency !== undefined ? { maxConcurrency: c.maxConcurrency } : {}) }],
  };
  const fromMemory = c.memoryMB === undefined ? ` (absent: ${memoryMB}, mapped from functions[${fn.index}].memoryMB ${fn.memoryMB}; set ${at}.memoryMB)` : "";
  return managedIssues(raw, catalog).map((i): Issue => {
    const provider = `capacityProviders.${COMPARE_PROVIDER}.`;
    if (i.path.startsWith(provider)) return { ...i, path: `${at}.${i.path.slice(provider.length)}` };
    if (i.path === "functions[0].runtime") return { ...i, path: `functions[${fn.index}].runtime`, allowed: `${i.allowed}; ${at} runs this function on them` };
    if (i.path === "functions[0].memoryMB") return { ...i, path: `${at}.memoryMB`, allowed: i.allowed + fromMemory };
    if (i.path.startsWith("functions[0].")) return { ...i, path: `${at}.${i.path.slice("functions[0].".length)}` };
    return i;
  });
}

/**
 * The LMI option for `fn` (checked with compareManagedIssues): the synthesized capacity provider with the
 * capacityProviders defaults, the function's environment size and concurrency with the function defaults,
 * and every setting with its source.
 */
export function buildCompareManaged(c: ParsedCompareManaged, fn: FunctionConfig, index: number, catalog: PriceCatalog): ManagedOptionConfig {
  const [provider] = buildCapacityProviders({ [COMPARE_PROVIDER]: { ...c, maxVCpu: c.maxVCpu ?? DEFAULT_MAX_VCPU.value } }, catalog);
  const ratio = c.memoryGiBPerVCpu ?? MANAGED.memoryGiBPerVCpu.value;
  const memoryMB = c.memoryMB ?? defaultManagedMemoryMB(fn.memoryMB, ratio);
  const managed = managedFunction({ runtime: fn.runtime, memoryMB, capacityProvider: COMPARE_PROVIDER, memoryGiBPerVCpu: ratio, maxConcurrency: c.maxConcurrency }, fn.durationScaling, [provider!])!;
  const given = (key: keyof ParsedCompareManaged) => c[key] !== undefined;
  const family = runtimeFamily(fn.runtime);
  const row = (field: string, value: string, source: string) => ({ field: `compare.managedInstances.${field}`, value, source: source });
  const defaults = [
    row("instanceTypes", provider!.instanceTypes.join(", "), `scenario; ${provider!.instanceVCpu} vCPUs, ${provider!.instanceMemoryGiB} GiB each (the price catalog)`),
    row(
      "memoryMB",
      String(memoryMB),
      given("memoryMB")
        ? "scenario"
        : `lambdasim choice: functions[${index}].memoryMB (${fn.memoryMB}) rounded up to whole vCPUs of ${ratio} GiB, at least ${MANAGED.minMemoryMB} (lambda-managed-instances.json function.minimumSize)`,
    ),
    row("memoryGiBPerVCpu", String(ratio), given("memoryGiBPerVCpu") ? "scenario" : MANAGED.memoryGiBPerVCpu.source),
    row(
      "maxConcurrency",
      String(managed.maxConcurrency),
      given("maxConcurrency") ? "scenario" : `${family ? CONCURRENCY_PER_VCPU[family]!.value : 1} per vCPU × ${managed.vcpus} vCPU${managed.vcpus === 1 ? "" : "s"}: ${family ? CONCURRENCY_PER_VCPU[family]!.source : "none published"}`,
    ),
    row(
      "targetCpuUtilization",
      provider!.scalingMode === "auto" ? `absent: automatic mode, tracking ${MANAGED.autoTarget.shown}` : String(provider!.targetUtilization),
      provider!.scalingMode === "auto" ? MANAGED.autoTarget.source : "scenario",
    ),
    row("minInstances", String(provider!.minInstances), given("minInstances") ? "scenario" : MANAGED.minInstances.source),
    row("launchDelay", formatDuration(provider!.launchDelayMs), given("launchDelay") ? "scenario" : MANAGED.launchDelayMs.source),
    row("maxVCpu", String(provider!.maxVCpu), given("maxVCpu") ? "scenario" : DEFAULT_MAX_VCPU.source),
    row(
      "pricing",
      provider!.pricing.plan === "onDemand" ? "onDemand" : `savingsPlan −${provider!.pricing.discount}`,
      given("pricing") ? "scenario" : "lambdasim choice (On-Demand)",
    ),
    row(
      "(on-demand settings)",
      "dropped",
      "provisioned and reserved concurrency and SnapStart belong to on-demand Lambda; the duration is what a request takes alone, its cpuBound part shared on the environment's vCPUs",
    ),
  ];
  return { label: `LMI ${provider!.instanceTypes[0]}`, provider: provider!, memoryMB, managed, defaults };
}

/** The on-demand memory of a raw function (the default when absent or not a number), for the checks before resolving. */
export function rawMemoryMB(value: unknown): number {
  return typeof value === "number" ? value : DEFAULTS.memoryMB.value;
}
