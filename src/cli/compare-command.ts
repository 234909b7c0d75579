import { Option, type Command } from "commander";
import type { ComparePoint } from "../parallel/compare-point.js";
import { breakEven, type BreakEven } from "../plan/break-even.js";
import { formatNumber, textTable } from "../report/format.js";
import { COMPARE_ROWS_ALIGN, compareDocument, compareRows, crossingWords } from "../report/compare-document.js";
import { describeArrivals } from "../workload/describe-arrivals.js";
import { applyOverrides, formatRate, loadScenarioFile, parseRatePerSec, type Issue } from "../scenario/index.js";
import { compareEvaluator } from "./compare-evaluator.js";
import { ExitCode } from "./exit-codes.js";
import { listenForInterrupt } from "./interrupt.js";
import { runPlanner } from "./pool-batch.js";
import { checkExecution, type ExecutionFlags, withExecutionOptions } from "./sweep-runner.js";
import { Ticker } from "./ticker.js";
import { OPEN_HELP, openReport, reportIssues, resolveOutDir, writeReportOrFail, wroteLine } from "./output.js";

/** Flags of `lambdasim compare`. */
export interface CompareFlags extends ExecutionFlags {
  function?: string;
  traffic?: string;
  arrivals: "poisson" | "constant";
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
    .description("Lambda vs the scenario's `compare:` EC2 / Fargate fleets on the same traffic: monthly cost, p50/p99, throttled/queued, utilization")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json) with a `compare:` section")
    .option("-f, --function <name>", "the function to compare (default: compare.function, else the first)")
    .option("-t, --traffic <lo..hi>", "find the rate where Lambda stops being cheaper in this range, e.g. 1/s..2000/s (bisection)")
    .addOption(new Option("--arrivals <process>", "arrival process of the --traffic probes").choices(["poisson", "constant"]).default("poisson"))
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
    return reportIssues([{ path: "compare", value: undefined, allowed: "a `compare:` section with ec2 and/or fargate fleets, e.g. compare: { ec2: { instanceType: m7g.large } }" }], file);
  }
  const names = s.sim.functions.map((f) => f.name);
  const functionName = flags.function ?? s.compare.function;
  if (!names.includes(functionName)) issues.push({ path: "--function", value: functionName, allowed: `a function of the scenario: ${names.join(", ")}` });
  const range = flags.traffic === undefined ? null : parseRange(flags.traffic);
  if (range !== null && !range.ok) issues.push({ path: "--traffic", value: flags.traffic, allowed: "a range of rates lo..hi with 0 < lo < hi, like 1/s..2000/s" });
  const exec = await checkExecution(flags);
  if (!exec.ok) issues.push(...exec.issues);
  if (issues.length > 0 || !exec.ok) return reportIssues(issues);

  const base = { sim: s.sim, region: s.region, pricing: s.pricing, functionName, ec2: s.compare.ec2, fargate: s.compare.fargate };
  const bounds = range !== null && range.ok ? range : null;
  const fleets = bounds === null ? [] : (["ec2", "fargate"] as const).filter((kind) => base[kind] !== null);
  const ticker = new Ticker("compare", process.stderr.isTTY === true && !flags.json && !flags.quiet);
  const interrupt = listenForInterrupt();
  // The scenario's traffic and each fleet's bisection run at once; more workers would idle.
  const pool = compareEvaluator(base, { workers: Math.min(exec.value.workers, 1 + fleets.length), pointTimeoutMs: exec.value.pointTimeoutMs, redisUrl: exec.value.redisUrl, signal: interrupt.signal });
  const outcome = await runPlanner(
    "compare",
    () =>
      Promise.all([
        pool.evaluate([{}]).then(([point]) => {
          ticker.tick("the scenario's traffic");
          return point!;
        }),
        ...fleets.map((kind) => {
          const onProbe = (rate: number) => ticker.tick(`${kind === "ec2" ? "EC2" : "Fargate"} break-even, probed ${formatRate(rate)}`);
          return breakEven(pool.evaluate, kind, bounds!.lo, bounds!.hi, { process: flags.arrivals, onProbe });
        }),
      ]),
    async () => {
      ticker.done();
      interrupt.release();
      await pool.close();
    },
  );
  if (!outcome.ok) return outcome.exitCode;
  const [here, ...crossings] = outcome.value;

  const report = {
    name: s.sim.name,
    function: functionName,
    horizonSeconds: s.sim.horizonMs / 1000,
    warmupSeconds: s.sim.warmupMs / 1000,
    seed: s.sim.seed,
    monthHours: s.pricing.monthHours,
    scenarioTraffic: here,
    ...(range !== null ? { breakEven: crossings } : {}),
  };
  const json = JSON.stringify(report, null, 2) + "\n";
  const outDir = resolveOutDir(flags.out, s.sim.name);
  const doc = compareDocument({
    ...report,
    description: s.description,
    traffic: describeArrivals(s.sim.functions.find((f) => f.name === functionName)!.arrivals),
    probeProcess: flags.arrivals,
    formatRate,
  });
  const files = await writeReportOrFail(outDir, doc, [{ name: "compare.json", text: json }]);
  if (files === null) return ExitCode.BadInput;
  if (flags.json) process.stdout.write(json);
  else if (!flags.quiet) {
    process.stdout.write(textReport(report.name, functionName, s.sim.horizonMs, here, crossings, flags.arrivals));
    process.stdout.write(`\n${wroteLine(files)}`);
  }
  if (flags.open) await openReport(files.indexHtml);
  return ExitCode.Ok;
}

/** "1/s..2000/s" → rates per second. */
function parseRange(text: string): { ok: true; lo: number; hi: number } | { ok: false } {
  const parts = text.split("..");
  if (parts.length !== 2) return { ok: false };
  const lo = parseRatePerSec(parts[0]!);
  const hi = parseRatePerSec(parts[1]!);
  return lo !== undefined && hi !== undefined && lo > 0 && hi > lo && Number.isFinite(hi) ? { ok: true, lo, hi } : { ok: false };
}



/** Says why compare stopped without an answer (there is nothing partial to write) and returns the exit code. */
function textReport(name: string, fn: string, horizonMs: number, here: ComparePoint, crossings: BreakEven[], process: string): string {
  let out = `${name}: ${fn} on Lambda and on the compared fleets, ${formatNumber(horizonMs / 3_600_000, 2)} h simulated, costs projected to a month\n\n`;
  out += textTable(compareRows(here), COMPARE_ROWS_ALIGN);
  for (const b of crossings) {
    out += "\n" + crossingWords(b, process, formatRate);
    out += b.outcome === "crosses" ? "\n\n" : b.outcome === "lambdaCheaper" ? `; at ${formatRate(b.highPerSec)}:\n\n` : `; at ${formatRate(b.lowPerSec)}:\n\n`;
    out += textTable(compareRows(b.point), COMPARE_ROWS_ALIGN);
  }
  return out;
}
