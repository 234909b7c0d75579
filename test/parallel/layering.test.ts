import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const src = resolve(import.meta.dirname, "../../src");

/** The layers `from` imports (a relative `../<layer>/` path), by file. */
function importsOf(layer: string): Array<{ file: string; target: string }> {
  const out: Array<{ file: string; target: string }> = [];
  for (const name of readdirSync(join(src, layer))) {
    if (!name.endsWith(".ts")) continue;
    const text = readFileSync(join(src, layer, name), "utf8");
    for (const m of text.matchAll(/from "\.\.\/([a-z-]+)\//g)) out.push({ file: `${layer}/${name}`, target: m[1]! });
  }
  return out;
}

describe("layers", () => {
  it("parallel/ imports nothing from plan/, which sits above it (DESIGN.md layers: plan → parallel)", () => {
    expect(importsOf("parallel").filter((i) => i.target === "plan")).toEqual([]);
  });

  it("scenario/ defines the SLO that planners and reports read, and imports nothing from report/ (issue 13's layering)", () => {
    expect(importsOf("scenario").filter((i) => i.target === "report")).toEqual([]);
    expect(readFileSync(join(src, "scenario/slo.ts"), "utf8")).toMatch(/export interface Slo \{/);
    for (const file of ["report/slo-verdicts.ts", "plan/memory-tuner.ts", "plan/provisioned-tuner.ts"]) {
      expect(readFileSync(join(src, file), "utf8")).toContain('import type { Slo } from "../scenario/slo.js";');
    }
  });
});
