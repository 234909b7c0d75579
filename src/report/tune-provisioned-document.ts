import type { ProvisionedPlan } from "../platform/provisioned/provisioned-concurrency.js";
import type { Slo } from "../scenario/slo.js";
import { pcScheduleChart } from "./charts/pc-schedule-chart.js";
import { paragraph, table, verdict, type ReportDocument, type ReportSection } from "./document.js";
import { formatMs, formatPercent, formatSeconds, formatUsd } from "./format.js";
import { formatObjective, type SloVerdict } from "./slo-verdicts.js";

/** One simulated provisioned-concurrency option (plan/'s ProvisionedOption fits). */
export interface ProvisionedReportOption {
  label: string;
  plan: ProvisionedPlan;
  coldStartRate: number | null;
  p99Ms: number | null;
  throttleRate: number | null;
  monthlyCost: number;
  meetsSlo: boolean | null;
  verdicts: readonly SloVerdict[];
}

/** What `tune provisioned` found (tune-provisioned.json), with the scenario's setting. */
export interface ProvisionedReportInput {
  /** Where the prices came from (the scenario's catalog: bundled with its date, or the user's file). */
  prices?: { text: string };
  name: string;
  function: string;
  description: string | null;
  seed: number;
  slo: Slo;
  maxLevel: number;
  window: { warmupSeconds: number; horizonSeconds: number; judgedFromSeconds: number };
  noPc: ProvisionedReportOption;
  fixedLevels: readonly ProvisionedReportOption[];
  fixed: ProvisionedReportOption | null;
  schedule: ProvisionedReportOption | null;
  hours: ReadonlyArray<{ hour: number; level: number; met: boolean | null }>;
  recommendation: { option: string; monthlyCost: number; reason: string } | null;
  savings: { against: string; monthly: number } | null;
  load: { hour: readonly number[]; arrivalsPerSec: readonly number[] };
  /** Lead of a scheduled rise before its hour, ms. */
  scheduleLeadMs: number;
}

/** "pass", or "FAIL: maxColdStartRate 0.40 %" naming each missed objective; "—" without objectives. */
function sloCell(o: ProvisionedReportOption): string {
  if (o.meetsSlo === null) return "—";
  const missed = o.verdicts.filter((v) => v.pass === false);
  return missed.length === 0 ? "pass" : `FAIL: ${missed.map((v) => `${v.objective} ${formatObjective(v.objective, v.actual)}`).join(", ")}`;
}

/** The options as table rows (header first): no PC, each fixed level, then the schedule; the recommended one marked. */
export function provisionedRows(input: Pick<ProvisionedReportInput, "noPc" | "fixedLevels" | "schedule" | "recommendation">): string[][] {
  const rows = [["option", "cold starts", "p99", "throttled", "$/month", "SLO"]];
  const row = (o: ProvisionedReportOption) => [
    o.label + (input.recommendation?.option === o.label ? " (recommended)" : ""),
    formatPercent(o.coldStartRate),
    formatMs(o.p99Ms),
    formatPercent(o.throttleRate),
    formatUsd(o.monthlyCost),
    sloCell(o),
  ];
  rows.push(row(input.noPc), ...input.fixedLevels.map(row));
  if (input.schedule) rows.push(row(input.schedule));
  return rows;
}

/** Column alignment of `provisionedRows`. */
export const PROVISIONED_ROWS_ALIGN: Array<"l" | "r"> = ["l", "r", "r", "r", "r", "l"];

