import { RUNTIMES, type Runtime } from "../runtimes.js";

/*
 * The names configuration files use for runtimes and architectures, mapped to lambdasim's. AWS spells
 * runtimes the same way in CloudFormation, Terraform and the Serverless Framework (the Lambda API
 * `Runtime` identifiers), so a runtime maps to itself when lambdasim models it; the rest are refused
 * with the list, never replaced by a guess.
 */

/** What a name mapped to: the lambdasim name, or what would have been accepted. */
export type Mapped<T> = { ok: true; value: T } | { ok: false; allowed: string };

/** The message naming the runtimes an import accepts. */
export const IMPORT_RUNTIMES_ALLOWED = `a Lambda runtime lambdasim models, one of: ${RUNTIMES.join(", ")}`;

/** A configuration's `Runtime` (`nodejs22.x`, `java21`) as lambdasim's runtime; letter case is ignored. */
export function mapRuntime(value: unknown): Mapped<Runtime> {
  const name = typeof value === "string" ? value.trim().toLowerCase() : "";
  const hit = RUNTIMES.find((r) => r === name);
  return hit === undefined ? { ok: false, allowed: IMPORT_RUNTIMES_ALLOWED } : { ok: true, value: hit };
}

/** The architectures Lambda offers, as lambdasim names them. */
const ARCHITECTURES = { x86_64: "x86_64", arm64: "arm64" } as const;

/** The message naming the architectures an import accepts. */
export const IMPORT_ARCHITECTURES_ALLOWED = "x86_64 or arm64, alone or as a list of one (Lambda's Architectures)";

/**
 * `Architectures: [arm64]` (CloudFormation, Terraform) or `architecture: arm64` (Serverless Framework) as
 * lambdasim's architecture. Lambda takes exactly one, so a list must hold one; letter case is ignored.
 */
export function mapArchitecture(value: unknown): Mapped<"x86_64" | "arm64"> {
  const one = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  const name = typeof one === "string" ? one.trim().toLowerCase() : "";
  return Object.hasOwn(ARCHITECTURES, name)
    ? { ok: true, value: ARCHITECTURES[name as keyof typeof ARCHITECTURES] }
    : { ok: false, allowed: IMPORT_ARCHITECTURES_ALLOWED };
}

/** `Zip` / `Image` (CloudFormation, Terraform) as lambdasim's `zip` / `image`. */
export function mapPackageType(value: unknown): Mapped<"zip" | "image"> {
  const name = typeof value === "string" ? value.trim().toLowerCase() : "";
  return name === "zip" || name === "image" ? { ok: true, value: name } : { ok: false, allowed: "Zip or Image" };
}
