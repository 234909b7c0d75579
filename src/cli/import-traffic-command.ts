import { dirname, extname, join, resolve } from "node:path";
import type { Command } from "commander";
import YAML, { isMap, isSeq, type Document } from "yaml";
import { existsSync } from "node:fs";
import { fitAmdahl } from "../plan/amdahl-fit.js";
import { DEFAULTS, resolveScenarioData, type Checked, type Issue } from "../scenario/index.js";
import { decodePowerTuningUrl, powerTuningFromJson, type PowerTuningPoint } from "../scenario/power-tuning.js";
import { importTraffic, type TrafficImport } from "../scenario/traffic-import.js";
import { readMetricDataFile } from "../scenario/metric-data-file.js";
import { readReportLogFile } from "../scenario/report-log-file.js";
import { readRegularTextFile } from "../scenario/regular-file.js";
import { parseDurationMs } from "../scenario/units.js";
import type { TraceError } from "../workload/trace-source.js";
import { ExitCode } from "./exit-codes.js";
import { reportIssues, writeOutFile } from "./output.js";

/** Flags of `lambdasim import traffic`. */
export interface ImportTrafficFlags {
  cloudwatch: string;
  logs?: string;
  function?: string;
  metric?: string;
  scenario?: string;
  out?: string;
  runtime: string;
  powerTuning?: string;
}

/** Runtime written into a new scenario (CloudWatch and REPORT lines do not say which): a placeholder. */
const PLACEHOLDER_RUNTIME = "nodejs22.x";

/** Adds `traffic` to the `lambdasim import` group; its action reports the exit code through `setExit`. */
export function registerImportTrafficCommand(importGroup: Command, setExit: (code: number) => void): void {
  importGroup
    .command("traffic")
    .description("write CloudWatch invocations (and REPORT-log durations) into a scenario: arrivals, duration, coldStart")
    .requiredOption("--cloudwatch <file>", "the JSON of `aws cloudwatch get-metric-data` with the Sum of Invocations per 1 or 5 minutes")
    .option("--logs <file>", "CloudWatch Logs REPORT lines of the function (aws logs tail / filter-log-events, text or JSON; Telemetry API platform.report)")
    .option("--function <name>", "the function to import into (in --scenario), or the new function's name")
    .option("--metric <id>", "the Id of the Invocations result (default: the result whose Id or Label says Invocations)")
    .option("--scenario <file>", "the scenario to start from (its other fields are kept); default: a new scenario")
    .option("-o, --out <file>", "write the scenario to this file (.yaml or .json) instead of stdout")
    .option("--runtime <runtime>", "the runtime of a new scenario's function (not in CloudWatch data)", PLACEHOLDER_RUNTIME)
    .option("--power-tuning <file-or-url>", "AWS Lambda Power Tuning's result JSON or visualization URL: fit cpuBound and threads to its duration-by-memory curve")
    .action((opts: ImportTrafficFlags) => {
      setExit(importTrafficCommand(opts));
    });
}

/**
 * `lambdasim import traffic`: reads the metrics (and the log), builds the fields (scenario/traffic-import.ts),
 * writes them into the function of `--scenario` or a new scenario, checks that the result loads, and says
 * what it did and which fit it used. Exit 2 on bad input, naming the flag and what was expected.
 */
export function importTrafficCommand(flags: ImportTrafficFlags): number {
  const metrics = readMetricDataFile(flags.cloudwatch);
  if (!metrics.ok) return fileProblem("--cloudwatch", metrics.error);
  let logs = null;
  if (flags.logs !== undefined) {
    const read = readReportLogFile(flags.logs);
    if (!read.ok) return fileProblem("--logs", read.error);
    logs = read.summary;
  }
  const outPath = flags.out === undefined ? join(process.cwd(), "imported.yaml") : resolve(flags.out);
  const imported = importTraffic({
    metricsFile: flags.cloudwatch,
    metrics: metrics.data,
    metricId: flags.metric ?? null,
    logsFile: flags.logs ?? null,
    logs,
    scenarioDir: dirname(outPath),
  });
  if (!imported.ok) return reportIssues(imported.issues);
  const imp = imported.value;

  const doc = flags.scenario === undefined ? newScenario(flags, imp) : baseScenario(flags.scenario);
  if ("issues" in doc) return reportIssues(doc.issues);
  const target = functionIndex(doc, flags.function, flags.scenario);
  if (typeof target !== "number") return reportIssues(target.issues);
  applyImport(doc, target, imp);
  let scalingNotes: string[] = [];
  if (flags.powerTuning !== undefined) {
    const scaled = applyPowerTuning(doc, target, flags.powerTuning);
    if (!scaled.ok) return reportIssues(scaled.issues);
    scalingNotes = scaled.value;
  }

  // The scenario written must load as it is (its files resolve against its folder).
  const data = doc.toJS();
  const check = resolveScenarioData(data, outPath);
  if (!check.ok) return reportIssues(check.issues, flags.out ?? "the imported scenario");
  const text = extname(outPath).toLowerCase() === ".json" ? JSON.stringify(data, null, 2) + "\n" : doc.toString({ lineWidth: 0 });
  const say = (line: string) => (flags.out === undefined ? process.stderr : process.stdout).write(line + "\n");
  if (flags.out === undefined) process.stdout.write(text);
  else {
    if (!writeOutFile(flags.out, text)) return ExitCode.BadInput;
  }
  const fn = data.functions[target].name as string;
  say(`imported into function ${fn}${flags.scenario === undefined ? " of a new scenario" : ` of ${flags.scenario}`}:`);
  for (const note of [...imp.notes, ...scalingNotes]) say(`  ${note}`);
  if (flags.scenario === undefined) say(`  runtime: ${flags.runtime} is a placeholder (CloudWatch and REPORT lines do not say): set your function's runtime`);
  if (flags.out !== undefined) say(`wrote ${flags.out}`);
  return ExitCode.Ok;
}

