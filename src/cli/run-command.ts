import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { simulate } from "../platform/simulate.js";
import type { Result } from "../platform/result.js";
import { coldStartWarningLines, resultRows } from "../report/run-document.js";
import { sloVerdicts, verdictLines } from "../report/slo-verdicts.js";
import { writeRunReport, type RunReportFiles } from "../report/write-report.js";
import { textTable, formatCount, formatNumber, formatUsd } from "../report/format.js";
import { printable, readScenarioFile, resolveScenarioData, traceFileScope, type Issue } from "../scenario/index.js";
import { parseFieldSet, resolveWithSets, type FieldSet } from "../plan/field-sets.js";
import { TraceError } from "../workload/trace-source.js";
import { withCost } from "../pricing/index.js";
import { estimateSimulation } from "../plan/work-estimate.js";
import { ExitCode } from "./exit-codes.js";
import { refuseWork } from "./work-guard.js";
import { sloExit } from "./slo-exit.js";
import { whatIfPage } from "./what-if-page.js";
import type { RunFlags } from "./main.js";
import { openReport, reportIssues, resolveOutDir } from "./output.js";

/** `lambdasim run`: load, validate, simulate, write the report (result.json, summary.md, index.html, charts), print a table. */
export async function runCommand(file: string, flags: RunFlags): Promise<number> {
  const sets: FieldSet[] = [];
  const setIssues: Issue[] = [];
  for (const text of flags.set ?? []) {
    const parsed = parseFieldSet(text);
    if (parsed.ok) sets.push(parsed.value);
    else setIssues.push(...parsed.issues);
  }
  if (setIssues.length > 0) return reportIssues(setIssues);
  const read = readScenarioFile(file);
  if (!read.ok) return reportIssues(read.issues, file);
  // The --set values are written into the file's raw value, which is then checked as the file is (sweep's code).
  const resolved = resolveWithSets(read.value.data, sets, (raw) => resolveScenarioData(raw, file), { seed: flags.seed, horizon: flags.horizon });
  if (!resolved.ok) return reportIssues(resolved.issues, resolved.issues.every((i) => i.path.startsWith("--")) ? undefined : file); // flag issues: no file prefix
  const scenario = resolved.value;
  // Refuse what will not fit before simulating (README "Limits").
  const refused = refuseWork(estimateSimulation(scenario.sim), flags.force === true, file);
  if (refused !== null) return refused;

  // Trace files are opened by the simulator as it pulls arrivals, and all closed afterwards.
  const traces = traceFileScope();
  let result: Result;
  try {
    result = simulate(scenario.sim, { clockMs: () => performance.now(), openTrace: traces.open });
    result = withCost(result, scenario.sim.functions, scenario.catalog, scenario.pricing);
  } catch (err) {
    if (err instanceof TraceError) {
      process.stderr.write(`lambdasim: ${printable(err.message)}\n`); // a bad row found mid-replay: file, line, column
      return ExitCode.BadInput;
    }
    throw err;
  } finally {
    traces.closeAll();
  }

  const outDir = resolveOutDir(flags.out, scenario.sim.name);
  // The What if panel re-runs this scenario in the page, from the file's value and this run's flags.
  const whatIf = whatIfPage({ file, raw: read.value.data, seed: flags.seed, horizon: flags.horizon, sets: flags.set ?? [], scenario, changedRaw: resolved.raw, result });
  let files: RunReportFiles;
  try {
    // result.json, summary.md, index.html and an SVG and a PNG per chart.
    files = await writeRunReport(outDir, { result, config: scenario.sim, slo: scenario.slo, description: scenario.description }, whatIf);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code !== "string") throw err; // not a file-system error: a bug
    process.stderr.write(`lambdasim: --out: cannot write to '${outDir}': ${(err as Error).message}\n`);
    return ExitCode.BadInput;
  }

  for (const line of coldStartWarningLines(scenario.sim)) process.stderr.write(`lambdasim: warning: ${line.replace(/`/g, "")}\n`);
  // The verdicts on the whole run, as summary.md's table judges them.
  const verdicts = sloVerdicts(scenario.slo, result.total);
  const missed = verdicts.filter((v) => v.pass === false);
  if (flags.json) process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  else if (!flags.quiet) process.stdout.write(shortReport(result, outDir, verdictLines(verdicts)));
  if (flags.open) await openReport(files.indexHtml);
  return sloExit(missed.length > 0, flags, missed.length > 0 ? verdictLines(missed) : []);
}



/** "monthly cost: $103.45 (requests $26.29, compute $77.14, ...)" — the non-zero line items. */
function costLine(result: Result): string {
  const m = result.total.cost?.monthly;
  if (!m) return "";
  const parts = (["requests", "compute", "init", "provisioned", "ephemeralStorage", "snapStart", "instances", "managementFee", "frontDoor"] as const)
    .filter((k) => (m[k] ?? 0) > 0)
    .map((k) => `${k} ${formatUsd(m[k]!)}`);
  return `\nmonthly cost: ${formatUsd(m.total)}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}\n`;
}

/** The short table printed after a run. */
function shortReport(result: Result, outDir: string, verdicts: readonly string[]): string {
  const rows = resultRows(result).map((r) => r.map((c) => c.replace(/\*\*/g, "")));
  const e = result.engine;
  return (
    `${result.name}: ${formatNumber(result.horizonSeconds / 3600, 2)} h simulated, seed ${result.seed}\n\n` +
    textTable(rows, ["l", "r", "r", "r", "r", "r", "r", "r", "r"]) +
    costLine(result) +
    (verdicts.length > 0 ? "\n" + verdicts.join("\n") + "\n" : "") +
    `\n${formatCount(e.events)} events in ${formatNumber(e.wallSeconds, 2)} s (${formatCount(e.eventsPerSecond)} events/s)\n` +
    `wrote ${join(outDir, "result.json")}, ${join(outDir, "summary.md")}, ${join(outDir, "index.html")} and the charts (SVG, PNG)\n`
  );
}
