/*
 * Writes schema/scenario.schema.json, the scenario format as a JSON Schema (draft-07) for editors,
 * generated from the zod validator (src/scenario/json-schema.ts). Run `npm run schema` after changing
 * the scenario format; test/scenario/json-schema.test.ts regenerates it and fails when the committed
 * file differs.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { SCENARIO_SCHEMA_PATH, scenarioJsonSchemaText } from "../src/scenario/json-schema.js";

// `node dist/bench/scenario-schema.js` writes the schema (paths from the compiled file's place).
if (process.argv[1] !== undefined && resolve(process.argv[1]).endsWith(join("bench", "scenario-schema.js"))) {
  const out = resolve(import.meta.dirname, "../..", SCENARIO_SCHEMA_PATH);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, scenarioJsonSchemaText());
  process.stdout.write(`wrote ${out}\n`);
}
