import { sweepChart, type SweepInterval } from "./charts/sweep-chart.js";
import { paragraph, table, type ReportDocument, type ReportSection } from "./document.js";
import { executionWords, formatCount, formatMs, formatNumber, formatPercent, formatSeconds, formatUsd } from "./format.js";
import type { Slo } from "./slo-verdicts.js";

/** The metrics of a sweep point the report shows (means with 95 % intervals across replications). */
type ShownMetric = "invocations" | "throttleRate" | "coldStartRate" | "p50Ms" | "p99Ms" | "monthlyCost";

/** A sweep's outcome as the report reads it (plan/'s SweepResults fits). */
export interface SweepReportResults {
  name: string;
  seed: number;
  horizonSeconds: number;
  replications: number;
  axes: ReadonlyArray<{ path: string; values: readonly string[] }>;
  points: ReadonlyArray<{
    point: number;
    values: Readonly<Record<string, string>>;
    status: "ok" | "failed";
    errors: readonly string[];
    metrics: Readonly<Record<ShownMetric, SweepInterval | null>> | null;
  }>;
  failed: number;
  notFinished: number;
  interrupted: boolean;
}

/** What the sweep report shows besides the results: the points singled out, the objectives and how it ran. */
export interface SweepReportInput {
  /** Where the prices came from (the scenario's catalog: bundled with its date, or the user's file). */
  prices?: { text: string };
  results: SweepReportResults;
  highlights: {
    /** `values`: the chosen axes' values of the point; `given`: the world's (traffic…) it was chosen under, absent or empty without. */
    highlights: ReadonlyArray<{
      label: string;
      values: Readonly<Record<string, string>>;
      given?: Readonly<Record<string, string>>;
      p99Ms: number | null;
      monthlyCost: number | null;
    }>;
    meetingSlo: number | null;
  };
  slo: Slo | null;
  description: string | null;
  simulations: number;
  /** Worker threads, or null through Redis. */
  workers: number | null;
  wallSeconds: number;
}

/** The sweep table: axis values, then each metric's mean (± half of its 95 % interval, with replications). */
export function sweepRows(results: SweepReportResults): string[][] {
  const rows = [[...results.axes.map((a) => a.path), "invocations", "throttled", "cold", "p50", "p99", "$/month"]];
  const pm = (v: SweepInterval | null, fmt: (x: number) => string): string =>
    v === null ? "n/a" : v.low === null || v.high === null ? fmt(v.mean) : `${fmt(v.mean)} ± ${fmt((v.high - v.low) / 2)}`;
  for (const p of results.points) {
    const values = results.axes.map((a) => p.values[a.path] ?? "");
    const m = p.metrics;
    if (m === null) {
      rows.push([...values, "failed", "", "", "", "", ""]);
      continue;
    }
    rows.push([
      ...values,
      pm(m.invocations, (x) => formatNumber(x, 0)),
      pm(m.throttleRate, formatPercent),
      pm(m.coldStartRate, formatPercent),
      pm(m.p50Ms, formatMs),
      pm(m.p99Ms, formatMs),
      pm(m.monthlyCost, formatUsd),
    ]);
  }
  return rows;
}

/** Column alignment of `sweepRows`. */
export function sweepAlign(results: SweepReportResults): Array<"l" | "r"> {
  return [...results.axes.map(() => "l" as const), "r", "r", "r", "r", "r", "r"];
}

/** "path=value, path=value" of a point. */
function where(values: Readonly<Record<string, string>>): string {
  return Object.entries(values).map(([k, v]) => `\`${k}=${v}\``).join(", ") || "the scenario as written";
}

/**
 * The findings of a sweep, one markdown line each (code spans around path=value, bold labels): per highlight its
 * label, the given values it holds at (traffic…), the chosen values, p99 and cost; then which axes are given, and
 * how many points meet the SLO. The report's Findings list and the terminal's lines after the table.
 */
