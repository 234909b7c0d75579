import { Option, type Command } from "commander";
import { performance } from "node:perf_hooks";
import type { SimConfig } from "../platform/config.js";
import { tuneManaged } from "../plan/managed-tuner.js";
import type { InstanceSize, ManagedGrid } from "../plan/managed-options.js";
import { combineEstimates, estimateSimulation } from "../plan/work-estimate.js";
import { priceOrigin } from "../pricing/index.js";
import { formatMs, formatUsd, textTable } from "../report/format.js";
import { MANAGED_ROWS_ALIGN, managedRows, tuneManagedDocument } from "../report/tune-managed-document.js";
import { applyOverrides, MANAGED, readScenarioFile, resolveScenarioData, type Issue, type ResolvedScenario } from "../scenario/index.js";
import { MANAGED_RUNTIMES } from "../scenario/managed-schema.js";
import { ExitCode } from "./exit-codes.js";
import { replicationsFlag, sloP99Flag, type PlannerReportFlags } from "./tune-flags.js";
import { interruptedExitCode, listenForInterrupt } from "./interrupt.js";
import { checkGrid, defaultGrid, type GridFunction } from "./managed-grid.js";
import { OPEN_HELP, openReport, reportIssues, resolveOutDir, writeReportOrFail, wroteLine } from "./output.js";
import { pointEvaluator } from "./point-evaluator.js";
import { progressMode } from "./progress-lines.js";
import { sloExit } from "./slo-exit.js";
import { checkExecution, type ExecutionFlags, withExecutionOptions } from "./sweep-runner.js";
import { Ticker } from "./ticker.js";
import { refuseWork } from "./work-guard.js";

/** Flags of `lambdasim tune managed`. */
export interface TuneManagedFlags extends ExecutionFlags, PlannerReportFlags {
  function?: string;
  maxConcurrency?: string;
  ratio?: string;
  instanceTypes?: string;
  sloP99?: string;
  replications: string;
  exhaustive: boolean;
}

/** Near-ties printed on the terminal (all are in tune-managed.json and the report). */
const NEAR_TIES_SHOWN = 3;

/** Name of the capacity provider made for a function that is on demand in the scenario (its settings: the LMI defaults, maxVCpu the AWS maximum). */
export const TUNED_PROVIDER = "tune-managed";

/** Adds `tune managed` under the `tune` command. */
export function registerTuneManaged(tune: Command, setExit: (code: number) => void): void {
  withExecutionOptions(tune.command("managed"), "tune-managed")
    .description(
      "the cheapest Lambda Managed Instances setting (instance type × memoryGiBPerVCpu × maxConcurrency) meeting the p99 objective for one function, on a capacity provider of its own; exit 4 when none does",
    )
    .argument("<scenario>", "scenario file (.yaml, .yml or .json)")
    .option("-f, --function <name>", "the function to tune (needed when the scenario has several); one on demand is moved onto a new capacity provider")
    .option("--max-concurrency <n,...>", "requests per environment to try, 1..1600 (default: an eighth to twice the function's maxConcurrency, or the runtime default × vCPUs)")
    .option("--ratio <GiB,...>", "memoryGiBPerVCpu values to try, 2..8, each giving whole vCPUs at the function's memory (default: those of 2,4,8 that do)")
    .option("--instance-types <type,...>", "EC2 instance types to try (default: the c, m and r siblings of the provider's type, or c7g/m7g/r7g.xlarge for arm64, c7i/m7i/r7i.xlarge for x86_64)")
    .option("--slo-p99 <duration>", "p99 latency objective, e.g. 500ms (default: the scenario's slo.p99LatencyMs; one is needed)")
    .option("-r, --replications <n>", "simulations per option (common random numbers across options)", "1")
    .option("--exhaustive", "simulate every point of the grid instead of searching (the same rule picks the answer)", false)
    .option("--json", "print tune-managed.json to stdout instead of the table", false)
    .option("--open", OPEN_HELP, false)
    .option("--no-slo-exit", "exit 0 even when no option meets the slo (default: exit 4)")
    .addOption(new Option("-q, --quiet", "print nothing but errors").default(false))
    .action(async (scenario: string, opts: TuneManagedFlags) => {
      setExit(await tuneManagedCommand(scenario, opts));
    });
}

/** The scenario prepared for the tuner: the function alone on its capacity provider (made when it had none), the grid and the sizes. */
interface Prepared {
  scenario: ResolvedScenario;
  base: SimConfig;
  grid: ManagedGrid;
  gridWords: string;
  created: boolean;
}

