import { memoryCurveChart } from "./charts/memory-curve-chart.js";
import type { SweepInterval } from "./charts/sweep-chart.js";
import { paragraph, table, verdict, type ReportDocument, type ReportSection } from "./document.js";
import { executionWords, formatCount, formatMs, formatNumber, formatPercent, formatSeconds, formatUsd } from "./format.js";

/** One memory size as the tuner measured it (plan/'s MemoryCurvePoint fits). */
export interface MemoryReportPoint {
  memoryMB: number;
  status: "ok" | "failed";
  errors: readonly string[];
  p50Ms: SweepInterval | null;
  p99Ms: SweepInterval | null;
  monthlyCost: SweepInterval | null;
  timeoutRate: SweepInterval | null;
  sloPass: boolean | null;
}

/** What `tune memory` found (tune-memory.json), with the scenario's description and how it ran. */
export interface MemoryReportInput {
  /** Where the prices came from (the scenario's catalog: bundled with its date, or the user's file). */
  prices?: { text: string };
  name: string;
  function: string;
  seed: number;
  horizonSeconds: number;
  replications: number;
  strategy: string;
  sloP99Ms: number | null;
  curve: readonly MemoryReportPoint[];
  recommendation: { memoryMB: number; strategy: string; sloMet: boolean; reason: string } | null;
  description: string | null;
  /** Whether the function's duration depends on memory (its `duration.atMemoryMB` and `cpuBound`). */
  durationScales: boolean;
  /** Worker threads, or null through Redis. */
  workers: number | null;
  wallSeconds: number;
}

/** The memory curve as table rows (header first): one row per size, the recommended one flagged. */
export function memoryRows(curve: readonly MemoryReportPoint[], recommendedMB: number | null): string[][] {
  const rows = [["memory", "p50", "p99", "timeouts", "$/month", "SLO p99", ""]];
  for (const c of curve) {
    rows.push([
      `${c.memoryMB} MB`,
      c.p50Ms === null ? "n/a" : formatMs(c.p50Ms.mean),
      c.status === "failed" ? "failed" : c.p99Ms === null ? "n/a" : formatMs(c.p99Ms.mean),
      c.timeoutRate === null ? "" : formatPercent(c.timeoutRate.mean),
      c.monthlyCost === null ? "" : formatUsd(c.monthlyCost.mean),
      c.sloPass === null ? "" : c.sloPass ? "pass" : "FAIL",
      recommendedMB === c.memoryMB ? "<- recommended" : "",
    ]);
  }
  return rows;
}

/** Column alignment of `memoryRows`. */
export const MEMORY_ROWS_ALIGN: Array<"l" | "r"> = ["r", "r", "r", "r", "r", "l", "l"];

/** "1,024 MB: p99 130 ms, $14.90 per month" for a measured size. */
function sizeWords(c: MemoryReportPoint): string {
  return `${formatCount(c.memoryMB)} MB (p99 ${formatMs(c.p99Ms?.mean ?? null)}, ${c.monthlyCost === null ? "no cost" : `${formatUsd(c.monthlyCost.mean)} per month`})`;
}

/** How the `cost` strategy treats sizes whose costs are within 1 % (COST_TIE_FRACTION), in words. */
const TIE_RULE =
  "The `cost` strategy recommends the cheapest size that meets the SLO on the measured means (what an exhaustive search over the sizes finds); " +
  "a size dearer by at most 1 % is named beside it as a near-tie, with its p99, and not chosen.";

