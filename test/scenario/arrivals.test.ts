import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { resolveScenario } from "../../src/scenario/resolve.js";
import type { ArrivalSpec } from "../../src/workload/arrival-spec.js";
import { issuesOf, onlyIssue, withFunction } from "./support.js";

const HOUR = 3_600_000;

function arrivalsOf(arrivals: unknown): ArrivalSpec {
  const r = resolveScenario(withFunction({ arrivals }));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.sim.functions[0]!.arrivals;
}

describe("arrival kinds in a scenario", () => {
  it("resolves diurnal with a peak time of day and a weekly shape", () => {
    expect(arrivalsOf({ kind: "diurnal", mean: "50/s", peakToTrough: 4, peakAt: "14:30", weekly: [1, 1, 1, 1, 1, 0.5, 0.5] })).toEqual({
      kind: "diurnal",
      meanPerSec: 50,
      peakToTrough: 4,
      peakAtMs: 14.5 * HOUR,
      weekly: [1, 1, 1, 1, 1, 0.5, 0.5],
    });
  });

  it("keeps a weekly shape with closed days and a 1000× spread between open ones", () => {
    const weekly = [0, 1000, 1, 1, 1, 0, 0];
    expect(arrivalsOf({ kind: "diurnal", mean: "50/s", peakToTrough: 4, peakAt: "14:00", weekly })).toMatchObject({ weekly });
  });

  it("resolves a profile's points to ms and per-second rates, linear by default", () => {
    expect(arrivalsOf({ kind: "profile", points: [["0h", "10/s"], ["9h", "12000/min"], ["18:00", "0/s"]] })).toEqual({
      kind: "profile",
      points: [[0, 10], [9 * HOUR, 200], [18 * HOUR, 0]],
      shape: "linear",
    });
  });

  it("reads a compound profile time like 7h30m or 13h30m", () => {
    expect(arrivalsOf({ kind: "profile", points: [["0h", "1/s"], ["7h30m", "5/s"], ["13h30m", "2/s"]] })).toEqual({
      kind: "profile",
      points: [[0, 1], [7.5 * HOUR, 5], [13.5 * HOUR, 2]],
      shape: "linear",
    });
  });

  it("resolves bursts on a base kind, with repetition", () => {
    expect(arrivalsOf({ kind: "poisson", rate: "20/s", bursts: [{ at: "2h", rate: "2000/s", for: "5m", every: "1d" }] })).toEqual({
      kind: "poisson",
      ratePerSec: 20,
      bursts: [{ atMs: 2 * HOUR, ratePerSec: 2000, forMs: 300_000, everyMs: 86_400_000 }],
    });
  });

  it("resolves an on/off MMPP with a 0/s state", () => {
    expect(arrivalsOf({ kind: "mmpp", states: [{ rate: "200/s", meanHolding: "2m" }, { rate: "0/s", meanHolding: "10m" }] })).toEqual({
      kind: "mmpp",
      states: [{ ratePerSec: 200, meanHoldingMs: 120_000 }, { ratePerSec: 0, meanHoldingMs: 600_000 }],
      transitions: null,
    });
  });

  it("resolves a trace with its replay defaults", () => {
    expect(arrivalsOf({ kind: "trace", file: "traces/x.csv", format: "azure2019", select: { function: "520dbd" } })).toEqual({
      kind: "trace",
      file: "traces/x.csv",
      format: "azure2019",
      select: { function: "520dbd" },
      withinMinute: "uniform",
      speedup: 1,
      scale: 1,
      offsetMs: 0,
      traceDurations: true,
    });
  });

  it("names the arrival kinds for an unknown kind", () => {
    const issue = onlyIssue(withFunction({ arrivals: { kind: "weibull", rate: "1/s" } }));
    expect(issue.path).toBe("functions[0].arrivals.kind");
    expect(issue.allowed).toBe("one of: poisson, constant, diurnal, profile, mmpp, trace");
  });

  it("reports each bad arrival field at its path", () => {
    const cases: Array<[unknown, string, string]> = [
      [{ kind: "diurnal", mean: "50/s", peakToTrough: 0.5, peakAt: "14:00" }, "functions[0].arrivals.peakToTrough", "≥ 1"],
      [{ kind: "diurnal", mean: "50/s", peakToTrough: 4, peakAt: "25:00" }, "functions[0].arrivals.peakAt", "HH:MM"],
      [{ kind: "diurnal", mean: "50/s", peakToTrough: 4, peakAt: "14:00", weekly: [1, 2] }, "functions[0].arrivals.weekly", "7 numbers"],
      [{ kind: "diurnal", mean: "50/s", peakToTrough: 4, peakAt: "14:00", weekly: [1, 1, 4294967296, 1, 1, 0.5, 0.5] }, "functions[0].arrivals.weekly", "at most 1000 times the smallest positive one"],
      [{ kind: "profile", points: [["9h", "1/s"], ["8h", "1/s"]] }, "functions[0].arrivals.points[1][0]", "increasing"],
      [{ kind: "poisson", rate: "1/s", bursts: [{ at: "1h", rate: "5/s", for: "2h", every: "1h" }] }, "functions[0].arrivals.bursts[0].every", "≥ the burst's for"],
      [{ kind: "poisson", rate: "1/s", bursts: [{ at: "1h", rate: "5/s" }] }, "functions[0].arrivals.bursts[0].for", "> 0"],
      [{ kind: "mmpp", states: [{ rate: "1/s", meanHolding: "1m" }] }, "functions[0].arrivals.states", "at least 2"],
      [{ kind: "mmpp", states: [{ rate: "1/s", meanHolding: "1m" }, { rate: "0/s", meanHolding: "1m" }], transitions: [[1, 0], [1, 0]] }, "functions[0].arrivals.transitions", "0 on the diagonal"],
      [{ kind: "trace", file: "x.csv", format: "timestamps", select: { function: "ab" } }, "functions[0].arrivals.select", "no select for format timestamps"],
      [{ kind: "trace", file: "x.csv", format: "azure2021", withinMinute: "poisson" }, "functions[0].arrivals.withinMinute", "azure2019"],
      [{ kind: "trace", file: "x.csv", format: "azure2021", select: { trigger: "http" } }, "functions[0].arrivals.select", "only function and app"],
      [{ kind: "trace", file: "x.csv", format: "csv" }, "functions[0].arrivals.format", "timestamps, azure2019, azure2021"],
      [{ kind: "trace", file: "x.csv", format: "azure2021", speedup: 0 }, "functions[0].arrivals.speedup", "> 0"],
    ];
    for (const [arrivals, path, text] of cases) {
      const issue = onlyIssue(withFunction({ arrivals }));
      expect(issue.path, JSON.stringify(arrivals)).toBe(path);
      expect(issue.allowed, path).toContain(text);
    }
  });

  // Found by the fuzz campaign (bench/fuzz.ts): these simulated for minutes, or for ever, on a 2-minute horizon.
  it("refuses an mmpp meanHolding below 1s, which cost a simulator step per state change (0.0001ms hung a 2-minute run)", () => {
    const issue = onlyIssue(withFunction({ arrivals: { kind: "mmpp", states: [{ rate: "10/s", meanHolding: "0.0001ms" }, { rate: "0/s", meanHolding: "1s" }] } }));
    expect(issue.path).toBe("functions[0].arrivals.states[0].meanHolding");
    expect(issue.allowed).toBe("a duration with a unit, at least 1s, like 30s or 5m");
    expect(arrivalsOf({ kind: "mmpp", states: [{ rate: "10/s", meanHolding: "1s" }, { rate: "0/s", meanHolding: "1s" }] })).toMatchObject({ kind: "mmpp" });
  });

  it("refuses a burst repeated every less than 1s, which cost a simulator step per burst edge (every 0.0001ms took 158 s for 2 minutes)", () => {
    const issue = onlyIssue(withFunction({ arrivals: { kind: "poisson", rate: "10/s", bursts: [{ at: "0s", rate: "10/s", for: "0.0001ms", every: "0.0001ms" }] } }));
    expect(issue.path).toBe("functions[0].arrivals.bursts[0].every");
    expect(issue.allowed).toContain("at least 1s");
    expect(arrivalsOf({ kind: "poisson", rate: "10/s", bursts: [{ at: "0s", rate: "10/s", for: "0.5s", every: "1s" }] })).toMatchObject({
      bursts: [{ atMs: 0, ratePerSec: 10, forMs: 500, everyMs: 1000 }],
    });
  });

  it("lists every issue of a scenario at once", () => {
    const issues = issuesOf(withFunction({ arrivals: { kind: "diurnal", mean: "0/s", peakToTrough: "4", peakAt: "noon" } }));
    expect(issues.map((i) => i.path).sort()).toEqual(["functions[0].arrivals.mean", "functions[0].arrivals.peakAt", "functions[0].arrivals.peakToTrough"]);
  });
});

