import { z } from "zod";
import { jsonHint } from "./json-hints.js";

/*
 * `imported:` (a function's, and the scenario's): where each field's value came from when the scenario
 * was written by `lambdasim import config`, field path → source, e.g.
 * `memoryMB: "template.yaml#Resources.Orders.Properties.MemorySize"`. `lambdasim explain` prints the
 * source beside the value; a source starting with "placeholder" marks a value the configuration did not
 * give. The simulation ignores it.
 */

/** The `imported:` map of an object whose fields are `fields`: keys name those fields, values are text. */
export function importedSchema(fields: readonly string[]) {
  const allowedKey = `no such field to cite: keys of imported name a field here (${fields.join(", ")}), or a sub-field such as sqs.batchSize`;
  const allowedValue = "the source of the field's value, as text (file#location)";
  const pattern = `^(${fields.join("|")})(\\.[A-Za-z0-9_]+)*$`;
  const map = z.record(z.string(), z.string({ error: allowedValue }), { error: `a mapping of field → source (${allowedValue})` });
  const keyPattern = new RegExp(pattern);
  const checked = map.superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!keyPattern.test(key)) ctx.addIssue({ code: "custom", path: [key], message: allowedKey, input: key });
    }
  });
  return jsonHint(checked, {
    json: { type: "object", propertyNames: { pattern }, additionalProperties: { type: "string" } },
  });
}
