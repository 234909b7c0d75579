import YAML, { isMap, type Pair, type Scalar, type YAMLMap } from "yaml";
import { CATALOGS } from "../../pricing/catalog/index.js";
import type { ImportedConfig, ImportedFunction, Sourced } from "./imported-config.js";

/*
 * The scenario an import writes, as YAML built with the `yaml` Document API so that every imported value
 * carries a comment naming its source, and the `imported:` maps repeat the sources for `lambdasim
 * explain`. What a configuration cannot say (traffic, durations) is written as a stated placeholder,
 * marked PLACEHOLDER, never as a silent default.
 */

/** The placeholder arrivals: one request (or message, or record) a second, Poisson (lambdasim choice: stated, never taken for traffic). */
export const PLACEHOLDER_ARRIVALS = { kind: "poisson", rate: "1/s" } as const;

/** The placeholder duration: a lognormal with median 100 ms and p99 1 s (lambdasim choice: a round, stated value until measured durations replace it). */
export const PLACEHOLDER_DURATION = { dist: "lognormal", median: "100ms", p99: "1s" } as const;

/** Why the traffic is a placeholder, as written in the scenario. */
export const TRAFFIC_PLACEHOLDER = "configuration holds no traffic; replace with `lambdasim import traffic --cloudwatch metrics.json`";

/** Why the duration is a placeholder, as written in the scenario. */
export const DURATION_PLACEHOLDER = "configuration holds no durations; replace with `lambdasim import traffic --cloudwatch metrics.json --logs report.log`";

/** Why the invocation kind is a placeholder when no event source was found. */
const INVOCATION_PLACEHOLDER = "no event source in the configuration; sync (request-response), lambdasim's default";

/** The order function fields are written in (the README's scenario format). */
const FIELD_ORDER = [
  "name", "runtime", "architecture", "memoryMB", "timeout", "packageType", "ephemeralStorageMB", "layers", "vpc", "snapStart",
  "capacityProvider", "memoryGiBPerVCpu", "maxConcurrency", "reservedConcurrency", "provisionedConcurrency", "invocation", "sqs", "stream", "maximumRetryAttempts", "maximumEventAge",
  "duration", "arrivals",
];

/** Options of the document: the scenario name and the `$schema` reference of its first line. */
export interface DocumentOptions {
  name: string;
  /** The JSON Schema as the yaml-language-server line refers to it (a path relative to the scenario). */
  schemaRef: string;
}

/**
 * The scenario YAML of an import: the yaml-language-server line first, a header saying what is imported
 * and what is a placeholder, then the scenario with a source comment on every imported value. O(fields).
 */
export function importedScenarioText(config: ImportedConfig, options: DocumentOptions): string {
  const doc = new YAML.Document({});
  const root = doc.contents as YAMLMap;
  const header = [
    ` yaml-language-server: $schema=${options.schemaRef}`,
    ` Imported by \`lambdasim import config\` from ${config.files.join(", ")}.`,
    " Each imported value's comment names its source (file#location), as `imported:` does for `lambdasim explain`.",
    " PLACEHOLDER marks what the configuration does not give: traffic and durations (replace them with",
    " `lambdasim import traffic`), and values known only at deployment.",
  ];
  root.add(doc.createPair("name", options.name));
  root.add(doc.createPair("description", `Imported from ${config.files.join(", ")} by lambdasim import config; traffic and durations are placeholders.`));
  const scenarioImported: Record<string, string> = {};
  const region = config.scenario.get("region");
  if (region !== undefined && typeof region.value === "string" && Object.hasOwn(CATALOGS, region.value)) {
    root.add(withComment(doc.createPair("region", region.value), region.placeholder === undefined ? region.source : `PLACEHOLDER: ${region.placeholder} (${region.source})`));
    scenarioImported.region = citation(region);
  } else if (region !== undefined) {
    const why = region.placeholder ?? `lambdasim bundles prices for ${Object.keys(CATALOGS).join(", ")} only; add pricing.catalog with your region's prices to use ${String(region.value)}`;
    header.push(` region not imported (${region.source}): ${why}`);
  }
  doc.commentBefore = header.join("\n");
  const door = config.scenario.get("pricing.frontDoor");
  if (door !== undefined) {
    const pricing = doc.createNode({}) as YAMLMap;
    pricing.add(withComment(doc.createPair("frontDoor", door.value), door.source));
    root.add(doc.createPair("pricing", pricing));
    scenarioImported["pricing.frontDoor"] = door.source;
  }
  const providers = capacityProvidersNode(doc, config, scenarioImported);
  if (providers !== undefined) root.add(doc.createPair("capacityProviders", providers));
  const functions = doc.createNode([]) as YAML.YAMLSeq;
  for (const f of config.functions) functions.add(functionNode(doc, f));
  root.add(doc.createPair("functions", functions));
  if (Object.keys(scenarioImported).length > 0) root.add(doc.createPair("imported", scenarioImported));
  return doc.toString({ lineWidth: 0 });
}

