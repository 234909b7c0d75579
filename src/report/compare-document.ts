import type { FleetResult } from "../fleet/result.js";
import type { FleetCost } from "../pricing/fleet-cost.js";
import { breakEvenChart } from "./charts/break-even-chart.js";
import type { ChartSpec } from "./charts/chart-spec.js";
import { optionsChart } from "./charts/options-chart.js";
import { paragraph, table, type ReportDocument, type ReportSection } from "./document.js";
import type { Slo, SloVerdict } from "./slo-verdicts.js";
import { formatCount, formatMs, formatNumber, formatPercent, formatSeconds, formatUsd } from "./format.js";

/** One fleet at one traffic level: its run and its bill. */
export interface CompareFleetSide {
  result: FleetResult;
  cost: FleetCost;
  monthly: { instances: number; loadBalancer: number; natGateway: number; total: number };
}

/** Lambda Managed Instances at one traffic level (parallel/'s ManagedSide fits). */
export interface CompareManagedSide {
  /** "LMI m7g.xlarge". */
  label: string;
  invocations: number;
  throttled: number;
  throttleRate: number | null;
  latencyMs: { p50: number | null; p99: number | null };
  vcpuUtilization: { mean: number; peak: number };
  instances: { peak: number; mean: number };
  environments: { peak: number; mean: number };
  worstBucket: CompareWorstBucket | null;
  monthly: { instances: number; managementFee: number; requests: number; frontDoor: number; natGateway: number; total: number };
}

/** The busiest bucket of a run (parallel/'s WorstBucket fits). */
export interface CompareWorstBucket {
  startSeconds: number;
  bucketSeconds: number;
  arrivals: number;
  throttles: number;
  p99Ms: number | null;
}

/** One option judged at one traffic level (plan/'s CompareOption fits). */
export interface CompareReportOption {
  option: string;
  kind: "lambda" | "ec2" | "fargate" | "managed";
  monthlyCost: { total: number; frontDoor?: number; loadBalancer?: number; natGateway: number; instances?: number; managementFee?: number; requests?: number };
  latencyMs: { p50: number | null; p99: number | null };
  meetsSlo: boolean | null;
  verdicts: readonly SloVerdict[];
}

/** Lambda and the fleets at one traffic level (plan/'s ComparePoint fits). */
export interface CompareReportPoint {
  ratePerSec: number;
  lambda: {
    throttled: number;
    throttleRate: number | null;
    coldStartRate: number | null;
    latencyMs: { p50: number | null; p99: number | null };
    utilization: number | null;
    monthly: { function: number; frontDoor: number; natGateway: number; total: number };
    /** Absent in reports written before it was added. */
    worstBucket?: CompareWorstBucket | null;
  };
  ec2: CompareFleetSide | null;
  fargate: CompareFleetSide | null;
  /** Lambda Managed Instances (absent or null: not compared). */
  managed?: CompareManagedSide | null;
}

/** One break-even search (plan/'s BreakEven fits), with the options judged at its point. */
export interface CompareReportCrossing {
  /** The option Lambda is compared with: a fleet, or "managed" (Lambda Managed Instances). */
  fleet: "ec2" | "fargate" | "managed";
  outcome: "crosses" | "lambdaCheaper" | "fleetCheaper";
  ratePerSec: number | null;
  lowPerSec: number;
  highPerSec: number;
  point: CompareReportPoint;
  options: readonly CompareReportOption[];
  probes: ReadonlyArray<{ ratePerSec: number; lambdaMonthly: number; fleetMonthly: number; cheaper: string }>;
  replications: number;
  process: string;
}

