export { runDocument, summaryMarkdown, resultRows, type RunReportInput } from "./run-document.js";
export { formatObjective, meetsEvery, sloVerdicts, verdictLines, type Slo, type SloVerdict } from "./slo-verdicts.js";
export * from "./format.js";
export { runCharts, type ChartSpec } from "./charts/index.js";
export { paragraph, table, verdict, type ReportDocument, type ReportSection, type ReportBlock, type ReportCell } from "./document.js";
export { documentMarkdown } from "./document-markdown.js";
export { htmlPage } from "./html-page.js";
export { renderChart, chartToSvg, svgToPng, compileChart } from "./render-chart.js";
export { writeReport, writeRunReport, type DataFile, type ReportFiles, type RunReportFiles } from "./write-report.js";
