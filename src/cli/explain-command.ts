import { distQuantile } from "../core/dist/quantile.js";
import { describeTimes } from "../core/dist/describe-times.js";
import type { DistSpec } from "../core/dist/distribution.js";
import { autoColdStart, type ColdStartComponent } from "../platform/cold-start/cold-start-model.js";
import type { FunctionConfig } from "../platform/config.js";
import { instanceShapes, type CapacityProviderConfig } from "../platform/managed/managed-config.js";
import { EXPLICIT_COLD_START_SOURCE } from "../scenario/cold-start-fields.js";
import { defaultsTable, managedDefaultsRows, runtimeFamily, formatDuration, formatIssue, formatRate, readScenarioFile, resolveScenarioData, type ResolvedScenario } from "../scenario/index.js";
import { ExitCode } from "./exit-codes.js";
import { priceOrigin } from "../pricing/index.js";

/** Flags of `lambdasim explain`. */
export interface ExplainFlags {
  json: boolean;
}

/** One resolved field: its value as a scenario would write it and where it came from. */
export interface ExplainedField {
  field: string;
  value: string;
  source: string;
}

/** A function's chosen cold start: the distribution (ms), its p50 and p99, and how it was built. */
export interface ExplainedColdStart {
  spec: DistSpec;
  p50Ms: number;
  p99Ms: number;
  source: string;
  components: ColdStartComponent[];
  /** Where the auto model goes beyond its measurements (also printed by `run`). */
  warnings: string[];
}

/** What `lambdasim explain --json` prints. */
export interface Explanation {
  name: string;
  scenario: ExplainedField[];
  /** Lambda Managed Instances: each capacity provider's settings with their sources (present only when the scenario has some). */
  capacityProviders?: Array<{ name: string; fields: ExplainedField[] }>;
  /** `coldStart` is null for a function on a capacity provider: it has no cold starts on the request path. */
  functions: Array<{ name: string; fields: ExplainedField[]; coldStart: ExplainedColdStart | null }>;
  /** `compare.managedInstances`: the LMI option of `compare` for the compared function, each setting with its source (present only when asked for). */
  compareManagedInstances?: { function: string; fields: ExplainedField[] };
}

/** `lambdasim explain`: the resolved scenario, every default with its source, and each function's cold-start model. */
export function explainCommand(file: string, flags: ExplainFlags): number {
  // Read once: the raw value tells written fields from defaults.
  const read = readScenarioFile(file);
  const loaded = read.ok ? resolveScenarioData(read.value.data, file) : read;
  if (!loaded.ok) {
    for (const issue of loaded.issues) process.stderr.write(`lambdasim: ${formatIssue(issue, file)}\n`);
    return ExitCode.BadInput;
  }
  const raw = read.ok ? read.value.data : undefined;
  const explanation = explain(loaded.value, raw);
  process.stdout.write(flags.json ? JSON.stringify(explanation, null, 2) + "\n" : renderExplanation(explanation));
  return ExitCode.Ok;
}

/** Scenario keys of FunctionConfig fields whose resolved name differs. */
const SCENARIO_KEY: Readonly<Record<string, string>> = {
  timeoutMs: "timeout",
  provisioned: "provisionedConcurrency",
  durationScaling: "duration",
};

/** FunctionConfig fields not shown as fields (shown elsewhere, or not set by the user). */
const HIDDEN = new Set(["name", "coldStartSource", "managed"]);