/** What `compare` found (compare.json), with the scenario's setting. */
export interface CompareReportInput {
  name: string;
  function: string;
  description: string | null;
  /** The function's arrivals in words ("Poisson 50/s"). */
  traffic: string;
  horizonSeconds: number;
  warmupSeconds: number;
  seed: number;
  monthHours: number;
  scenarioTraffic: CompareReportPoint;
  /** The options at the scenario's traffic, judged against the SLO, in table order. */
  options: readonly CompareReportOption[];
  recommendation: { option: string | null; monthlyCost: number | null; reason: string };
  /** The doors: Lambda's front door, the fleets' load balancer, NAT gateways on both sides. */
  network: { frontDoor: string; loadBalancer: "alb" | "none"; natGateways: number; requestBytes: number; responseBytes: number };
  /** Present when a --traffic range was searched. */
  breakEven?: readonly CompareReportCrossing[];
  /** The scenario's service-level objectives (null: none). */
  slo: Slo | null;
  /** Formats a rate per second for people ("26.15/s"). */
  formatRate: (perSec: number) => string;
  /** Where the prices came from (compare.json `prices`): bundled catalog and date, or the user's file. */
  prices?: { text: string };
  /** The LMI option's settings with their sources (compare.json `managedInstances`), when compared. */
  managedInstances?: { memoryMB: number; vcpus: number; maxConcurrency: number; defaults: ReadonlyArray<{ field: string; value: string; source: string }> } | null;
}

const FLEET_NAME = { ec2: "EC2", fargate: "Fargate", managed: "LMI" } as const;

/**
 * The side-by-side rows of one point (header first): Lambda, then each fleet run, with `options` (the
 * same point judged) giving each its door (Lambda's front door, a fleet's load balancer), its NAT
 * gateways when any are configured, and its SLO verdict.
 */
export function compareRows(p: CompareReportPoint, options: readonly CompareReportOption[]): string[][] {
  const nat = options.some((o) => o.monthlyCost.natGateway > 0);
  const head = ["", "monthly", "door", ...(nat ? ["NAT"] : []), "p50", "p99", "throttled", "queued", "rejected", "utilization", "instances (mean/peak)", "SLO"];
  const rows: string[][] = [head];
  const l = p.lambda;
  const usd = (x: number | undefined) => (x === undefined ? "-" : formatUsd(x));
  const costCells = (o: CompareReportOption | undefined) => [
    usd(o?.monthlyCost.total),
    usd(o?.monthlyCost.frontDoor ?? o?.monthlyCost.loadBalancer),
    ...(nat ? [usd(o?.monthlyCost.natGateway)] : []),
  ];
  const lambda = options.find((o) => o.kind === "lambda");
  rows.push(["Lambda", ...costCells(lambda), formatMs(l.latencyMs.p50), formatMs(l.latencyMs.p99), `${formatCount(l.throttled)} (${formatPercent(l.throttleRate)})`, "-", "-", formatPercent(l.utilization), "-", sloCell(lambda)]);
  for (const f of fleetSides(p)) {
    const r = f.result;
    const o = options.find((x) => x.kind === r.kind);
    const plan = f.cost.plan === "onDemand" ? "" : ` (${f.cost.plan} -${formatPercent(f.cost.discount)})`;
    rows.push([
      `${optionName(f)}${plan}`,
      ...costCells(o),
      formatMs(r.latencyMs.p50),
      formatMs(r.latencyMs.p99),
      "-",
      `${formatCount(r.queued)} (${formatPercent(r.queuedRate)})`,
      formatCount(r.rejected),
      formatPercent(r.utilization),
      `${formatNumber(r.instances.mean, 2)} / ${r.instances.peak}`,
      sloCell(o),
    ]);
  }
  const m = p.managed;
  if (m) {
    const o = options.find((x) => x.kind === "managed");
    rows.push([
      m.label,
      ...costCells(o),
      formatMs(m.latencyMs.p50),
      formatMs(m.latencyMs.p99),
      `${formatCount(m.throttled)} (${formatPercent(m.throttleRate)})`,
      "-",
      "-",
      formatPercent(m.vcpuUtilization.mean),
      `${formatNumber(m.instances.mean, 2)} / ${m.instances.peak}`,
      sloCell(o),
    ]);
  }
  return rows;
}

/** Column alignment of `compareRows` (every column but the first right-aligned). */
export function compareRowsAlign(rows: readonly string[][]): Array<"l" | "r"> {
  return rows[0]!.map((_, i) => (i === 0 ? "l" : "r"));
}

