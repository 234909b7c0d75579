import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { importConfigText, type ImportedConfig, type ImportedFunction } from "../../../src/scenario/import/index.js";

/** The folder of the import fixtures. */
export const FIXTURES = resolve(import.meta.dirname, "../../fixtures/import");

/** Imports a fixture by file name; fails the test when the import does. */
export function importFixture(name: string): ImportedConfig {
  const r = importConfigText(readFileSync(resolve(FIXTURES, name), "utf8"), name);
  if (!r.ok) throw new Error(`import of ${name} failed: ${JSON.stringify(r.issues)}`);
  return r.value;
}

/** A function's imported values by field, placeholders included. */
export function valuesOf(config: ImportedConfig, name: string): Record<string, unknown> {
  return Object.fromEntries([...fn(config, name).fields].map(([k, s]) => [k, s.value]));
}

/** A function's sources by field. */
export function sourcesOf(config: ImportedConfig, name: string): Record<string, string> {
  return Object.fromEntries([...fn(config, name).fields].map(([k, s]) => [k, s.source]));
}

/** The function named `name`. */
export function fn(config: ImportedConfig, name: string): ImportedFunction {
  const f = config.functions.find((x) => x.name === name);
  if (f === undefined) throw new Error(`no function ${name} in ${config.functions.map((x) => x.name).join(", ")}`);
  return f;
}