/** The explanation of a resolved scenario; `raw` is the parsed file, to tell written fields from defaults. */
export function explain(s: ResolvedScenario, raw: unknown): Explanation {
  const sources = new Map(defaultsTable().map((r) => [r.field, r.source]));
  const has = (path: Array<string | number>) => valueAtPath(raw, path) !== undefined;
  const sourceOf = (path: Array<string | number>, generic: string) => (has(path) ? "scenario" : (sources.get(generic) ?? "not set"));
  const scenarioSourceOf = sourceOf;
  const sim = s.sim;
  const scenario: ExplainedField[] = [
    { field: "name", value: sim.name, source: sourceOf(["name"], "name") },
    { field: "horizon", value: formatDuration(sim.horizonMs), source: sourceOf(["horizon"], "horizon") },
    { field: "warmup", value: formatDuration(sim.warmupMs), source: sourceOf(["warmup"], "warmup") },
    { field: "seed", value: String(sim.seed), source: sourceOf(["seed"], "seed") },
    ...(has(["account", "preset"]) ? [{ field: "account.preset", value: String(valueAtPath(raw, ["account", "preset"])), source: "scenario" }] : []),
    {
      field: "account.concurrencyLimit",
      value: String(sim.account.concurrencyLimit),
      source: sourceOf(["account", "concurrencyLimit"], sim.account.newAccountQuota ? "account.concurrencyLimit (preset: new)" : "account.concurrencyLimit"),
    },
    { field: "region", value: s.region, source: sourceOf(["region"], "region") },
    { field: "prices", value: s.catalogOverlay === null ? "bundled" : s.catalogOverlay.file, source: priceOrigin(s.catalog).text },
  ];
  // Scenario fields an import wrote that the rows above do not show (pricing.frontDoor).
  const scenarioImported = importedAt(raw, []);
  for (const [key, text] of Object.entries(scenarioImported)) {
    if (key.startsWith("capacityProviders.")) continue; // cited in the capacity provider's own rows
    const row = scenario.find((r) => r.field === key);
    if (row !== undefined) row.source = citeImported(text);
    else scenario.push({ field: key, value: renderRaw(valueAtPath(raw, key.split("."))), source: citeImported(text) });
  }
  const functions = sim.functions.map((f, i) => {
    const fields: ExplainedField[] = [];
    const imported = importedAt(raw, ["functions", i]);
    // A field written by `lambdasim import config` cites where its value came from.
    const sourceOf = (path: Array<string | number>, generic: string) => {
      const key = path.slice(2).join(".");
      return imported[key] !== undefined ? citeImported(imported[key]) : scenarioSourceOf(path, generic);
    };
    const importedParts = (scenarioKey: string) => {
      for (const [key, text] of Object.entries(imported)) {
        if (!key.startsWith(`${scenarioKey}.`)) continue;
        fields.push({ field: key, value: renderRaw(valueAtPath(raw, ["functions", i, ...key.split(".")])), source: citeImported(text) });
      }
    };
    for (const [key, value] of Object.entries(f)) {
      if (HIDDEN.has(key)) continue;
      if (key === "async" && f.invocation !== "async") continue;
      if (key === "async") {
        for (const [k, v] of Object.entries(value as Record<string, number>)) {
          const scenarioKey = k.replace(/Ms$/, "");
          fields.push({ field: scenarioKey, value: k.endsWith("Ms") ? formatDuration(v) : String(v), source: sourceOf(["functions", i, scenarioKey], `functions[].${scenarioKey}`) });
        }
        continue;
      }
      if (key === "durationScaling" && value === null) continue;
      if (key === "coldStart" && f.managed) continue; // never drawn: the managed rows say why
      const scenarioKey = SCENARIO_KEY[key] ?? key;
      const written = has(["functions", i, scenarioKey]);
      let source = sourceOf(["functions", i, scenarioKey], `functions[].${scenarioKey}`);
      if (key === "coldStart" && f.coldStartSource !== EXPLICIT_COLD_START_SOURCE) {
        source = `${written ? "scenario (auto)" : "default (auto)"}: lambdasim cold-start model, parts below`;
      }
      fields.push({ field: key === "durationScaling" ? "duration scaling" : scenarioKey, value: renderValue(key, value), source });
      if (key !== "durationScaling") importedParts(scenarioKey);
      if (key === "duration" && (f.sqs ?? f.stream) !== undefined) {
        // What one draw covers decides a batch's run time: stated with its reason when defaulted.
        const per = (f.sqs ?? f.stream)!.durationPer;
        fields.push({ field: "duration.per", value: per, source: sourceOf(["functions", i, "duration", "per"], "functions[].duration.per (sqs, stream)") });
      }
    }
    if (f.managed) fields.push(...explainManagedFunction(f, sourceOf, i));
    return { name: f.name, fields, coldStart: f.managed ? null : explainColdStart(f) };
  });
  const lmi = s.compare?.managed;
  const compared = lmi ? { compareManagedInstances: { function: s.compare!.function, fields: lmi.defaults } } : {};
  const providers = sim.capacityProviders ?? [];
  if (providers.length === 0) return { name: sim.name, scenario, functions, ...compared };
  // A provider setting written by `lambdasim import config` cites where its value came from.
  const providerSourceOf: SourceOf = (path, generic) => {
    const text = scenarioImported[path.join(".")];
    return text !== undefined ? citeImported(text) : sourceOf(path, generic);
  };
  const capacityProviders = providers.map((c) => ({ name: c.name, fields: explainCapacityProvider(s, c, providerSourceOf) }));
  return { name: sim.name, scenario, capacityProviders, functions, ...compared };
}