/** `capacityProviders:` from the scenario fields `capacityProviders.<name>.<field>`, each cited; undefined when there are none. */
function capacityProvidersNode(doc: YAML.Document, config: ImportedConfig, scenarioImported: Record<string, string>): YAMLMap | undefined {
  const node = doc.createNode({}) as YAMLMap;
  for (const [key, s] of config.scenario) {
    const [head, name, field] = key.split(".");
    if (head !== "capacityProviders" || name === undefined || field === undefined) continue;
    scenarioImported[key] = citation(s);
    if (s.value === undefined) continue; // lambdasim's default applies; `imported:` says why
    let provider = node.get(name) as YAMLMap | undefined;
    if (provider === undefined) {
      provider = doc.createNode({}) as YAMLMap;
      node.add(doc.createPair(name, provider));
    }
    const pair = doc.createPair(field, s.value);
    if (YAML.isSeq(pair.value)) pair.value.flow = true;
    provider.add(withComment(pair, s.placeholder === undefined ? s.source : `PLACEHOLDER: ${s.placeholder} (${s.source})`));
  }
  return node.items.length > 0 ? node : undefined;
}

/** One function's mapping, with its `imported:` map last. */
function functionNode(doc: YAML.Document, f: ImportedFunction): YAMLMap {
  const fields = new Map(f.fields);
  if (!fields.has("invocation")) fields.set("invocation", { value: "sync", source: f.origin, placeholder: INVOCATION_PLACEHOLDER });
  fields.set("duration", { value: PLACEHOLDER_DURATION, source: f.origin, placeholder: DURATION_PLACEHOLDER });
  fields.set("arrivals", { value: PLACEHOLDER_ARRIVALS, source: f.origin, placeholder: TRAFFIC_PLACEHOLDER });
  const node = doc.createNode({}) as YAMLMap;
  node.add(doc.createPair("name", f.name));
  (node.items[0]!.value as Scalar).comment = ` ${f.origin}`;
  const imported: Record<string, string> = {};
  const unwritten: string[] = [];
  const keys = [...fields.keys()].sort((a, b) => rank(a) - rank(b));
  for (const key of keys) {
    const s = fields.get(key)!;
    imported[key] = citation(s);
    if (s.value === undefined) {
      unwritten.push(` PLACEHOLDER ${key}: not written, lambdasim's default applies: ${s.placeholder} (${s.source})`);
      continue;
    }
    const [head, ...rest] = key.split(".");
    const pair = rest.length === 0 ? doc.createPair(head, s.value) : doc.createPair(rest.join("."), s.value);
    const value = pair.value as YAML.Node;
    if (isMap(value)) value.flow = true;
    withComment(pair, s.placeholder === undefined ? s.source : `PLACEHOLDER: ${s.placeholder} (${s.source})`);
    if (rest.length === 0) node.add(pair);
    else {
      let parent = node.get(head!) as YAMLMap | undefined;
      if (parent === undefined) {
        parent = doc.createNode({}) as YAMLMap;
        node.add(doc.createPair(head, parent));
      }
      parent.add(pair);
    }
  }
  const importedPair = doc.createPair("imported", imported);
  if (unwritten.length > 0) (importedPair.key as Scalar).commentBefore = unwritten.join("\n");
  node.add(importedPair);
  return node;
}

/** The `imported:` text of a field: its source, or `placeholder: why (source)`. */
export function citation(s: Sourced): string {
  return s.placeholder === undefined ? s.source : `placeholder: ${s.placeholder} (${s.source})`;
}

/** Where a field goes in FIELD_ORDER (sub-fields after their parent's place). */
function rank(key: string): number {
  const i = FIELD_ORDER.indexOf(key.split(".")[0]!);
  return i === -1 ? FIELD_ORDER.length : i;
}

/** Puts `text` as the line comment of a pair's value (a scalar) or before its key (a collection). */
function withComment(pair: Pair, text: string): Pair {
  const value = pair.value as YAML.Node;
  if (YAML.isScalar(value) || ((isMap(value) || YAML.isSeq(value)) && value.flow)) value.comment = ` ${text}`;
  else (pair.key as Scalar).commentBefore = ` ${text}`;
  return pair;
}
