import { Option, type Command } from "commander";
import {
  DEFAULT_TUNE_SIZES_MB,
  TUNE_STRATEGIES,
  memoryCurve,
  parseSetFlag,
  recommendMemory,
  type MemoryCurvePoint,
  type MemoryRecommendation,
  type TuneStrategy,
} from "../plan/index.js";
import { LIMITS, readScenarioFile, resolveScenarioData, type Issue } from "../scenario/index.js";
import { priceOrigin } from "../pricing/index.js";
import { formatMs, textTable } from "../report/format.js";
import { MEMORY_ROWS_ALIGN, memoryRows, tuneMemoryDocument } from "../report/tune-memory-document.js";
import { ExitCode } from "./exit-codes.js";
import { replicationsFlag, sloP99Flag, type PlannerReportFlags } from "./tune-flags.js";
import { progressMode } from "./progress-lines.js";
import { sloExit } from "./slo-exit.js";
import { registerTuneProvisioned } from "./tune-provisioned-command.js";
import { registerTuneManaged } from "./tune-managed-command.js";
import { checkExecution, executeSweep, planLimitedSweep, type ExecutionFlags, withExecutionOptions } from "./sweep-runner.js";
import { OPEN_HELP, openReport, reportIssues, resolveOutDir, writeReportOrFail, wroteLine } from "./output.js";

/** Flags of `lambdasim tune memory`. */
export interface TuneMemoryFlags extends ExecutionFlags, PlannerReportFlags {
  function?: string;
  sizes?: string;
  strategy: string;
  sloP99?: string;
  replications: string;
}

/** Adds `lambdasim tune` (with `memory`) to the command tree; actions report the exit code through `setExit`. */
export function registerTuneCommand(program: Command, setExit: (code: number) => void): void {
  const tune = program.command("tune").description("planners: the memory size, the provisioned concurrency, and the Managed Instances setting that best fit a strategy and an SLO");
  registerTuneProvisioned(tune, setExit);
  registerTuneManaged(tune, setExit);
  withExecutionOptions(tune.command("memory"), "tune-memory")
    .description("simulate a function at each memory size; print the curve (p99, monthly cost, SLO) and the recommended size")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json)")
    .option("-f, --function <name>", "the function to tune (needed when the scenario has several)")
    .option("--sizes <MB,...>", `memory sizes to try, MB (default ${DEFAULT_TUNE_SIZES_MB.join(",")}, AWS Lambda Power Tuning's)`)
    .option("--strategy <name>", `${TUNE_STRATEGIES.join(" | ")}: what to optimise among the sizes that meet the SLO`, "cost")
    .option("--slo-p99 <duration>", "p99 latency objective, e.g. 500ms (default: the scenario's slo.p99LatencyMs)")
    .option("-r, --replications <n>", "simulations per size (common random numbers across sizes)", "1")
    .option("--json", "print tune-memory.json to stdout instead of the table", false)
    .option("--open", OPEN_HELP, false)
    .option("--no-slo-exit", "exit 0 even when no size meets the slo (default: exit 4)")
    .addOption(new Option("-q, --quiet", "print nothing but errors").default(false))
    .action(async (scenario: string, opts: TuneMemoryFlags) => {
      setExit(await tuneMemoryCommand(scenario, opts));
    });
}

