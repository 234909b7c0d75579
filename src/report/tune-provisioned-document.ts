import type { ProvisionedPlan } from "../platform/provisioned-concurrency.js";
import { pcScheduleChart } from "./charts/pc-schedule-chart.js";
import { paragraph, table, verdict, type ReportDocument, type ReportSection } from "./document.js";
import { formatMs, formatPercent, formatSeconds, formatUsd } from "./format.js";

/** One simulated provisioned-concurrency option (plan/'s ProvisionedOption fits). */
export interface ProvisionedReportOption {
  label: string;
  plan: ProvisionedPlan;
  coldStartRate: number | null;
  p99Ms: number | null;
  monthlyCost: number;
  meetsSlo: boolean;
}

/** What `tune provisioned` found (tune-provisioned.json), with the scenario's setting. */
export interface ProvisionedReportInput {
  /** Where the prices came from (the scenario's catalog: bundled with its date, or the user's file). */
  prices?: { text: string };
  name: string;
  function: string;
  description: string | null;
  horizonSeconds: number;
  seed: number;
  slo: { maxColdStartRate: number | null; p99LatencyMs: number | null };
  noPc: ProvisionedReportOption;
  fixedLevels: readonly ProvisionedReportOption[];
  fixed: ProvisionedReportOption | null;
  schedule: ProvisionedReportOption | null;
  alwaysOn: ProvisionedReportOption | null;
  load: { t: readonly number[]; arrivalsPerSec: readonly number[] };
  /** Lead of a scheduled rise before its hour, ms. */
  scheduleLeadMs: number;
}

/** The options as table rows (header first): no PC, each fixed level, then the schedule. */
export function provisionedRows(input: Pick<ProvisionedReportInput, "noPc" | "fixedLevels" | "schedule">): string[][] {
  const rows = [["option", "cold starts", "p99", "$/month", "SLO"]];
  const row = (o: ProvisionedReportOption) => [o.label, formatPercent(o.coldStartRate), formatMs(o.p99Ms), formatUsd(o.monthlyCost), o.meetsSlo ? "pass" : "FAIL"];
  rows.push(row(input.noPc), ...input.fixedLevels.map(row));
  if (input.schedule) rows.push(row(input.schedule));
  return rows;
}

/** Column alignment of `provisionedRows`. */
export const PROVISIONED_ROWS_ALIGN: Array<"l" | "r"> = ["l", "r", "r", "r", "l"];

/** "07:55" for ms since midnight. */
export function clockTime(msOfDay: number): string {
  const m = Math.round(msOfDay / 60_000);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

function optionWords(o: ProvisionedReportOption): string {
  return `cold starts ${formatPercent(o.coldStartRate)}, p99 ${formatMs(o.p99Ms)}, ${formatUsd(o.monthlyCost)} per month`;
}

/** The review document of `tune provisioned`: the recommendations with their savings, the options, the schedule and its chart (pure). */
export function tuneProvisionedDocument(input: ProvisionedReportInput): ReportDocument {
  const objectives = [
    ...(input.slo.maxColdStartRate !== null ? [`cold starts ≤ ${formatPercent(input.slo.maxColdStartRate)}`] : []),
    ...(input.slo.p99LatencyMs !== null ? [`p99 ≤ ${formatMs(input.slo.p99LatencyMs)}`] : []),
  ].join(" and ");
  const intro =
    `${input.description ? input.description.trim() + " " : ""}Provisioned concurrency for \`${input.function}\` against the objective ` +
    `${objectives}: ${input.fixedLevels.length} fixed levels and an hourly schedule, each simulated for ${formatSeconds(input.horizonSeconds)} ` +
    `with the same random streams (seed ${input.seed}) and priced per month.`;
  const items: string[] = [`Without provisioned concurrency: ${optionWords(input.noPc)} (${input.noPc.meetsSlo ? "meets" : "misses"} the objective).`];
  const plan = input.schedule?.plan;
  const scheduleIdle = plan?.kind === "schedule" && plan.steps.every((st) => st.count === 0);
  if (input.fixed !== null && input.fixed.plan.kind === "fixed" && input.fixed.plan.count === 0) {
    items.push("**No provisioned concurrency needed**: the objective is met without it, so every level tried only adds cost.");
  } else {
    items.push(
      input.fixed?.plan.kind === "fixed"
        ? `**Fixed: ${input.fixed.plan.count.toLocaleString("en-US")} provisioned environments** — the cheapest level tried that meets the objective: ${optionWords(input.fixed)}.`
        : "**Fixed: none** of the levels tried meets the objective (raise --grid, or look at the function itself).",
    );
  }
  if (input.schedule && plan?.kind === "schedule" && !scheduleIdle) {
    items.push(
      `**Hourly schedule** (${plan.steps.map((st) => `${clockTime(st.atMsOfDay)} → ${st.count}`).join(", ")}): ${optionWords(input.schedule)}; ` +
        `${input.schedule.meetsSlo ? "meets" : "**misses**"} the objective when re-simulated.`,
    );
    if (input.alwaysOn) {
      items.push(
        `The schedule saves ${formatUsd(input.alwaysOn.monthlyCost - input.schedule.monthlyCost)} per month against ${input.alwaysOn.label} ` +
          `(${formatUsd(input.alwaysOn.monthlyCost)}) and costs ${formatUsd(input.schedule.monthlyCost - input.noPc.monthlyCost)} per month more than no provisioned concurrency.`,
      );
    }
  } else if (scheduleIdle) {
    items.push("The hourly schedule keeps no provisioned environment at any hour: every hour meets the objective without it.");
  } else {
    items.push("No hourly schedule: the measured window is shorter than an hour.");
  }
  const sections: ReportSection[] = [{ heading: "Recommendation", blocks: [{ kind: "list", items }] }];
  const rows = provisionedRows(input).map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 4 ? verdict(c === "pass") : c))));
  sections.push({ heading: "Options simulated", blocks: [table(rows, PROVISIONED_ROWS_ALIGN)] });
  if (plan?.kind === "schedule") {
    sections.push({
      heading: "Schedule",
      blocks: [
        table([["from (time of day)", "provisioned environments"], ...plan.steps.map((s) => [clockTime(s.atMsOfDay), String(s.count)])], ["l", "r"]),
        paragraph(`Rises start ${formatMs(input.scheduleLeadMs)} before their hour so the environments have initialised when its traffic comes; drops happen on the hour.`),
      ],
    });
  }
  const charts = plan?.kind === "schedule" ? [pcScheduleChart(input.load, plan.steps)] : [];
  if (charts.length > 0) sections.push({ heading: "Charts", blocks: [{ kind: "charts" }] });
  sections.push({
    heading: "Method",
    blocks: [
      paragraph(
        "Fixed levels are spread evenly up to 1.2 × the peak concurrency without provisioned concurrency. The schedule takes, " +
          "for each hour of the day, the smallest level whose run met the objective in that hour, then is re-simulated " +
          "(hours that still miss are raised a level, up to three rounds). Hours are judged on the account's series, which " +
          "is exact for single-function scenarios. Provisioned concurrency is metered from enable to disable, rounded up " +
          "to 5 minutes (`aws-pricing.json` `meteringRoundingMinutes`), plus its own duration rate; requests beyond it spill over to on-demand environments (with cold starts). Prices: " + `${input.prices?.text ?? "the bundled catalog"}.`,
      ),
    ],
  });
  return { title: `${input.name}: provisioned concurrency for ${input.function}`, intro: [intro], sections, charts };
}
