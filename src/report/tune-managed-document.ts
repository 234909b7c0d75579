import { managedOptionsChart } from "./charts/managed-options-chart.js";
import type { SloVerdict } from "./slo-verdicts.js";
import { paragraph, table, verdict, type ReportDocument, type ReportSection } from "./document.js";
import { executionWords, formatMs, formatNumber, formatPercent, formatSeconds, formatUsd } from "./format.js";

/** A mean across replications, as the report reads it. */
interface Mean {
  mean: number;
}

/** One option of `tune managed` as the report reads it (plan/'s ManagedOption fits). */
export interface ManagedReportOption {
  label: string;
  instanceType: string;
  memoryGiBPerVCpu: number;
  maxConcurrency: number;
  vcpus: number;
  environmentsPerInstance: number;
  status: "ok" | "failed";
  errors: readonly string[];
  p99Ms: Mean | null;
  throttleRate: Mean | null;
  timeoutRate: Mean | null;
  monthlyCost: { instances: number; managementFee: number; requests: number; total: number } | null;
  instances: { mean: number; peak: number } | null;
  cpuUtilization: { mean: number; peak: number } | null;
  meetsSlo: boolean | null;
  verdicts: readonly SloVerdict[];
}

/** What `tune managed` found (tune-managed.json), with the scenario's description and how it ran. */
export interface ManagedReportInput {
  prices?: { text: string };
  name: string;
  function: string;
  description: string | null;
  seed: number;
  horizonSeconds: number;
  replications: number;
  mode: "search" | "exhaustive";
  gridPoints: number;
  grid: { maxConcurrency: readonly number[]; memoryGiBPerVCpu: readonly number[]; instanceTypes: readonly string[] };
  /** The capacity provider the options run on, and whether the tuner made it (the function was on demand). */
  provider: { name: string; created: boolean; minInstances: number; targetUtilization: number; launchDelaySeconds: number };
  sloP99Ms: number;
  options: readonly ManagedReportOption[];
  skipped: ReadonlyArray<{ instanceType: string; memoryGiBPerVCpu: number | null; reason: string }>;
  recommendation: { option: string; monthlyCost: number; reason: string; nearTies: ReadonlyArray<{ option: string; monthlyCost: number; p99Ms: number }> } | null;
  simulations: number;
  interrupted: boolean;
  workers: number | null;
  wallSeconds: number;
}

/** Near-ties listed under the recommendation (all are in tune-managed.json). */
const NEAR_TIES_LISTED = 5;

/** The options as table rows (header first), the recommended one flagged. */
export function managedRows(options: readonly ManagedReportOption[], recommended: string | null): string[][] {
  const rows = [["instance type", "GiB/vCPU", "vCPU", "maxConc", "env/inst", "instances mean/peak", "CPU mean", "p99", "throttles", "$/month", "SLO", ""]];
  for (const o of options) {
    rows.push([
      o.instanceType,
      String(o.memoryGiBPerVCpu),
      String(o.vcpus),
      String(o.maxConcurrency),
      String(o.environmentsPerInstance),
      o.instances === null ? "" : `${formatNumber(o.instances.mean, 2)} / ${o.instances.peak}`,
      o.cpuUtilization === null ? "" : formatPercent(o.cpuUtilization.mean),
      o.status === "failed" ? "failed" : formatMs(o.p99Ms?.mean ?? null),
      o.throttleRate === null ? "" : formatPercent(o.throttleRate.mean),
      o.monthlyCost === null ? "" : formatUsd(o.monthlyCost.total),
      o.meetsSlo === null ? "" : o.meetsSlo && (o.timeoutRate?.mean ?? 0) === 0 ? "pass" : "FAIL",
      o.label === recommended ? "<- recommended" : "",
    ]);
  }
  return rows;
}

/** Column alignment of `managedRows`. */
export const MANAGED_ROWS_ALIGN: Array<"l" | "r"> = ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "l", "l"];

/** The tie rules in words (plan/managed-options.ts compareOptions and recommendManaged). */
export const MANAGED_TIE_RULE =
  "The recommendation is the strictly cheapest option on the measured monthly total that meets every objective without timeouts; " +
  "at an exactly equal total the lower p99 wins, then the lower throttle rate, the smaller maxConcurrency, the smaller memoryGiBPerVCpu and the instance type listed first. " +
  "Options dearer by at most 1 % are named as near-ties with their p99, not chosen.";

/** How the search reaches the exhaustive answer, in words (plan/managed-tuner.ts). */
export const MANAGED_SEARCH_RULE =
  "Instance types are taken cheapest floor first (minInstances × hours × price × (1 − discount + the management fee fraction)); a type whose floor is above the cheapest option found is skipped, since no option on it can cost less. " +
  "On each type and ratio, p99 rises and cost falls with maxConcurrency, so the largest maxConcurrency meeting the p99 objective is found by bisection, then the search walks down while the cost does not rise. " +
  "`--exhaustive` simulates the whole grid and applies the same rule.";

