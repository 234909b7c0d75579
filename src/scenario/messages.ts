import { DIST_NAMES } from "../core/dist/distribution.js";
import { LIMITS } from "./defaults.js";
import { FIELD_LEVEL_PREFIXES } from "./issues.js";
import { RUNTIMES } from "./runtimes.js";
import { SNAPSTART_RUNTIMES } from "../platform/cold-start/cold-start-runtimes.js";

/**
 * What each field accepts, as a phrase that follows "expected" in an issue. All user-facing texts of
 * `scenario/` live here (the Vega-Lite `log/message.ts` pattern), so that they stay consistent.
 */
export const ALLOWED = {
  root: "a mapping of scenario fields (name, horizon, warmup, seed, account, functions, slo, ...)",
  scenarioName: "a name of 1-64 letters, digits, '.', '_' or '-', not starting with '.' (it names the report folder)",
  description: "free text (a string)",
  region: "an AWS Region name like us-east-1 or eu-central-1",
  horizon: "a duration with a unit, > 0 and at most 400d, like 30m, 24h or 7d",
  warmup: "a duration with a unit, ≥ 0 and less than horizon, like 0s or 10m",
  seed: `an integer 0..${LIMITS.seedMax}`,
  account: "a mapping like { concurrencyLimit: 1000 } or { preset: new } (each optional)",
  accountPreset: "new (the reduced quota new accounts report: 10 concurrent executions unless concurrencyLimit says otherwise)",
  concurrencyLimit: "an integer ≥ 1 (concurrent executions in the account and Region)",
  functions: "a non-empty list of functions",
  function: "a mapping of function fields (name, runtime, duration, coldStart, arrivals, ...)",
  functionName: "a Lambda function name of 1-64 letters, digits, '_' or '-'",
  runtime: `a Lambda runtime identifier, one of: ${RUNTIMES.join(", ")}`,
  architecture: "one of: x86_64, arm64",
  packageType: "one of: zip, image",
  packageSizeMB: `a number of MB ≥ 0: at most ${LIMITS.zipUnzippedMB} for zip (unzipped, layers included), ${LIMITS.imageMB} for image`,
  layers: `an integer 0..${LIMITS.layersMax} (Lambda layers)`,
  boolean: "true or false",
  ephemeralStorageMB: `an integer ${LIMITS.ephemeralStorageMB.min}..${LIMITS.ephemeralStorageMB.max} (MB of /tmp)`,
  coldStart: "auto, a duration such as 250ms (constant), or a distribution such as { dist: lognormal, median: 250ms, p99: 900ms }",
  zipPackageSizeMB: `a number of MB 0..${LIMITS.zipUnzippedMB} for a zip package (unzipped, layers included); larger code needs packageType: image`,
  snapStartRuntime: (runtime: string) =>
    `false for runtime ${runtime}: SnapStart supports Java 11+, Python 3.12+ and .NET 8+ (${SNAPSTART_RUNTIMES.join(", ")})`,
  snapStartImage: "false with packageType: image (SnapStart supports zip packages only)",
  snapStartStorage: `${LIMITS.ephemeralStorageMB.min} with snapStart: true (SnapStart does not support ephemeral storage above ${LIMITS.ephemeralStorageMB.min} MB)`,
  snapStartProvisioned: "0 or nothing with snapStart: true (SnapStart does not support provisioned concurrency)",
  memoryMB: `an integer ${LIMITS.memoryMB.min}..${LIMITS.memoryMB.max} (MB)`,
  timeout:
    `a duration ${LIMITS.timeoutMs.min / 1000}s..${LIMITS.timeoutMs.max / 1000}s in whole seconds, like 3s, 30s or 15m ` +
    `(up to ${LIMITS.managedTimeoutMs.asyncOrEventSource / 1000}s for an async or event-source function on a capacity provider)`,
  reservedConcurrency: "an integer ≥ 0",
  invocation: "one of: sync, async, sqs, stream",
  distribution: "a duration such as 120ms (constant), or a distribution such as { dist: lognormal, median: 120ms, p99: 900ms }",
  distName: `one of: ${DIST_NAMES.join(", ")}`,
  timePositive: "a time > 0, like 120ms or 1.5s (a bare number means ms)",
  timeNonNegative: "a time ≥ 0, like 0ms, 120ms or 1.5s (a bare number means ms)",
  positiveNumber: "a number > 0",
  anyNumber: "a number",
  gammaCv: "a number 0.001..1000 (coefficient of variation: standard deviation / mean)",
  samples: "a non-empty list of times ≥ 0, like [80ms, 120ms, 1.5s] (bare numbers mean ms)",
  histogram: "a non-empty list of [value, weight] pairs, like [[100ms, 3], [250ms, 1]], with weights ≥ 0 summing to more than 0",
  empiricalFile: "a log file with Lambda REPORT lines (relative paths resolve against the scenario file's folder): duration reads Duration, coldStart reads Init Duration",
  empiricalFileField: "a log file only under duration (its Duration) or coldStart (its Init Duration)",
  histogramPair: "a pair [value, weight]: a time ≥ 0 (a bare number means ms) and a number ≥ 0",
  weight: "a number ≥ 0",
  arrivals: "an arrival process such as { kind: poisson, rate: 50/s }",
  arrivalKind: "one of: poisson, constant, diurnal, profile, mmpp, trace",
  rateOrZero: "a rate ≥ 0 like 0/s, 50/s or 3000/min (units: /s, /min, /h, /d)",
  peakToTrough: "a number ≥ 1: the peak rate divided by the trough rate",
  arrivalTimeOfDay: 'a time of day "HH:MM" (00:00..23:59) or a duration below 24h like 9h or 13h30m',
  weekly: "a list of 7 numbers ≥ 0 with a positive sum, the largest at most 1000 times the smallest positive one (0 is a day without traffic): relative traffic of days 0..6 of the run",
  profilePoints: "a non-empty list of [time of day, rate] pairs in increasing time, like [[0h, 10/s], [9h, 200/s]], with some rate > 0",
  profilePoint: "a pair [time of day, rate], like [9h, 200/s]",
  profileShape: "one of: linear, step",
  mmppStates: "a list of at least 2 states like { rate: 200/s, meanHolding: 2m }, some rate > 0 (on/off: one state at 0/s)",
  mmppState: "a state like { rate: 200/s, meanHolding: 2m } (meanHolding: mean time in the state per visit)",
  meanHolding: "a duration with a unit, at least 1s, like 30s or 5m",
  mmppTransitions: "an n x n matrix of probabilities ≥ 0 (n = number of states), 0 on the diagonal, each row with a positive sum",
  bursts: "a list of bursts like [{ at: 2h, rate: 2000/s, for: 5m }] (every: 1d repeats one)",
  burst: "a burst like { at: 2h, rate: 2000/s, for: 5m, every: 1d } (every optional)",
  burstAt: "a duration with a unit, ≥ 0, like 0s or 2h (from the start of the run)",
  burstFor: "a duration with a unit, > 0, like 30s or 5m",
  burstEvery: "a duration with a unit, at least 1s and ≥ the burst's for, like 1d",
  traceFile: "a trace file path (relative paths resolve against the scenario file's folder)",
  traceFormat: "one of: timestamps, azure2019, azure2021, cloudwatch",
  traceSelect: "a mapping like { function: <hash or prefix>, app: <hash or prefix>, owner: <hash or prefix>, trigger: http }",
  traceKey: "a non-empty string (a hash, or its first characters)",
  traceSelectFormat: "no select for format timestamps (its rows have no function columns)",
  traceSelectAzure2021: "only function and app for format azure2021 (its rows have no owner or trigger)",
  withinMinute: "one of: uniform (exactly the period's count), poisson (a Poisson process at count/period)",
  withinMinuteFormat: "no withinMinute except for formats azure2019 and cloudwatch (counts per period)",
  traceMetric: "the Id of a get-metric-data result (MetricDataResults[].Id) holding the Sum of Invocations, or a list of Ids whose counts add up to the requests, like [inv, thr] (Invocations and Throttles)",
  traceSelectCloudWatch: "no select for format cloudwatch (choose the result with metric: <Id>)",
  traceMetricFormat: "no metric except for format cloudwatch",
  traceGaps: "one of: error (a missing period is an error), zero (a missing period had no invocations)",
  traceGapsFormat: "no gaps except for format cloudwatch",
  speedup: "a number > 0 (2 replays the trace twice as fast)",
  traceScale: "a number > 0 (mean invocations per trace invocation; 0.5 keeps half)",
  traceOffset: "a duration with a unit, like 0s, 2h or -6h (negative skips the trace's beginning)",
  traceDurations: "one of: trace (the trace's own durations), function (the function's duration distribution)",
  rate: "a positive rate like 50/s or 3000/min (units: /s, /min, /h, /d)",
  slo: "a mapping like { p99LatencyMs: 500, maxColdStartRate: 0.01, maxThrottleRate: 0.001 }",
  p99LatencyMs: "a number of milliseconds > 0",
  fraction: "a number 0..1 (a fraction of invocations)",
  errorRate: "a number 0..1: the probability that an invocation fails with a function error",
  maximumRetryAttempts: `an integer ${LIMITS.asyncRetries.min}..${LIMITS.asyncRetries.max}: retries of an async event after a function error`,
  maximumEventAge: "a duration 60s..6h in whole seconds, like 60s, 15m or 6h: the oldest an async event may get",
  clientRetries: "{ maxAttempts: 3, base: 1s, cap: 20s } (client retries of throttled sync requests)",
  clientMaxAttempts: "an integer 1..20: attempts in all, the first included",
  clientBase: "a duration with a unit, > 0 and at most 1h, like 100ms or 1s",
  clientCap: "a duration with a unit, > 0 and at most 1h, like 20s",
  syncOnly: "only with invocation: sync (Lambda itself retries async events)",
  pricing: "{ freeTier: false, frontDoor: none, monthHours: 730, savingsPlan: 0, date: 2026-01-01, catalog: my-prices.yaml }",
  pricingCatalog: "a .yaml, .yml or .json price file, relative to the scenario's folder (see README, pricing.catalog)",
  pricingCatalogUnread: "a price file, read when the scenario is loaded from a file (loadScenarioFile, resolveScenarioData)",
  frontDoor: "one of: none, rest (API Gateway REST), http (API Gateway HTTP), url (Function URL)",
  monthHours: "hours in a month, 672..744 (default 730)",
  savingsPlan: "a Compute Savings Plan discount, a fraction like 0.17",
  pricingDate: "a date YYYY-MM-DD (prices and billing rules in force that day)",
  regionWithCatalog: "a region with a bundled price catalog",
  regionCatalogHint: "or, for any other region, your own prices with pricing.catalog: FILE (see README, pricing.catalog)",
  compare: "{ ec2: { instanceType: m7g.large, ... }, fargate: { vcpu: 1, memoryGB: 2, ... }, loadBalancer: alb, natGateways: 0, requestBytes: 0, responseBytes: 0 } (at least one of ec2, fargate, managedInstances)",
  compareEc2: "{ instanceType: m7g.large, slotsPerInstance: 2, targetUtilization: 0.7, minInstances: 1, maxInstances: 100, launchDelay: 3m, maxQueue: 1000, pricing: onDemand }",
  compareFargate: "{ vcpu: 1, memoryGB: 2, slotsPerTask: 1, targetUtilization: 0.7, minTasks: 1, maxTasks: 100, launchDelay: 1m, maxQueue: 1000, pricing: onDemand }",
  loadBalancer: "one of: alb (an Application Load Balancer in front of the fleets), none",
  natGateways: "an integer 0..16: NAT gateways billed on both sides (a VPC-attached Lambda and a fleet in private subnets)",
  messageBytes: "an integer number of bytes ≥ 0 (an average request or response, headers included)",
  compareFunction: "the name of one of the scenario's functions (the one the fleets are compared with)",
  instanceType: "an EC2 instance type name like m7g.large",
  instanceTypeKnown: (value: string, known: readonly string[]) => instanceTypeText(value, known),
  fleetSlots: "an integer ≥ 1: requests one instance or task serves at the same time",
  fleetTarget: "a utilization > 0 and ≤ 1, like 0.7 (busy slots / slots)",
  fleetMin: "an integer ≥ 1 (the autoscaler needs a running instance to read utilization)",
  fleetMax: "an integer ≥ 1, at least the minimum",
  launchDelay: "a duration ≥ 0 with a unit, at most 1h, like 90s or 3m",
  maxQueue: "an integer ≥ 0: most requests waiting (more are rejected); leave out for an unbounded queue",
  fleetPricing: "onDemand, savingsPlan or spot (the catalog's largest discount), or { savingsPlan: 0.3 } / { spot: 0.6 } with a discount fraction ≥ 0",
  fleetDiscountMax: (plan: string, max: number, ref: string) => `a ${plan} discount 0..${max} (the largest in the price catalog, aws-pricing.json ${ref})`,
  fargateMemoryGB: "a memory size in GB, 0.5..120, that Fargate offers with the task's vCPU",
  fargateVcpu: "one of: 0.25, 0.5, 1, 2, 4, 8, 16 (Fargate task vCPU)",
  fargateMemory: (vcpu: number, range: string) => `a memory size in GB that Fargate offers with ${vcpu} vCPU: ${range}`,
  sweep: '{ set: ["functions.api.memoryMB=128,256,512"], replications: 3 }',
  sweepAxes: 'a non-empty list of axes like "functions.api.memoryMB=128,256,512" or "arrivals.rate=10/s..1000/s:log:8"',
  sweepAxis: 'an axis like "path=v1,v2" or "path=FROM..TO:log:N" (a string)',
  replications: "an integer 1..10000",
  asyncOnly: "only with invocation: async (sync callers retry themselves)",
  sqs: "{ batchSize: 10, batchingWindow: 0s, maximumConcurrency: 100, visibilityTimeout: 30s, maxReceiveCount: 5, reportBatchItemFailures: false } (each optional)",
  reportBatchItemFailures: "true or false: the mapping reports batch item failures (ReportBatchItemFailures), so only failed messages return to the queue",
  payloadKB: "a number of KB 0..1024 (lambda-limits.json payload.asyncKB), or a distribution of KB such as { dist: uniform, min: 100, max: 600 } (plain numbers, no units)",
  payloadKBAsyncOnly: "only with invocation: async (async events above 256 KB are billed extra requests)",
  durationPer: "one of: message, batch (what one duration draw covers for an sqs or stream function)",
  durationPerBatchOnly: "only for invocation: sqs or stream (a batch-invoked function)",
  sqsOnly: "only with invocation: sqs",
  sqsBatchSize: `an integer 1..${LIMITS.sqsBatchSize.max}: messages per batch (more than ${LIMITS.sqsBatchSize.maxWithoutWindow} needs a batchingWindow)`,
  sqsBatchSizeWithoutWindow: `at most ${LIMITS.sqsBatchSize.maxWithoutWindow} without batchingWindow (a larger batch needs a batching window > 0s)`,
  batchingWindow: `a duration 0s..${LIMITS.batchingWindowMaxMs / 1000}s in whole seconds, like 0s, 5s or 1m`,
  sqsMaximumConcurrency: `an integer ${LIMITS.sqsMaximumConcurrency.min}..${LIMITS.sqsMaximumConcurrency.max}: most concurrent batches of the queue's pollers`,
  visibilityTimeout: `a duration 0s..12h in whole seconds, like 30s or 5m, at least the function's timeout`,
  visibilityBelowTimeout: (timeout: string) =>
    `a duration of at least the function's timeout (${timeout}): Lambda refuses an SQS trigger whose queue's visibility timeout is shorter`,
  sqsMaxReceiveCount: `an integer ${LIMITS.sqsMaxReceiveCount.min}..${LIMITS.sqsMaxReceiveCount.max}: receives before a message goes to the dead-letter queue`,
  stream: "{ shards: 4, parallelizationFactor: 1, batchSize: 100, batchingWindow: 0s, maximumRecordAge: -1, maximumRetryAttempts: -1 } (each optional)",
  streamOnly: "only with invocation: stream",
  streamShards: `an integer 1..${LIMITS.streamShardsMax}: shards of the stream`,
  parallelizationFactor: `an integer 1..${LIMITS.parallelizationFactorMax}: concurrent batches per shard`,
  streamBatchSize: `an integer 1..${LIMITS.streamBatchSizeMax}: records per batch`,
  maximumRecordAge: "-1 (records never expire) or a duration 60s..7d in whole seconds, like 1h",
  streamRetries: `-1 (retry until the records expire) or an integer ${LIMITS.streamRetries.min}..${LIMITS.streamRetries.max}`,
  cpuBound: "a number 0..1: the fraction of the duration that is CPU-bound at atMemoryMB",
  threads: `an integer 1..${LIMITS.threadsMax}: threads that use the CPU in parallel (default 1)`,
  atMemoryMBNeeded: "atMemoryMB (the memory size the duration was measured at), which cpuBound and threads qualify",
  scalingOnlyOnDuration: "no such field here: atMemoryMB, cpuBound, threads and per belong to `duration` only",
  maxLifetime: "a distribution of environment lifetimes, like { dist: uniform, min: 4h, max: 8h }, or none",
  provisionedConcurrency:
    'an integer ≥ 0, { schedule: [{ at: "08:00", value: 50 }, ...] } or { targetTracking: { target: 0.7, min: 1, max: 100 } }',
  provisionedCount: "an integer ≥ 0 (provisioned environments)",
  timeOfDay: 'a time of day "HH:MM" (00:00..23:59)',
  scheduleStep: '{ at: "HH:MM", value: N }',
  schedule: 'a non-empty list of { at: "HH:MM", value: N }',
  targetTracking: "{ target: 0..1, min: N, max: N, scaleOutAfter: 3m, scaleInAfter: 15m }",
  utilizationTarget: "a utilization 0.01..1 (default 0.7)",
  trackingMin: "an integer ≥ 1 (target tracking needs at least one environment to measure)",
  trackingMax: "an integer ≥ 1",
  alarmMinutes: "whole minutes, 1m..24h",
  file: "an existing readable .yaml, .yml or .json file",
  fileExtension: "a scenario file ending in .yaml, .yml or .json",
  yaml: "valid YAML",
  json: "valid JSON",
  nonEmptyFile: "a scenario with at least a functions list",
} as const;

