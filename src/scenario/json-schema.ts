import { z } from "zod";
import { defaultsTable } from "./defaults.js";
import { FIELD_DOCS } from "./field-docs.js";
import { jsonHintOf, type JsonSchema } from "./json-hints.js";
import { scenarioSchema } from "./schema.js";
import { DURATION_DEFINITION } from "./unit-patterns.js";

/*
 * The scenario format as a JSON Schema (draft-07), generated from the zod validator for editors: the
 * input side (unit strings as written, before conversion), with each field's `allowed` phrase, meaning
 * and default as its description. Where the validator checks what JSON Schema cannot say (a duration's
 * range, rules across fields, the price catalog, trace files), the schema accepts more than the
 * validator, never less (test/scenario/json-schema-agreement.test.ts lists those rules).
 */

/** Where the committed schema lives, relative to the repository root (`npm run schema` writes it). */
export const SCENARIO_SCHEMA_PATH = "schema/scenario.schema.json";

/** zod's JSON Schema options for the editor schema: draft-07, input side, hints applied. */
const OPTIONS = {
  target: "draft-07",
  io: "input",
  // A node JSON Schema cannot describe accepts anything: the schema stays a superset of the validator.
  unrepresentable: "any",
  override: ({ zodSchema, jsonSchema }) => applyHint(zodSchema, jsonSchema),
} satisfies Parameters<typeof z.toJSONSchema>[1];

/**
 * The scenario JSON Schema (draft-07), deterministic for a given validator: key order follows the zod
 * shapes. Cost: one walk of the zod schema (milliseconds).
 */
export function scenarioJsonSchema(): JsonSchema {
  definitions = new Map([["duration", DURATION_DEFINITION]]);
  try {
    // A copy without shared nodes, so that each field is described once.
    const body = JSON.parse(JSON.stringify(renderInput(scenarioSchema))) as JsonSchema;
    describeFields(body, "");
    const defs = Object.fromEntries([...definitions].sort(([a], [b]) => a.localeCompare(b)));
    return refSiblingsInAllOf({ $schema: "http://json-schema.org/draft-07/schema#", title: "lambdasim scenario", ...body, definitions: defs }) as JsonSchema;
  } finally {
    definitions = null;
  }
}

/** The `definitions` of the schema being generated (hints with `define` write there), null between generations. */
let definitions: Map<string, JsonSchema> | null = null;

/**
 * Draft-07 ignores the keywords beside a `$ref`: `{ $ref, description }` becomes
 * `{ allOf: [{ $ref }], description }`, so that the description counts; an `allOf` of one schema
 * alone is that schema. Returns a new tree.
 */
function refSiblingsInAllOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(refSiblingsInAllOf);
  if (node === null || typeof node !== "object") return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) out[key] = refSiblingsInAllOf(value);
  // zod's own draft-07 wrapping can nest `{ allOf: [{ allOf: [{ $ref }], description }] }`: one level is enough.
  if (Object.keys(out).length === 1 && Array.isArray(out.allOf) && out.allOf.length === 1) return out.allOf[0];
  if (typeof out.$ref !== "string" || Object.keys(out).length === 1) return out;
  const { $ref, ...rest } = out;
  return { allOf: [{ $ref }], ...rest };
}

/** The schema as written to schema/scenario.schema.json and printed by `lambdasim schema`: 2-space JSON and a newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/** A zod schema's input as JSON Schema, with the hints, without `$schema`. */
function renderInput(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...json } = z.toJSONSchema(schema, OPTIONS) as JsonSchema;
  return json;
}

/**
 * zod's override step for one node: the hint's input schema replaces zod's, the hint's edit applies to a
 * copy, and the node's `allowed` phrase (its zod error message) becomes its description.
 */
function applyHint(zodSchema: z.core.$ZodType, json: JsonSchema): void {
  const hint = jsonHintOf(zodSchema);
  if (hint !== undefined && (hint.json !== undefined || hint.edit !== undefined || hint.define !== undefined)) {
    // A rendered input is fresh and complete; a constant is copied; zod's own node is edited in place,
    // since its children are finished later (zod flattens them after this node's override).
    let next = hint.json === undefined ? { ...json } : typeof hint.json === "function" ? hint.json(renderInput) : structuredClone(hint.json);
    hint.edit?.(next);
    if (hint.define !== undefined) next = define(hint.define, next);
    for (const key of Object.keys(json)) delete json[key];
    Object.assign(json, next);
  }
  if (zodSchema._zod.def.type === "object") requireWhatRefusesNothing(zodSchema as z.core.$ZodObject, json);
  const allowed = allowedText(zodSchema);
  if (allowed !== undefined && json.description === undefined) json.description = allowed;
}

/**
 * `required` as the validator decides it: a field is required when its schema refuses a missing value.
 * zod reads optionality from the node types, and takes a preprocessed field (a distribution) for optional.
 */
function requireWhatRefusesNothing(schema: z.core.$ZodObject, json: JsonSchema): void {
  const shape = schema._zod.def.shape;
  const required = Object.keys(shape).filter((key) => !z.safeParse(shape[key]!, undefined).success);
  if (required.length > 0) json.required = required;
  else delete json.required;
}

/** Puts `json` under `definitions[name]` (the same name must mean the same schema) and returns a `$ref` to it. */
function define(name: string, json: JsonSchema): JsonSchema {
  const known = definitions?.get(name);
  if (known !== undefined && JSON.stringify(known) !== JSON.stringify(json)) throw new Error(`editor schema: two different schemas named definitions.${name}`);
  definitions?.set(name, json);
  return { $ref: `#/definitions/${name}` };
}

/** The node's `allowed` phrase: what its error map says of a value of the wrong type. */
function allowedText(schema: z.core.$ZodType): string | undefined {
  const error = schema._zod.def.error;
  if (typeof error !== "function") return undefined;
  try {
    const text = error({ code: "invalid_type", expected: "never", input: undefined, path: [], message: "", inst: schema } as never);
    return typeof text === "string" && !text.startsWith("\u0000") ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Field meanings and defaults by generic path (`functions[].memoryMB`), as in defaultsTable. */
const DEFAULT_SHOWN: ReadonlyMap<string, string> = new Map(defaultsTable().map((row) => [row.field, `${row.value} (${row.source})`]));

/**
 * Adds each field's meaning (FIELD_DOCS) and default (defaultsTable) around its `allowed` description,
 * walking properties, items and the branches of unions. A branch repeats its field's path, so only
 * the field node itself (`isField`) is described, once.
 */
function describeFields(node: unknown, path: string, isField = true): void {
  if (node === null || typeof node !== "object") return;
  const json = node as JsonSchema;
  const meaning = FIELD_DOCS[path];
  const shown = DEFAULT_SHOWN.get(path);
  if (isField && (meaning !== undefined || shown !== undefined)) {
    const parts = [meaning, json.description === undefined ? undefined : `Expected: ${String(json.description)}.`, shown === undefined ? undefined : `Default: ${shown}.`];
    json.description = parts.filter((p) => p !== undefined).join(" ");
  }
  const properties = json.properties as Record<string, unknown> | undefined;
  if (properties !== undefined) for (const [key, child] of Object.entries(properties)) describeFields(child, path === "" ? key : `${path}.${key}`);
  if (json.items !== undefined && !Array.isArray(json.items)) describeFields(json.items, `${path}[]`);
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const branches = json[key];
    if (Array.isArray(branches)) for (const b of branches) describeFields(b, path, false);
  }
}
