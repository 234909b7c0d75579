export type { Architecture, FunctionConfig, InvocationType, SimConfig, SqsConfig, StreamConfig } from "./config.js";
export type { BatchResult, EngineResult, FunctionResult, FunctionSeriesResult, LatencyResult, QueueResult, Result, SeriesResult } from "./result.js";
export { simulate, InvariantError, type SimulateOptions } from "./simulate.js";
export { LambdaModel } from "./lambda-model.js";
export { ConcurrencyGovernor } from "./concurrency/concurrency-governor.js";
export { EnvironmentPool, EnvState } from "./environments/environment-pool.js";
export { EventKind } from "./event-kinds.js";
export { autoColdStart, type ColdStartChoice, type ColdStartComponent, type ColdStartInput } from "./cold-start/cold-start-model.js";
export { MEASURED_RUNTIME, SNAPSTART_RUNTIMES } from "./cold-start/cold-start-runtimes.js";
