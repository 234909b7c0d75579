import type { FunctionConfig, SimConfig } from "../../src/platform/config.js";

/** A function with test-friendly defaults (no cold-start time, 10-minute idle lifetime). */
export function fn(overrides: Partial<FunctionConfig> & { name: string }): FunctionConfig {
  return {
    runtime: "nodejs22.x",
    architecture: "x86_64",
    memoryMB: 512,
    timeoutMs: 900_000,
    reservedConcurrency: null,
    invocation: "sync",
    duration: { dist: "exponential", mean: 1000 },
    durationScaling: null,
    errorRate: 0,
    async: { maximumRetryAttempts: 2, maximumEventAgeMs: 21_600_000 },
    clientRetries: null,
    maxLifetime: null,
    provisioned: { kind: "fixed", count: 0 },
    coldStart: { dist: "constant", value: 0 },
    coldStartSource: "test fixture",
    packageType: "zip",
    packageSizeMB: 0,
    layers: 0,
    vpc: false,
    snapStart: false,
    ephemeralStorageMB: 512,
    idleLifetime: { dist: "constant", value: 600_000 },
    arrivals: { kind: "poisson", ratePerSec: 1 },
    ...overrides,
  };
}

/** A one-account scenario around `functions`. */
export function scenario(functions: FunctionConfig[], overrides: Partial<SimConfig> = {}): SimConfig {
  return {
    name: "test",
    seed: 42,
    horizonMs: 3_600_000,
    warmupMs: 0,
    bucketMs: 0,
    account: { concurrencyLimit: 1000 },
    functions,
    ...overrides,
  };
}

/** Erlang-B blocking probability by the stable recurrence B(k) = a·B(k−1) / (k + a·B(k−1)). */
export function erlangB(servers: number, erlangs: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (erlangs * b) / (k + erlangs * b);
  return b;
}
