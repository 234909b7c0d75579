import { Option, type Command } from "commander";
import { pointOfSides, sidesOf, type ComparePoint } from "../parallel/compare-point.js";
import { breakEvens, type BreakEven, type ProbeProcess } from "../plan/break-even.js";
import { compareOptions, recommendOption, type CompareOption, type CompareRecommendation } from "../plan/compare-options.js";
import { formatCount, formatMs, formatNumber, formatPercent, formatUsd, textTable } from "../report/format.js";
import { bucketWords, compareDocument, compareRows, compareRowsAlign, crossingWords } from "../report/compare-document.js";
import { describeArrivals } from "../workload/describe-arrivals.js";
import { applyOverrides, buildCompareManaged, compareManagedIssues, formatRate, loadScenarioFile, parseRatePerSec, type Checked, type Issue, type ResolvedScenario } from "../scenario/index.js";
import type { ManagedOptionConfig } from "../parallel/index.js";
import { priceOrigin } from "../pricing/index.js";
import { compareEvaluator } from "./compare-evaluator.js";
import { ExitCode } from "./exit-codes.js";
import { listenForInterrupt } from "./interrupt.js";
import { runPlanner } from "./pool-batch.js";
import { checkExecution, type ExecutionFlags, withExecutionOptions } from "./sweep-runner.js";
import { Ticker } from "./ticker.js";
import { progressMode } from "./progress-lines.js";
import { OPEN_HELP, openReport, reportIssues, resolveOutDir, writeReportOrFail, wroteLine } from "./output.js";
import { compareEstimate } from "../plan/work-estimate.js";
import { refuseWork } from "./work-guard.js";

/** Flags of `lambdasim compare`. */
export interface CompareFlags extends ExecutionFlags {
  function?: string;
  traffic?: string;
  arrivals: ProbeProcess;
  replications: string;
  seed?: string;
  horizon?: string;
  json: boolean;
  quiet: boolean;
  /** Open index.html when done. */
  open?: boolean;
  out: string;
}

/** Adds `lambdasim compare` to the command tree; its action reports the exit code through `setExit`. */
export function registerCompareCommand(program: Command, setExit: (code: number) => void): void {
  withExecutionOptions(program.command("compare"), "compare", "compare stops with exit 3, writing nothing: a break-even needs every probe")
    .description("Lambda vs the scenario's `compare:` EC2 / Fargate fleets and Lambda Managed Instances on the same traffic: monthly cost, p50/p99, throttled/queued, utilization")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json) with a `compare:` section")
    .option("-f, --function <name>", "the function to compare (default: compare.function, else the first)")
    .option("-t, --traffic <lo..hi>", "find the mean rate where Lambda stops being cheaper than each option in this range, e.g. 1/s..2000/s (bracketing)")
    .addOption(
      new Option("--arrivals <process>", "traffic of the --traffic probes: the scenario's own arrivals scaled to each rate, or flat Poisson / evenly spaced")
        .choices(["scenario", "poisson", "constant"])
        .default("scenario"),
    )
    .option("-r, --replications <n>", "seeds per --traffic probe: the cost difference's 95 % interval is over them", "3")
    .option("--json", "print the comparison as JSON", false)
    .option("--open", OPEN_HELP, false)
    .addOption(new Option("-q, --quiet", "print nothing but errors").default(false))
    .action(async (scenario: string, opts: CompareFlags) => {
      setExit(await compareCommand(scenario, opts));
    });
}

/**
 * `lambdasim compare`: load, check, simulate Lambda and the fleets on worker threads (the scenario's
 * traffic and each fleet's bisection concurrently), print the table and the break-evens. A failed
 * simulation or Ctrl-C ends it with nothing written.
 */