/** "07:55" for ms since midnight. */
export function clockTime(msOfDay: number): string {
  const m = Math.round(msOfDay / 60_000);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** "07:55 → 17, 09:00 → 0" for a schedule's steps. */
export function scheduleWords(plan: ProvisionedPlan): string {
  return plan.kind === "schedule" ? plan.steps.map((st) => `${clockTime(st.atMsOfDay)} → ${st.count}`).join(", ") : plan.kind === "fixed" ? `${plan.count} all day` : "target tracking";
}

/** The objectives in words: "cold starts ≤ 0.15 % and p99 ≤ 500 ms". */
export function objectivesWords(slo: Slo): string {
  return [
    ...(slo.maxColdStartRate !== undefined ? [`cold starts ≤ ${formatPercent(slo.maxColdStartRate)}`] : []),
    ...(slo.p99LatencyMs !== undefined ? [`p99 ≤ ${formatMs(slo.p99LatencyMs)}`] : []),
    ...(slo.maxThrottleRate !== undefined ? [`throttled ≤ ${formatPercent(slo.maxThrottleRate)}`] : []),
  ].join(" and ");
}

/**
 * The recommendation in lines (terminal and document): the cheapest option meeting every objective
 * and what it saves against the baseline in the table, or that none does.
 */
export function provisionedVerdictLines(input: Pick<ProvisionedReportInput, "recommendation" | "savings" | "schedule" | "noPc" | "fixed" | "maxLevel">): string[] {
  const lines: string[] = [];
  const rec = input.recommendation;
  if (rec === null) {
    lines.push(`no option meets every objective: no provisioned concurrency, the fixed levels up to ${input.maxLevel} (the most the function may be given) and the hourly schedule all miss`);
    return lines;
  }
  const option = rec.option === input.schedule?.label ? `${rec.option} (${scheduleWords(input.schedule.plan)})` : rec.option;
  lines.push(`recommended: ${option} at ${formatUsd(rec.monthlyCost)}/month — ${rec.reason}`);
  if (input.savings) lines.push(`saves ${formatUsd(input.savings.monthly)}/month against ${input.savings.against} (the cheapest fixed level meeting every objective, in the table)`);
  if (rec.option !== input.noPc.label) lines.push(`costs ${formatUsd(rec.monthlyCost - input.noPc.monthlyCost)}/month more than no provisioned concurrency, which ${input.noPc.meetsSlo === false ? "misses" : "meets"} the objectives`);
  if (input.schedule && input.schedule.meetsSlo === false) lines.push(`the hourly schedule (${scheduleWords(input.schedule.plan)}) misses the objectives when re-simulated over the whole window`);
  return lines;
}

/** The review document of `tune provisioned`: the recommendation with its savings, the options, the schedule and its chart (pure). */
export function tuneProvisionedDocument(input: ProvisionedReportInput): ReportDocument {
  const w = input.window;
  const intro =
    `${input.description ? input.description.trim() + " " : ""}Provisioned concurrency for \`${input.function}\` against the objective ` +
    `${objectivesWords(input.slo)}: fixed levels (0..${input.maxLevel}, the most the function may be given) and an hourly schedule, each simulated ` +
    `for ${formatSeconds(w.horizonSeconds)} (warm-up ${formatSeconds(w.warmupSeconds)}) with the same random streams (seed ${input.seed}) and priced per month.`;
  const items = provisionedVerdictLines(input).map((l, i) => (i === 0 ? `**${l.replace(/ — /, "** — ")}` : l));
  const sections: ReportSection[] = [{ heading: "Recommendation", blocks: [{ kind: "list", items }] }];
  // The verdict as a coloured cell, and the missed objectives with their values beside it.
  const rows = provisionedRows(input).map((r, i) =>
    i === 0 ? [...r, "missed"] : [...r.slice(0, 5), r[5] === "—" ? "—" : verdict(r[5] === "pass"), r[5]!.startsWith("FAIL: ") ? r[5]!.slice(6) : ""],
  );
  sections.push({ heading: "Options simulated", blocks: [table(rows, [...PROVISIONED_ROWS_ALIGN, "l"])] });
  const plan = input.schedule?.plan;
  if (plan?.kind === "schedule") {
    sections.push({
      heading: "Schedule",
      blocks: [
        table([["from (time of day)", "provisioned environments"], ...plan.steps.map((s) => [clockTime(s.atMsOfDay), String(s.count)])], ["l", "r"]),
        table(
          [["hour", "level", "SLO in the hour"], ...input.hours.filter((h) => h.met !== null || h.level > 0).map((h) => [`${clockTime(h.hour * 3_600_000)}–${clockTime(((h.hour + 1) % 24) * 3_600_000)}`, String(h.level), h.met === null ? "—" : verdict(h.met)])],
          ["l", "r", "l"],
        ),
        paragraph(`Rises start ${formatMs(input.scheduleLeadMs)} before their hour so the environments have initialised when its traffic comes; drops happen on the hour.`),
      ],
    });
  }
  const charts = plan?.kind === "schedule" ? [pcScheduleChart(input.load, plan.steps, input.hours.map((h) => h.met))] : [];
  if (charts.length > 0) sections.push({ heading: "Charts", blocks: [{ kind: "charts" }] });
  sections.push({
    heading: "Method",
    blocks: [
      paragraph(
        "Each option is judged on the measured numbers against every objective; the recommendation is the cheapest option meeting them all. " +
          "The fixed level is the smallest meeting the objectives, found by bisection (more provisioned environments never add cold starts; every " +
          "run uses the same random streams), then raised while that costs less. The schedule takes, for each clock hour, the smallest level meeting " +
          "the objectives in that hour, all hours bisected at once, then is re-simulated with every hour one level lower beside it. Hours are clock " +
          "time of the simulated day, judged on the tuned function's own series and on steady state: the first simulated hour (every environment " +
          `cold) is never judged (hour 0 is judged from ${formatSeconds(w.judgedFromSeconds)} on). Provisioned concurrency is metered from enable to disable, rounded up ` +
          "to 5 minutes (`aws-pricing.json` `meteringRoundingMinutes`), plus its own duration rate; requests beyond it spill over to on-demand environments (with cold starts). Prices: " + `${input.prices?.text ?? "the bundled catalog"}.`,
      ),
    ],
  });
  return { title: `${input.name}: provisioned concurrency for ${input.function}`, intro: [intro], sections, charts };
}
