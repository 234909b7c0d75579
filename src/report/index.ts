export { summaryMarkdown, resultRows, type SummaryInput } from "./summary-markdown.js";
export { sloVerdicts, type Slo, type SloVerdict } from "./slo-verdicts.js";
export * from "./format.js";