export async function compareCommand(file: string, flags: CompareFlags): Promise<number> {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) return reportIssues(loaded.issues, file);
  const overridden = applyOverrides(loaded.value, { seed: flags.seed, horizon: flags.horizon });
  if (!overridden.ok) return reportIssues(overridden.issues);
  const s = overridden.value;
  const issues: Issue[] = [];
  if (s.compare === null) {
    return reportIssues(
      [{ path: "compare", value: undefined, allowed: "a `compare:` section with ec2 and/or fargate fleets and/or managedInstances, e.g. compare: { ec2: { instanceType: m7g.large }, managedInstances: { instanceTypes: [m7g.xlarge] } }" }],
      file,
    );
  }
  const names = s.sim.functions.map((f) => f.name);
  const functionName = flags.function ?? s.compare.function;
  if (!names.includes(functionName)) issues.push({ path: "--function", value: functionName, allowed: `a function of the scenario: ${names.join(", ")}` });
  const range = flags.traffic === undefined ? null : parseRange(flags.traffic);
  if (range !== null && !range.ok) issues.push({ path: "--traffic", value: flags.traffic, allowed: "a range of rates lo..hi with 0 < lo < hi, like 1/s..2000/s" });
  const replications = Number(flags.replications);
  if (!Number.isInteger(replications) || replications < 1 || replications > 100) issues.push({ path: "--replications", value: flags.replications, allowed: "an integer 1..100" });
  const exec = await checkExecution(flags);
  if (!exec.ok) issues.push(...exec.issues);
  // LMI is built for compare.function; --function names another, so it is checked and built for that one.
  if (issues.length > 0 || !exec.ok) return reportIssues(issues);
  const managed = managedFor(s, functionName);
  if (!managed.ok) return reportIssues(managed.issues, file);

  const base = {
    sim: s.sim,
    region: s.region,
    catalogOverlay: s.catalogOverlay,
    pricing: s.pricing,
    functionName,
    ec2: s.compare.ec2,
    fargate: s.compare.fargate,
    managed: managed.value,
    network: s.compare.network,
  };
  const bounds = range !== null && range.ok ? range : null;
  const configured = (["ec2", "fargate", "managed"] as const).filter((kind) => base[kind] !== null);
  const fleets = bounds === null ? [] : configured;
  const fn = s.sim.functions.find((f) => f.name === functionName)!;
  const refused = refuseWork(compareEstimate(base.sim, functionName, configured.length, bounds, exec.value.workers, replications), flags.force === true, file);
  if (refused !== null) return refused;
  const interrupt = listenForInterrupt();
  const ticker = new Ticker("compare", progressMode(flags));
  // The sides of a probe (Lambda, each fleet, each seed) and the fleets' searches run at once.
  const pool = compareEvaluator(base, { workers: exec.value.workers, pointTimeoutMs: exec.value.pointTimeoutMs, redisUrl: exec.value.redisUrl, signal: interrupt.signal });
  const outcome = await runPlanner(
    "compare",
    async (): Promise<[ComparePoint, BreakEven[]] | null> => {
      // Lambda and each fleet on the scenario's traffic, each side on its own worker; the break-even
      // starts once Lambda's side has measured the rate it scales, while the fleets' sides still run.
      const sides = sidesOf(base).map((side) => pool.evaluate([{ side }]).then((o) => o[0]!));
      const table = Promise.all(sides).then(pointOfSides);
      // Awaited below; a failure must not surface as an unhandled rejection first.
      table.then(() => ticker.tick("the scenario's traffic")).catch(() => {});
      const lambda = await sides[0]!;
      const rate = lambda.side === "lambda" ? lambda.ratePerSec : 0;
      if (bounds === null || fleets.length === 0) {
        return [await table, []];
      }
      // Nothing to scale: a refusal of the request (exit 2), not a failed simulation.
      if (flags.arrivals === "scenario" && !(rate > 0)) return null;
      const crossings = await breakEvens(pool.evaluate, fleets, bounds.lo, bounds.hi, {
        process: flags.arrivals,
        scenario: { arrivals: fn.arrivals, ratePerSec: rate },
        known: table,
        seed: s.sim.seed,
        replications,
        onProbe: (rate) => ticker.tick(`break-even, probed ${formatRate(rate)}`),
      });
      return [await table, crossings];
    },
    async () => {
      ticker.done();
      interrupt.release();
      await pool.close();
    },
  );
  if (!outcome.ok) return outcome.exitCode;
  if (outcome.value === null) {
    return reportIssues([{ path: "--traffic", value: flags.traffic, allowed: "a scenario with arrivals in its measured window to scale (this one has none), or --arrivals poisson | constant" }], file);
  }
  const [here, crossings] = outcome.value;
  const options = compareOptions(here, s.slo);
  const recommendation = recommendOption(options, s.slo);
  const network = { frontDoor: s.pricing.frontDoor, ...s.compare.network };

  const report = {
    name: s.sim.name,
    function: functionName,
    horizonSeconds: s.sim.horizonMs / 1000,
    warmupSeconds: s.sim.warmupMs / 1000,
    seed: s.sim.seed,
    monthHours: s.pricing.monthHours,
    prices: priceOrigin(s.catalog),
    slo: s.slo,
    network,
    recommendation,
    options,
    ...(managed.value !== null ? { managedInstances: managedSettings(managed.value) } : {}),
    scenarioTraffic: here,
    ...(range !== null ? { breakEven: crossings.map((b) => ({ ...b, options: compareOptions(b.point, s.slo) })) } : {}),
  };
  const json = JSON.stringify(report, null, 2) + "\n";
  const outDir = resolveOutDir(flags.out, s.sim.name);
  const doc = compareDocument({
    ...report,
    description: s.description,
    traffic: describeArrivals(fn.arrivals),
    formatRate,
  });
  const files = await writeReportOrFail(outDir, doc, [{ name: "compare.json", text: json }]);
  if (files === null) return ExitCode.BadInput;
  if (flags.json) process.stdout.write(json);
  else if (!flags.quiet) {
    process.stdout.write(textReport(report.name, functionName, s.sim.horizonMs, here, options, recommendation, report.breakEven ?? []));
    process.stdout.write(`\nPrices: ${report.prices.text}\n`);
    process.stdout.write(`\n${wroteLine(files)}`);
  }
  if (flags.open) await openReport(files.indexHtml);
  return recommendation.option === null ? ExitCode.SloMissed : ExitCode.Ok;
}

