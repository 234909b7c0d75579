/**
 * lambdasim's typed library API: load or build a scenario, simulate it, read the result.
 * @example
 * import { loadScenarioFile, simulate } from "lambdasim";
 * const s = loadScenarioFile("scenarios/api-backend.yaml");
 * if (s.ok) console.log(simulate(s.value.sim).total.latencyMs.p99);
 */
export { simulate, InvariantError, type SimulateOptions } from "./platform/simulate.js";
export type { SimConfig, FunctionConfig, Architecture, InvocationType } from "./platform/config.js";
export type { Result, FunctionResult, LatencyResult, SeriesResult, EngineResult } from "./platform/result.js";
export type { ArrivalSpec } from "./workload/arrival-spec.js";
export type { DistSpec, Distribution } from "./core/dist/distribution.js";
export { makeDistribution } from "./core/dist/make-distribution.js";
export { randomStream, type Rng } from "./core/random.js";
export { loadScenarioFile, resolveScenario, applyOverrides, formatIssue } from "./scenario/index.js";
export type { Issue, Checked, ResolvedScenario, Slo } from "./scenario/index.js";
export { summaryMarkdown, runDocument, documentMarkdown, writeReport, writeRunReport, type ReportDocument } from "./report/index.js";
export { sloVerdicts, type SloVerdict } from "./report/slo-verdicts.js";
export { VERSION } from "./version.js";