/** Finds the function, checks it may run on LMI and the grid, and resolves the scenario with it on a capacity provider; an exit code on bad input. */
function prepare(file: string, flags: TuneManagedFlags): Prepared | number {
  const read = readScenarioFile(file);
  if (!read.ok) return reportIssues(read.issues, file);
  const first = resolveScenarioData(read.value.data, file);
  if (!first.ok) return reportIssues(first.issues, file);
  const names = first.value.sim.functions.map((f) => f.name);
  const name = flags.function ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined || !names.includes(name)) {
    return reportIssues([{ path: "--function", value: flags.function, allowed: `one of the scenario's functions: ${names.join(", ")}` }]);
  }
  const index = names.indexOf(name);
  const f = first.value.sim.functions[index]!;
  const providers = first.value.sim.capacityProviders ?? [];
  const created = f.managed === undefined;
  if (created) {
    // On demand in the scenario: the checks of a function on a capacity provider, on its own fields.
    const issues: Issue[] = [];
    if (!(MANAGED_RUNTIMES as readonly string[]).includes(f.runtime)) {
      issues.push({ path: `functions[${index}].runtime`, value: f.runtime, allowed: `a runtime Lambda Managed Instances supports: ${MANAGED_RUNTIMES.join(", ")} (lambda-managed-instances.json function.runtimes)` });
    }
    if (f.memoryMB < MANAGED.minMemoryMB) {
      issues.push({ path: `functions[${index}].memoryMB`, value: f.memoryMB, allowed: `at least ${MANAGED.minMemoryMB} MB on a capacity provider (lambda-managed-instances.json function.minimumSize)` });
    }
    if (issues.length > 0) {
      process.stderr.write(`lambdasim: tune managed would move ${name} onto a capacity provider, which it cannot run on:\n`);
      return reportIssues(issues, file);
    }
  }
  const gf: GridFunction = {
    runtime: f.runtime,
    architecture: f.architecture,
    memoryMB: f.memoryMB,
    maxConcurrency: f.managed?.maxConcurrency ?? null,
    instanceType: f.managed ? providers[f.managed.provider]!.instanceTypes[0]! : null,
  };
  const checked = checkGrid(flags, gf, first.value.catalog);
  if (!checked.ok) return reportIssues(checked.issues);
  const grid = checked.grid;
  let resolved = first.value;
  if (created) {
    // Onto a new capacity provider with the LMI defaults (managed-defaults.ts) and no cap below AWS's maxVCpu.
    const data = structuredClone(read.value.data) as { capacityProviders?: Record<string, unknown>; functions: Array<Record<string, unknown>> };
    let pname = TUNED_PROVIDER;
    for (let k = 2; data.capacityProviders?.[pname] !== undefined; k++) pname = `${TUNED_PROVIDER}-${k}`;
    const type = grid.instanceTypes[0]!;
    const it = first.value.catalog.ec2.instances[type]!;
    const ratio = grid.memoryGiBPerVCpu.find((r) => f.memoryMB / 1024 / r <= it.vcpu)!;
    data.capacityProviders = { ...(data.capacityProviders ?? {}), [pname]: { instanceTypes: [type], maxVCpu: MANAGED.maxVCpu.max } };
    data.functions[index] = { ...data.functions[index], capacityProvider: pname, memoryGiBPerVCpu: ratio, maxConcurrency: grid.maxConcurrency[0] };
    const again = resolveScenarioData(data, file);
    if (!again.ok) {
      process.stderr.write(`lambdasim: tune managed would move ${name} onto a capacity provider, which it cannot run on:\n`);
      return reportIssues(again.issues, file);
    }
    resolved = again.value;
  }
  const over = applyOverrides(resolved, { seed: flags.seed, horizon: flags.horizon });
  if (!over.ok) return reportIssues(over.issues);
  const sim = over.value.sim;
  const fn = sim.functions[index]!;
  const provider = sim.capacityProviders![fn.managed!.provider]!;
  // The function alone on its provider: its bill is the provider's, whatever shared it in the scenario.
  const base: SimConfig = { ...sim, capacityProviders: [provider], functions: [{ ...fn, managed: { ...fn.managed!, provider: 0 } }] };
  return { scenario: over.value, base, grid, gridWords: defaultGrid(gf, first.value.catalog).words, created };
}

/**
 * `lambdasim tune managed`: the options on worker threads (the search, or the whole grid with
 * --exhaustive), a table, tune-managed.json, summary.md and index.html. A failed simulation is reported
 * and the others go on (exit 3); Ctrl-C writes what finished (exit 130).
 */
