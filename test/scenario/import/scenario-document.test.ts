import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { resolveScenario } from "../../../src/scenario/index.js";
import { importedScenarioText, mergeConfigs } from "../../../src/scenario/import/index.js";
import { parseYaml } from "../../../src/scenario/parse-document.js";
import { importFixture } from "./support.js";

const FORMATS = ["sam-template.yaml", "cloudformation.json", "terraform-plan.json", "serverless.yml"];

describe("the scenario an import writes", () => {
  for (const file of FORMATS) {
    it(`validates with the scenario validator (${file})`, () => {
      const text = importedScenarioText(importFixture(file), { name: "orders", schemaRef: "../schema/scenario.schema.json" });
      const parsed = parseYaml(text);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const r = resolveScenario(parsed.data, { baseName: "orders" });
      expect(r.ok ? [] : r.issues).toEqual([]);
    });
  }

  const text = importedScenarioText(importFixture("sam-template.yaml"), { name: "orders", schemaRef: "../schema/scenario.schema.json" });
  const doc = YAML.parseDocument(text);

  it("starts with the yaml-language-server line, as the bundled scenarios do", () => {
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/scenario.schema.json");
  });

  it("puts a comment naming the source on every written value, and the same source in imported:", () => {
    const lines = text.split("\n");
    const f = (doc.toJS() as { functions: Array<{ name: string; imported: Record<string, string> }> }).functions[0]!;
    for (const [field, source] of Object.entries(f.imported)) {
      const key = field.split(".").pop()!;
      const line = lines.find((l) => l.trimStart().startsWith(`${key}:`) && l.includes("#") && l.includes(source.replace(/^placeholder: .*\((.*)\)$/, "$1")));
      expect(line, `${field} carries its source ${source}`).toBeDefined();
    }
    expect(Object.keys(f.imported)).toHaveLength(16);
  });

  it("writes traffic and durations as stated placeholders pointing at lambdasim import traffic", () => {
    const lines = text.split("\n");
    const arrivals = lines.find((l) => l.trimStart().startsWith("arrivals:"))!;
    expect(arrivals).toMatch(/arrivals: \{ kind: poisson, rate: 1\/s \} # PLACEHOLDER: .*lambdasim import traffic/);
    expect(lines.find((l) => l.trimStart().startsWith("duration:"))).toMatch(/# PLACEHOLDER: .*lambdasim import traffic/);
  });

  it("refuses two files defining a function of the same name, naming both", () => {
    const a = importFixture("sam-template.yaml");
    const b = importFixture("cloudformation.json");
    const r = mergeConfigs([a, b]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: "functions.OrderWorker", value: "cloudformation.json#Resources.OrderWorker", allowed: expect.stringContaining("sam-template.yaml#Resources.OrderWorker") });
  });
});

describe("an import of several files", () => {
  it("merges their functions into one scenario that validates", () => {
    const r = mergeConfigs([importFixture("sam-template.yaml"), importFixture("terraform-plan.json")]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.functions.map((f) => f.name)).toEqual(["OrderWorker", "ReportsFunction", "orders-worker", "orders-reports"]);
    expect(r.value.scenario.get("region")?.source).toBe("terraform-plan.json#configuration.provider_config.aws.expressions.region");
    const parsed = parseYaml(importedScenarioText(r.value, { name: "both", schemaRef: "s.json" }));
    const checked = parsed.ok ? resolveScenario(parsed.data, { baseName: "both" }) : null;
    expect(checked?.ok ? [] : checked).toEqual([]);
  });
});
