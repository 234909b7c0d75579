import { Option, type Command } from "commander";
import { SCHEDULE_LEAD_MS, tuneProvisioned } from "../plan/provisioned-tuner.js";
import { textTable } from "../report/format.js";
import { PROVISIONED_ROWS_ALIGN, provisionedRows, provisionedVerdictLines, tuneProvisionedDocument } from "../report/tune-provisioned-document.js";
import { applyOverrides, loadScenarioFile, provisionedRoom } from "../scenario/index.js";
import { priceOrigin } from "../pricing/index.js";
import { ExitCode } from "./exit-codes.js";
import type { PlannerReportFlags } from "./tune-flags.js";
import { sloExit } from "./slo-exit.js";
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
export interface TuneProvisionedFlags extends ExecutionFlags, PlannerReportFlags {
  function?: string;
}

/** Adds `tune provisioned` under the `tune` command. */
export function registerTuneProvisioned(tune: Command, setExit: (code: number) => void): void {
  withExecutionOptions(tune.command("provisioned"), "tune-provisioned", "the tuning stops with exit 3: it has no answer without every run")
    .description(
      "the least-cost provisioned concurrency meeting the scenario's slo: a fixed level and an hourly schedule (clock time), each the smallest meeting the objectives, found by bisection; exit 4 when no option meets them",
    )
    .argument("<scenario>", "scenario file (.yaml, .yml or .json) with an slo block")
    .option("-f, --function <name>", "the function to tune (needed when the scenario has several)")
    .option("--json", "print tune-provisioned.json to stdout instead of the table", false)
    .option("--open", OPEN_HELP, false)
    .option("--no-slo-exit", "exit 0 even when no option meets the slo (default: exit 4)")
    .addOption(new Option("-q, --quiet", "print nothing but errors").default(false))
    .action(async (scenario: string, opts: TuneProvisionedFlags) => {
      setExit(await tuneProvisionedCommand(scenario, opts));
    });
}

/**
 * `lambdasim tune provisioned`: the tuner's simulations on worker threads (two per round), a table and
 * tune-provisioned.json. A failed simulation or Ctrl-C ends it with nothing written; a function that
 * may not have provisioned concurrency (SnapStart, no room) is refused (exit 2) before anything runs.
 */
export async function tuneProvisionedCommand(file: string, flags: TuneProvisionedFlags): Promise<number> {
  const exec = await checkExecution(flags);
  if (!exec.ok) return reportIssues(exec.issues);
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
  const slo = scenario.slo ?? {};
  if (slo.maxColdStartRate === undefined && slo.p99LatencyMs === undefined) {
    return reportIssues([{ path: "slo", value: scenario.slo, allowed: "an slo with maxColdStartRate and/or p99LatencyMs: what provisioned concurrency must achieve" }], file);
  }
  // Only what `run` accepts: no PC with SnapStart, none above reserved concurrency or the account's unreserved room.
  const room = provisionedRoom(scenario.sim, names.indexOf(name));
  if (!room.ok) return reportIssues(room.issues, file);
  // Bisection over levels 0..room: about log2(room) + 3 rounds of two simulations (plan/provisioned-tuner.ts).
  const simulations = 2 * (Math.ceil(Math.log2(room.value + 1)) + 3);
  const refused = refuseWork(combineEstimates([estimateSimulation(scenario.sim)], simulations, Math.min(exec.value.workers, 2)), flags.force === true, file);
  if (refused !== null) return refused;
  const interrupt = listenForInterrupt();
  const ticker = new Ticker("tune provisioned", progressMode(flags));
  const pool = poolEvaluator({
    region: scenario.region,
    catalogOverlay: scenario.catalogOverlay,
    pricing: scenario.pricing,
    // Rounds are batches of two simulations: more workers would idle.
    workers: Math.min(exec.value.workers, 2),
    pointTimeoutMs: exec.value.pointTimeoutMs,
    redisUrl: exec.value.redisUrl,
    signal: interrupt.signal,
    onResult: () => ticker.tick(),
  });
  const outcome = await runPlanner("tune provisioned", () => tuneProvisioned(scenario.sim, name, slo, pool.evaluate, room.value), async () => {
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
    seed: scenario.sim.seed,
    slo,
    scheduleLeadMs: SCHEDULE_LEAD_MS,
  });
  const files = await writeReportOrFail(outDir, doc, [{ name: "tune-provisioned.json", text: json }]);
  if (files === null) return ExitCode.BadInput;
  const lines = provisionedVerdictLines(rec);
  if (flags.json) process.stdout.write(json);
  else if (!flags.quiet) {
    process.stdout.write(textTable(provisionedRows(rec), PROVISIONED_ROWS_ALIGN) + "\n" + lines.join("\n") + "\n");
    process.stdout.write(wroteLine(files));
  }
  if (flags.open) await openReport(files.indexHtml);
  return sloExit(rec.recommendation === null, flags, lines);
}