export async function tuneManagedCommand(file: string, flags: TuneManagedFlags): Promise<number> {
  const issues: Issue[] = [];
  const sloFlagMs = sloP99Flag(flags.sloP99, issues);
  const replications = replicationsFlag(flags.replications, 100, issues);
  const exec = await checkExecution(flags);
  if (!exec.ok) issues.push(...exec.issues);
  if (issues.length > 0 || !exec.ok) return reportIssues(issues);

  const prepared = prepare(file, flags);
  if (typeof prepared === "number") return prepared;
  const { scenario, base, grid } = prepared;
  const name = base.functions[0]!.name;
  const sloP99Ms = sloFlagMs ?? scenario.slo?.p99LatencyMs ?? null;
  if (sloP99Ms === null) {
    return reportIssues([{ path: "--slo-p99", value: undefined, allowed: "a p99 objective, e.g. 500ms, or an slo.p99LatencyMs in the scenario: what the cheapest option must meet" }]);
  }
  const slo = { ...(scenario.slo ?? {}), p99LatencyMs: sloP99Ms };
  const gridPoints = grid.instanceTypes.length * grid.memoryGiBPerVCpu.length * grid.maxConcurrency.length;
  // The search may, at worst, simulate the whole grid.
  const refused = refuseWork(combineEstimates([estimateSimulation(base)], gridPoints * replications, exec.value.workers), flags.force === true, file);
  if (refused !== null) return refused;

  const catalog = scenario.catalog;
  const sizes: Record<string, InstanceSize> = {};
  for (const t of grid.instanceTypes) {
    const it = catalog.ec2.instances[t]!;
    sizes[t] = { vcpu: it.vcpu, memoryGiB: it.memoryGiB, onDemandHourly: it.onDemandHourly.value };
  }
  const provider = base.capacityProviders![0]!;
  const interrupt = listenForInterrupt();
  const ticker = new Ticker("tune managed", progressMode(flags));
  const pool = pointEvaluator({
    region: scenario.region,
    catalogOverlay: scenario.catalogOverlay,
    pricing: scenario.pricing,
    workers: exec.value.workers,
    pointTimeoutMs: exec.value.pointTimeoutMs,
    redisUrl: exec.value.redisUrl,
    signal: interrupt.signal,
    onResult: () => ticker.tick(),
  });
  const t0 = performance.now();
  let tuned;
  try {
    tuned = await tuneManaged(
      {
        base,
        grid,
        sizes,
        slo,
        replications,
        exhaustive: flags.exhaustive,
        monthHours: scenario.pricing.monthHours,
        paidFraction: 1 - provider.pricing.discount,
        managementFeeFraction: catalog.lambda.managedInstances.managementFeeFraction.value,
      },
      pool.evaluate,
    );
  } finally {
    ticker.done();
    interrupt.release();
    await pool.close();
  }
  const wallSeconds = (performance.now() - t0) / 1000;
  const report = {
    name: scenario.sim.name,
    function: name,
    seed: base.seed,
    horizonSeconds: base.horizonMs / 1000,
    warmupSeconds: base.warmupMs / 1000,
    replications,
    slo,
    provider: {
      name: provider.name,
      created: prepared.created,
      minInstances: provider.minInstances,
      targetUtilization: provider.targetUtilization,
      launchDelaySeconds: provider.launchDelayMs / 1000,
      maxVCpu: provider.maxVCpu,
      pricing: provider.pricing,
    },
    grid,
    gridDefaults: prepared.gridWords,
    ...tuned,
  };
  // Worker threads go to the page, not the JSON: the JSON is the same whatever the workers.
  const workers = exec.value.redisUrl === null ? exec.value.workers : null;
  const json = JSON.stringify(report, null, 2) + "\n";
  const outDir = resolveOutDir(flags.out, scenario.sim.name);
  const doc = tuneManagedDocument({
    ...report,
    prices: priceOrigin(catalog),
    description: scenario.description,
    sloP99Ms,
    workers,
    wallSeconds,
  });
  const files = await writeReportOrFail(outDir, doc, [{ name: "tune-managed.json", text: json }]);
  if (files === null) return ExitCode.BadInput;
  for (const o of tuned.options) for (const e of o.errors) process.stderr.write(`lambdasim: ${o.label} failed: ${e}\n`);
  const rec = tuned.recommendation;
  if (flags.json) process.stdout.write(json);
  else if (!flags.quiet) {
    const shown = rec === null ? [] : rec.nearTies.slice(0, NEAR_TIES_SHOWN);
    const line =
      rec === null
        ? `no recommendation: no option simulated meets p99 ≤ ${formatMs(sloP99Ms)} and every objective without timeouts\n`
        : `recommended: ${name} on ${rec.option}: ${formatUsd(rec.monthlyCost)} a month (${rec.reason})\n` +
          shown.map((t) => `  ${t.monthlyCost === rec.monthlyCost ? "same cost" : "near-tie"}: ${t.option}: ${formatUsd(t.monthlyCost)} a month, p99 ${formatMs(t.p99Ms)}\n`).join("") +
          (rec.nearTies.length > shown.length ? `  and ${rec.nearTies.length - shown.length} more in tune-managed.json (recommendation.nearTies)\n` : "");
    const searched = `${tuned.options.length} of ${tuned.gridPoints} options simulated (${tuned.mode}, ${tuned.simulations} simulations)\n`;
    process.stdout.write(textTable(managedRows(tuned.options, rec?.option ?? null), MANAGED_ROWS_ALIGN) + "\n" + searched + line);
    process.stdout.write(wroteLine(files));
  }
  if (flags.open) await openReport(files.indexHtml);
  if (tuned.interrupted) {
    process.stderr.write(`lambdasim: interrupted: tune managed stopped; the ${tuned.options.length} options that finished are written\n`);
    return interruptedExitCode(interrupt.signal);
  }
  if (tuned.options.some((o) => o.status === "failed")) return ExitCode.SweepPointsFailed;
  return sloExit(rec === null, flags, [`no option meets every objective of the slo (p99 ≤ ${formatMs(sloP99Ms)})`]);
}
