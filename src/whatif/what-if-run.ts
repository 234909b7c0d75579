// Direct modules only, never an index.ts: this file is bundled for the browser, and the indexes reach file I/O.
import { stringify as yamlStringify } from "yaml";
import { parseFieldSet, resolveWithSets, type FieldSet } from "../plan/field-sets.js";
import { estimateSimulation } from "../plan/work-estimate.js";
import { simulate, type SimulateOptions } from "../platform/simulate.js";
import type { Result } from "../platform/result.js";
import { withCost } from "../pricing/result-cost.js";
import { formatIssue, type Issue } from "../scenario/issues.js";
import { resolveScenario, type ResolvedScenario } from "../scenario/resolve.js";
import { formatCount } from "../report/format.js";
import { TraceError, type TraceOpener } from "../workload/trace-source.js";
import { TextLineSource } from "./text-line-source.js";
import type { WhatIfScenario } from "./what-if-scenario.js";

/**
 * Most simulated events one what-if run may take in the page (an estimate, plan/work-estimate.ts):
 * about 10 s in a browser tab at the 5 M events/s the engine bench measures in Node, see bench/whatif.ts.
 */
export const WHATIF_MAX_EVENTS = 50_000_000;

/** An issue as the panel shows it: its field path (or `--set`), the set it came from, and the line the CLI prints. */
export interface PanelIssue {
  path: string;
  /** For a `--set` issue, the set's text or path (`functions.api.memoryMB=100`); null otherwise. */
  set: string | null;
  /** `formatIssue`: the CLI's line without its file prefix. */
  message: string;
}

/** A what-if scenario checked and resolved, ready to simulate. */
export interface WhatIfPlan {
  scenario: ResolvedScenario;
  sets: FieldSet[];
  /** The equivalent command line: `lambdasim run <file> [-s N] [-H DUR] --set PATH=VALUE ...`. */
  command: string;
  /** The changed scenario as a YAML file (the run's --seed/--horizon written in), for "download scenario". */
  yaml: string;
}

/**
 * Checks the run's own sets then `panelSets` (each `PATH=VALUE`, as `run --set` takes them) against the page's scenario exactly
 * as `lambdasim run --set` does (parseFieldSet, resolveWithSets, then the run's --seed/--horizon unless a
 * set names that field), the price file and traces coming from the page. Refuses a run the page would
 * take too long on (WHATIF_MAX_EVENTS) on `horizon`, and a trace-driven scenario whose traces were too big to embed.
 */
export function planWhatIf(page: WhatIfScenario, panelSets: readonly string[]): { ok: true; value: WhatIfPlan } | { ok: false; issues: PanelIssue[] } {
  const setTexts = [...page.baseSets, ...panelSets];
  const sets: FieldSet[] = [];
  const issues: Issue[] = [];
  for (const text of setTexts) {
    const parsed = parseFieldSet(text);
    if (parsed.ok) sets.push(parsed.value);
    else issues.push(...parsed.issues);
  }
  if (issues.length > 0) return { ok: false, issues: issues.map(panelIssue) };
  const overrides = { ...page.overrides };
  if (sets.some((s) => s.path === "seed")) delete overrides.seed;
  if (sets.some((s) => s.path === "horizon")) delete overrides.horizon;
  const resolve = (raw: unknown) => resolveScenario(raw, { baseName: page.baseName, ...(page.catalogOverlay === null ? {} : { catalogOverlay: page.catalogOverlay }) });
  const resolved = resolveWithSets(page.raw, sets, resolve, overrides);
  if (!resolved.ok) return { ok: false, issues: resolved.issues.map(panelIssue) };
  const scenario = resolved.value;
  const left = scenario.sim.functions.flatMap((f, i) => (f.arrivals.kind === "trace" && !Object.hasOwn(page.traces, f.arrivals.file) ? [{ f, i }] : []));
  if (left.length > 0) {
    return {
      ok: false,
      issues: left.map(({ f, i }) => ({
        path: `functions[${i}].arrivals.file`,
        set: null,
        message: `functions[${i}].arrivals.file: the trace ${JSON.stringify(f.arrivals.kind === "trace" ? f.arrivals.file : "")} is larger than the page embeds, so trace-driven functions cannot be changed in the page; run \`lambdasim run --set ...\` instead`,
      })),
    };
  }
  const events = estimateSimulation(scenario.sim).events;
  if (events > WHATIF_MAX_EVENTS) {
    return {
      ok: false,
      issues: [{ path: "horizon", set: null, message: `horizon: about ${formatCount(events)} events is more than the page simulates (${formatCount(WHATIF_MAX_EVENTS)}); shorten the horizon, or run the command below` }],
    };
  }
  const raw = resolved.raw as Record<string, unknown>;
  if (overrides.seed !== undefined) raw.seed = scenario.sim.seed;
  if (overrides.horizon !== undefined) raw.horizon = overrides.horizon;
  return { ok: true, value: { scenario, sets, command: commandLine(page.file, overrides, setTexts), yaml: yamlStringify(raw) } };
}

/** The result of simulating a checked what-if plan, priced as `run` prices it; a TraceError (a bad row mid-replay) comes back as an issue. */
export function runWhatIf(page: WhatIfScenario, plan: WhatIfPlan, options: Pick<SimulateOptions, "clockMs" | "onProgress"> = {}): { ok: true; value: Result } | { ok: false; issues: PanelIssue[] } {
  const s = plan.scenario;
  const openTrace: TraceOpener = (file) => {
    const text = page.traces[file];
    if (text === undefined) throw new TraceError(file, 0, 0, "not embedded in the page", "a trace file the page carries");
    return new TextLineSource(file, text);
  };
  try {
    const result = simulate(s.sim, { ...options, openTrace });
    return { ok: true, value: withCost(result, s.sim.functions, s.catalog, s.pricing) };
  } catch (err) {
    if (err instanceof TraceError) return { ok: false, issues: [{ path: "", set: null, message: err.message }] };
    throw err;
  }
}

function panelIssue(issue: Issue): PanelIssue {
  return { path: issue.path, set: issue.path === "--set" ? String(issue.value) : null, message: formatIssue(issue) };
}

/** `lambdasim run FILE [-s N] [-H DUR] --set A=B ...`, each word quoted for a POSIX shell when it needs it. */
function commandLine(file: string, overrides: { seed?: string; horizon?: string }, setTexts: readonly string[]): string {
  const words = ["lambdasim", "run", file];
  if (overrides.seed !== undefined) words.push("-s", overrides.seed);
  if (overrides.horizon !== undefined) words.push("-H", overrides.horizon);
  for (const t of setTexts) words.push("--set", t);
  return words.map(shellWord).join(" ");
}

function shellWord(w: string): string {
  return /^[\w@%+=:,./[\]-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