type SourceOf = (path: Array<string | number>, generic: string) => string;

/** A capacity provider's resolved settings, each with its source (the scenario, the catalog or a named default). */
function explainCapacityProvider(s: ResolvedScenario, c: CapacityProviderConfig, sourceOf: SourceOf): ExplainedField[] {
  const at = (key: string) => ["capacityProviders", c.name, key];
  const m = s.catalog.lambda.managedInstances;
  const generic = (key: string) => `capacityProviders.*.${key}`;
  const shapes = instanceShapes(c);
  const several = shapes.length > 1;
  return [
    {
      field: "instanceTypes",
      value: `[${c.instanceTypes.join(", ")}]${several ? " (launched in turn)" : ""}`,
      source: sourceOf(at("instanceTypes"), generic("instanceTypes")),
    },
    ...shapes.map((x) => {
      const it = s.catalog.ec2.instances[x.type]!;
      return { field: several ? `instance size (${x.type})` : "instance size", value: `${x.vcpu} vCPU, ${x.memoryGiB} GiB, $${it.onDemandHourly.value}/h On-Demand`, source: it.onDemandHourly.ref };
    }),
    {
      field: "maxVCpu",
      value: several ? `${c.maxVCpu} vCPUs of instances in all` : `${c.maxVCpu} (at most ${Math.floor(c.maxVCpu / c.instanceVCpu)} instances)`,
      source: sourceOf(at("maxVCpu"), generic("maxVCpu")),
    },
    { field: "targetCpuUtilization", value: `${c.targetUtilization}${c.scalingMode === "auto" ? " (automatic mode)" : ""}`, source: sourceOf(at("targetCpuUtilization"), generic("targetCpuUtilization")) },
    { field: "minInstances", value: String(c.minInstances), source: sourceOf(at("minInstances"), generic("minInstances")) },
    { field: "launchDelay", value: formatDuration(c.launchDelayMs), source: sourceOf(at("launchDelay"), generic("launchDelay")) },
    { field: "pricing", value: c.pricing.plan === "onDemand" ? "onDemand" : `savingsPlan, ${c.pricing.discount} off the EC2 part`, source: sourceOf(at("pricing"), generic("pricing")) },
    ...["scaling period", "scale-in", "scaling signal", "placement", ...(several ? ["instance type choice"] : [])].map((what) => {
      const row = MANAGED_ROWS.get(`capacityProviders.* ${what}`)!;
      return { field: what, value: row.value, source: row.source };
    }),
    { field: "management fee", value: `${m.managementFeeFraction.value} of the On-Demand price per instance-hour`, source: `aws-pricing.json ${m.managementFeeFraction.ref}` },
    { field: "requests", value: `$${m.requestsPricePerMillion.value} per million; no duration or INIT charge`, source: `aws-pricing.json ${m.requestsPricePerMillion.ref}` },
  ];
}

