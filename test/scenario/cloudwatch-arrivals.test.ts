import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/scenario/issues.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { metricDataJson } from "../support/cloudwatch-json.js";

/** A scenario replaying `metrics.json` (written beside it) with the arrivals fields given. */
function scenarioWith(arrivals: string, metrics: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-cw-"));
  writeFileSync(join(dir, "metrics.json"), metrics);
  const file = join(dir, "replay.yaml");
  writeFileSync(file, `horizon: 1h\nwarmup: 0s\nfunctions:\n  - name: api\n    runtime: nodejs22.x\n    memoryMB: 512\n    duration: { dist: constant, value: 100ms }\n    arrivals: ${arrivals}\n`);
  return file;
}

const METRICS = metricDataJson("2026-11-30T00:00:00Z", 60, [
  { id: "inv", label: "Invocations", values: [5, 6, 7] },
  { id: "thr", label: "Throttles", values: [0, 0, 1] },
]);

describe("arrivals kind trace, format cloudwatch", () => {
  it("loads a scenario whose metric names a result of the file, resolving the file beside the scenario", () => {
    const s = loadScenarioFile(scenarioWith("{ kind: trace, format: cloudwatch, file: metrics.json, metric: inv }", METRICS));
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    const a = s.value.sim.functions[0]!.arrivals;
    expect(a).toMatchObject({ kind: "trace", format: "cloudwatch", metric: "inv", gaps: "error", withinMinute: "uniform" });
  });

  it("reports a metric Id that is not in the file at arrivals.metric, listing the Ids present", () => {
    const s = loadScenarioFile(scenarioWith("{ kind: trace, format: cloudwatch, file: metrics.json, metric: Invocations }", METRICS));
    expect(s.ok).toBe(false);
    if (s.ok) return;
    expect(s.issues).toHaveLength(1);
    expect(s.issues[0]!.path).toBe("functions[0].arrivals.metric");
    expect(formatIssue(s.issues[0]!)).toContain('"inv" ("Invocations"), "thr" ("Throttles")');
  });

  it("asks for metric when the file holds several results, and refuses metric and gaps on other formats", () => {
    const none = loadScenarioFile(scenarioWith("{ kind: trace, format: cloudwatch, file: metrics.json }", METRICS));
    expect(!none.ok && none.issues[0]!.path).toBe("functions[0].arrivals.metric");
    const wrong = loadScenarioFile(scenarioWith("{ kind: trace, format: azure2019, file: metrics.json, metric: inv, gaps: zero }", METRICS));
    expect(!wrong.ok && wrong.issues.map((i) => i.path).sort()).toEqual(["functions[0].arrivals.gaps", "functions[0].arrivals.metric"]);
  });
});
