import { Option, type Command } from "commander";
import { SCHEDULE_LEAD_MS, tuneProvisioned, type ProvisionedRecommendation } from "../plan/provisioned-tuner.js";
import { textTable, formatUsd } from "../report/format.js";
import { clockTime, PROVISIONED_ROWS_ALIGN, provisionedRows, tuneProvisionedDocument } from "../report/tune-provisioned-document.js";
import { applyOverrides, loadScenarioFile, type Issue } from "../scenario/index.js";
import { priceOrigin } from "../pricing/index.js";
import { ExitCode } from "./exit-codes.js";
import { listenForInterrupt } from "./interrupt.js";
import { runPlanner } from "./pool-batch.js";
import { poolEvaluator } from "./pool-evaluator.js";
import { checkExecution, type ExecutionFlags, withExecutionOptions } from "./sweep-runner.js";
import { Ticker } from "./ticker.js";
import { progressMode } from "./progress-lines.js";
import { OPEN_HELP, openReport, reportIssues, resolveOutDir, writeReportOrFail, wroteLine } from "./output.js";
import { combineEstimates, estimateSimulation } from "../plan/work-estimate.js";
import { refuseWork } from "./work-guard.js";

/** Flags of `lambdasim tune provisioned`. */
export interface TuneProvisionedFlags extends ExecutionFlags {
  function?: string;
  grid: string;
  out: string;
  seed?: string;
  horizon?: string;
  json: boolean;
  quiet: boolean;
  /** Open index.html when done. */
  open?: boolean;
}

/** Adds `tune provisioned` under the `tune` command. */
export function registerTuneProvisioned(tune: Command, setExit: (code: number) => void): void {
  withExecutionOptions(tune.command("provisioned"), "tune-provisioned", "the tuning stops with exit 3: it has no answer without every run")
    .description(
      "the least-cost provisioned concurrency meeting slo.maxColdStartRate and slo.p99LatencyMs: a fixed level and an hourly schedule, with the savings against always-on PC and against none",
    )
    .argument("<scenario>", "scenario file (.yaml, .yml or .json) with an slo block")
    .option("-f, --function <name>", "the function to tune (needed when the scenario has several)")
    .option("--grid <n>", "fixed levels to try, evenly up to 1.2 x the peak concurrency without PC", "12")
    .option("--json", "print tune-provisioned.json to stdout instead of the table", false)
    .option("--open", OPEN_HELP, false)
    .addOption(new Option("-q, --quiet", "print nothing but errors").default(false))
    .action(async (scenario: string, opts: TuneProvisionedFlags) => {
      setExit(await tuneProvisionedCommand(scenario, opts));
    });
}

/**
 * `lambdasim tune provisioned`: the tuner's simulations on worker threads (the grid's levels in
 * parallel), a table and tune-provisioned.json. A failed simulation or Ctrl-C ends it with nothing written.
 */