function fileProblem(flag: string, e: TraceError): number {
  const where = e.line > 0 ? `, line ${e.line}` : "";
  process.stderr.write(`lambdasim: ${flag} ${e.file}${where}: ${e.found}; expected ${e.expected}\n`);
  return ExitCode.BadInput;
}

/** A new scenario around the import: one function, the observed horizon, no warm-up. */
function newScenario(flags: ImportTrafficFlags, imp: TrafficImport): Document | { issues: Issue[] } {
  if (imp.duration === null) {
    return { issues: [{ path: "--logs", value: undefined, allowed: "a REPORT log (or Duration statistics such as Average, p50, p99 in --cloudwatch) to give a new scenario its durations; or --scenario with a function that has them" }] };
  }
  const doc = new YAML.Document({
    name: flags.function ?? "imported",
    horizon: imp.horizon,
    warmup: "0s",
    seed: 1,
    functions: [
      {
        name: flags.function ?? "imported",
        runtime: flags.runtime,
        memoryMB: imp.memoryMB ?? 1024,
        // Lambda's default timeout (3 s) would cut longer recorded durations: at least the longest, in whole seconds.
        ...(imp.maxDurationMs !== null && imp.maxDurationMs > 3000 ? { timeout: `${Math.ceil(imp.maxDurationMs / 1000)}s` } : {}),
      },
    ],
  });
  doc.commentBefore = ` Imported by lambdasim import traffic from ${flags.cloudwatch}${flags.logs === undefined ? "" : ` and ${flags.logs}`}.`;
  const fn = doc.getIn(["functions", 0], true);
  if (isMap(fn)) {
    const runtime = fn.get("runtime", true);
    if (runtime !== undefined && YAML.isScalar(runtime)) runtime.comment = " placeholder: CloudWatch data does not say the runtime";
    const timeout = fn.get("timeout", true);
    if (timeout !== undefined && YAML.isScalar(timeout)) timeout.comment = " placeholder: the longest Duration in the log, rounded up; set your function's timeout";
    if (imp.memoryMB === null) {
      const mem = fn.get("memoryMB", true);
      if (mem !== undefined && YAML.isScalar(mem)) mem.comment = " placeholder: no REPORT log to read Memory Size from";
    }
  }
  return doc;
}

