/**
 * `plan/`: sweeps (axes from --set, cartesian product, replications with common random numbers),
 * confidence intervals across replications, and the tuners built on them.
 */
export { parseSetFlag, cartesian, type Axis, type AxisValue } from "./axes.js";
export { setAtPath } from "./apply-path.js";
export { replicationSeed } from "./seeds.js";
export { studentTQuantile, studentTCdf } from "./t-quantile.js";
export { meanInterval, type MeanInterval } from "./confidence-interval.js";
export { planSweep, type SweepPlan, type SweepPlanInput, type PlannedPoint } from "./sweep-plan.js";
export { sweepResults, sweepCsv, type SweepResults, type SweepPointResult } from "./sweep-results.js";
export { sweepHighlights, meetsObjectives, type SweepHighlight, type SweepHighlights, type SweepObjectives } from "./sweep-highlights.js";
export { isWorldAxis } from "./axis-roles.js";
export {
  memoryCurve,
  recommendMemory,
  TUNE_STRATEGIES,
  DEFAULT_TUNE_SIZES_MB,
  COST_TIE_FRACTION,
  type TuneStrategy,
  type MemoryCurvePoint,
  type MemoryRecommendation,
} from "./memory-tuner.js";
export * from "./break-even.js";
export { tuneProvisioned, hourlyPlan, SCHEDULE_LEAD_MS, type EvaluateMany, type ProvisionedRecommendation, type ProvisionedOption, type ProvisionedObjectives, type ScheduleHour } from "./provisioned-tuner.js";
export { steadyWindow, hourVerdicts, hoursOfWindow, hourlyLoad, seriesOf, type HourlySeries } from "./clock-hours.js";
export { WORK_LIMITS, WORK_COSTS, workLimitsTable } from "./work-limits.js";
export { estimateSimulation, estimateSimulations, combineEstimates, arrivalsOf, planEstimate, sweepSize, breakEvenSimulations, aloneAtRate, compareEstimate, type WorkEstimate } from "./work-estimate.js";
export { checkWork, formatRefusal, type WorkRefusal, type WorkCheckOptions } from "./work-check.js";
export { compareOptions, recommendOption, meetsAll, type CompareOption, type CompareRecommendation } from "./compare-options.js";