/** A managed function's environment size and concurrency, with their sources. */
function explainManagedFunction(f: FunctionConfig, sourceOf: SourceOf, i: number): ExplainedField[] {
  const m = f.managed!;
  const family = runtimeFamily(f.runtime);
  return [
    { field: "capacityProvider", value: m.providerName, source: sourceOf(["functions", i, "capacityProvider"], "functions[].capacityProvider") },
    { field: "memoryGiBPerVCpu", value: String(m.memoryGiB / m.vcpus), source: sourceOf(["functions", i, "memoryGiBPerVCpu"], "functions[].memoryGiBPerVCpu") },
    { field: "environment", value: `${m.vcpus} vCPU, ${m.memoryGiB} GiB`, source: "memoryMB / 1024 / memoryGiBPerVCpu" },
    { field: "maxConcurrency", value: String(m.maxConcurrency), source: sourceOf(["functions", i, "maxConcurrency"], `functions[].maxConcurrency (${family ?? "provided.al2023"}*)`.replace("(provided.al2023*)", "(provided.al2023)")) },
    {
      field: "CPU-bound share",
      value: m.cpuBound === 0 ? "0: durations do not stretch with load" : `${m.cpuBound}, shared by processor sharing over the environment's vCPUs`,
      source: m.cpuBound === 0 ? "default (the duration gives no cpuBound)" : "scenario (duration.cpuBound)",
    },
    { field: "cold starts", value: "none on the request path", source: "lambda-managed-instances.json scaling.noColdStartsOnRequestPath" },
  ];
}

/** The LMI rows of the defaults table, by field. */
const MANAGED_ROWS = new Map(managedDefaultsRows().map((r) => [r.field, r]));

/** The cold-start distribution of a function with its quantiles and parts. */
function explainColdStart(f: FunctionConfig): ExplainedColdStart {
  const p50Ms = round2(distQuantile(f.coldStart, 0.5));
  const p99Ms = round2(distQuantile(f.coldStart, 0.99));
  const auto =
    f.coldStartSource === EXPLICIT_COLD_START_SOURCE
      ? null
      : autoColdStart({
          runtime: f.runtime,
          architecture: f.architecture,
          packageType: f.packageType,
          memoryMB: f.memoryMB,
          packageSizeMB: f.packageSizeMB,
          layers: f.layers,
          vpc: f.vpc,
          snapStart: f.snapStart,
        });
  const components: ColdStartComponent[] = auto?.components ?? [{ what: "explicit distribution", ms: `p50 ${p50Ms}, p99 ${p99Ms}`, source: "scenario" }];
  return { spec: f.coldStart, p50Ms, p99Ms, source: f.coldStartSource, components, warnings: auto?.warnings ?? [] };
}

/** The text form of an explanation. */
export function renderExplanation(e: Explanation): string {
  const table = (rows: ExplainedField[], indent: string) => {
    const w1 = Math.max(...rows.map((r) => r.field.length));
    const w2 = Math.min(48, Math.max(...rows.map((r) => r.value.length)));
    return rows.map((r) => `${indent}${r.field.padEnd(w1)}  ${r.value.padEnd(w2)}  ${r.source}`).join("\n");
  };
  let out = `${e.name}: resolved scenario (field, value, source)\n\n${table(e.scenario, "  ")}\n`;
  for (const c of e.capacityProviders ?? []) out += `\ncapacity provider ${c.name} (Lambda Managed Instances)\n${table(c.fields, "  ")}\n`;
  for (const f of e.functions) {
    const c = f.coldStart;
    out += `\nfunction ${f.name}\n${table(f.fields, "  ")}\n`;
    if (c === null) continue;
    out += `  cold start: ${describeSpec(c.spec)}: p50 ${c.p50Ms} ms, p99 ${c.p99Ms} ms\n`;
    out += `    from: ${c.source}\n`;
    for (const part of c.components) {
      out += `    - ${part.what}: ${part.ms} ms\n      source: ${part.source}\n`;
    }
    for (const w of c.warnings) out += `    warning: ${w}\n`;
  }
  const lmi = e.compareManagedInstances;
  if (lmi) out += `\ncompare.managedInstances (function ${lmi.function} on Lambda Managed Instances, beside on demand)\n${table(lmi.fields, "  ")}\n`;
  return out + `\n${SOURCES_NOTE}\n`;
}

