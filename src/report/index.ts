export { summaryMarkdown, resultRows, type SummaryInput } from "./summary-markdown.js";
export { sloVerdicts, type Slo, type SloVerdict } from "./slo-verdicts.js";
export * from "./format.js";
export { runCharts, type ChartSpec } from "./charts/index.js";
export { htmlPage, type HtmlPageInput } from "./html-page.js";
export { renderChart, chartToSvg, svgToPng, compileChart } from "./render-chart.js";
export { writeRunReport, type RunReportFiles } from "./write-report.js";
