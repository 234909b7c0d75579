import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { Command } from "commander";
import { compareMetric, countPerPeriod, type MetricFigures } from "../plan/backtest-figures.js";
import { replicationSeed } from "../plan/seeds.js";
import { estimateSimulation } from "../plan/work-estimate.js";
import type { FunctionConfig, SimConfig } from "../platform/config.js";
import type { Result } from "../platform/result.js";
import { simulate } from "../platform/simulate.js";
import { backtestDocument, type BacktestMetric, type BacktestReportInput } from "../report/backtest-document.js";
import { formatCount, formatPercent, textTable } from "../report/format.js";
import { loadScenarioFile, printable, traceFileScope, type Issue } from "../scenario/index.js";
import { readMetricDataFile } from "../scenario/metric-data-file.js";
import { readReportLogFile } from "../scenario/report-log-file.js";
import { idList, metricSeries, resultsFor, type LambdaMetricName, type MetricData, type MetricResult, type MetricSeries } from "../workload/cloudwatch-metrics.js";
import { TraceError } from "../workload/trace-source.js";
import { ExitCode } from "./exit-codes.js";
import { defaultOut, OPEN_HELP, openReport, reportIssues, resolveOutDir, writeReportOrFail, wroteLine } from "./output.js";
import { FORCE_HELP, refuseWork } from "./work-guard.js";

/** Flags of `lambdasim backtest`. */
export interface BacktestFlags {
  observed: string;
  logs?: string;
  function?: string;
  replications: string;
  out: string;
  quiet: boolean;
  open?: boolean;
  force?: boolean;
}

/** Replications by default: enough for a band and the two-replication noise, cheap for a day. */
const DEFAULT_REPLICATIONS = 5;
/** The most replications accepted. */
const MAX_REPLICATIONS = 100;

/** Adds `lambdasim backtest` to the command tree; its action reports the exit code through `setExit`. */
export function registerBacktestCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("backtest")
    .description("simulate the observed CloudWatch period and lay the simulated series beside the observed: backtest.json, summary.md, a chart")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json), e.g. written by `lambdasim import traffic`")
    .requiredOption("--observed <file>", "the JSON of `aws cloudwatch get-metric-data`: Invocations (Sum), ConcurrentExecutions (Maximum), Throttles (Sum) ...")
    .option("--logs <file>", "REPORT lines of the same period: cold starts per period (lines with Init Duration)")
    .option("--function <name>", "the function observed (default: the scenario's only function)")
    .option("-r, --replications <n>", "simulations with different seeds, for the band and the noise (2..100)", String(DEFAULT_REPLICATIONS))
    .option("-o, --out <dir>", "output folder (<name>: the scenario's name)", defaultOut("backtest"))
    .option("--open", OPEN_HELP, false)
    .option("--force", FORCE_HELP, false)
    .option("-q, --quiet", "print nothing but errors", false)
    .action(async (scenario: string, opts: BacktestFlags) => {
      setExit(await backtestCommand(scenario, opts));
    });
}

/** The observed metrics compared per period, how each is read, and the result Ids that hold them. */
const COMPARED: ReadonlyArray<{ name: LambdaMetricName; statistic: string; series: "invoked" | "concurrencyMax" | "throttles" | "spillover" }> = [
  // CloudWatch counts no Invocation for a throttled request: the simulated figure is arrivals less throttles.
  { name: "Invocations", statistic: "Sum", series: "invoked" },
  { name: "ConcurrentExecutions", statistic: "Maximum", series: "concurrencyMax" },
  { name: "Throttles", statistic: "Sum", series: "throttles" },
  // Requests started on on-demand environments while the function has provisioned concurrency.
  { name: "ProvisionedConcurrencySpilloverInvocations", statistic: "Sum", series: "spillover" },
];

/**
 * `lambdasim backtest`: loads the scenario and the observed metrics (and log), simulates the observed
 * periods `--replications` times (seeds as sweeps draw them), compares each metric period by period
 * (plan/backtest-figures.ts) and writes backtest.json, summary.md, index.html and a chart per metric.
 */