describe("trace files at scenario load", () => {
  const azureDir = resolve(import.meta.dirname, "../../scenarios/traces");

  function scenarioFile(arrivals: Record<string, unknown>, files: Record<string, string> = {}): string {
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-scn-"));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const s = {
      horizon: "1h",
      functions: [{ name: "f", runtime: "nodejs22.x", duration: { dist: "constant", value: "10ms" }, coldStart: { dist: "constant", value: "0ms" }, arrivals }],
    };
    const path = join(dir, "s.json");
    writeFileSync(path, JSON.stringify(s));
    return path;
  }

  it("resolves a relative file against the scenario's folder", () => {
    const path = scenarioFile({ kind: "trace", file: "t.csv", format: "timestamps" }, { "t.csv": "0\n1\n" });
    const r = loadScenarioFile(path);
    expect(r.ok && r.value.sim.functions[0]!.arrivals).toMatchObject({ kind: "trace", file: join(path, "..", "t.csv") });
  });

  it("keeps an absolute file and accepts the bundled Azure excerpts", () => {
    const file = join(azureDir, "azure2021-excerpt199.csv");
    const r = loadScenarioFile(scenarioFile({ kind: "trace", file, format: "azure2021" }));
    expect(r.ok && r.value.sim.functions[0]!.arrivals).toMatchObject({ file });
  });

  it("reports a missing file as an issue of arrivals.file", () => {
    const r = loadScenarioFile(scenarioFile({ kind: "trace", file: "nope.csv", format: "timestamps" }));
    expect(r.ok ? [] : r.issues).toEqual([{ path: "functions[0].arrivals.file", value: "nope.csv", allowed: "a valid timestamps trace (no such file): a readable trace file" }]);
  });

  it("reports a bad header or row with its line and column", () => {
    const azure2019 = join(azureDir, "azure2019-sample9.csv");
    const wrong = loadScenarioFile(scenarioFile({ kind: "trace", file: azure2019, format: "azure2021" }));
    expect(wrong.ok ? "" : wrong.issues[0]!.allowed).toMatch(/^a valid azure2021 trace \(line 1, column 1: header "HashOwner,.*"\): the azure2021 header app,func,end_timestamp,duration$/);
    const bad = loadScenarioFile(scenarioFile({ kind: "trace", file: "t.csv", format: "timestamps" }, { "t.csv": "0\n1\n-\n" }));
    expect(bad.ok ? "" : bad.issues[0]!.allowed).toBe('a valid timestamps trace (line 3, column 1: "-" in column 1 (time)): a time in seconds');
  });

  it("reports a trace whose first arrival lies past the horizon (epoch timestamps) with the offset that fixes it", () => {
    const path = scenarioFile({ kind: "trace", file: "t.csv", format: "timestamps" }, { "t.csv": "1600000000\n1600000001\n" });
    const r = loadScenarioFile(path);
    expect(r.ok ? [] : r.issues).toEqual([
      {
        path: "functions[0].arrivals.offset",
        value: undefined,
        allowed: "an offset that brings the trace's first arrival (at 18518.519d) before the horizon (1h), like -18518.519d",
      },
    ]);
  });
});
