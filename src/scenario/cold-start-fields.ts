import type { FunctionConfig } from "../platform/config.js";
import { autoColdStart, type ColdStartInput } from "../platform/cold-start/cold-start-model.js";
import { SNAPSTART_RUNTIMES } from "../platform/cold-start/cold-start-runtimes.js";
import { DEFAULTS, LIMITS } from "./defaults.js";
import { valueAt, type Issue } from "./issues.js";
import { ALLOWED } from "./messages.js";
import { RUNTIMES } from "./runtimes.js";
import type { ParsedFunction } from "./schema.js";

/** `coldStartSource` of a function whose scenario gave an explicit distribution. */
export const EXPLICIT_COLD_START_SOURCE = "scenario (explicit coldStart distribution)";

/** The fields of FunctionConfig that describe the package and the cold start, defaults filled. */
export type ColdStartFields = Pick<
  FunctionConfig,
  "coldStart" | "coldStartSource" | "coldStartWarnings" | "packageType" | "packageSizeMB" | "layers" | "vpc" | "snapStart" | "ephemeralStorageMB"
>;

/**
 * Fills the package defaults and resolves `coldStart` (omitted or "auto") into the auto model's
 * distribution; an explicit distribution is kept. Call only on a function with no issues.
 */
export function coldStartFields(f: ParsedFunction, memoryMB: number, architecture: FunctionConfig["architecture"]): ColdStartFields {
  const input: ColdStartInput = {
    runtime: f.runtime,
    architecture,
    packageType: f.packageType ?? DEFAULTS.packageType.value,
    memoryMB,
    packageSizeMB: f.packageSizeMB ?? DEFAULTS.packageSizeMB.value,
    layers: f.layers ?? DEFAULTS.layers.value,
    vpc: f.vpc ?? DEFAULTS.vpc.value,
    snapStart: f.snapStart ?? DEFAULTS.snapStart.value,
  };
  const explicit = f.coldStart !== undefined && f.coldStart !== "auto" ? f.coldStart : null;
  const choice = explicit === null ? autoColdStart(input) : null;
  return {
    coldStart: explicit ?? choice!.spec,
    coldStartSource: choice === null ? EXPLICIT_COLD_START_SOURCE : `auto: ${choice.summary}`,
    ...(choice !== null && choice.warnings.length > 0 ? { coldStartWarnings: choice.warnings } : {}),
    packageType: input.packageType,
    packageSizeMB: input.packageSizeMB,
    layers: input.layers,
    vpc: input.vpc,
    snapStart: input.snapStart,
    ephemeralStorageMB: f.ephemeralStorageMB ?? DEFAULTS.ephemeralStorageMB.value,
  };
}

/**
 * Rules across the package and SnapStart fields of each function, on the raw input (a field that is
 * itself invalid is left to the schema): a zip holds at most 250 MB unzipped; SnapStart needs a
 * supported runtime, a zip package, ephemeral storage of 512 MB and no provisioned concurrency
 * (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html#snapstart-runtimes).
 */
export function coldStartFieldIssues(functions: unknown[]): Issue[] {
  const issues: Issue[] = [];
  functions.forEach((_, i) => {
    const at = (key: string) => valueAt(functions, [i, key]);
    const path = (key: string) => `functions[${i}].${key}`;
    const packageType = at("packageType") ?? DEFAULTS.packageType.value;
    const size = at("packageSizeMB");
    if (packageType === "zip" && typeof size === "number" && size > LIMITS.zipUnzippedMB && size <= LIMITS.imageMB) {
      issues.push({ path: path("packageSizeMB"), value: size, allowed: ALLOWED.zipPackageSizeMB });
    }
    if (at("snapStart") !== true) return;
    const runtime = at("runtime");
    if (typeof runtime === "string" && (RUNTIMES as readonly string[]).includes(runtime) && !SNAPSTART_RUNTIMES.includes(runtime)) {
      issues.push({ path: path("snapStart"), value: true, allowed: ALLOWED.snapStartRuntime(runtime) });
    } else if (packageType === "image") {
      issues.push({ path: path("snapStart"), value: true, allowed: ALLOWED.snapStartImage });
    }
    const storage = at("ephemeralStorageMB");
    if (typeof storage === "number" && storage > LIMITS.ephemeralStorageMB.min && storage <= LIMITS.ephemeralStorageMB.max) {
      issues.push({ path: path("ephemeralStorageMB"), value: storage, allowed: ALLOWED.snapStartStorage });
    }
    const provisioned = at("provisionedConcurrency");
    if (provisioned !== undefined && provisioned !== 0) {
      issues.push({ path: path("provisionedConcurrency"), value: provisioned, allowed: ALLOWED.snapStartProvisioned });
    }
  });
  return issues;
}