/** The review document of `tune managed` (pure): the recommendation, every option with its cost lines, the chart, the method. */
export function tuneManagedDocument(input: ManagedReportInput): ReportDocument {
  const rec = input.recommendation;
  const g = input.grid;
  const intro =
    `${input.description ? input.description.trim() + " " : ""}Function \`${input.function}\` on ` +
    `${input.provider.created ? `a capacity provider the tuner made for it (\`${input.provider.name}\`: the function is on demand in the scenario)` : `its capacity provider \`${input.provider.name}\`, alone`} ` +
    `(minimum ${input.provider.minInstances} instances, target ${formatPercent(input.provider.targetUtilization)}, launch delay ${formatSeconds(input.provider.launchDelaySeconds)}), ` +
    `over a grid of ${g.instanceTypes.length} instance types (${g.instanceTypes.join(", ")}) × memoryGiBPerVCpu ${g.memoryGiBPerVCpu.join(", ")} × maxConcurrency ${g.maxConcurrency.join(", ")} ` +
    `(${input.gridPoints} points; ${input.mode === "exhaustive" ? "every one simulated" : `${input.options.length} simulated by the search`}), ` +
    `${input.replications} replication${input.replications === 1 ? "" : "s"} of ${formatSeconds(input.horizonSeconds)} each, base seed ${input.seed}; p99 objective ${formatMs(input.sloP99Ms)}. ` +
    `Ran ${input.simulations} simulations on ${executionWords(input.workers)}, ${formatNumber(input.wallSeconds, 1)} s.` +
    (input.interrupted ? " **Interrupted: only the options that finished are shown.**" : "");
  const sections: ReportSection[] = [];
  if (rec === null) {
    sections.push({ heading: "Recommendation", blocks: [paragraph("None: no option simulated meets every objective without timeouts (or none finished).")] });
  } else {
    const pick = input.options.find((o) => o.label === rec.option)!;
    const c = pick.monthlyCost!;
    const items = [
      `**${rec.option}**: ${rec.reason}. ${formatUsd(rec.monthlyCost)} per month (instances ${formatUsd(c.instances)}, management fee ${formatUsd(c.managementFee)}, requests ${formatUsd(c.requests)}); ` +
        `p99 ${formatMs(pick.p99Ms?.mean ?? null)}, throttles ${formatPercent(pick.throttleRate?.mean ?? null)}, ${pick.instances === null ? "" : `${formatNumber(pick.instances.mean, 2)} instances on average (peak ${pick.instances.peak})`}.`,
      ...rec.nearTies
        .slice(0, NEAR_TIES_LISTED)
        .map((t) => `${t.monthlyCost === rec.monthlyCost ? "Same cost" : "Near-tie"}: ${t.option}, ${formatUsd(t.monthlyCost)} per month, p99 ${formatMs(t.p99Ms)}.`),
      ...(rec.nearTies.length > NEAR_TIES_LISTED ? [`And ${rec.nearTies.length - NEAR_TIES_LISTED} more within 1 % (tune-managed.json \`recommendation.nearTies\`).`] : []),
    ];
    sections.push({ heading: "Recommendation", blocks: [{ kind: "list", items }] });
  }
  const rows = managedRows(input.options, rec?.option ?? null).map((r, k) => (k === 0 ? r : r.map((cell, i) => (i === 10 && cell !== "" ? verdict(cell === "pass") : cell))));
  sections.push({ heading: "Options", blocks: [table(rows, MANAGED_ROWS_ALIGN), paragraph(MANAGED_TIE_RULE)] });
  const failed = input.options.filter((o) => o.status === "failed");
  if (failed.length > 0) sections.push({ heading: "Failed options", blocks: [{ kind: "list", items: failed.map((o) => `${o.label}: ${o.errors.join("; ")}`) }] });
  if (input.skipped.length > 0) {
    const items = input.skipped.map((s) => `${s.instanceType}${s.memoryGiBPerVCpu === null ? "" : ` at ${s.memoryGiBPerVCpu} GiB/vCPU`}: ${s.reason}`);
    sections.push({ heading: "Not simulated", blocks: [{ kind: "list", items }] });
  }
  sections.push({ heading: "Charts", blocks: [{ kind: "charts" }] });
  sections.push({
    heading: "Method",
    blocks: [
      paragraph(
        "Each option runs the function alone on a capacity provider of its own, so its bill is the provider's: instance-hours at the EC2 price (less the plan's discount) + the management fee on the On-Demand price + the price per million requests (aws-pricing.json lambda.managedInstances), " +
          "projected to a month from the measured window " +
          `(prices from ${input.prices?.text ?? "the bundled catalog"}). Requests on one environment share its vCPUs (processor sharing on the CPU-bound part of the duration), so a high maxConcurrency on few vCPUs stretches durations. ` +
          MANAGED_SEARCH_RULE,
      ),
    ],
  });
  const chart = managedOptionsChart(
    input.options.map((o) => ({ ...o, p99Ms: o.p99Ms?.mean ?? null, monthlyCost: o.monthlyCost?.total ?? null })),
    rec?.option ?? null,
    input.sloP99Ms,
  );
  return { title: `${input.name}: Managed Instances for ${input.function}`, intro: [intro], sections, charts: [chart] };
}