/** "met", "missed p99LatencyMs", "no data" or "-" (no SLO). */
function sloCell(o: CompareReportOption | undefined): string {
  if (o === undefined || o.verdicts.length === 0) return "-";
  if (o.meetsSlo === true) return "met";
  const missed = o.verdicts.filter((v) => v.pass === false).map((v) => v.objective);
  return missed.length > 0 ? `missed ${missed.join(", ")}` : "no data";
}

/** "EC2 m7g.large", "Fargate 1 vCPU / 2 GB": a fleet as one option of the comparison. */
export function optionName(f: Pick<CompareFleetSide, "result">): string {
  return f.result.kind === "ec2" ? `EC2 ${f.result.label}` : f.result.label.replace(/^fargate\b/, "Fargate");
}

function fleetSides(p: CompareReportPoint): CompareFleetSide[] {
  return [p.ec2, p.fargate].filter((f): f is CompareFleetSide => f !== null);
}

/** How the probes' traffic was made, in words. */
const PROCESS_WORDS: Record<string, string> = {
  scenario: "the scenario's arrivals scaled",
  poisson: "Poisson traffic",
  constant: "evenly spaced traffic",
};

/** A probe rate with three significant digits ("25.9/s"). */
function roughRate(perSec: number, rate: (perSec: number) => string): string {
  return rate(Number(perSec.toPrecision(3)));
}

/** One sentence per break-even search: where Lambda stops being cheaper (an interval), or that it does not in the range. */
export function crossingWords(b: CompareReportCrossing, rate: (perSec: number) => string): string {
  const what = FLEET_NAME[b.fleet];
  const how = `${PROCESS_WORDS[b.process] ?? b.process}, ${b.replications === 1 ? "1 seed" : `up to ${b.replications} seeds`} per probe, ${b.probes.length} probes`;
  if (b.outcome === "crosses") {
    return (
      `break-even with ${what}: ${rate(b.ratePerSec!)} (Lambda cheaper at ${roughRate(b.lowPerSec, rate)}, ${what} at ${roughRate(b.highPerSec, rate)} ` +
      `beyond the 95 % interval of the cost difference; ${how})`
    );
  }
  const ends = `at ${rate(b.lowPerSec)} and ${rate(b.highPerSec)}`;
  const hi = b.probes.find((p) => p.ratePerSec === b.highPerSec);
  if (b.outcome === "lambdaCheaper") return `Lambda is cheaper than ${what} over the whole range (${ends}; ${how})`;
  if (hi !== undefined && hi.cheaper === "lambda") return `${what} is cheaper than Lambda at ${rate(b.lowPerSec)} but not at ${rate(b.highPerSec)} (${how})`;
  return `${what} is cheaper than Lambda over the whole range (${ends}; ${how})`;
}

/** Text as a sentence: capitalised, ending with a full stop. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

/** "Lambda $730.53 (function $465.89, API Gateway $264.64)": an option's monthly cost, itemised. */
function itemised(o: CompareReportOption, network: CompareReportInput["network"]): string {
  const c = o.monthlyCost;
  const parts: string[] = [];
  if (o.kind === "lambda" || o.kind === "managed") {
    if (o.kind === "lambda") parts.push(`function ${formatUsd(c.total - (c.frontDoor ?? 0) - c.natGateway)}`);
    else parts.push(`instances ${formatUsd(c.instances ?? 0)}`, `management fee ${formatUsd(c.managementFee ?? 0)}`, `requests ${formatUsd(c.requests ?? 0)}`);
    if (network.frontDoor !== "none") parts.push(`${FRONT_DOOR_NAME[network.frontDoor] ?? network.frontDoor} ${formatUsd(c.frontDoor ?? 0)}`);
  } else {
    parts.push(`${o.kind === "ec2" ? "instances" : "tasks"} ${formatUsd(c.total - (c.loadBalancer ?? 0) - c.natGateway)}`);
    if (network.loadBalancer === "alb") parts.push(`load balancer ${formatUsd(c.loadBalancer ?? 0)}`);
  }
  if (c.natGateway > 0) parts.push(`NAT ${formatUsd(c.natGateway)}`);
  return `${formatUsd(c.total)} per month (${parts.join(", ")})`;
}

/** People's names of `pricing.frontDoor`. */
const FRONT_DOOR_NAME: Record<string, string> = { rest: "API Gateway REST API", http: "API Gateway HTTP API", url: "function URL" };