/** Added to a duration's `allowed` when the input was a bare number: top-level times need a unit. */
export const BARE_NUMBER_HINT = "a bare number has no unit";

/** `allowed` for a field the current version does not model but a planned issue will. */
export function plannedText(issueNumber: number): string {
  return `not modelled yet in this version (planned: issue #${issueNumber})`;
}

/** `allowed` for an unknown field: the fields there are, and the closest one if it looks like a typo. */
export function unknownFieldText(key: string, fields: readonly string[]): string {
  const guess = closestField(key, fields);
  const hint = guess === undefined ? "" : ` (did you mean ${guess}?)`;
  return `${FIELD_LEVEL_PREFIXES[0]}${hint}; allowed fields: ${fields.join(", ")}`;
}

/**
 * `allowed` for an EC2 instance type the catalog lacks: a guess (the sizes of its family, or the names a
 * typo away), then the count and the families, not every name (the bundled catalog has over 100).
 */
function instanceTypeText(value: string, known: readonly string[]): string {
  const family = (t: string) => t.split(".")[0]!;
  const families = [...new Set(known.map(family))].sort();
  const sameFamily = known.filter((t) => family(t) === family(value));
  const near = known
    .map((t) => ({ t, d: editDistance(value, t) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.t);
  const guess = sameFamily.length > 0 ? ` (did you mean one of ${sameFamily.join(", ")}?)` : near.length > 0 ? ` (did you mean ${near.join(" or ")}?)` : "";
  return (
    `an EC2 instance type the price catalog has${guess}: ${known.length} types in ${families.length} families ` +
    `(${families.join(", ")}); a pricing.catalog file can add others`
  );
}

/** The field in `fields` nearest to `key` by edit distance, when near enough to be a typo. */
function closestField(key: string, fields: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const field of fields) {
    // The distance is at least the difference in length: a long key (a 1 MB line, say) is never near.
    if (Math.abs(field.length - key.length) > 2) continue;
    const d = field.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, field);
    if (d < bestDistance) {
      best = field;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.min(2, Math.floor(key.length / 3)) ? best : undefined;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so "memroyMB" is 1
 * from "memoryMB"). O(|a|·|b|) time; only used on field names.
 */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}
