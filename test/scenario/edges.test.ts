import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue, printable, readScenarioFile, reportFolderName, resolveScenario } from "../../src/scenario/index.js";
import { resolveOutDir } from "../../src/cli/output.js";
import { setAtPath } from "../../src/plan/apply-path.js";

describe("report folder names", () => {
  it("keeps a valid scenario name and makes '..', '.', slashes and NUL one plain folder name", () => {
    expect(reportFolderName("api-backend.v2")).toBe("api-backend.v2");
    expect(reportFolderName("..")).toBe("scenario");
    expect(reportFolderName(".")).toBe("scenario");
    expect(reportFolderName("../../etc")).toBe("-..-etc");
    expect(reportFolderName("/abs\\path\u0000x")).toBe("-abs-path-x");
  });

  it("substitutes <name> in --out with the safe folder name, for every command's default", () => {
    expect(resolveOutDir("reports/<name>/", "..")).toBe("reports/scenario/");
    expect(resolveOutDir("out/<name>/sweep/", "../x")).toBe("out/-x/sweep/");
  });

  it("refuses the names '.', '..' and '.hidden' at validation, naming the field", () => {
    for (const name of [".", "..", ".hidden", "a/b", "/etc", "a\u0000b"]) {
      const r = resolveScenario({ name, functions: [{ name: "f", runtime: "nodejs22.x", duration: "10ms", arrivals: { kind: "poisson", rate: "1/s" } }] });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.path)).toContain("name");
    }
  });
});

describe("printing what a user wrote", () => {
  it("escapes terminal escape codes, C1 controls and bidi overrides", () => {
    expect(printable("\u001b[2J\u009b31m\u202eabc")).toBe("\\u001b[2J\\u009b31m\\u202eabc");
  });

  it("escapes an unknown key's control characters in the issue line", () => {
    const r = resolveScenario({ "\u001b[31m": 1, functions: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) for (const issue of r.issues) expect(formatIssue(issue, "s.yaml")).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe("linear validation of large maps", () => {
  it("reads a YAML map of 30,000 keys (the yaml package's own unique-key check is quadratic) and still finds a duplicate", () => {
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-big-"));
    const keys = Array.from({ length: 30_000 }, (_, i) => `  k${i}: ${i}`);
    writeFileSync(join(dir, "big.yaml"), `account:\n${keys.join("\n")}\n`);
    const read = readScenarioFile(join(dir, "big.yaml"));
    expect(read.ok).toBe(true);
    if (read.ok) expect(Object.keys((read.value.data as { account: object }).account)).toHaveLength(30_000);
    writeFileSync(join(dir, "dup.yaml"), `account:\n${keys.join("\n")}\n  k17: 1\n`);
    const dup = readScenarioFile(join(dir, "dup.yaml"));
    expect(dup.ok ? null : dup.issues[0]!.value).toBe("invalid YAML at line 30002, column 3: Map keys must be unique");
  }, 20_000);
});

describe("--set paths through __proto__", () => {
  it("write an own field named __proto__, never into Object.prototype", () => {
    const raw = { functions: [{ name: "f" }] } as { functions: Array<Record<string, unknown>> };
    expect(setAtPath(raw, "__proto__.polluted", 1)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(raw.functions[0]!)).toEqual(["name", "__proto__"]);
  });
});