/** "p99 838 ms, SLO missed: p99LatencyMs" or "p99 120 ms, meets the SLO". */
function verdictWords(o: CompareReportOption): string {
  const p99 = `p99 ${formatMs(o.latencyMs.p99)}`;
  if (o.verdicts.length === 0) return p99;
  if (o.meetsSlo === true) return `${p99}, meets the SLO`;
  const missed = o.verdicts.filter((v) => v.pass === false).map((v) => `\`${v.objective}\``);
  return missed.length > 0 ? `${p99}, **misses** ${missed.join(", ")}` : `${p99}, no data to judge the SLO`;
}

/** What the doors column holds and how it was priced. */
function doorsParagraph(network: CompareReportInput["network"]): string {
  const lambdaDoor =
    network.frontDoor === "none" ? "Lambda has no front door (`pricing.frontDoor: none`)" : `Lambda's is its ${FRONT_DOOR_NAME[network.frontDoor] ?? network.frontDoor} (\`pricing.frontDoor: ${network.frontDoor}\`)`;
  const fleetDoor =
    network.loadBalancer === "alb"
      ? "the fleets' is an Application Load Balancer (`compare.loadBalancer: alb`): ALB-hours plus LCU-hours, the LCUs from the simulated request rate at one new connection per request" +
        (network.requestBytes + network.responseBytes > 0 ? ` and ${formatCount(network.requestBytes + network.responseBytes)} bytes processed per request` : " (processed bytes not counted: give `compare.requestBytes` / `responseBytes`)") +
        " (network-costs.json `applicationLoadBalancer`)"
      : "the fleets have no load balancer (`compare.loadBalancer: none`)";
  const nat =
    network.natGateways > 0
      ? ` Both sides pay for ${network.natGateways} NAT gateway${network.natGateways === 1 ? "" : "s"} by the hour (network-costs.json \`natGateway.hourly\`; data processed is the same on both sides and not counted).`
      : "";
  return `Door: what each option pays to receive requests. ${lambdaDoor}; ${fleetDoor}.${nat}`;
}