/** Where the cited files live: every `*.json` source is a file of the repository's (and package's) data/ folder. */
export const SOURCES_NOTE =
  "sources: *.json files are in lambdasim's data/reference/ (each with its own sources and dates); Mikhail Shilkov's " +
  "measurements in data/coldstarts-mikhailio/; see data/README.md";

/** Fields holding a distribution of times in ms. */
const TIME_DISTRIBUTIONS = new Set(["duration", "coldStart", "idleLifetime", "maxLifetime"]);

function renderValue(key: string, value: unknown): string {
  if (value === null) return "none";
  if (typeof value === "number" && key.endsWith("Ms")) return formatDuration(value);
  if (typeof value === "object" && TIME_DISTRIBUTIONS.has(key)) return describeSpec(value as DistSpec);
  if (typeof value === "object") return describeObject(value);
  return String(value);
}

/** `lognormal, median 140ms, p99 200ms`; `uniform 5m..7m`: exact values in their own units. */
function describeSpec(spec: DistSpec): string {
  return describeTimes(spec, formatDuration);
}

/** `{ dist: lognormal, median: 140, p99: 200 }`: compact, YAML-like. */
function describeObject(value: object): string {
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === "object" && v !== null ? describeObject(v) : String(v))).join(", ")}]`;
  const parts = Object.entries(value).map(([k, v]) => {
    // Times in ms and rates per second read in their own units: batchingWindowMs 2000 → batchingWindow: 2s.
    if (k.endsWith("Ms") && (typeof v === "number" || v === null)) return `${k.slice(0, -2)}: ${v === null ? "none" : formatDuration(v)}`;
    if (k.endsWith("PerSec") && typeof v === "number") return `${k.slice(0, -6)}: ${formatRate(v)}`;
    // A profile's points are [time of day in ms, rate per second] pairs: [25200000, 5] → [7h, 5/s].
    if (k === "points" && isProfilePoints(v)) return `points: [${v.map(([t, r]) => `[${formatDuration(t)}, ${formatRate(r)}]`).join(", ")}]`;
    return `${k}: ${typeof v === "object" && v !== null ? describeObject(v) : String(v)}`;
  });
  return `{ ${parts.join(", ")} }`;
}

/** Whether a value is a profile's resolved points: pairs of numbers. */
function isProfilePoints(v: unknown): v is Array<[number, number]> {
  return Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === "number" && typeof p[1] === "number");
}

/** The `imported:` map (field → source) of the object at `path` of the raw scenario, or an empty one. */
function importedAt(raw: unknown, path: Array<string | number>): Record<string, string> {
  const m = valueAtPath(raw, [...path, "imported"]);
  return m !== null && typeof m === "object" ? (m as Record<string, string>) : {};
}

/** An `imported:` entry as explain's source: `imported from FILE#LOCATION`, or the placeholder's own words. */
function citeImported(text: string): string {
  return text.startsWith("placeholder") ? `imported ${text}` : `imported from ${text}`;
}

/** A raw scenario value as written (`2s`, `25`), or what applies when the import left it out. */
function renderRaw(value: unknown): string {
  if (value === undefined) return "(not written: the default)";
  return typeof value === "object" && value !== null ? describeObject(value) : String(value);
}

function valueAtPath(root: unknown, path: Array<string | number>): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