/** The review document of `tune memory`: the recommendation and the numbers behind it, the curve, the chart, the method (pure). */
export function tuneMemoryDocument(input: MemoryReportInput): ReportDocument {
  const { curve, recommendation: rec } = input;
  const sizes = curve.map((c) => formatCount(c.memoryMB)).join(", ");
  const intro =
    `${input.description ? input.description.trim() + " " : ""}Function \`${input.function}\` simulated at ${curve.length} memory sizes ` +
    `(${sizes} MB) × ${input.replications} replication${input.replications === 1 ? "" : "s"}, ${formatSeconds(input.horizonSeconds)} each, ` +
    `base seed ${input.seed}, the same random streams at every size; strategy \`${input.strategy}\`, ` +
    `${input.sloP99Ms === null ? "no p99 objective" : `p99 objective ${formatMs(input.sloP99Ms)}`}. ` +
    `Ran on ${executionWords(input.workers)}, ${formatNumber(input.wallSeconds, 1)} s.`;

  const measured = curve.filter((c) => c.status === "ok" && c.p99Ms !== null && c.monthlyCost !== null);
  const sections: ReportSection[] = [];
  if (rec === null || measured.length === 0) {
    sections.push({ heading: "Recommendation", blocks: [paragraph("None: no memory size finished (see the failures below).")] });
  } else {
    const pick = curve.find((c) => c.memoryMB === rec.memoryMB)!;
    const cheapest = measured.reduce((a, c) => (c.monthlyCost!.mean < a.monthlyCost!.mean ? c : a));
    const fastest = measured.reduce((a, c) => (c.p99Ms!.mean < a.p99Ms!.mean ? c : a));
    const items = [
      `**${formatCount(rec.memoryMB)} MB**: ${rec.reason}. p99 ${formatMs(pick.p99Ms?.mean ?? null)}, p50 ${formatMs(pick.p50Ms?.mean ?? null)}, ` +
        `${pick.monthlyCost === null ? "no cost" : `${formatUsd(pick.monthlyCost.mean)} per month`}` +
        (input.sloP99Ms === null ? "." : rec.sloMet ? `, within the p99 objective of ${formatMs(input.sloP99Ms)}.` : `; **no size meets the p99 objective of ${formatMs(input.sloP99Ms)}**.`),
      cheapest === fastest ? `The cheapest size is also the fastest: ${sizeWords(cheapest)}.` : `Cheapest size: ${sizeWords(cheapest)}; fastest size: ${sizeWords(fastest)}.`,
    ];
    if (!input.durationScales) {
      items.push(
        "**The duration does not change with memory in this scenario** (its `duration` has no `atMemoryMB` and `cpuBound`), " +
          "so only cost varies and the smallest size wins on cost: give the memory size the duration was measured at, and how CPU-bound it is, for a real answer.",
      );
    }
    if (pick.monthlyCost !== null && cheapest !== pick) {
      items.push(`The recommendation costs ${formatUsd(pick.monthlyCost.mean - cheapest.monthlyCost!.mean)} per month more than the cheapest size and cuts p99 by ${formatMs(cheapest.p99Ms!.mean - (pick.p99Ms?.mean ?? 0))}.`);
    }
    sections.push({ heading: "Recommendation", blocks: [{ kind: "list", items }] });
  }
  const rows = memoryRows(curve, rec?.memoryMB ?? null).map((r, k) => (k === 0 ? r : r.map((c, i) => (i === 5 && c !== "" ? verdict(c === "pass") : c))));
  sections.push({
    heading: "Memory curve",
    blocks: [
      table(rows, MEMORY_ROWS_ALIGN),
      paragraph(
        input.replications > 1
          ? `Means of ${input.replications} replications; tune-memory.csv has the 95 % intervals. ${TIE_RULE}`
          : `One replication per size (use --replications 5 or more to see the noise). ${TIE_RULE}`,
      ),
    ],
  });
  const failed = curve.filter((c) => c.status === "failed");
  if (failed.length > 0) sections.push({ heading: "Failed sizes", blocks: [{ kind: "list", items: failed.map((c) => `${c.memoryMB} MB: ${c.errors.join("; ")}`) }] });
  sections.push({ heading: "Charts", blocks: [{ kind: "charts" }] });
  sections.push({
    heading: "Method",
    blocks: [
      paragraph(
        "Durations scale with memory by Amdahl's law over Lambda's vCPU share (the function's `duration.atMemoryMB` and " +
          "`cpuBound`; without them the duration does not change with memory, and only cost does). A size whose requests " +
          "hit the timeout is never recommended. Strategies follow AWS Lambda Power Tuning: `cost` the cheapest size " +
          "meeting the objective, `speed` the lowest p99, `balanced` the lowest ½·cost/max + ½·p99/max. Cost is the month " +
          `projected from the measured window with prices from ${input.prices?.text ?? "the bundled catalog"}; the README lists every assumption with its source.`,
      ),
    ],
  });
  const chart = memoryCurveChart(
    curve.map((c) => ({
      memoryMB: c.memoryMB,
      p99Ms: c.p99Ms?.mean ?? null,
      p99Low: c.p99Ms?.low ?? null,
      p99High: c.p99Ms?.high ?? null,
      monthlyCost: c.monthlyCost?.mean ?? null,
      sloPass: c.sloPass,
    })),
    rec?.memoryMB ?? null,
    input.sloP99Ms,
  );
  return { title: `${input.name}: memory for ${input.function}`, intro: [intro], sections, charts: [chart] };
}
