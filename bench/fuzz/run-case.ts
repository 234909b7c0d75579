import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import YAML from "yaml";
import { catalogFor, withCost } from "../../src/pricing/index.js";
import type { Result } from "../../src/platform/result.js";
import { simulate } from "../../src/platform/simulate.js";
import { applyOverrides, formatIssue, formatDuration, loadScenarioFile, traceFileScope, type Issue } from "../../src/scenario/index.js";
import { TraceError } from "../../src/workload/trace-source.js";
import { CASE_BOUNDS, type FuzzCase } from "./scenario-arbitrary.js";

/*
 * One fuzz case through the code path of `lambdasim run FILE` (src/cli/run-command.ts), in process:
 * loadScenarioFile, applyOverrides (`--horizon`, only to cut a long horizon), simulate, withCost; a
 * TraceError found mid-replay is a refusal, as the CLI makes it. Reports are not written (the
 * process-level check covers that step). `violations` is the property every outcome must hold.
 */

/** What `lambdasim run` would end with: exit 0 and a result, or exit 2 and the lines it prints. */
export type CaseOutcome =
  | { exit: 0; result: Result; events: number }
  | { exit: 2; stage: "validate" | "override" | "trace"; issues: Issue[]; lines: string[] };

/** A folder for case files, with `traces/` linking to the bundled traces so that replay scenarios still resolve. */
export function caseFolder(scenariosDir: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-fuzz-"));
  symlinkSync(resolve(scenariosDir, "traces"), join(dir, "traces"), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a case as YAML or JSON into `dir` under `base` and returns the file's path. */
export function writeCase(dir: string, c: FuzzCase, base = "case"): string {
  const file = join(dir, `${base}.${c.json ? "json" : "yaml"}`);
  writeFileSync(file, c.json ? JSON.stringify(c.raw, null, 2) : YAML.stringify(c.raw));
  return file;
}

/** Runs the case file as `lambdasim run FILE` would (without writing the report). */
export function runCase(file: string): CaseOutcome {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) return refused("validate", loaded.issues, file);
  // Bounded work: a long horizon is cut as `--horizon 2m` would cut it.
  const cut = loaded.value.sim.horizonMs > CASE_BOUNDS.horizonMs ? { horizon: formatDuration(CASE_BOUNDS.horizonMs) } : {};
  const overridden = applyOverrides(loaded.value, cut);
  if (!overridden.ok) return refused("override", overridden.issues);
  const scenario = overridden.value;
  const traces = traceFileScope();
  try {
    const raw = simulate(scenario.sim, { clockMs: () => performance.now(), openTrace: traces.open });
    const result = withCost(raw, scenario.sim.functions, catalogFor(scenario.region)!, scenario.pricing);
    return { exit: 0, result, events: result.engine.events };
  } catch (err) {
    if (err instanceof TraceError) return { exit: 2, stage: "trace", issues: [], lines: [`lambdasim: ${err.message}`] };
    throw err;
  } finally {
    traces.closeAll();
  }
}

function refused(stage: "validate" | "override", issues: Issue[], file?: string): CaseOutcome {
  return { exit: 2, stage, issues, lines: issues.map((i) => `lambdasim: ${formatIssue(i, file)}`) };
}

/**
 * What is wrong with an outcome (empty when none): a result must conserve requests (arrivals =
 * completed + throttled + dropped + in flight, per function and in total) and hold no NaN, Infinity
 * or undefined; a refusal must name a field in every issue (path, value key, allowed text) and print
 * the path on one line. A mid-replay trace refusal must name the trace file.
 */
export function violations(outcome: CaseOutcome): string[] {
  const out: string[] = [];
  if (outcome.exit === 0) {
    const r = outcome.result;
    for (const [who, f] of [["total", r.total], ...Object.entries(r.functions)] as const) {
      const accounted = f.completed + f.throttled + f.droppedToDlq + f.inFlight;
      if (accounted !== f.invocations) out.push(`${who}: ${f.invocations} arrivals but ${accounted} completed + throttled + dropped + in flight`);
      for (const [k, v] of Object.entries({ invocations: f.invocations, completed: f.completed, throttled: f.throttled, inFlight: f.inFlight })) {
        if (!Number.isInteger(v) || v < 0) out.push(`${who}.${k} = ${v}, not a count`);
      }
    }
    out.push(...badNumbers(r, "result"));
    return out;
  }
  if (outcome.lines.length === 0) out.push("refused with no message");
  if (outcome.stage === "trace") {
    if (!/\.(csv|log|json|txt)/i.test(outcome.lines[0] ?? "")) out.push(`trace refusal without a file: ${outcome.lines[0]}`);
    return out;
  }
  outcome.issues.forEach((issue, i) => {
    const line = outcome.lines[i] ?? "";
    // The one issue without a field path is about the document as a whole (not a mapping, not YAML):
    // it must say what the document is and what is expected instead.
    if (issue.path === "" && !/not a mapping; expected a mapping of scenario fields|invalid (YAML|JSON)|empty file|not UTF-8/.test(line)) out.push(`issue without a field path: ${line}`);
    if (!("value" in issue)) out.push(`issue without a value key: ${line}`);
    if (typeof issue.allowed !== "string" || issue.allowed.trim() === "") out.push(`issue without an allowed text: ${line}`);
    if (!line.includes(issue.path)) out.push(`message does not name ${issue.path}: ${line}`);
    if (line.includes("\n")) out.push(`message spans lines: ${JSON.stringify(line)}`);
    if (/\[object Object\]|\[native code\]|undefined|NaN|Infinity/.test(issue.allowed)) out.push(`garbled allowed text: ${line}`);
  });
  return out;
}

/** Paths of numbers that are not finite and of fields that are undefined, anywhere in `value`. */
function badNumbers(value: unknown, path: string): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (value === undefined) return [`${path} is undefined`];
  if (value === null || typeof value !== "object") return [];
  const out: string[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...badNumbers(v, `${path}[${i}]`)));
  else for (const [k, v] of Object.entries(value)) out.push(...badNumbers(v, `${path}.${k}`));
  return out.slice(0, 5);
}
