import type { FleetResult } from "../fleet/result.js";
import type { FleetCost } from "../pricing/fleet-cost.js";
import { breakEvenChart } from "./charts/break-even-chart.js";
import type { ChartSpec } from "./charts/chart-spec.js";
import { optionsChart } from "./charts/options-chart.js";
import { paragraph, table, type ReportDocument, type ReportSection } from "./document.js";
import { formatCount, formatMs, formatNumber, formatPercent, formatSeconds, formatUsd } from "./format.js";

/** One fleet at one traffic level: its run and its bill. */
export interface CompareFleetSide {
  result: FleetResult;
  cost: FleetCost;
}

/** Lambda and the fleets at one traffic level (plan/'s ComparePoint fits). */
export interface CompareReportPoint {
  ratePerSec: number | null;
  lambda: {
    throttled: number;
    throttleRate: number | null;
    coldStartRate: number | null;
    latencyMs: { p50: number | null; p99: number | null };
    utilization: number | null;
    cost: { monthly: { total: number } };
  };
  ec2: CompareFleetSide | null;
  fargate: CompareFleetSide | null;
}

/** One break-even search (plan/'s BreakEven fits). */
export interface CompareReportCrossing {
  fleet: "ec2" | "fargate";
  outcome: "crosses" | "lambdaCheaper" | "fleetCheaper";
  ratePerSec: number | null;
  lowPerSec: number;
  highPerSec: number;
  point: CompareReportPoint;
  probes: ReadonlyArray<{ ratePerSec: number; lambdaMonthly: number; fleetMonthly: number }>;
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
  /** Present when a --traffic range was searched. */
  breakEven?: readonly CompareReportCrossing[];
  /** Arrival process of the break-even probes. */
  probeProcess: string;
  /** Formats a rate per second for people ("26.15/s"). */
  formatRate: (perSec: number) => string;
}

const FLEET_NAME = { ec2: "EC2", fargate: "Fargate" } as const;

/** The side-by-side rows of one point (header first): Lambda, then each fleet run. */
export function compareRows(p: CompareReportPoint): string[][] {
  const rows: string[][] = [["", "monthly", "p50", "p99", "throttled", "queued", "rejected", "utilization", "instances (mean/peak)"]];
  const l = p.lambda;
  rows.push(["Lambda", formatUsd(l.cost.monthly.total), formatMs(l.latencyMs.p50), formatMs(l.latencyMs.p99), `${formatCount(l.throttled)} (${formatPercent(l.throttleRate)})`, "-", "-", formatPercent(l.utilization), "-"]);
  for (const f of fleetSides(p)) {
    const r = f.result;
    const plan = f.cost.plan === "onDemand" ? "" : ` (${f.cost.plan} -${formatPercent(f.cost.discount)})`;
    rows.push([
      `${optionName(f)}${plan}`,
      formatUsd(f.cost.monthly),
      formatMs(r.latencyMs.p50),
      formatMs(r.latencyMs.p99),
      "-",
      `${formatCount(r.queued)} (${formatPercent(r.queuedRate)})`,
      formatCount(r.rejected),
      formatPercent(r.utilization),
      `${formatNumber(r.instances.mean, 2)} / ${r.instances.peak}`,
    ]);
  }
  return rows;
}

/** Column alignment of `compareRows`. */
export const COMPARE_ROWS_ALIGN: Array<"l" | "r"> = ["l", "r", "r", "r", "r", "r", "r", "r", "r"];

/** "EC2 m7g.large", "Fargate 1 vCPU / 2 GB": a fleet as one option of the comparison. */
export function optionName(f: Pick<CompareFleetSide, "result">): string {
  return f.result.kind === "ec2" ? `EC2 ${f.result.label}` : f.result.label.replace(/^fargate\b/, "Fargate");
}

function fleetSides(p: CompareReportPoint): CompareFleetSide[] {
  return [p.ec2, p.fargate].filter((f): f is CompareFleetSide => f !== null);
}

