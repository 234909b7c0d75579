/*
 * Defaults and bounds of Lambda Managed Instances, each with its source: a key of
 * data/reference/lambda-managed-instances.json, or a lambdasim choice where AWS publishes nothing
 * (`notDocumented`: scale-out delay, alarm periods, placement).
 */

/** Default concurrent requests per vCPU of an environment, by runtime family (`function.defaultConcurrencyPerVCpu`). */
export const CONCURRENCY_PER_VCPU: Record<string, { value: number; source: string }> = {
  nodejs: { value: 64, source: "lambda-managed-instances.json function.defaultConcurrencyPerVCpu.nodejs (M6, AWS documentation)" },
  python: { value: 16, source: "lambda-managed-instances.json function.defaultConcurrencyPerVCpu.python (M8, third-party only)" },
  java: { value: 32, source: "lambda-managed-instances.json function.defaultConcurrencyPerVCpu.java (M8, third-party only)" },
  dotnet: { value: 32, source: "lambda-managed-instances.json function.defaultConcurrencyPerVCpu.dotnet (M8, third-party only)" },
};

/** The runtime family whose default concurrency per vCPU applies (nodejs, python, java, dotnet), or null (provided.al2023: none). */
export function runtimeFamily(runtime: string): string | null {
  const m = /^(nodejs|python|java|dotnet)/.exec(runtime);
  return m ? m[1]! : null;
}

/** Defaults and bounds of LMI settings, each with its source. */
export const MANAGED = {
  minInstances: { value: 3, shown: "3", source: "lambda-managed-instances.json capacityProvider.initialInstances (AZ resiliency)" },
  launchDelayMs: {
    value: 180_000,
    shown: "3m",
    source: "lambdasim choice (not published, lambda-managed-instances.json notDocumented: instance boot plus environment init)",
  },
  autoTarget: {
    value: 0.5,
    shown: "0.5",
    source: "lambdasim choice (Lambda's automatic scaling mode publishes no target, lambda-managed-instances.json capacityProvider.scalingMode)",
  },
  scalingPeriodMs: {
    value: 60_000,
    shown: "1m",
    source: "lambdasim choice (alarm periods not published, lambda-managed-instances.json notDocumented; CloudWatch's 1-minute metrics)",
  },
  scaleInPeriods: { value: 5, shown: "5 readings below target", source: "lambdasim choice (scale-in is gradual, lambda-managed-instances.json scaling.scaleDown)" },
  scaleInFraction: { value: 0.1, shown: "10 % of the instances (at least 1) per decision", source: "lambdasim choice (scale-in is gradual, scaling.scaleDown)" },
  memoryGiBPerVCpu: { value: 2, shown: "2", source: "lambdasim choice (the smallest function's ratio, lambda-managed-instances.json function.minimumSize)" },
  minMemoryMB: 2048,
  /** The largest environment, 32 GB and 16 vCPUs (lambda-managed-instances.json function.maximumSize, M10, third-party only); at 2..8 GiB per vCPU the memory bound implies the vCPU one. */
  maxEnvironment: { memoryMB: 32_768, vcpu: 16, source: "lambda-managed-instances.json function.maximumSize (M10, third-party only)" },
  maxVCpu: { min: 2, max: 15_000 },
  ratio: { min: 2, max: 8 },
  maxConcurrency: { min: 1, max: 1600 },
} as const;

/** One printable row per LMI default, for `--help`, `explain` and the README. */
export function managedDefaultsRows(): Array<{ field: string; value: string; source: string }> {
  return [
    { field: "capacityProviders.*.targetCpuUtilization", value: `absent: automatic mode, tracking ${MANAGED.autoTarget.shown}`, source: MANAGED.autoTarget.source },
    { field: "capacityProviders.*.minInstances", value: MANAGED.minInstances.shown, source: MANAGED.minInstances.source },
    { field: "capacityProviders.*.launchDelay", value: MANAGED.launchDelayMs.shown, source: MANAGED.launchDelayMs.source },
    { field: "capacityProviders.*.pricing", value: "onDemand", source: "lambdasim choice (savingsPlan: the catalog's largest EC2 Compute Savings Plan discount, discounts.ec2SavingsPlan)" },
    { field: "capacityProviders.* scaling period", value: MANAGED.scalingPeriodMs.shown, source: MANAGED.scalingPeriodMs.source },
    { field: "capacityProviders.* scale-in", value: `after ${MANAGED.scaleInPeriods.shown}, ${MANAGED.scaleInFraction.shown}`, source: MANAGED.scaleInPeriods.source },
    {
      field: "capacityProviders.* scaling signal",
      value: "the larger of CPU and concurrency-slot utilisation",
      source: "lambdasim choice (AWS scales on CPU utilisation and multi-concurrency saturation, lambda-managed-instances.json scaling.signals)",
    },
    {
      field: "capacityProviders.* placement",
      value: "each new instance filled with environments, each to the function most loaded per environment (round robin at the start)",
      source: "lambdasim choice (not published, lambda-managed-instances.json notDocumented)",
    },
    {
      field: "capacityProviders.* instance type choice",
      value: "the allowed instanceTypes launched in turn (round robin over the list), each priced at its own On-Demand price",
      source: "lambdasim choice (AWS does not publish how Lambda picks among allowed types: lambda-managed-instances.json capacityProvider.instanceTypes, notDocumented)",
    },
    { field: "functions[].memoryGiBPerVCpu", value: MANAGED.memoryGiBPerVCpu.shown, source: MANAGED.memoryGiBPerVCpu.source },
    ...Object.entries(CONCURRENCY_PER_VCPU).map(([family, d]) => ({ field: `functions[].maxConcurrency (${family}*)`, value: `${d.value} × vCPUs, at most ${MANAGED.maxConcurrency.max}`, source: d.source })),
    { field: "functions[].maxConcurrency (provided.al2023)", value: "none: required", source: "lambda-managed-instances.json function.defaultConcurrencyPerVCpu (no Rust / OS-only default published)" },
  ];
}