export async function backtestCommand(file: string, flags: BacktestFlags): Promise<number> {
  const replications = Number(flags.replications);
  if (!Number.isInteger(replications) || replications < 2 || replications > MAX_REPLICATIONS) {
    return reportIssues([{ path: "--replications", value: flags.replications, allowed: `an integer 2..${MAX_REPLICATIONS} (two at least: the band and the noise need them)` }]);
  }
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) return reportIssues(loaded.issues, file);
  const scenario = loaded.value;
  const fnIndex = chooseFunction(scenario.sim.functions, flags.function);
  if (typeof fnIndex !== "number") return reportIssues(fnIndex.issues);
  const fn = scenario.sim.functions[fnIndex]!;

  const metrics = readMetricDataFile(flags.observed);
  if (!metrics.ok) return traceProblem("--observed", metrics.error);
  const invId = invocationsId(metrics.data, fn, flags.observed);
  if (typeof invId !== "string") return reportIssues(invId.issues);
  let grid: MetricSeries;
  try {
    grid = metricSeries(metrics.data, invId, flags.observed, "zero");
  } catch (err) {
    if (err instanceof TraceError) return traceProblem("--observed", err);
    throw err;
  }
  const periods = grid.values.length;
  const notes: string[] = [];
  if (fn.arrivals.kind !== "trace" || fn.arrivals.format !== "cloudwatch" || resolve(fn.arrivals.file) !== resolve(flags.observed)) {
    notes.push(`The function's arrivals are not the replay of ${flags.observed}: Invocations agree only as far as its arrival process matches them.`);
  }

  // Observed series on the Invocations grid (a period without a datapoint counts 0: CloudWatch writes none when nothing happened).
  const observed: Array<{ spec: (typeof COMPARED)[number]; result: MetricResult; values: number[] }> = [];
  for (const spec of COMPARED) {
    const found = spec.name === "Invocations" ? [metrics.data.get(invId)!] : resultsFor(metrics.data, spec.name);
    if (found.length === 0) {
      // Spillover needs provisioned concurrency: without it, its absence says nothing worth a note.
      const noPc = fn.provisioned.kind === "fixed" && fn.provisioned.count === 0;
      if (spec.series !== "spillover" || !noPc) notes.push(`${spec.name}: not in ${flags.observed}, not compared.`);
      continue;
    }
    observed.push({ spec, result: found[0]!, values: onGrid(found[0]!, grid) });
  }
  let coldObserved: number[] | null = null;
  if (flags.logs !== undefined) {
    const read = readReportLogFile(flags.logs);
    if (!read.ok) return traceProblem("--logs", read.error);
    const times = read.summary.coldStartTimes();
    if (read.summary.timed === 0) notes.push(`${flags.logs}: its REPORT lines carry no time; cold starts not compared.`);
    else {
      const counted = countPerPeriod(times, grid.startMs, grid.periodMs, periods);
      coldObserved = counted.counts;
      if (counted.outside > 0) notes.push(`${flags.logs}: ${counted.outside} cold starts outside the observed periods, left out.`);
    }
  }

  // The observed span, every period measured (no warm-up), in buckets of one period.
  const sims: SimConfig[] = Array.from({ length: replications }, (_, r) => ({
    ...scenario.sim,
    seed: replicationSeed(scenario.sim.seed, r),
    horizonMs: periods * grid.periodMs,
    warmupMs: 0,
    bucketMs: grid.periodMs,
    bucketsOnClock: false,
  }));
  const refused = refuseWork(estimateSimulation(sims[0]!), flags.force === true, file);
  if (refused !== null) return refused;
  const results: Result[] = [];
  const t0 = performance.now();
  for (const sim of sims) {
    const traces = traceFileScope();
    try {
      results.push(simulate(sim, { openTrace: traces.open }));
    } catch (err) {
      if (err instanceof TraceError) {
        process.stderr.write(`lambdasim: ${printable(err.message)}\n`);
        return ExitCode.BadInput;
      }
      throw err;
    } finally {
      traces.closeAll();
    }
  }
  const wallSeconds = (performance.now() - t0) / 1000;
  const seriesOf = (r: Result) => (scenario.sim.functions.length === 1 ? r.series : r.functions[fn.name]!.series!);

  const compared: BacktestMetric[] = observed.map(({ spec, result, values }) => {
    const simulated = results.map((r) => {
      const ser = seriesOf(r);
      return spec.series === "invoked" ? ser.arrivals.slice(0, periods).map((a, p) => a - ser.throttles[p]!) : ser[spec.series].slice(0, periods);
    });
    const { figures, band } = compareMetric({ observed: values, simulated });
    return { name: spec.name, statistic: spec.statistic, source: `Id ${JSON.stringify(result.id)} of ${flags.observed}`, figures, band };
  });
  if (coldObserved !== null) {
    const { figures, band } = compareMetric({ observed: coldObserved, simulated: results.map((r) => seriesOf(r).coldStarts.slice(0, periods)) });
    compared.push({ name: "ColdStarts", statistic: "REPORT lines with Init Duration", source: flags.logs!, figures, band });
  }

  const input: BacktestReportInput = {
    name: scenario.sim.name,
    function: fn.name,
    description: scenario.description,
    observedFile: flags.observed,
    logsFile: flags.logs ?? null,
    startIso: new Date(grid.startMs).toISOString(),
    periodSeconds: grid.periodMs / 1000,
    periods,
    replications,
    seeds: sims.map((s) => s.seed),
    metrics: compared,
    notes,
  };
  const json = backtestJson(input, wallSeconds);
  const outDir = resolveOutDir(flags.out, scenario.sim.name);
  const files = await writeReportOrFail(outDir, backtestDocument(input), [{ name: "backtest.json", text: JSON.stringify(json, null, 2) + "\n" }]);
  if (files === null) return ExitCode.BadInput;
  if (!flags.quiet) {
    process.stdout.write(`${scenario.sim.name}: backtest of ${fn.name} over ${formatCount(periods)} periods of ${grid.periodMs / 1000} s from ${input.startIso}, ${replications} replications (${wallSeconds.toFixed(1)} s)\n\n`);
    process.stdout.write(textTable(figureRows(compared), ["l", "r", "r", "r", "r", "r", "r"]) + "\n");
    for (const n of notes) process.stdout.write(`note: ${n}\n`);
    process.stdout.write(wroteLine(files));
  }
  if (flags.open) await openReport(files.indexHtml);
  return ExitCode.Ok;
}

