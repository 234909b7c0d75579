import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { loadScenarioFile, resolveScenario } from "../../src/scenario/index.js";
import { SCENARIO_SCHEMA_PATH, scenarioJsonSchema, scenarioJsonSchemaText } from "../../src/scenario/json-schema.js";
import { RUNTIMES } from "../../src/scenario/runtimes.js";
import { committedSchemaValidator, ROOT } from "../support/json-schema.js";
import { validScenario, withFunction } from "./support.js";

const scenariosDir = resolve(ROOT, "scenarios");
const bundled = readdirSync(scenariosDir).filter((f) => f.endsWith(".yaml"));
const EDITOR_LINE = "# yaml-language-server: $schema=../schema/scenario.schema.json";

describe("the scenario JSON Schema", () => {
  it("is committed as `npm run schema` generates it from the validator", () => {
    const committed = readFileSync(resolve(ROOT, SCENARIO_SCHEMA_PATH), "utf8");
    expect(committed === scenarioJsonSchemaText(), `${SCENARIO_SCHEMA_PATH} is out of date with src/scenario/: run \`npm run schema\``).toBe(true);
  });

  it("is draft-07 and the same text on every generation", () => {
    expect(scenarioJsonSchema().$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(scenarioJsonSchemaText()).toBe(scenarioJsonSchemaText());
  });

  it("lists the runtimes, architectures and invocation kinds as enums, and refuses unknown fields", () => {
    const s = scenarioJsonSchema() as any;
    const f = s.properties.functions.items;
    expect(f.properties.runtime.enum).toEqual([...RUNTIMES]);
    expect(f.properties.architecture.enum).toEqual(["x86_64", "arm64"]);
    expect(f.properties.invocation.enum).toEqual(["sync", "async", "sqs", "stream"]);
    expect(s.additionalProperties).toBe(false);
    expect(f.additionalProperties).toBe(false);
    expect(f.required).toEqual(["name", "runtime", "duration", "arrivals"]);
  });

  it("describes fields by what they mean, what they accept and their default", () => {
    const memory = (scenarioJsonSchema() as any).properties.functions.items.properties.memoryMB.description as string;
    expect(memory).toBe(
      "Memory size in MB; CPU share scales with it. Expected: an integer 128..10240 (MB). Default: 128 (lambda-limits.json function.memoryMB.default).",
    );
  });

  it("accepts every bundled scenario (ajv, draft-07)", () => {
    const validate = committedSchemaValidator();
    expect(bundled.length).toBeGreaterThanOrEqual(8);
    for (const file of bundled) {
      const data = YAML.parse(readFileSync(join(scenariosDir, file), "utf8")) as unknown;
      expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it("refuses broken scenarios at the field that is wrong", () => {
    const validate = committedSchemaValidator();
    const paths = (data: unknown) => (validate(data) ? [] : [...new Set(validate.errors!.map((e) => e.instancePath))]);
    expect(paths(validScenario())).toEqual([]);
    expect(paths(withFunction({ memoryMB: 64 }))).toEqual(["/functions/0/memoryMB"]);
    expect(paths(withFunction({ memroyMB: 512 }))).toEqual(["/functions/0"]);
    expect(paths({ ...validScenario(), horizon: "10 parsecs" })).toEqual(["/horizon"]);
    expect(paths(withFunction({ arrivals: { kind: "poisson", rate: "50" } }))).toContain("/functions/0/arrivals/rate");
    expect(paths(withFunction({ runtime: "cobol" }))).toEqual(["/functions/0/runtime"]);
    const { functions: _, ...noFunctions } = validScenario();
    expect(paths(noFunctions)).toEqual([""]);
  });
  it("refuses, as the validator does, fields of another invocation kind and trace options of another format", () => {
    const validate = committedSchemaValidator();
    const trace = (extra: Record<string, unknown>) => withFunction({ arrivals: { kind: "trace", file: "t.csv", format: "azure2021", ...extra } });
    const cases = [
      withFunction({ sqs: { batchSize: 5 } }),
      withFunction({ invocation: "sqs", stream: { shards: 2 } }),
      withFunction({ maximumEventAge: "1h" }),
      withFunction({ invocation: "stream", clientRetries: { maxAttempts: 2 } }),
      withFunction({ arrivals: { kind: "trace", file: "t.csv", format: "timestamps", select: { function: "f" } } }),
      trace({ select: { owner: "o" } }),
      trace({ withinMinute: "poisson" }),
    ];
    for (const c of cases) {
      expect(validate(c), JSON.stringify(c.functions[0])).toBe(false);
      expect(resolveScenario(c).ok, JSON.stringify(c.functions[0])).toBe(false);
    }
    // and accepts them where they belong
    for (const c of [withFunction({ invocation: "sqs", sqs: { batchSize: 5 } }), withFunction({ clientRetries: { maxAttempts: 2 } }), trace({ select: { app: "a" } })]) {
      expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
      expect(resolveScenario(c).ok).toBe(true);
    }
  });
});

describe("bundled scenarios and the editor line", () => {
  for (const file of bundled) {
    it(`${file} starts with the yaml-language-server line and still loads under its own name`, () => {
      const text = readFileSync(join(scenariosDir, file), "utf8");
      expect(text.split("\n")[0]).toBe(EDITOR_LINE);
      const loaded = loadScenarioFile(join(scenariosDir, file));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      const declared = (YAML.parse(text) as { name?: string }).name;
      expect(loaded.value.sim.name).toBe(declared ?? basename(file, ".yaml"));
    });
  }

  it("points at the committed schema", () => {
    const target = EDITOR_LINE.split("$schema=")[1]!;
    expect(resolve(scenariosDir, target)).toBe(resolve(ROOT, SCENARIO_SCHEMA_PATH));
  });
});