export function sweepFindings(input: Pick<SweepReportInput, "results" | "highlights" | "slo">): string[] {
  const { results, highlights, slo } = input;
  const findings = highlights.highlights.map((h) => {
    const at = h.given !== undefined && Object.keys(h.given).length > 0 ? ` at ${where(h.given)}` : "";
    return `**${h.label}**${at}: ${where(h.values)}, p99 ${formatMs(h.p99Ms)}, ${h.monthlyCost === null ? "no cost" : `${formatUsd(h.monthlyCost)} per month`}.`;
  });
  const given = [...new Set(highlights.highlights.flatMap((h) => Object.keys(h.given ?? {})))];
  if (given.length > 0) {
    findings.push(
      `${given.map((g) => `\`${g}\``).join(", ")} ${given.length === 1 ? "is" : "are"} what the world gives, not a choice: ` +
        "each finding above holds at its value and none recommends one.",
    );
  }
  const objectives = slo === null ? [] : [
    ...(slo.p99LatencyMs !== undefined ? [`p99 ≤ ${formatMs(slo.p99LatencyMs)}`] : []),
    ...(slo.maxColdStartRate !== undefined ? [`cold starts ≤ ${formatPercent(slo.maxColdStartRate)}`] : []),
    ...(slo.maxThrottleRate !== undefined ? [`throttled ≤ ${formatPercent(slo.maxThrottleRate)}`] : []),
  ];
  if (highlights.meetingSlo !== null) {
    const ok = results.points.filter((p) => p.status === "ok").length;
    findings.push(`${formatCount(highlights.meetingSlo)} of ${formatCount(ok)} finished points meet the SLO (${objectives.join(", ")}), judged on means.`);
  }
  return findings;
}

/** The review document of a sweep: what was swept, the points worth naming, the table, failures, the chart, the method (pure). */
export function sweepDocument(input: SweepReportInput): ReportDocument {
  const { results } = input;
  const axes = results.axes.map((a) => `\`${a.path}\` over ${a.values.length} value${a.values.length === 1 ? "" : "s"} (${a.values.join(", ")})`);
  const intro =
    `${input.description ? input.description.trim() + " " : ""}A sweep of ${axes.length === 0 ? "no axis (one point)" : axes.join(" × ")}: ` +
    `${formatCount(results.points.length + results.notFinished)} points × ${results.replications} replication${results.replications === 1 ? "" : "s"}, ` +
    `${formatSeconds(results.horizonSeconds)} simulated each, base seed ${results.seed}; ${formatCount(input.simulations)} simulations ` +
    `on ${executionWords(input.workers)} in ${formatNumber(input.wallSeconds, 1)} s.`;

  const findings = sweepFindings(input);
  const sections: ReportSection[] = [];
  sections.push({
    heading: "Findings",
    blocks:
      findings.length > 0
        ? [{ kind: "list", items: findings }]
        : [paragraph("No point finished, so there is nothing to compare; see the failures below.")],
  });
  sections.push({
    heading: "Results",
    blocks: [
      table(sweepRows(results), sweepAlign(results)),
      paragraph(
        results.replications > 1
          ? `Each figure is the mean of ${results.replications} replications ± half its 95 % Student-t interval; sweep.csv has the bounds.`
          : "One replication per point: no intervals (run with --replications 5 or more to see the noise between configurations).",
      ),
    ],
  });
  const failed = results.points.filter((p) => p.status === "failed");
  if (failed.length > 0 || results.notFinished > 0) {
    const items = failed.map((p) => `point ${p.point} (${where(p.values)}): ${p.errors.join("; ")}`);
    if (results.notFinished > 0) items.push(`${formatCount(results.notFinished)} points did not finish: the sweep was interrupted.`);
    sections.push({ heading: "Failed and unfinished points", blocks: [{ kind: "list", items }] });
  }
  sections.push({ heading: "Charts", blocks: [{ kind: "charts" }] });
  sections.push({
    heading: "Method",
    blocks: [
      paragraph(
        "Every point is simulated with the same random streams (common random numbers: replication r of every point uses " +
          "the same seed), so differences between points are the configurations', not noise. Latency is from arrival to the " +
          "end of the invocation, cold starts included; cost is the month projected from the measured window " +
          "(the scenario's `pricing`), with prices from " + `${input.prices?.text ?? "the bundled catalog"}. ` + "The README's \"The model and its assumptions\" lists every assumption with its source.",
      ),
    ],
  });
  const chart = sweepChart(results);
  return { title: `${results.name}: sweep`, intro: [intro], sections, charts: chart === null ? [] : [chart] };
}
