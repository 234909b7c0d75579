/**
 * lambdasim's typed library API: load or build a scenario, simulate it, price it, plan with it
 * (provisioned concurrency, break-even against a fleet), write its report.
 * @example
 * import { catalogFor, loadScenarioFile, simulate, withCost } from "lambdasim";
 * const s = loadScenarioFile("scenarios/api-backend.yaml");
 * if (s.ok) console.log(withCost(simulate(s.value.sim), s.value.sim.functions, s.value.catalog, s.value.pricing).total.cost?.monthly.total);
 */
export { simulate, InvariantError, type SimulateOptions } from "./platform/simulate.js";
export type { SimConfig, FunctionConfig, Architecture, InvocationType } from "./platform/config.js";
export type { Result, FunctionResult, FunctionSeriesResult, LatencyResult, SeriesResult, EngineResult } from "./platform/result.js";
export type { ArrivalSpec } from "./workload/arrival-spec.js";
export type { DistSpec, Distribution } from "./core/dist/distribution.js";
export { makeDistribution } from "./core/dist/make-distribution.js";
export { randomStream, type Rng } from "./core/random.js";
export { loadScenarioFile, resolveScenario, applyOverrides, formatIssue } from "./scenario/index.js";
export type { Issue, Checked, ResolvedScenario, Slo } from "./scenario/index.js";
export { summaryMarkdown, runDocument, documentMarkdown, writeReport, writeRunReport, type ReportDocument } from "./report/index.js";
export { sloVerdicts, type SloVerdict } from "./report/slo-verdicts.js";
export { withCost, lambdaBill, accountBills, catalogFor, US_EAST_1 } from "./pricing/index.js";
export type { PricingOptions, LambdaBill, LambdaUsage, BillOptions, PriceCatalog } from "./pricing/index.js";
export { tuneProvisioned, breakEven } from "./plan/index.js";
export { comparisonsInThread, comparePoint, sidesInThread, compareSide, type CompareSetup, type ComparePoint, type EvaluateSides, type SideRequest, type SideOutcome } from "./parallel/index.js";
export type { EvaluateMany, ProvisionedRecommendation, ProvisionedObjectives, BreakEven, BreakEvenOptions } from "./plan/index.js";
export { VERSION } from "./version.js";
