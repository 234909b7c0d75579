import type { Checked } from "../issues.js";
import { DEFAULTS } from "../defaults.js";

/*
 * What an import of configuration produces before it becomes a scenario: functions whose fields are
 * already in lambdasim's names and units (`memoryMB: 1024`, `timeout: "30s"`), each with the place in the
 * user's file it came from, so that the scenario can cite it (a comment and the `imported:` map).
 */

/**
 * One imported field: the value as a scenario writes it and where it came from
 * (`template.yaml#Resources.Orders.Properties.MemorySize`). With `placeholder`, the configuration did not
 * give a usable value: `placeholder` says why, and `value` is what the scenario writes meanwhile
 * (undefined: nothing, lambdasim's default applies).
 */
export interface Sourced {
  value: unknown;
  source: string;
  placeholder?: string;
}

/** One function of the user's configuration: its scenario name, where it is defined, and its fields by scenario path (`sqs.batchSize`). */
export interface ImportedFunction {
  name: string;
  origin: string;
  fields: Map<string, Sourced>;
  /** What the import saw but could not represent (a second event source, a setting lambdasim does not model). */
  notes: string[];
}

/** The functions of one or more files, and scenario-level fields (`pricing.frontDoor`, `region`) with their sources. */
export interface ImportedConfig {
  /** The files read, as named in sources (base names). */
  files: string[];
  functions: ImportedFunction[];
  scenario: Map<string, Sourced>;
  notes: string[];
}

/** A placeholder of an imported config, for the list printed on stderr. */
export interface Unresolved {
  /** `functions.orders.memoryMB`, or a scenario path. */
  field: string;
  source: string;
  why: string;
}

/** A parsed file's result: its config, or issues (path: where in the file, value: what was found, allowed: what was expected). */
export type ImportChecked = Checked<ImportedConfig>;

/** An empty function record. */
export function newFunction(name: string, origin: string): ImportedFunction {
  return { name, origin, fields: new Map(), notes: [] };
}

/** Every placeholder of `config`, function fields first, in the order they were imported. */
export function unresolvedOf(config: ImportedConfig): Unresolved[] {
  const out: Unresolved[] = [];
  for (const [field, s] of config.scenario) if (s.placeholder !== undefined) out.push({ field, source: s.source, why: s.placeholder });
  for (const f of config.functions) {
    for (const [field, s] of f.fields) {
      if (s.placeholder !== undefined) out.push({ field: `functions.${f.name}.${field}`, source: s.source, why: s.placeholder });
    }
  }
  return out;
}

/** Scenario function names: letters, digits, `-` and `_`, 1..64 (schema.ts functionName). */
export function scenarioFunctionName(wanted: string): string {
  const cleaned = wanted.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64);
  return cleaned === "" ? "function" : cleaned;
}

/**
 * What the scenario holds where the configuration's value is unknown: lambdasim's default for the field
 * (scenario/defaults.ts, with its source), stated in the file with the reason. Fields absent here are
 * left out of the scenario (their default applies, and explain says so). The runtime has no default: an
 * unknown runtime becomes provided.al2023, the OS-only runtime, to be replaced.
 */
export const PLACEHOLDER_VALUES: Readonly<Record<string, unknown>> = {
  runtime: "provided.al2023",
  memoryMB: DEFAULTS.memoryMB.value,
  timeout: DEFAULTS.timeoutMs.shown,
  architecture: DEFAULTS.architecture.value,
  packageType: DEFAULTS.packageType.value,
  ephemeralStorageMB: DEFAULTS.ephemeralStorageMB.value,
  layers: DEFAULTS.layers.value,
};

/** Sets `field` of `f` to a known value from `source`. */
export function setKnown(f: ImportedFunction, field: string, value: unknown, source: string): void {
  f.fields.set(field, { value, source });
}

/** Sets `field` of `f` to its placeholder (PLACEHOLDER_VALUES, or nothing) because of `why`. */
export function setPlaceholder(f: ImportedFunction, field: string, source: string, why: string): void {
  f.fields.set(field, { value: PLACEHOLDER_VALUES[field], source, placeholder: why });
}

/** A number, or a numeric string as CloudFormation parameters and Serverless variables give them; anything else unchanged (the validator names it). */
export function asNumber(value: unknown): unknown {
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return value;
}

/** A count of seconds as a scenario duration (`30` → `"30s"`); anything else unchanged (the validator names it). */
export function asSeconds(value: unknown): unknown {
  const n = asNumber(value);
  return typeof n === "number" ? `${n}s` : value;
}

/** `true`/`false`, or their text; anything else unchanged. */
export function asBoolean(value: unknown): unknown {
  if (value === "true" || value === "false") return value === "true";
  return value;
}

/** lambdasim's invocation kinds an event source maps to. */
export type InvocationKind = "sync" | "async" | "sqs" | "stream";

/**
 * Sets how `f` is invoked, from the event source at `source`. A function has one invocation kind in
 * lambdasim: a second, different source is not imported, and a note says so. Returns whether it was set.
 */
export function setInvocation(f: ImportedFunction, kind: InvocationKind, source: string): boolean {
  const before = f.fields.get("invocation");
  if (before !== undefined && before.placeholder === undefined) {
    if (before.value !== kind) f.notes.push(`${source}: a ${kind} event source not imported; lambdasim gives a function one invocation kind, ${String(before.value)} from ${before.source}`);
    return before.value === kind;
  }
  setKnown(f, "invocation", kind, source);
  return true;
}

/** The front doors of `pricing.frontDoor`. */
export type FrontDoor = "rest" | "http" | "url";

/** Sets the scenario's front door (one for the whole scenario); a different second one becomes a note. */
export function setFrontDoor(config: ImportedConfig, door: FrontDoor, source: string): void {
  const before = config.scenario.get("pricing.frontDoor");
  if (before === undefined) config.scenario.set("pricing.frontDoor", { value: door, source });
  else if (before.value !== door) config.notes.push(`${source}: front door ${door} not imported; a scenario has one, ${String(before.value)} from ${before.source}`);
}

/**
 * An SQS queue's visibility timeout must be at least the function's timeout (Lambda refuses the trigger
 * otherwise, AWS "Using Lambda with Amazon SQS"). When the configuration does not hold the queue, the
 * placeholder is six times the function's timeout, as that page advises, capped at SQS's 12 hours.
 */
export function visibilityPlaceholder(f: ImportedFunction, source: string): void {
  if (f.fields.has("sqs.visibilityTimeout")) return;
  const timeout = f.fields.get("timeout")?.value;
  const seconds = typeof timeout === "string" && /^\d+s$/.test(timeout) ? Number(timeout.slice(0, -1)) : 3;
  f.fields.set("sqs.visibilityTimeout", {
    value: `${Math.min(6 * seconds, 43_200)}s`,
    source,
    placeholder: "the queue is not in this configuration: 6 × the function's timeout, as AWS advises for SQS event sources",
  });
}
