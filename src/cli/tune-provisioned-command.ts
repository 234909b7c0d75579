import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Option, type Command } from "commander";
import type { SimConfig } from "../platform/config.js";
import { simulate } from "../platform/simulate.js";
import { tuneProvisioned, type ProvisionedOption, type ProvisionedRecommendation } from "../plan/provisioned-tuner.js";
import { catalogFor, withCost } from "../pricing/index.js";
import { formatMs, formatPercent, textTable, formatUsd } from "../report/format.js";
import { applyOverrides, loadScenarioFile, traceFileScope, type ResolvedScenario } from "../scenario/index.js";
import { ExitCode } from "./exit-codes.js";
import { pcScheduleChart } from "../report/charts/index.js";
import { renderChart } from "../report/render-chart.js";
import { DEFAULT_OUT, reportIssues, resolveOutDir } from "./output.js";

/** Flags of `lambdasim tune provisioned`. */
export interface TuneProvisionedFlags {
  function?: string;
  grid: string;
  out: string;
  seed?: string;
  horizon?: string;
  json: boolean;
  quiet: boolean;
}

/** Adds `tune provisioned` under the `tune` command. */
export function registerTuneProvisioned(tune: Command, setExit: (code: number) => void): void {
  tune
    .command("provisioned")
    .description(
      "the least-cost provisioned concurrency meeting slo.maxColdStartRate and slo.p99LatencyMs: a fixed level and an hourly schedule, with the savings against always-on PC and against none",
    )
    .argument("<scenario>", "scenario file (.yaml, .yml or .json) with an slo block")
    .option("-f, --function <name>", "the function to tune (needed when the scenario has several)")
    .option("--grid <n>", "fixed levels to try, evenly up to 1.2 x the peak concurrency without PC", "12")
    .option("-o, --out <dir>", "output folder", DEFAULT_OUT)
    .option("-s, --seed <n>", "random seed (overrides the scenario's `seed`)")
    .option("-H, --horizon <duration>", "simulated time, e.g. 24h (overrides the scenario's `horizon`)")
    .option("--json", "print tune-provisioned.json to stdout instead of the table", false)
    .addOption(new Option("-q, --quiet", "print nothing but errors").default(false))
    .action(async (scenario: string, opts: TuneProvisionedFlags) => {
      setExit(await tuneProvisionedCommand(scenario, opts));
    });
}

/** `lambdasim tune provisioned`: simulations in this thread (a dozen or so), a table and tune-provisioned.json. */
export async function tuneProvisionedCommand(file: string, flags: TuneProvisionedFlags): Promise<number> {
  const grid = /^\d+$/.test(flags.grid.trim()) ? Number(flags.grid) : NaN;
  if (!(grid >= 2 && grid <= 50)) return reportIssues([{ path: "--grid", value: flags.grid, allowed: "an integer 2..50" }]);
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
  const rec = tuneProvisioned(scenario.sim, name, slo, evaluator(scenario), grid);
  const json = JSON.stringify({ name: scenario.sim.name, slo, ...rec }, null, 2) + "\n";
  const chart =
    rec.schedule && rec.schedule.plan.kind === "schedule" ? await renderChart(pcScheduleChart(rec.load, rec.schedule.plan.steps).spec) : null;
  const outDir = resolveOutDir(flags.out, scenario.sim.name);
  try {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, "tune-provisioned.json"), json);
    if (chart) {
      writeFileSync(join(outDir, "pc-schedule.svg"), chart.svg);
      writeFileSync(join(outDir, "pc-schedule.png"), chart.png);
    }
  } catch (err) {
    process.stderr.write(`lambdasim: --out: cannot write to '${outDir}': ${(err as Error).message}\n`);
    return ExitCode.BadInput;
  }
  if (flags.json) process.stdout.write(json);
  else if (!flags.quiet) process.stdout.write(table(rec) + summary(rec) + `wrote ${join(outDir, "tune-provisioned.json")}${chart ? " and pc-schedule.svg/.png" : ""}\n`);
  return ExitCode.Ok;
}

/** Simulates and prices one configuration in this thread, opening trace files as needed. */
function evaluator(scenario: ResolvedScenario): (sim: SimConfig) => ReturnType<typeof simulate> {
  const catalog = catalogFor(scenario.region)!;
  return (sim) => {
    const traces = traceFileScope();
    try {
      return withCost(simulate(sim, { openTrace: traces.open }), sim.functions, catalog, scenario.pricing);
    } finally {
      traces.closeAll();
    }
  };
}


function table(rec: ProvisionedRecommendation): string {
  const rows = [["option", "cold starts", "p99", "$/month", "SLO"]];
  const row = (o: ProvisionedOption) => [o.label, formatPercent(o.coldStartRate), formatMs(o.p99Ms), formatUsd(o.monthlyCost), o.meetsSlo ? "pass" : "FAIL"];
  rows.push(row(rec.noPc), ...rec.fixedLevels.map(row));
  if (rec.schedule) rows.push(row(rec.schedule));
  return textTable(rows, ["l", "r", "r", "r", "l"]) + "\n";
}

function summary(rec: ProvisionedRecommendation): string {
  const lines: string[] = [];
  if (rec.fixed) lines.push(`fixed: ${rec.fixed.label} at ${formatUsd(rec.fixed.monthlyCost)}/month`);
  else lines.push("fixed: no level tried meets the SLO (raise --grid, or look at the function itself)");
  if (rec.schedule && rec.schedule.plan.kind === "schedule") {
    const steps = rec.schedule.plan.steps.map((st) => `${hhmm(st.atMsOfDay)} → ${st.count}`).join(", ");
    lines.push(`hourly schedule: ${steps} at ${formatUsd(rec.schedule.monthlyCost)}/month (${rec.schedule.meetsSlo ? "meets" : "misses"} the SLO when re-simulated)`);
    if (rec.alwaysOn) lines.push(`saves ${formatUsd(rec.alwaysOn.monthlyCost - rec.schedule.monthlyCost)}/month against always-on ${rec.alwaysOn.label.replace("always-on ", "")} and costs ${formatUsd(rec.schedule.monthlyCost - rec.noPc.monthlyCost)}/month more than no PC`);
  }
  return lines.join("\n") + "\n";
}

function hhmm(ms: number): string {
  const m = Math.round(ms / 60_000);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