/** The LMI option for `functionName`: the one resolved for compare.function, or built and checked for another (null: not compared). */
function managedFor(s: ResolvedScenario, functionName: string): Checked<ManagedOptionConfig | null> {
  const c = s.compare!;
  if (c.managedInput === null || functionName === c.function) return { ok: true, value: c.managed };
  const index = s.sim.functions.findIndex((f) => f.name === functionName);
  const fn = s.sim.functions[index]!;
  const compared = { index, runtime: fn.runtime, memoryMB: fn.memoryMB, ...(fn.managed ? { capacityProvider: fn.managed.providerName } : {}) };
  const issues = compareManagedIssues(c.managedInput, compared, s.catalog);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: buildCompareManaged(c.managedInput, fn, index, s.catalog) };
}

/** compare.json `managedInstances`: the LMI option's environment and every setting with its source. */
function managedSettings(m: ManagedOptionConfig) {
  return { option: m.label, memoryMB: m.memoryMB, vcpus: m.managed.vcpus, maxConcurrency: m.managed.maxConcurrency, defaults: m.defaults };
}

/** "1/s..2000/s" → rates per second. */
function parseRange(text: string): { ok: true; lo: number; hi: number } | { ok: false } {
  const parts = text.split("..");
  if (parts.length !== 2) return { ok: false };
  const lo = parseRatePerSec(parts[0]!);
  const hi = parseRatePerSec(parts[1]!);
  return lo !== undefined && hi !== undefined && lo > 0 && hi > lo && Number.isFinite(hi) ? { ok: true, lo, hi } : { ok: false };
}



/** One line on LMI's throttles and p99 at the scenario's traffic, and its worst bucket, beside Lambda's. */
function managedBurstLine(here: ComparePoint): string {
  const m = here.managed!;
  const l = here.lambda;
  const worst = m.worstBucket === null ? "" : `; its worst is ${bucketWords(m.worstBucket)}`;
  return `\n${m.label} at this traffic: ${formatCount(m.throttled)} throttled (${formatPercent(m.throttleRate)}), p99 ${formatMs(m.latencyMs.p99)}${worst}; Lambda: ${formatCount(l.throttled)} throttled, p99 ${formatMs(l.latencyMs.p99)}\n`;
}

/** The terminal report: the table with doors and SLO verdicts, the recommendation, each break-even with its table. */
function textReport(
  name: string,
  fn: string,
  horizonMs: number,
  here: ComparePoint,
  options: readonly CompareOption[],
  rec: CompareRecommendation,
  crossings: ReadonlyArray<BreakEven & { options: CompareOption[] }>,
): string {
  let out = `${name}: ${fn} on Lambda and on the compared options, ${formatNumber(horizonMs / 3_600_000, 2)} h simulated, costs projected to a month (door: Lambda's front door, the fleets' load balancer)\n\n`;
  const rows = compareRows(here, options);
  out += textTable(rows, compareRowsAlign(rows));
  if (here.managed) out += managedBurstLine(here);
  out += rec.option === null ? `\nno option meets the SLO (exit 4): ${rec.reason.replace(/^no option meets the SLO: /, "")}\n` : `\nrecommended: ${rec.option}, ${formatUsd(rec.monthlyCost!)} per month: ${rec.reason}\n`;
  for (const b of crossings) {
    out += "\n" + crossingWords(b, formatRate);
    out += `; at ${formatRate(Number(b.point.ratePerSec.toPrecision(4)))}:\n\n`;
    const bRows = compareRows(b.point, b.options);
    out += textTable(bRows, compareRowsAlign(bRows));
  }
  return out;
}