/** The `--scenario` file as a YAML document (JSON is YAML), comments kept. */
function baseScenario(file: string): Document | { issues: Issue[] } {
  const read = readRegularTextFile(file);
  if (!read.ok) return { issues: [{ path: "--scenario", value: file, allowed: `a readable scenario file (${read.problem})` }] };
  const doc = YAML.parseDocument(read.text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { issues: [{ path: "--scenario", value: file, allowed: `a YAML or JSON scenario (${doc.errors[0]?.message.split("\n")[0] ?? "not a mapping"})` }] };
  return doc;
}

/** Which function of the document to import into: `--function`, else the only one. */
function functionIndex(doc: Document, name: string | undefined, file: string | undefined): number | { issues: Issue[] } {
  const fns = doc.get("functions", true);
  const names = isSeq(fns) ? fns.items.map((f) => (isMap(f) ? String(f.get("name")) : "")) : [];
  if (names.length === 0) return { issues: [{ path: "--scenario", value: file, allowed: "a scenario with functions to import into" }] };
  if (name === undefined) {
    if (names.length === 1) return 0;
    return { issues: [{ path: "--function", value: undefined, allowed: `one of the scenario's functions: ${names.join(", ")}` }] };
  }
  const i = names.indexOf(name);
  if (i >= 0) return i;
  if (file === undefined) return 0; // a new scenario: its one function already has the name
  return { issues: [{ path: "--function", value: name, allowed: `one of the functions of ${file}: ${names.join(", ")}` }] };
}

/** Writes the imported fields into function `i` (each with a comment naming its source) and the horizon. */
function applyImport(doc: Document, i: number, imp: TrafficImport): void {
  const set = (key: string, value: unknown, comment: string) => {
    const node = doc.createNode(value, { flow: true });
    node.comment = ` ${comment}`;
    doc.setIn(["functions", i, key], node);
  };
  set("arrivals", imp.arrivals, "lambdasim import traffic: CloudWatch Sum of Invocations");
  if (imp.memoryMB !== null) set("memoryMB", imp.memoryMB, "lambdasim import traffic: REPORT Memory Size");
  if (imp.duration !== null) {
    const fromLog = imp.duration.dist === "empirical";
    set("duration", imp.duration, fromLog ? "lambdasim import traffic: REPORT Duration" : `lambdasim import traffic: lognormal fitted to CloudWatch Duration statistics`);
    // A duration distribution measured elsewhere has no memory scaling here: the log's memory is the function's.
  }
  if (imp.coldStart !== null) set("coldStart", imp.coldStart, "lambdasim import traffic: REPORT Init Duration");
  const horizon = doc.createNode(imp.horizon);
  horizon.comment = " lambdasim import traffic: the CloudWatch periods";
  doc.set("horizon", horizon);
  const warmup = doc.get("warmup");
  const warmupMs = typeof warmup === "string" ? parseDurationMs(warmup) : undefined;
  if (warmupMs !== undefined && warmupMs >= (parseDurationMs(imp.horizon) ?? 0)) doc.set("warmup", "0s");
}

/**
 * Reads `--power-tuning` (a visualization URL, or a file with the result JSON or the URL), fits the
 * Amdahl model (plan/amdahl-fit.ts) at the function's memory and writes `atMemoryMB`, `cpuBound` and
 * `threads` into its duration. Returns the lines saying the fit and its error per memory size.
 */
function applyPowerTuning(doc: Document, i: number, given: string): Checked<string[]> {
  const points = readPowerTuning(given);
  if (!points.ok) return points;
  const memory = Number(doc.getIn(["functions", i, "memoryMB"]) ?? DEFAULTS.memoryMB.value);
  const fit = fitAmdahl(points.value, memory);
  if (fit === null) return { ok: false, issues: [{ path: "--power-tuning", value: given, allowed: "a Power Tuning result with at least two memory sizes" }] };
  const duration = doc.getIn(["functions", i, "duration"], true);
  if (!isMap(duration)) {
    return { ok: false, issues: [{ path: "--power-tuning", value: given, allowed: "a function whose duration is a distribution mapping to scale (give --logs, or Duration statistics in --cloudwatch)" }] };
  }
  duration.set("atMemoryMB", memory);
  duration.set("cpuBound", Number(fit.cpuBound.toFixed(4)));
  duration.set("threads", fit.threads);
  const pct = (x: number) => `${x >= 0 ? "+" : "-"}${(Math.abs(Math.round(x * 1000)) / 10).toFixed(1)} %`;
  const rows = fit.points.map((p) => `${p.memoryMB} MB ${p.measuredMs.toFixed(1)} → ${p.fittedMs.toFixed(1)} ms (${pct(p.relativeError)})`).join(", ");
  return {
    ok: true,
    value: [
      `duration scaling: the Amdahl model fitted to Power Tuning's ${fit.points.length} memory sizes: cpuBound ${fit.cpuBound.toFixed(4)} at ${memory} MB, threads ${fit.threads}; RMS error ${(fit.rmsRelativeError * 100).toFixed(1)} %, largest ${(fit.maxRelativeError * 100).toFixed(1)} %`,
      `  measured → fitted: ${rows}`,
    ],
  };
}

/** The points of `--power-tuning`: a URL, or a file holding the result JSON or the URL. */
function readPowerTuning(given: string): Checked<PowerTuningPoint[]> {
  if (/^https?:\/\//i.test(given) || (given.includes("#") && !existsSync(given))) return decodePowerTuningUrl(given);
  const read = readRegularTextFile(given);
  if (!read.ok) return { ok: false, issues: [{ path: "--power-tuning", value: given, allowed: `a Power Tuning visualization URL, or a readable file with its result JSON (${read.problem})` }] };
  const text = read.text.trim();
  if (text.startsWith("{") || text.startsWith("[")) {
    try {
      return powerTuningFromJson(JSON.parse(text));
    } catch (err) {
      return { ok: false, issues: [{ path: "--power-tuning", value: given, allowed: `the Power Tuning result JSON (${(err as Error).message.split("\n")[0]})` }] };
    }
  }
  return decodePowerTuningUrl(text);
}