export async function tuneProvisionedCommand(file: string, flags: TuneProvisionedFlags): Promise<number> {
  const issues: Issue[] = [];
  const grid = /^\d+$/.test(flags.grid.trim()) ? Number(flags.grid) : NaN;
  if (!(grid >= 2 && grid <= 50)) issues.push({ path: "--grid", value: flags.grid, allowed: "an integer 2..50" });
  const exec = await checkExecution(flags);
  if (!exec.ok) issues.push(...exec.issues);
  if (issues.length > 0 || !exec.ok) return reportIssues(issues);
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) return reportIssues(loaded.issues, file);
  const s = applyOverrides(loaded.value, { seed: flags.seed, horizon: flags.horizon });
  if (!s.ok) return reportIssues(s.issues);
  const scenario = s.value;
  const names = scenario.sim.functions.map((f) => f.name);
  const name = flags.function ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined || !names.includes(name)) {
    return reportIssues([{ path: "--function", value: flags.function, allowed: `one of the scenario's functions: ${names.join(", ")}` }]);
  }
  const slo = { maxColdStartRate: scenario.slo?.maxColdStartRate ?? null, p99LatencyMs: scenario.slo?.p99LatencyMs ?? null };
  if (slo.maxColdStartRate === null && slo.p99LatencyMs === null) {
    return reportIssues([{ path: "slo", value: scenario.slo, allowed: "an slo with maxColdStartRate and/or p99LatencyMs: what provisioned concurrency must achieve" }], file);
  }
  // The run without PC, the grid, up to three schedule rounds and the always-on run (plan/provisioned-tuner.ts).
  const refused = refuseWork(combineEstimates([estimateSimulation(scenario.sim)], grid + 5, Math.min(exec.value.workers, grid)), flags.force === true, file);
  if (refused !== null) return refused;
  const interrupt = listenForInterrupt();
  const ticker = new Ticker("tune provisioned", progressMode(flags));
  const pool = poolEvaluator({
    region: scenario.region,
    catalogOverlay: scenario.catalogOverlay,
    pricing: scenario.pricing,
    // The largest batch is the grid's levels: more workers would idle.
    workers: Math.min(exec.value.workers, grid),
    pointTimeoutMs: exec.value.pointTimeoutMs,
    redisUrl: exec.value.redisUrl,
    signal: interrupt.signal,
    onResult: () => ticker.tick(),
  });
  const outcome = await runPlanner("tune provisioned", () => tuneProvisioned(scenario.sim, name, slo, pool.evaluate, grid), async () => {
    ticker.done();
    interrupt.release();
    await pool.close();
  });
  if (!outcome.ok) return outcome.exitCode;
  const rec = outcome.value;
  const json = JSON.stringify({ name: scenario.sim.name, slo, ...rec }, null, 2) + "\n";
  const outDir = resolveOutDir(flags.out, scenario.sim.name);
  const doc = tuneProvisionedDocument({
    ...rec,
    prices: priceOrigin(scenario.catalog),
    name: scenario.sim.name,
    description: scenario.description,
    horizonSeconds: scenario.sim.horizonMs / 1000,
    seed: scenario.sim.seed,
    slo,
    scheduleLeadMs: SCHEDULE_LEAD_MS,
  });
  const files = await writeReportOrFail(outDir, doc, [{ name: "tune-provisioned.json", text: json }]);
  if (files === null) return ExitCode.BadInput;
  if (flags.json) process.stdout.write(json);
  else if (!flags.quiet) {
    process.stdout.write(textTable(provisionedRows(rec), PROVISIONED_ROWS_ALIGN) + "\n" + summary(rec));
    process.stdout.write(wroteLine(files));
  }
  if (flags.open) await openReport(files.indexHtml);
  return ExitCode.Ok;
}

/** Says why the tuner stopped without an answer (there is nothing partial to write) and returns the exit code. */
function summary(rec: ProvisionedRecommendation): string {
  const lines: string[] = [];
  if (rec.fixed?.plan.kind === "fixed" && rec.fixed.plan.count === 0) lines.push(`fixed: none needed, the SLO is met without provisioned concurrency (${formatUsd(rec.fixed.monthlyCost)}/month)`);
  else if (rec.fixed?.plan.kind === "fixed") lines.push(`fixed: ${rec.fixed.plan.count} provisioned environments at ${formatUsd(rec.fixed.monthlyCost)}/month`);
  else lines.push("fixed: no level tried meets the SLO (raise --grid, or look at the function itself)");
  const plan = rec.schedule?.plan;
  if (rec.schedule && plan?.kind === "schedule" && plan.steps.every((st) => st.count === 0)) {
    lines.push("hourly schedule: none needed, every hour meets the SLO without provisioned concurrency");
  } else if (rec.schedule && plan?.kind === "schedule") {
    const steps = plan.steps.map((st) => `${clockTime(st.atMsOfDay)} → ${st.count}`).join(", ");
    lines.push(`hourly schedule: ${steps} at ${formatUsd(rec.schedule.monthlyCost)}/month (${rec.schedule.meetsSlo ? "meets" : "misses"} the SLO when re-simulated)`);
    if (rec.alwaysOn) lines.push(`saves ${formatUsd(rec.alwaysOn.monthlyCost - rec.schedule.monthlyCost)}/month against always-on ${rec.alwaysOn.label.replace("always-on ", "")} and costs ${formatUsd(rec.schedule.monthlyCost - rec.noPc.monthlyCost)}/month more than no PC`);
  }
  return lines.join("\n") + "\n";
}
