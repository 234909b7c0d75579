import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { formatIssue, type Issue } from "../../src/scenario/issues.js";
import { loadScenarioFile } from "../../src/scenario/load.js";

const dir = mkdtempSync(join(tmpdir(), "lambdasim-scenario-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function onlyFileIssue(path: string): Issue {
  const r = loadScenarioFile(path);
  if (r.ok) throw new Error("expected the file to be rejected");
  expect(r.issues).toHaveLength(1);
  return r.issues[0]!;
}

const VALID_YAML = `# a comment
horizon: 2h
functions:
  - name: api
    runtime: python3.13
    duration: { dist: lognormal, median: 30ms, p99: 250ms }
    coldStart: { dist: lognormal, median: 80ms, p99: 97ms }
    arrivals: { kind: poisson, rate: 6/h }
`;

describe("loadScenarioFile", () => {
  it("loads a YAML scenario and names it after the file", () => {
    const r = loadScenarioFile(write("sparse-webhook.yaml", VALID_YAML));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.sim.name).toBe("sparse-webhook");
      expect(r.value.sim.horizonMs).toBe(7_200_000);
      expect(r.value.sim.functions[0]!.arrivals).toEqual({ kind: "poisson", ratePerSec: 6 / 3600 });
    }
  });

  it("loads a .yml file and a JSON scenario the same way", () => {
    const yml = loadScenarioFile(write("a.yml", VALID_YAML));
    const json = loadScenarioFile(
      write(
        "a.json",
        JSON.stringify({
          horizon: "2h",
          functions: [
            {
              name: "api",
              runtime: "python3.13",
              duration: { dist: "lognormal", median: "30ms", p99: "250ms" },
              coldStart: { dist: "lognormal", median: "80ms", p99: "97ms" },
              arrivals: { kind: "poisson", rate: "6/h" },
            },
          ],
        }),
      ),
    );
    expect(yml.ok && json.ok).toBe(true);
    if (yml.ok && json.ok) expect(json.value).toEqual(yml.value);
  });

  it("reports a missing file as one issue with an empty path", () => {
    const path = join(dir, "nope.yaml");
    const issue = onlyFileIssue(path);
    expect(issue.path).toBe("");
    expect(issue.value).toBe("no such file");
    expect(issue.allowed).toContain("an existing readable .yaml, .yml or .json file");
    expect(formatIssue(issue, path)).toBe(`${path}: no such file; expected an existing readable .yaml, .yml or .json file`);
  });

  it("reports a folder given as the scenario", () => {
    const sub = join(dir, "folder.yaml");
    mkdirSync(sub, { recursive: true });
    expect(onlyFileIssue(sub).value).toBe("a folder, not a file");
  });

  it("reports invalid YAML with its line and column", () => {
    const issue = onlyFileIssue(write("bad.yaml", "horizon: 1h\nfunctions:\n  - name: [unclosed\n    runtime: x\n"));
    expect(issue.path).toBe("");
    expect(issue.value).toMatch(/^invalid YAML at line \d+, column \d+: /);
    expect(issue.allowed).toBe("valid YAML");
  });

  it("reports the line and column of a duplicate YAML key", () => {
    const issue = onlyFileIssue(write("dup.yaml", "horizon: 1h\nseed: 1\nhorizon: 2h\n"));
    expect(issue.value).toMatch(/^invalid YAML at line 3, column 1: .*unique/);
  });

  it("reports invalid JSON with its line and column", () => {
    const issue = onlyFileIssue(write("bad.json", '{\n  "horizon": "1h",\n  "seed": ,\n}'));
    expect(issue.value).toMatch(/^invalid JSON at line 3, column 11: /);
    expect(issue.allowed).toBe("valid JSON");
  });

  it("reports an empty file", () => {
    expect(onlyFileIssue(write("empty.yaml", "  \n")).value).toBe("empty file");
    expect(onlyFileIssue(write("comments.yaml", "# nothing yet\n")).value).toBe("no content (only comments or null)");
  });

  it("rejects a file that is not YAML or JSON by its extension", () => {
    const issue = onlyFileIssue(write("scenario.txt", VALID_YAML));
    expect(issue.value).toBe("a .txt file");
    expect(issue.allowed).toContain(".yaml, .yml or .json");
  });

  it("passes schema issues of a file through with their paths", () => {
    const r = loadScenarioFile(write("mem.yaml", VALID_YAML.replace("runtime: python3.13", "runtime: python3.13\n    memoryMB: 20000")));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(["functions[0].memoryMB"]);
  });

  it("loads every example scenario shipped in scenarios/", () => {
    const examples = readdirSync("scenarios").filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(examples.length).toBeGreaterThan(0);
    for (const file of examples) {
      const r = loadScenarioFile(join("scenarios", file));
      expect(r.ok ? [] : r.issues.map((i) => formatIssue(i, file)), file).toEqual([]);
    }
  });
});
