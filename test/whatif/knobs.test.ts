import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { resolveScenarioData } from "../../src/scenario/index.js";
import { whatIfKnobs } from "../../src/whatif/knobs.js";

const root = resolve(import.meta.dirname, "../..");

/** The What if panel's inputs for a bundled scenario. */
function knobsOf(file: string) {
  const path = resolve(root, "scenarios", file);
  const raw = YAML.parse(readFileSync(path, "utf8")) as unknown;
  const r = resolveScenarioData(raw, path);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return whatIfKnobs(raw, r.value);
}

describe("the What if panel's inputs", () => {
  it("offer a function on a capacity provider LMI's memory range and no reserved concurrency, which the scenario would refuse", () => {
    const knobs = knobsOf("managed-instances.yaml");
    const api = knobs.filter((k) => k.group === "function api");
    expect(api.find((k) => k.label === "memory (MB)")?.hint).toBe("2048..32768, whole vCPUs");
    expect(api.some((k) => k.path.endsWith(".reservedConcurrency"))).toBe(false);
  });

  it("keep on-demand Lambda's memory range and reserved concurrency for an on-demand function", () => {
    const knobs = knobsOf("api-backend.yaml");
    expect(knobs.find((k) => k.label === "memory (MB)")?.hint).toBe("128..10240");
    expect(knobs.some((k) => k.path.endsWith(".reservedConcurrency"))).toBe(true);
  });
});
