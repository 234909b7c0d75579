import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";

/** The JSON schema vega-lite ships (exported as vega-lite/vega-lite-schema.json), compiled once per test file. */
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve("vega-lite/vega-lite-schema.json"), "utf8")) as object;
const ajv = new Ajv({ allErrors: true, strict: false, formats: { uri: true, "uri-reference": true, "color-hex": /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i } });
const validate = ajv.compile(schema);

/** The schema violations of a Vega-Lite spec, as "path message" lines (empty when it validates). */
export function schemaErrors(spec: unknown): string[] {
  if (validate(spec)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
