/**
 * `scenario/`: the scenario format (YAML or JSON) — schema with field paths, units, defaults with
 * their sources, and resolution into the simulator's SimConfig. Only `load.ts` and the trace-file modules do I/O.
 */
export { loadScenarioFile, readScenarioFile, resolveScenarioData } from "./load.js";
export { resolveScenario, applyOverrides, type ResolvedScenario, type Slo } from "./resolve.js";
export { formatIssue, formatPath, isUnknownField, printable, renderValue, type Issue, type Checked } from "./issues.js";
export { parseDurationMs, parseRatePerSec, formatDuration, formatRate } from "./units.js";
export { DEFAULTS, LIMITS, defaultsTable, limitsTable, type Default } from "./defaults.js";
export { managedDefaultsRows, MANAGED, CONCURRENCY_PER_VCPU, runtimeFamily } from "./managed-defaults.js";
export { buildCompareManaged, compareManagedIssues, defaultManagedMemoryMB } from "./compare-managed.js";
export { RUNTIMES, type Runtime } from "./runtimes.js";
export { scenarioSchema, type ScenarioInput, type ParsedScenario } from "./schema.js";
export { ALLOWED } from "./messages.js";
export { openTraceFile, traceFileScope, FileLineSource } from "./trace-file.js";
export { checkTraceFiles } from "./trace-check.js";
export { reportFolderName } from "./report-folder-name.js";
export { provisionedRoom } from "./provisioned-room.js";
export type { Slo as ScenarioSlo } from "./slo.js";
