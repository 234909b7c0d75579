import { backtestChart } from "./charts/backtest-chart.js";
import { paragraph, table, type ReportDocument } from "./document.js";
import { formatCount, formatPercent, formatSeconds } from "./format.js";
import type { MetricBand, MetricFigures } from "../plan/backtest-figures.js";

/** One compared metric of a backtest: its name, what was counted, figures and series. */
export interface BacktestMetric {
  /** CloudWatch's name (or `ColdStarts` for the REPORT lines with Init Duration). */
  name: string;
  /** How it is read, e.g. "Maximum of ConcurrentExecutions". */
  statistic: string;
  /** Where the observed values came from: a result Id of the metrics file, or the log. */
  source: string;
  figures: MetricFigures;
  band: MetricBand;
}

/** What `lambdasim backtest` found (backtest.json), for its report. */
export interface BacktestReportInput {
  name: string;
  function: string;
  description: string | null;
  observedFile: string;
  logsFile: string | null;
  startIso: string;
  periodSeconds: number;
  periods: number;
  replications: number;
  seeds: number[];
  metrics: BacktestMetric[];
  notes: string[];
}

/** A percentage of the figures, `n/a` for null. */
function pct(x: number | null): string {
  return x === null ? "n/a" : formatPercent(x);
}

/** The backtest report: the error figures per metric, then a chart of each, simulated beside observed. */
export function backtestDocument(input: BacktestReportInput): ReportDocument {
  const rows = [
    ["metric", "statistic", "observed total", "simulated total", "MAPE", "bias", "inside band", "2-replication noise"],
    ...input.metrics.map((m) => [
      m.name,
      m.statistic,
      formatCount(Math.round(m.figures.observedTotal)),
      formatCount(Math.round(m.figures.simulatedTotal)),
      `${pct(m.figures.mape)} (${formatCount(m.figures.mapePeriods)} periods)`,
      m.figures.bias === null ? "n/a" : `${m.figures.bias >= 0 ? "+" : ""}${formatPercent(m.figures.bias)}`,
      pct(m.figures.withinBand),
      pct(m.figures.replicationNoiseMape),
    ]),
  ];
  const t = Array.from({ length: input.periods }, (_, p) => p * input.periodSeconds);
  const charts = input.metrics.map((m) =>
    backtestChart({ key: m.name.toLowerCase(), label: `${m.name} (${m.statistic})`, t, periodSeconds: input.periodSeconds, ...m.band, replications: input.replications }),
  );
  return {
    title: `${input.name}: backtest against CloudWatch`,
    intro: [
      `Function \`${input.function}\` simulated over the ${formatCount(input.periods)} periods of ${formatSeconds(input.periodSeconds)} observed from ${input.startIso} in \`${input.observedFile}\`${input.logsFile === null ? "" : ` (cold starts from \`${input.logsFile}\`)`}, ${input.replications} replications (seeds ${input.seeds.join(", ")}).`,
      ...(input.description === null ? [] : [input.description]),
    ],
    sections: [
      {
        heading: "Error figures",
        blocks: [
          table(rows, ["l", "l", "r", "r", "r", "r", "r", "r"]),
          paragraph(
            "MAPE: mean absolute percentage error of the replications' mean against the observed value, over the periods where something was observed. Bias: simulated total against observed total. Inside band: share of periods whose observed value lies within the replications' range. 2-replication noise: the MAPE of one replication against another, the error a perfect model would still show against one observation.",
          ),
          ...(input.notes.length > 0 ? [{ kind: "list" as const, items: input.notes }] : []),
        ],
      },
      { heading: "Simulated vs observed", blocks: [{ kind: "charts" }] },
    ],
    charts,
  };
}
