import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { whatIfPanelData } from "../../src/cli/what-if-page.js";
import { parseFieldSet, resolveWithSets } from "../../src/plan/field-sets.js";
import { simulate } from "../../src/platform/simulate.js";
import type { Result } from "../../src/platform/result.js";
import { withCost } from "../../src/pricing/index.js";
import { formatIssue, readScenarioFile, resolveScenarioData, traceFileScope } from "../../src/scenario/index.js";
import { planWhatIf, runWhatIf, WHATIF_MAX_EVENTS } from "../../src/whatif/what-if-run.js";
import { WHATIF_TRACE_BYTES } from "../../src/whatif/what-if-scenario.js";

const root = resolve(import.meta.dirname, "../..");

/** What `lambdasim run FILE -H horizon --set ...` computes, in process (run-command.ts's steps). */
function cliRun(file: string, horizon: string, sets: string[]): Result {
  const raw = readScenarioFile(file);
  if (!raw.ok) throw new Error("unreadable");
  const parsed = sets.map((t) => {
    const p = parseFieldSet(t);
    if (!p.ok) throw new Error(t);
    return p.value;
  });
  const r = resolveWithSets(raw.value.data, parsed, (d) => resolveScenarioData(d, file), { horizon });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const traces = traceFileScope();
  try {
    const s = r.value;
    return withCost(simulate(s.sim, { openTrace: traces.open }), s.sim.functions, s.catalog, s.pricing);
  } finally {
    traces.closeAll();
  }
}

/** The page's data for a run of `file` with -H `horizon` (what `run` embeds), without the bundles. */
function pageData(file: string, horizon: string) {
  const raw = readScenarioFile(file);
  if (!raw.ok) throw new Error("unreadable");
  const r = resolveWithSets(raw.value.data, [], (d) => resolveScenarioData(d, file), { horizon });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const result = withCost(simulate(r.value.sim, { openTrace: traceFileScope().open }), r.value.sim.functions, r.value.catalog, r.value.pricing);
  return whatIfPanelData({ file, raw: raw.value.data, horizon, sets: [], scenario: r.value, changedRaw: r.raw, result });
}

const withoutEngine = (r: Result) => ({ ...r, engine: undefined });

describe("what-if runs (the page's worker code, in Node)", () => {
  it("equal lambdasim run --set for the same scenario, sets, horizon and seed", () => {
    const file = join(root, "scenarios/api-backend.yaml");
    const sets = ["functions.api.memoryMB=2048", "arrivals.rate=70/s"];
    const data = pageData(file, "20m").data;
    const plan = planWhatIf(data.scenario, sets);
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    const page = runWhatIf(data.scenario, plan.value);
    if (!page.ok) throw new Error("failed");
    const cli = cliRun(file, "20m", sets);
    expect(withoutEngine(page.value)).toEqual(withoutEngine(cli));
    // 70/s for 10 measured minutes (20 min minus the 10 min warm-up): Poisson, within 4 standard deviations.
    expect(Math.abs(page.value.total.invocations - 42_000)).toBeLessThan(4 * Math.sqrt(42_000));
    expect(plan.value.command).toBe(`lambdasim run ${file} -H 20m --set functions.api.memoryMB=2048 --set arrivals.rate=70/s`);
  });

  it("replays embedded traces as the CLI replays the files (azure-trace-replay, memory changed)", () => {
    const file = join(root, "scenarios/azure-trace-replay.yaml");
    const data = pageData(file, "2h").data;
    expect(Object.keys(data.scenario.traces)).toEqual(["traces/azure2019-sample9.csv"]);
    const sets = ["memoryMB=1024"];
    const plan = planWhatIf(data.scenario, sets);
    if (!plan.ok) throw new Error(JSON.stringify(plan.issues));
    const page = runWhatIf(data.scenario, plan.value);
    if (!page.ok) throw new Error("failed");
    const cli = cliRun(file, "2h", sets);
    expect(page.value.total.invocations).toBeGreaterThan(20); // 48 in these two hours of the trace
    expect(withoutEngine(page.value)).toEqual(withoutEngine(cli));
  });

  it("refuses memory 100 with the line the CLI prints after the file name", () => {
    const data = pageData(join(root, "scenarios/api-backend.yaml"), "20m").data;
    const plan = planWhatIf(data.scenario, ["functions.api.memoryMB=100"]);
    expect(plan).toEqual({
      ok: false,
      issues: [{ path: "functions[0].memoryMB", set: null, message: "functions[0].memoryMB: 100 is not allowed; expected an integer 128..10240 (MB)" }],
    });
  });

  it("names --set for a path to no field, with the set that carried it", () => {
    const data = pageData(join(root, "scenarios/api-backend.yaml"), "20m").data;
    const plan = planWhatIf(data.scenario, ["functions.api.memoryMBB=2048"]);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]!.set).toBe("functions.api.memoryMBB");
    expect(plan.issues[0]!.message).toBe(formatIssue({ path: "--set", value: "functions.api.memoryMBB", allowed: plan.issues[0]!.message.split("expected ")[1]! }));
  });

  it("refuses a run over the page's event budget on the horizon, before simulating", () => {
    const data = pageData(join(root, "scenarios/api-backend.yaml"), "20m").data;
    // 50/s for 30 days: about 130 M arrivals, several events each.
    const plan = planWhatIf(data.scenario, ["horizon=30d"]);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.issues[0]!.path).toBe("horizon");
    expect(plan.issues[0]!.message).toContain(`more than the page simulates (${WHATIF_MAX_EVENTS.toLocaleString("en-US")})`);
  });

  it("lets a set of horizon replace the run's -H, and writes -H into the downloaded scenario otherwise", () => {
    const data = pageData(join(root, "scenarios/api-backend.yaml"), "20m").data;
    const set = planWhatIf(data.scenario, ["horizon=30m"]);
    if (!set.ok) throw new Error("refused");
    expect(set.value.scenario.sim.horizonMs).toBe(30 * 60_000);
    expect(set.value.command).not.toContain("-H");
    const kept = planWhatIf(data.scenario, []);
    if (!kept.ok) throw new Error("refused");
    expect(kept.value.scenario.sim.horizonMs).toBe(20 * 60_000);
    expect(kept.value.yaml).toMatch(/^horizon: 20m$/m);
  });

  it("leaves out traces past WHATIF_TRACE_BYTES and then refuses to run, saying trace-driven functions cannot be changed in the page", () => {
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-whatif-"));
    // One arrival every 2 ms until the text passes 2 MB (about 540 s of trace).
    const lines: string[] = [];
    let bytes = 0;
    for (let i = 0; bytes <= WHATIF_TRACE_BYTES; i++) {
      const line = (i * 0.002).toFixed(3);
      lines.push(line);
      bytes += line.length + 1;
    }
    writeFileSync(join(dir, "big.csv"), lines.join("\n") + "\n");
    const file = join(dir, "big.yaml");
    writeFileSync(file, "horizon: 10m\nfunctions:\n  - name: f\n    runtime: nodejs22.x\n    duration: { dist: constant, value: 10ms }\n    arrivals: { kind: trace, file: big.csv, format: timestamps }\n");
    const panel = pageData(file, "10m");
    expect(panel.data.scenario.tracesLeftOut).toEqual(["big.csv"]);
    expect(panel.note).toContain("trace-driven functions cannot be changed in the page");
    const plan = planWhatIf(panel.data.scenario, ["memoryMB=1024"]);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.issues[0]!.message).toContain("trace-driven functions cannot be changed in the page");
  });
});
