import type { z } from "zod";

/*
 * What the editor's JSON Schema (json-schema.ts) says about a zod node beyond what zod derives from
 * it. Most nodes need nothing: zod emits types, enums, bounds and `additionalProperties: false`, and
 * each node's `allowed` phrase becomes its description. A node whose *input* zod cannot describe (a
 * transform of `z.unknown()`, or a unit string that zod only sees as a string) carries a hint with its
 * input as JSON Schema. Hints never change what the validator accepts.
 */

/** A JSON Schema (draft-07) node. */
export type JsonSchema = { [key: string]: unknown };

/** Renders a zod schema's input as JSON Schema, with the same hints (for hints built from other zod nodes). */
export type RenderInput = (schema: z.ZodType) => JsonSchema;

/** What one zod node adds to the editor schema. */
export interface JsonHint {
  /** The node's input, replacing what zod derives (a JSON Schema, or one built from other zod nodes). */
  readonly json?: JsonSchema | ((render: RenderInput) => JsonSchema);
  /** A change to the node's JSON Schema once built (on a copy, so nodes shared elsewhere stay as they are). */
  readonly edit?: (json: JsonSchema) => void;
  /** A name under the schema's `definitions`: the node's schema is written there once and referenced (`$ref`) where used. */
  readonly define?: string;
}

const HINTS = new WeakMap<object, JsonHint>();

/**
 * Attaches a hint to `schema` and returns it, so that it reads inline: `jsonHint(z.string(), { json })`.
 * A refinement (`.refine`, `.superRefine`, `.min`) of a hinted node inherits its hint.
 */
export function jsonHint<T extends z.ZodType>(schema: T, hint: JsonHint): T {
  HINTS.set(schema, { ...HINTS.get(schema), ...hint });
  return schema;
}

/** The hint of `schema`, merged with those of the nodes it refines (its own wins). */
export function jsonHintOf(schema: z.ZodType | z.core.$ZodType): JsonHint | undefined {
  const chain: JsonHint[] = [];
  for (let s: z.core.$ZodType | undefined = schema; s !== undefined; s = s._zod.parent) {
    const hint = HINTS.get(s);
    if (hint !== undefined) chain.unshift(hint);
  }
  return chain.length === 0 ? undefined : Object.assign({}, ...chain);
}