/** Rows of the printed table, header first. */
function figureRows(metrics: readonly BacktestMetric[]): string[][] {
  const pct = (x: number | null) => (x === null ? "n/a" : formatPercent(x));
  return [
    ["metric", "observed", "simulated", "MAPE", "bias", "inside band", "noise (2 reps)"],
    ...metrics.map((m) => [
      m.name,
      formatCount(Math.round(m.figures.observedTotal)),
      formatCount(Math.round(m.figures.simulatedTotal)),
      pct(m.figures.mape),
      m.figures.bias === null ? "n/a" : `${m.figures.bias >= 0 ? "+" : ""}${formatPercent(m.figures.bias)}`,
      pct(m.figures.withinBand),
      pct(m.figures.replicationNoiseMape),
    ]),
  ];
}

/** backtest.json: what was compared, the figures per metric, and the per-period series. */
function backtestJson(input: BacktestReportInput, wallSeconds: number) {
  const metrics: Record<string, MetricFigures & { statistic: string; source: string }> = {};
  const series: Record<string, { observed: number[]; simulatedMean: number[]; low: number[]; high: number[] }> = {};
  for (const m of input.metrics) {
    metrics[m.name] = { statistic: m.statistic, source: m.source, ...m.figures };
    series[m.name] = { observed: m.band.observed, simulatedMean: m.band.mean.map((x) => Number(x.toPrecision(6))), low: m.band.low, high: m.band.high };
  }
  return {
    name: input.name,
    function: input.function,
    observed: { file: input.observedFile, logs: input.logsFile, start: input.startIso, periodSeconds: input.periodSeconds, periods: input.periods },
    replications: input.replications,
    seeds: input.seeds,
    metrics,
    notes: input.notes,
    series: { t: Array.from({ length: input.periods }, (_, p) => p * input.periodSeconds), ...series },
    wallSeconds: Number(wallSeconds.toFixed(3)),
  };
}

/** A result's values on the Invocations grid: 0 where it has no datapoint (or one off the grid). */
function onGrid(r: MetricResult, grid: MetricSeries): number[] {
  const out = new Array<number>(grid.values.length).fill(0);
  for (const [t, v] of r.points) {
    const p = (t - grid.startMs) / grid.periodMs;
    if (Number.isInteger(p) && p >= 0 && p < out.length) out[p] = v;
  }
  return out;
}

function chooseFunction(functions: readonly FunctionConfig[], name: string | undefined): number | { issues: Issue[] } {
  const names = functions.map((f) => f.name);
  if (name === undefined) {
    if (names.length === 1) return 0;
    return { issues: [{ path: "--function", value: undefined, allowed: `the observed function, one of: ${names.join(", ")}` }] };
  }
  const i = names.indexOf(name);
  return i >= 0 ? i : { issues: [{ path: "--function", value: name, allowed: `one of the scenario's functions: ${names.join(", ")}` }] };
}

/** The Invocations result: the one the function replays when it replays this file, else the one named Invocations. */
function invocationsId(data: MetricData, fn: FunctionConfig, file: string): string | { issues: Issue[] } {
  const a = fn.arrivals;
  if (a.kind === "trace" && a.format === "cloudwatch" && resolve(a.file) === resolve(file)) {
    const first = Array.isArray(a.metric) ? a.metric[0] : a.metric; // [Invocations, Throttles]: the first is Invocations
    if (typeof first === "string" && data.has(first)) return first;
    if ((a.metric === null || a.metric === undefined) && data.size === 1) return [...data.keys()][0]!;
  }
  const found = resultsFor(data, "Invocations");
  if (found.length >= 1) return found[0]!.id;
  return { issues: [{ path: "--observed", value: file, allowed: `get-metric-data output with the Sum of Invocations (a result whose Id or Label says Invocations; its results: ${idList(data)})` }] };
}

function traceProblem(flag: string, e: TraceError): number {
  process.stderr.write(`lambdasim: ${flag} ${printable(e.message)}\n`);
  return ExitCode.BadInput;
}