/** One sentence per break-even search: where Lambda stops being cheaper, or that it does not in the range. */
export function crossingWords(b: CompareReportCrossing, process: string, rate: (perSec: number) => string): string {
  const what = FLEET_NAME[b.fleet];
  if (b.outcome === "crosses") {
    return `break-even with ${what} (${process} traffic): ${rate(b.ratePerSec!)} (Lambda cheaper below ${rate(b.lowPerSec)}, ${what} above ${rate(b.highPerSec)}; ${b.probes.length} probes)`;
  }
  if (b.outcome === "lambdaCheaper") return `Lambda is cheaper than ${what} over the whole range (checked at ${rate(b.lowPerSec)} and ${rate(b.highPerSec)})`;
  return `${what} is cheaper than Lambda over the whole range (checked at ${rate(b.lowPerSec)})`;
}

/** Text as a sentence: capitalised, ending with a full stop. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

/** The review document of `compare`: the cheapest option and by how much, the side-by-side table, the break-even, the charts, the fleet model (pure). */
export function compareDocument(input: CompareReportInput): ReportDocument {
  const here = input.scenarioTraffic;
  const options = [
    { name: "Lambda", monthly: here.lambda.cost.monthly.total, p99: here.lambda.latencyMs.p99 },
    ...fleetSides(here).map((f) => ({ name: optionName(f), monthly: f.cost.monthly, p99: f.result.latencyMs.p99 })),
  ];
  const intro =
    `${input.description ? input.description.trim() + " " : ""}Function \`${input.function}\` (${input.traffic}) on Lambda and on ` +
    `${fleetSides(here).map((f) => `${optionName(f)} (${f.cost.plan === "onDemand" ? "On-Demand" : `${f.cost.plan} −${formatPercent(f.cost.discount)}`})`).join(" and ")}, ` +
    `with the same arrivals and durations (seed ${input.seed}), ${formatSeconds(input.horizonSeconds)} simulated` +
    (input.warmupSeconds > 0 ? ` (the first ${formatSeconds(input.warmupSeconds)} excluded as warm-up)` : "") +
    `, costs projected to a ${formatNumber(input.monthHours, 0)}-hour month.`;
  const sorted = [...options].sort((a, b) => a.monthly - b.monthly);
  const cheapest = sorted[0]!;
  const items = [
    `**Cheapest at the scenario's traffic: ${cheapest.name}**, ${formatUsd(cheapest.monthly)} per month (p99 ${formatMs(cheapest.p99)}).`,
    ...sorted.slice(1).map((o) => `${o.name}: ${formatUsd(o.monthly)} per month, ${formatUsd(o.monthly - cheapest.monthly)} more (p99 ${formatMs(o.p99)}).`),
    ...(input.breakEven ?? []).map((b) => sentence(crossingWords(b, input.probeProcess, input.formatRate))),
  ];
  const sections: ReportSection[] = [
    { heading: "Recommendation", blocks: [{ kind: "list", items }] },
    {
      heading: "At the scenario's traffic",
      blocks: [
        table(compareRows(here), COMPARE_ROWS_ALIGN),
        paragraph(
          "Lambda throttles when concurrency runs out; a fleet queues requests instead (queued: requests that found every slot busy; " +
            "rejected: the queue was full). Utilization: busy environments or slots over those running, time-weighted.",
        ),
      ],
    },
  ];
  for (const b of input.breakEven ?? []) {
    sections.push({
      heading: `Break-even with ${FLEET_NAME[b.fleet]}`,
      blocks: [
        paragraph(sentence(crossingWords(b, input.probeProcess, input.formatRate)) + ` At ${b.point.ratePerSec === null ? "the probe" : input.formatRate(b.point.ratePerSec)}:`),
        table(compareRows(b.point), COMPARE_ROWS_ALIGN),
      ],
    });
  }
  const charts: ChartSpec[] = [optionsChart(options.map((o) => ({ option: o.name, monthly: o.monthly, p99Ms: o.p99 })))];
  const crossings = input.breakEven ?? [];
  if (crossings.length > 0) {
    charts.push(
      breakEvenChart(crossings.map((c) => ({ fleet: FLEET_NAME[c.fleet], probes: c.probes, ratePerSec: c.outcome === "crosses" ? c.ratePerSec : null }))),
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
          "minimum and burstable CPU credits are not modelled. Prices: the dated us-east-1 catalog (aws-pricing.json).",
      ),
    ],
  });
  return { title: `${input.name}: Lambda vs ${fleetSides(here).map((f) => FLEET_NAME[f.result.kind]).join(" and ")} for ${input.function}`, intro: [intro], sections, charts };
}