/** The review document of `compare`: the recommendation and its reason, the side-by-side table with doors and SLO verdicts, the break-even intervals, the charts, the method (pure). */
export function compareDocument(input: CompareReportInput): ReportDocument {
  const here = input.scenarioTraffic;
  const others = [
    ...fleetSides(here).map((f) => `${optionName(f)} (${f.cost.plan === "onDemand" ? "On-Demand" : `${f.cost.plan} −${formatPercent(f.cost.discount)}`})`),
    ...(here.managed ? [`Lambda Managed Instances (${here.managed.label})`] : []),
  ];
  const intro =
    `${input.description ? input.description.trim() + " " : ""}Function \`${input.function}\` (${input.traffic}) on Lambda and on ` +
    `${andList(others)}, ` +
    `with the same arrivals and durations (seed ${input.seed}), ${formatSeconds(input.horizonSeconds)} simulated` +
    (input.warmupSeconds > 0 ? ` (the first ${formatSeconds(input.warmupSeconds)} excluded as warm-up)` : "") +
    `, costs projected to a ${formatNumber(input.monthHours, 0)}-hour month.`;
  const rec = input.recommendation;
  const sorted = [...input.options].sort((a, b) => a.monthlyCost.total - b.monthlyCost.total);
  const items = [
    rec.option === null ? `**No option meets the SLO** (exit 4): ${rec.reason.replace(/^no option meets the SLO: /, "")}.` : `**Recommended: ${rec.option}**, ${formatUsd(rec.monthlyCost!)} per month: ${rec.reason}.`,
    ...sorted.map((o) => `${o.option}: ${itemised(o, input.network)}; ${verdictWords(o)}.`),
    ...(input.breakEven ?? []).map((b) => sentence(crossingWords(b, input.formatRate))),
  ];
  const rows = compareRows(here, input.options);
  const sections: ReportSection[] = [
    { heading: "Recommendation", blocks: [{ kind: "list", items }] },
    {
      heading: "At the scenario's traffic",
      blocks: [
        table(rows, compareRowsAlign(rows)),
        paragraph(
          "Lambda throttles when concurrency runs out; a fleet queues requests instead (queued: requests that found every slot busy; " +
            "rejected: the queue was full, judged as throttles against the SLO). Utilization: busy environments or slots over those running, time-weighted. " +
            doorsParagraph(input.network),
        ),
      ],
    },
  ];
  if (here.managed) sections.push(managedSection(here, input));
  for (const b of input.breakEven ?? []) {
    const bRows = compareRows(b.point, b.options);
    sections.push({
      heading: `Break-even with ${FLEET_NAME[b.fleet]}`,
      blocks: [paragraph(sentence(crossingWords(b, input.formatRate)) + ` At ${input.formatRate(Number(b.point.ratePerSec.toPrecision(4)))} (the probe nearest to it, seed ${input.seed}):`), table(bRows, compareRowsAlign(bRows))],
    });
  }
  const charts: ChartSpec[] = [
    optionsChart(input.options.map((o) => ({ option: o.option, monthly: o.monthlyCost.total, p99Ms: o.latencyMs.p99, meetsSlo: o.meetsSlo })), input.slo?.p99LatencyMs ?? null),
  ];
  const crossings = input.breakEven ?? [];
  if (crossings.length > 0) {
    charts.push(
      breakEvenChart(
        crossings.map((c) => ({ fleet: crossingName(c), probes: c.probes, ratePerSec: c.outcome === "crosses" ? c.ratePerSec : null, lowPerSec: c.lowPerSec, highPerSec: c.highPerSec })),
        here.ratePerSec,
      ),
    );
  }
  sections.push({ heading: "Charts", blocks: [{ kind: "charts" }] });
  sections.push({
    heading: "Method",
    blocks: [
      paragraph(
        "A fleet is a FIFO queue in front of request slots (slots per instance or task), scaled by target tracking on slot " +
          "utilization and simulated on the same engine with the same random streams as Lambda. A request's duration on a " +
          "fleet scales with the function's `cpuBound` share from Lambda's vCPU share to the instance's vCPU per slot; " +
          "without `cpuBound` durations are unchanged. Instances are billed for the hours they run, from the launch decision; launch " +
          "delays (3 min EC2, 1 min Fargate) are lambdasim's choices, not published figures, and the EC2 one-minute billing " +
          "minimum and burstable CPU credits are not modelled. Prices: " +
          `${input.prices?.text ?? "the bundled catalog"}. ` +
          "The recommendation is the cheapest option that meets every objective of the scenario's `slo` at its traffic (a fleet's " +
          "rejected requests count as throttles; it has no cold starts per request). A break-even probe scales the function's own " +
          "arrival process to the probed mean rate (a diurnal day stays diurnal, a trace is thinned or copied) unless `--arrivals` " +
          "asks for flat traffic, simulates seeds on both sides (two, then up to `--replications` while the interval holds 0) and " +
          "takes the 95 % Student-t interval of the paired cost differences; the break-even is reported as the interval between the " +
          "last rate where Lambda is cheaper beyond it and the first where the fleet is, rounded to the digits that interval " +
          "supports. Each side of a probe is simulated once for every fleet, and the scenario's own traffic above is replication 0 " +
          "of the probe at its rate. The top of the range, the dearest probe, is simulated with one seed to draw the lines, and " +
          "with its replications when it decides the answer; otherwise a probe below it where the fleet is cheaper beyond the " +
          "interval stands for it, as the cost difference grows with the rate.",
      ),
      ...(here.managed ? [paragraph(MANAGED_METHOD)] : []),
    ],
  });
  const names = [...fleetSides(here).map((f) => FLEET_NAME[f.result.kind]), ...(here.managed ? ["LMI"] : [])];
  return { title: `${input.name}: Lambda vs ${andList(names)} for ${input.function}`, intro: [intro], sections, charts };
}

