import { Option, type Command } from "commander";
import { parseSetFlag, sweepCsv, sweepHighlights, type Axis } from "../plan/index.js";
import { readScenarioFile, type Issue } from "../scenario/index.js";
import { priceOrigin } from "../pricing/index.js";
import { executionWords, formatNumber, textTable } from "../report/format.js";
import type { PlannerReportFlags } from "./tune-flags.js";
import { inlineText } from "../report/document.js";
import { sweepAlign, sweepDocument, sweepFindings, sweepRows } from "../report/sweep-document.js";
import { ExitCode } from "./exit-codes.js";
import { repeatableOption } from "./repeatable-option.js";
import { progressMode } from "./progress-lines.js";
import { checkExecution, executeSweep, planLimitedSweep, withExecutionOptions, type ExecutionFlags } from "./sweep-runner.js";
import { OPEN_HELP, openReport, reportIssues, resolveOutDir, writeReportOrFail, wroteLine } from "./output.js";

/** Flags of `lambdasim sweep`. */
/** sweep's flags: the planners' report flags (a sweep has no SLO exit of its own), its axes and replications. */
export interface SweepFlags extends ExecutionFlags, Omit<PlannerReportFlags, "sloExit"> {
  set: string[];
  /** Absent: the scenario's `sweep.replications`, else 1. */
  replications?: string;
}

/** Whether `text` is a whole number of replications in range. */
function validReplications(text: string): boolean {
  const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  return n >= 1 && n <= MAX_REPLICATIONS;
}

/** The scenario's `sweep:` block as written (strings), when it has one. */
function sweepBlock(raw: unknown): { set: string[]; replications?: number } | null {
  const s = (raw as { sweep?: unknown } | null)?.sweep as { set?: unknown; replications?: unknown } | undefined;
  if (!s || !Array.isArray(s.set)) return null;
  return { set: s.set.filter((x): x is string => typeof x === "string"), ...(typeof s.replications === "number" ? { replications: s.replications } : {}) };
}

/** Most replications per point. */
const MAX_REPLICATIONS = 10_000;

/** Adds `lambdasim sweep` to the command tree; its action reports the exit code through `setExit`. */
export function registerSweepCommand(program: Command, setExit: (code: number) => void): void {
  withExecutionOptions(program.command("sweep"), "sweep")
    .description("simulate every combination of --set values (in worker threads) and write sweep.csv and sweep.json")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json)")
    .addOption(
      repeatableOption(
        "--set <path=values>",
        "an axis: path=v1,v2,... or path=FROM..TO:lin:N or :log:N (e.g. functions.checkout.memoryMB=512,1024 or arrivals.rate=10/s..1000/s:log:8; a path not under functions. or another top-level field applies to every function); repeatable",
        "none: one point",
      ),
    )
    .option("-r, --replications <n>", "simulations per point, seeds derived from the scenario's seed (common random numbers) (default: the scenario's sweep.replications, else 1)")
    .option("--json", "print sweep.json to stdout instead of the table", false)
    .option("--open", OPEN_HELP, false)
    .addOption(new Option("-q, --quiet", "print nothing but errors").default(false))
    .action(async (scenario: string, opts: SweepFlags) => {
      setExit(await sweepCommand(scenario, opts));
    });
}

/** `lambdasim sweep`: plan the points, run them on worker threads, write sweep.csv/sweep.json, print a table. */
export async function sweepCommand(file: string, flags: SweepFlags): Promise<number> {
  const flagIssues: Issue[] = [];
  const axes: Axis[] = [];
  for (const text of flags.set) {
    const axis = parseSetFlag(text);
    if (axis.ok) axes.push(axis.value);
    else flagIssues.push(...axis.issues);
  }
  const replicationsText = flags.replications;
  if (replicationsText !== undefined && !validReplications(replicationsText)) {
    flagIssues.push({ path: "--replications", value: replicationsText, allowed: `an integer 1..${MAX_REPLICATIONS}` });
  }
  const exec = await checkExecution(flags);
  if (!exec.ok) flagIssues.push(...exec.issues);
  if (flagIssues.length > 0 || !exec.ok) return reportIssues(flagIssues);

  const read = readScenarioFile(file);
  if (!read.ok) return reportIssues(read.issues, file);
  // Without --set, the scenario's own `sweep:` block (already checked by the schema) gives the axes.
  const block = sweepBlock(read.value.data);
  if (axes.length === 0 && block) {
    const blockIssues: Issue[] = [];
    block.set.forEach((text, i) => {
      const axis = parseSetFlag(text);
      if (axis.ok) axes.push(axis.value);
      else blockIssues.push(...axis.issues.map((issue) => ({ ...issue, path: `sweep.set[${i}]` })));
    });
    if (blockIssues.length > 0) return reportIssues(blockIssues, file);
  }
  const replications = Number(replicationsText ?? block?.replications ?? 1);
  const plan = planLimitedSweep({ file, raw: read.value.data, axes, replications, seed: flags.seed, horizon: flags.horizon }, exec.value, flags.force === true);
  if (typeof plan === "number") return plan;

  const run = await executeSweep(plan, exec.value, progressMode(flags));
  const results = run.results;
  const base = plan.base;
  const outDir = resolveOutDir(flags.out, results.name);
  const json = JSON.stringify({ ...results, engine: { workers: run.workers, wallSeconds: run.wallSeconds } }, null, 2) + "\n";
  const highlights = sweepHighlights(results, base.slo);
  const doc = sweepDocument({
    results,
    prices: priceOrigin(base.catalog),
    highlights,
    slo: base.slo,
    description: base.description,
    simulations: plan.tasks.length,
    workers: run.workers,
    wallSeconds: run.wallSeconds,
  });
  const files = await writeReportOrFail(outDir, doc, [
    { name: "sweep.json", text: json },
    { name: "sweep.csv", text: sweepCsv(results) },
  ]);
  if (files === null) return ExitCode.BadInput;

  for (const p of results.points) {
    if (p.status !== "failed") continue;
    const where = Object.entries(p.values).map(([k, v]) => `${k}=${v}`).join(" ");
    for (const e of p.errors) process.stderr.write(`lambdasim: point ${p.point}${where === "" ? "" : ` (${where})`} failed: ${e}\n`);
  }
  if (flags.json) process.stdout.write(json);
  else if (!flags.quiet) {
    process.stdout.write(sweepTable(results));
    process.stdout.write(`${sweepFindings({ results, highlights, slo: base.slo }).map((f) => inlineText(f) + "\n").join("")}\n`);
    process.stdout.write(
      `${plan.tasks.length} simulations on ${executionWords(run.workers)} in ${formatNumber(run.wallSeconds, 2)} s\n` + wroteLine(files),
    );
  }
  if (flags.open) await openReport(files.indexHtml);
  if (results.interrupted) {
    process.stderr.write(`lambdasim: interrupted: ${results.points.length} points finished, ${results.notFinished} not\n`);
    return run.interruptedExitCode;
  }
  return results.failed > 0 ? ExitCode.SweepPointsFailed : ExitCode.Ok;
}

/** The printed table: axis values, then mean (± half of the 95 % interval, with replications) of the main metrics. */
export function sweepTable(results: Parameters<typeof sweepRows>[0]): string {
  return textTable(sweepRows(results), sweepAlign(results)) + "\n";
}