/** `lambdasim tune memory`: a memory sweep of one function on worker threads, its curve and a recommendation. */
export async function tuneMemoryCommand(file: string, flags: TuneMemoryFlags): Promise<number> {
  const issues: Issue[] = [];
  const sizesText = flags.sizes ?? DEFAULT_TUNE_SIZES_MB.join(",");
  const { min, max } = LIMITS.memoryMB;
  const sizesAllowed = `memory sizes in MB separated by commas, each ${min}..${max} (lambda-limits.json function.memoryMB), e.g. 128,512,1024`;
  if (!/^\s*\d+(\s*,\s*\d+)*\s*$/.test(sizesText) || sizesText.split(",").some((t) => Number(t) < min || Number(t) > max)) {
    issues.push({ path: "--sizes", value: flags.sizes, allowed: sizesAllowed });
  }
  const strategy = flags.strategy as TuneStrategy;
  if (!TUNE_STRATEGIES.includes(strategy)) issues.push({ path: "--strategy", value: flags.strategy, allowed: TUNE_STRATEGIES.join(", ") });
  const sloFlagMs = sloP99Flag(flags.sloP99, issues);
  const replications = replicationsFlag(flags.replications, 10_000, issues);
  const exec = await checkExecution(flags);
  if (!exec.ok) issues.push(...exec.issues);
  if (issues.length > 0 || !exec.ok) return reportIssues(issues);

  const read = readScenarioFile(file);
  if (!read.ok) return reportIssues(read.issues, file);
  const base = resolveScenarioData(read.value.data, file);
  if (!base.ok) return reportIssues(base.issues, file);
  const names = base.value.sim.functions.map((f) => f.name);
  const name = flags.function ?? (names.length === 1 ? names[0]! : undefined);
  if (name === undefined || !names.includes(name)) {
    return reportIssues([{ path: "--function", value: flags.function, allowed: `one of the scenario's functions: ${names.join(", ")}` }]);
  }
  const axis = parseSetFlag(`functions.${name}.memoryMB=${sizesText.replace(/\s+/g, "")}`);
  if (!axis.ok) return reportIssues([{ path: "--function", value: name, allowed: "a function name usable in a path (letters, digits, _ and -)" }]);

  const plan = planLimitedSweep({ file, raw: read.value.data, axes: [axis.value], replications, seed: flags.seed, horizon: flags.horizon, focus: name }, exec.value, flags.force === true);
  if (typeof plan === "number") return plan;
  const run = await executeSweep(plan, exec.value, progressMode(flags), "tune memory");

  const sloP99Ms = sloFlagMs ?? base.value.slo?.p99LatencyMs ?? null;
  const slo = { ...(base.value.slo ?? {}), ...(sloP99Ms !== null ? { p99LatencyMs: sloP99Ms } : {}) };
  const curve = memoryCurve(run.results, Object.keys(slo).length > 0 ? slo : null);
  const recommendation = recommendMemory(curve, strategy);
  const report = {
    name: run.results.name,
    function: name,
    seed: run.results.seed,
    horizonSeconds: run.results.horizonSeconds,
    replications,
    strategy,
    sloP99Ms,
    slo: Object.keys(slo).length > 0 ? slo : null,
    curve,
    recommendation,
    interrupted: run.results.interrupted,
    engine: { workers: run.workers, wallSeconds: run.wallSeconds },
  };
  const json = JSON.stringify(report, null, 2) + "\n";
  const outDir = resolveOutDir(flags.out, run.results.name);
  const durationScales = base.value.sim.functions.find((f) => f.name === name)!.durationScaling !== null;
  const doc = tuneMemoryDocument({
    ...report,
    prices: priceOrigin(base.value.catalog),
    description: base.value.description,
    durationScales,
    workers: run.workers,
    wallSeconds: run.wallSeconds,
  });
  const files = await writeReportOrFail(outDir, doc, [
    { name: "tune-memory.json", text: json },
    { name: "tune-memory.csv", text: curveCsv(curve) },
  ]);
  if (files === null) return ExitCode.BadInput;

  for (const c of curve) for (const e of c.errors) process.stderr.write(`lambdasim: memoryMB=${c.memoryMB} failed: ${e}\n`);
  if (flags.json) process.stdout.write(json);
  else if (!flags.quiet) {
    const warning = durationScales ? "" : `warning: the duration of ${name} does not depend on memory in this scenario (no cpuBound in its duration): every size runs as fast, and memory only changes the price\n`;
    process.stdout.write(curveTable(curve, recommendation) + warning + recommendationLine(name, recommendation, sloP99Ms, durationScales));
    process.stdout.write(wroteLine(files));
  }
  if (flags.open) await openReport(files.indexHtml);
  if (run.results.interrupted) return run.interruptedExitCode;
  if (curve.some((c) => c.status === "failed")) return ExitCode.SweepPointsFailed;
  // No size meets every objective: the planner's SLO gate (exit 4 unless --no-slo-exit).
  const missed = recommendation !== null && !recommendation.sloMet && curve.some((c) => c.meetsSlo !== null);
  return sloExit(missed, flags, [`no memory size meets every objective of the slo`]);
}

function curveTable(curve: readonly MemoryCurvePoint[], rec: MemoryRecommendation | null): string {
  return textTable(memoryRows(curve, rec?.memoryMB ?? null), MEMORY_ROWS_ALIGN) + "\n";
}

function recommendationLine(name: string, rec: MemoryRecommendation | null, sloP99Ms: number | null, durationScales: boolean): string {
  if (rec === null) return `no recommendation: no memory size ran\n`;
  const slo = sloP99Ms === null ? "no p99 SLO" : `p99 SLO ${formatMs(sloP99Ms)}${rec.sloMet ? "" : " (not met by any size)"}`;
  const only = durationScales ? "" : "; memory only changes the price here, so this is the cheapest size, not a faster one";
  return `recommended: ${name} at ${rec.memoryMB} MB (strategy ${rec.strategy}: ${rec.reason}; ${slo}${only})\n`;
}

/** tune-memory.csv: one row per size. */
function curveCsv(curve: readonly MemoryCurvePoint[]): string {
  const n = (x: number | null | undefined) => (x === null || x === undefined ? "" : String(x));
  const lines = ["memoryMB,status,p50Ms_mean,p99Ms_mean,p99Ms_ci95_low,p99Ms_ci95_high,timeoutRate_mean,monthlyCost_mean,monthlyCost_ci95_low,monthlyCost_ci95_high,sloPass,error"];
  for (const c of curve) {
    const error = c.errors.join("; ");
    lines.push(
      [c.memoryMB, c.status, n(c.p50Ms?.mean), n(c.p99Ms?.mean), n(c.p99Ms?.low), n(c.p99Ms?.high), n(c.timeoutRate?.mean), n(c.monthlyCost?.mean), n(c.monthlyCost?.low), n(c.monthlyCost?.high), n(c.sloPass as number | null), /[",\n]/.test(error) ? `"${error.replace(/"/g, '""')}"` : error].join(","),
    );
  }
  return lines.join("\n") + "\n";
}