/** "a", "a and b", "a, b and c". */
function andList(items: readonly string[]): string {
  return items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** How LMI is simulated and priced, for the method section. */
const MANAGED_METHOD =
  "LMI (Lambda Managed Instances) runs the same function, with the same arrivals and durations, on a capacity provider of its own " +
  "(`compare.managedInstances`), simulated by the Lambda model's managed path: environments of memoryMB / memoryGiBPerVCpu vCPUs " +
  "serving up to maxConcurrency requests each, the duration's `cpuBound` part shared on their vCPUs, instances scaled " +
  "asynchronously on CPU and slot utilisation after a launch delay, never below minInstances (3 by default), and requests " +
  "throttled while every environment is saturated. It is billed per instance-hour (EC2 price less any Savings Plan discount) " +
  "plus a 15 % management fee on the On-Demand price and a price per request, no duration charge " +
  "(aws-pricing.json `lambda.managedInstances`), and pays the same front door and NAT gateways as Lambda. Provisioned and " +
  "reserved concurrency and SnapStart belong to on-demand Lambda and are not carried over.";

/** A crossing's option name for the chart: the fleet's or LMI's label at its point. */
function crossingName(c: CompareReportCrossing): string {
  if (c.fleet === "managed") return c.point.managed?.label ?? FLEET_NAME.managed;
  const fleet = c.fleet;
  return optionName(fleetSides(c.point).find((f) => f.result.kind === fleet) ?? { result: { kind: fleet, label: FLEET_NAME[fleet] } as FleetResult });
}

/** "14:00" (or "1d 02:00"): a time of the simulated day. */
function clockTime(seconds: number): string {
  const day = Math.floor(seconds / 86_400);
  const s = seconds - day * 86_400;
  const hm = `${String(Math.floor(s / 3600)).padStart(2, "0")}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}`;
  return day > 0 ? `${day}d ${hm}` : hm;
}

/** "the minute from 14:00: 14,400 arrivals, 120 throttled, p99 412 ms". */
export function bucketWords(b: CompareWorstBucket): string {
  const span = b.bucketSeconds === 60 ? "minute" : `${formatSeconds(b.bucketSeconds)}`;
  return `the ${span} from ${clockTime(b.startSeconds)}: ${formatCount(b.arrivals)} arrivals, ${formatCount(b.throttles)} throttled, p99 ${formatMs(b.p99Ms)}`;
}

/** LMI at the scenario's traffic: its environments, and what its busiest minute does to throttles and p99 beside Lambda's. */
function managedSection(here: CompareReportPoint, input: CompareReportInput): ReportSection {
  const m = here.managed!;
  const l = here.lambda;
  const cfg = input.managedInstances;
  const size = cfg ? `environments of ${formatCount(cfg.memoryMB)} MB (${cfg.vcpus} vCPU${cfg.vcpus === 1 ? "" : "s"}, up to ${cfg.maxConcurrency} requests each), ` : "";
  const words = [
    `${m.label}: ${size}${formatNumber(m.instances.mean, 2)} instances on average (peak ${m.instances.peak}), ${formatNumber(m.environments.mean, 2)} environments, ` +
      `vCPU utilisation ${formatPercent(m.vcpuUtilization.mean)} on average (peak reading ${formatPercent(m.vcpuUtilization.peak)}).`,
    `Throttled on LMI: ${formatCount(m.throttled)} of ${formatCount(m.invocations)} (${formatPercent(m.throttleRate)}), p99 ${formatMs(m.latencyMs.p99)}; ` +
      `on Lambda: ${formatCount(l.throttled)} (${formatPercent(l.throttleRate)}), p99 ${formatMs(l.latencyMs.p99)}.`,
  ];
  if (m.worstBucket) words.push(`LMI's worst: ${bucketWords(m.worstBucket)}.`);
  if (l.worstBucket) words.push(`Lambda's worst: ${bucketWords(l.worstBucket)}.`);
  if (m.throttled > 0 && l.throttled === 0) {
    words.push("LMI throttles where on-demand Lambda does not: traffic that outgrows its environments faster than new instances launch is refused until they do.");
  }
  const blocks: ReportSection["blocks"] = [{ kind: "list", items: words }];
  if (cfg) {
    const rows = [["setting", "value", "source"], ...cfg.defaults.map((d) => [d.field.replace(/^compare\.managedInstances\./, ""), d.value, d.source])];
    blocks.push(table(rows, ["l", "r", "l"]));
  }
  return { heading: "Lambda Managed Instances on the scenario's traffic", blocks };
}
