import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, "../..");

/**
 * An ajv 8 validator (draft-07, its default dialect) of the committed schema/scenario.schema.json, in
 * strict mode, knowing the editor-only keyword `patternErrorMessage` (VS Code shows it for a pattern
 * mismatch; other validators ignore it).
 */
export function committedSchemaValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(resolve(ROOT, "schema/scenario.schema.json"), "utf8")) as object;
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  ajv.addKeyword({ keyword: "patternErrorMessage", schemaType: "string" });
  return ajv.compile(schema);
}
