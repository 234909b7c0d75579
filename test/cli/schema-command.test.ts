import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");
const committed = readFileSync(join(root, "schema/scenario.schema.json"), "utf8");

/** Runs the built CLI (`npm test` builds first) as a user would. */
function lambdasim(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("lambdasim schema", () => {
  it("prints the committed scenario JSON Schema on stdout and exits 0", () => {
    const r = lambdasim(["schema"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(committed);
    expect(JSON.parse(r.stdout).$schema).toBe("http://json-schema.org/draft-07/schema#");
  });

  it("writes it to --out FILE", () => {
    const file = join(mkdtempSync(join(tmpdir(), "lambdasim-schema-")), "scenario.schema.json");
    const r = lambdasim(["schema", "--out", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${file}\n`);
    expect(readFileSync(file, "utf8")).toBe(committed);
  });

  it("exits 2 with one line when --out cannot be written", () => {
    const r = lambdasim(["schema", "--out", join(tmpdir(), "no-such-folder-lambdasim", "x.json")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^lambdasim: --out: cannot write '.*x\.json': ENOENT[^\n]*\n$/);
  });
});
