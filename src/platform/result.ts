import type { QueueSeriesResult } from "./sources/queue-series.js";
import type { LatencySummary } from "../core/stats/latency-histogram.js";

/**
 * Where the prices of a result come from: the bundled catalog (region, compiled dates), and the
 * user's price file laid over it with the catalog paths it set (pricing/catalog/overlay.ts).
 */
export interface PriceSource {
  /** Region priced (the scenario's). */
  region: string;
  /** The bundled catalog used for what no file set. */
  bundled: { region: string; compiled: string };
  /** The user's price file (`pricing.catalog`, `--catalog`), or null. */
  file: string | null;
  /** The file's own `source:` text, or null. */
  fileSource: string | null;
  /** Catalog paths the file set, e.g. `lambda.requestsPricePerMillion`. */
  overrides: string[];
  /** One line for reports. */
  text: string;
}

/** Dollars by line item (DESIGN.md "Result format" `cost`). */
export interface CostBreakdown {
  requests: number;
  /** Lambda Managed Instances only: the function's share of its capacity provider's EC2 instance-hours (plan discount applied). */
  instances?: number;
  /** Lambda Managed Instances only: its share of the management fee (15 % of the On-Demand price per instance-hour). */
  managementFee?: number;
  /** All duration charges, the duration rate on provisioned concurrency included. */
  compute: number;
  init: number;
  /** The provisioned-concurrency charge itself. */
  provisioned: number;
  ephemeralStorage: number;
  snapStart: number;
  frontDoor: number;
  total: number;
}

/** Latency percentiles of one group of requests, ms (null where the group is empty, never NaN). */
export interface LatencyResult extends LatencySummary {
  /** Requests that started an execution environment (init included). */
  cold: LatencySummary;
  /** Requests served by an existing environment. */
  warm: LatencySummary;
}

/**
 * What happened to one function (or, summed, to the account) in the measured window: requests
 * that arrived after the warm-up. Every arrival ends as completed, throttled or still in flight.
 */
export interface FunctionResult {
  /** Requests that arrived in the measured window. */
  invocations: number;
  /** Requests that finished (successfully or cut by the timeout). */
  completed: number;
  /** Requests rejected by the concurrency governor (HTTP 429 for sync invokes). */
  throttled: number;
  /** Of `throttled`, those rejected because the scaling-rate limit bound (no environment could be added). */
  throttledByScalingRate: number;
  /** Of `throttled`, those over the sync request-rate limit of 10 × the function's concurrency limit per second. */
  throttledByRequestRate: number;
  /** Retry attempts: async events retried after a function error or a throttle, and sync callers' client retries after a throttle. */
  retried: number;
  /** Async events sent to the dead-letter queue / on-failure destination (retries exhausted, too old, or reserved concurrency 0). */
  droppedToDlq: number;
  /** Invocations (attempts) that ended in a function error, timeouts included. */
  errors: number;
  /** Async attempts throttled; the event stays queued and is retried (not an end state, unlike `throttled`). */
  throttledAttempts: number;
  /** Completed requests cut by the function timeout (counted in `completed` too). */
  timedOut: number;
  /** Requests still initialising or running at the end of the horizon. */
  inFlight: number;
  /** Admitted requests that had to create an execution environment. */
  coldStarts: number;
  /** coldStarts / admitted invocations (requests; for sqs and stream functions, batches); null when none. */
  coldStartRate: number | null;
  /** throttled / invocations; null when nothing arrived. */
  throttleRate: number | null;
  latencyMs: LatencyResult;
  /** Requests in flight (time-weighted mean, and the peak). */
  concurrency: { peak: number; mean: number };
  /** Execution environments: peak alive, time-weighted mean alive and idle, created and reclaimed. */
  environments: { peak: number; meanAlive: number; meanIdle: number; created: number; reclaimed: number };
  /** Provisioned environments allocated, time-weighted mean over the measured window (the fixed level, if fixed). */
  provisionedConcurrency: number;
  /** Busy time of provisioned environments over their allocated time; null without provisioned concurrency. */
  provisionedUtilization: number | null;
  /** Admitted requests served by on-demand environments although provisioned concurrency is configured. */
  spillover: number;
  /** Provisioned environments recycled at their maximum lifetime (each replaced by one initialising off the request path). */
  provisionedRecycled: number;
  /** Cold starts whose init outran the 10 s on-demand INIT limit and was retried inside the invocation. */
  initTimeouts: number;
  /**
   * Billing usage of the measured window, ms: execution time rounded up to 1 ms per request, INIT
   * time of cold starts, and provisioned environments × time allocated.
   */
  usage: {
    /** Invocations that ran (every attempt, retries included; throttled ones are not billed). */
    requests: number;
    billedDurationMs: number;
    /** Of those, the invocations on provisioned environments and their billed duration. */
    provisionedRequests: number;
    provisionedBilledDurationMs: number;
    initDurationMs: number;
    /** INIT durations each rounded up to 1 ms, as billed. */
    initBilledMs: number;
    /** Extra requests billed for async events above the included payload (one per extra chunk, aws-pricing.json lambda.requests.asyncEventRequestAccounting). */
    payloadExtraRequests: number;
    provisionedEnvironmentMs: number;
    /** Provisioned levels held in the window, in order: what provisioned concurrency is billed on. */
    provisionedAllocations: Array<{ concurrency: number; seconds: number }>;
  };
  /**
   * Cost in dollars for the window and projected to a month; absent when not priced. The total's
   * carries `prices`: where every price came from (bundled catalog and date, or the user's file).
   */
  cost?: { window: CostBreakdown; monthly: CostBreakdown; prices?: PriceSource };
  /** Queue of an `sqs` or `stream` function (absent for other invocation types). */
  queue?: QueueResult;
  /** Batches of an `sqs` or `stream` function (absent for other invocation types). */
  batches?: BatchResult;
  /**
   * This function's chart series, on the buckets of `Result.series` (same `t` and `bucketSeconds`);
   * present only when the scenario has more than one function, and never on `total`.
   */
  series?: FunctionSeriesResult;
}

/** One function's chart series; summed over the functions, arrivals and throttles give the account's. */
export interface FunctionSeriesResult {
  arrivals: number[];
  throttles: number[];
  /** Highest number of this function's requests in flight in each bucket. */
  concurrencyMax: number[];
  /** This function's cold starts in each bucket; summed over the functions, the account's. */
  coldStarts: number[];
  /** p99 latency of this function's requests completed in each bucket, ms; null for a bucket with none. */
  p99: (number | null)[];
  /** This function's provisioned-concurrency spillover in each bucket (sums to its `spillover`). */
  spillover: number[];
}

/**
 * The message queue of an event source mapping over the measured window. For `sqs` and `stream`
 * functions `invocations` counts messages (records), each ending `completed` (in a successful
 * batch), `droppedToDlq`, or `inFlight` (queued, in a batch, or invisible); latencies are per
 * message, from its arrival to the end of its successful batch.
 */
export interface QueueResult {
  /** Most messages waiting to be taken into a batch (SQS: visible; stream: behind each lane's batch). */
  peakDepth: number;
  /** Time-weighted mean of that depth. */
  meanDepth: number;
  /** Oldest message when a batch was taken, ms (SQS ApproximateAgeOfOldestMessage, stream iterator age). */
  maxAgeMs: number;
  /** The queue over time, on the buckets of `Result.series.t` (the queue chart). */
  series: QueueSeriesResult;
}

/** The batches of an event source mapping over the measured window (batches started after the warm-up). */
export interface BatchResult {
  /** Batches admitted: invocations of the function. */
  invoked: number;
  /** Messages per admitted batch, mean; null when none. */
  meanSize: number | null;
  /** Admitted batches that failed (function error or timeout); their messages are retried. */
  failed: number;
  /** Batch invocations throttled (the batch returns after the visibility timeout, or the lane retries). */
  throttled: number;
  /** Messages handed to the function, every delivery counted (SQS receives; stream attempts). */
  receives: number;
  /** Messages of batches that reported them as failed (ReportBatchItemFailures): only these returned to the queue. */
  itemFailures: number;
  /** SQS: highest poller concurrency limit reached; null for streams. */
  peakPollers: number | null;
}

/** Account-wide chart series in fixed-width buckets over the measured window. */
export interface SeriesResult {
  bucketSeconds: number;
  /** Bucket start times, seconds since the start of the simulation. */
  t: number[];
  arrivals: number[];
  throttles: number[];
  coldStarts: number[];
  /**
   * Requests started on on-demand environments while their function had provisioned concurrency,
   * in each bucket (CloudWatch ProvisionedConcurrencySpilloverInvocations); sums to `total.spillover`.
   */
  spillover: number[];
  /** Highest number of requests in flight in each bucket. */
  concurrencyMax: number[];
  /** Highest number of execution environments alive in each bucket. */
  environmentsMax: number[];
  /** Highest number of idle execution environments in each bucket. */
  idleMax: number[];
  /** Highest number of provisioned environments allocated in each bucket. */
  provisionedMax: number[];
  /** p50 latency of the requests that finished in each bucket, ms (null for an empty bucket). */
  p50: Array<number | null>;
  /** p99 latency of the requests that finished in each bucket, ms (null for an empty bucket). */
  p99: Array<number | null>;
}

/** Account-wide latency distribution in coarse log bins (8 per doubling), for charts. */
export interface LatencyDistributionResult {
  /** Lower edge of each bin, ms. */
  lowerMs: number[];
  /** Requests per bin that had a cold start. */
  cold: number[];
  /** Requests per bin served warm. */
  warm: number[];
}

/** Engine figures of one run. */
export interface EngineResult {
  events: number;
  wallSeconds: number;
  eventsPerSecond: number;
  seed: number;
  version: string;
}

/** The outcome of one simulation: the `result.json` contract of DESIGN.md. */
/** One capacity provider of Lambda Managed Instances over the measured window (result.json `capacityProviders[name]`). */
export interface CapacityProviderResult {
  /** The first of the instance types allowed (with one type, the type launched; with several, the first launched and the most, or tied). */
  instanceType: string;
  /**
   * With several instance types allowed: each type's instances billed (peak, time-weighted mean) and
   * instance-hours, by type name; `pricing/` adds its `cost` lines. Absent with one type.
   */
  byInstanceType?: Record<string, InstanceTypeResult>;
  /** Instances billed (launching, running or draining): peak and time-weighted mean. */
  instances: { peak: number; mean: number };
  /** Instance-hours billed in the measured window. */
  instanceHours: number;
  /** Busy vCPUs over the running instances' vCPUs: time-weighted mean, and the peak of the scaling readings. */
  vcpuUtilization: { mean: number; peak: number };
  /** Execution environments alive: peak and time-weighted mean. */
  environments: { peak: number; mean: number };
  /** Instances launched and drained by scaling decisions in the measured window. */
  launched: number;
  drained: number;
  /** How its instances are priced: On-Demand, or a Savings Plan `discount` off the EC2 part. */
  pricing: { plan: "onDemand" | "savingsPlan"; discount: number };
  /** Added by `pricing/` (withCost): the provider's bill over the measured window and projected to a month. */
  cost?: { window: CapacityProviderCost; monthly: CapacityProviderCost };
  /** The provider over time, on the buckets of `Result.series` (same `t` and `bucketSeconds`): the capacity-provider chart. */
  series?: CapacityProviderSeriesResult;
}

/**
 * One capacity provider's chart series, one value per bucket of `Result.series.t`. Levels are
 * time-weighted means over each bucket (weighted by the bucket's width, they average to the
 * provider's `mean`s) or the bucket's maximum (`...Max`, whose largest is the `peak`).
 */
export interface CapacityProviderSeriesResult {
  /** Instances billed (launching, running or draining), time-weighted mean per bucket. */
  instances: number[];
  /** Highest number of instances billed in each bucket. */
  instancesMax: number[];
  /** Of `instances`, those launching: billed from the scaling decision but not serving until the launch delay has passed (time-weighted mean). */
  launching: number[];
  /** Execution environments alive, time-weighted mean per bucket. */
  environments: number[];
  /** Highest number of environments alive in each bucket. */
  environmentsMax: number[];
  /** Busy vCPU-time over the vCPU-time of the instances serving (running or draining) in each bucket; null where none served. */
  cpuUtilization: Array<number | null>;
  /**
   * The scaling signal: the highest reading (the larger of CPU and concurrency-slot utilisation over one
   * scaling period) of the periods that start in each bucket; null for a bucket where none starts.
   */
  scalingReading: Array<number | null>;
  /** The target the readings are tracked to (`targetCpuUtilization`, or the automatic mode's), 0..1. */
  target: number;
  /**
   * Throttles of the provider's functions per bucket: the same events as `Result.series.throttles`
   * (requests throttled and throttled attempts that are retried), summing to their `throttled` + `throttledAttempts`.
   */
  throttles: number[];
}

/** One instance type of a capacity provider that allows several. */
export interface InstanceTypeResult {
  instances: { peak: number; mean: number };
  instanceHours: number;
  /** Added by `pricing/`: this type's EC2 and management-fee lines over the window and projected to a month. */
  cost?: { window: { instances: number; managementFee: number }; monthly: { instances: number; managementFee: number } };
}

/** The bill of one capacity provider, USD over the measured window. */
export interface CapacityProviderCost {
  /** EC2 instance-hours at the On-Demand price less the plan's discount. */
  instances: number;
  /** The management fee: 15 % of the On-Demand price per instance-hour, whatever the plan. */
  managementFee: number;
  /** Its functions' requests at the LMI request price (aws-pricing.json lambda.managedInstances.requestsPerMillion). */
  requests: number;
  total: number;
  /** Its functions' requests. */
  requestCount: number;
}

export interface Result {
  name: string;
  seed: number;
  horizonSeconds: number;
  warmupSeconds: number;
  version: string;
  total: FunctionResult;
  functions: Record<string, FunctionResult>;
  series: SeriesResult;
  latencyDistribution: LatencyDistributionResult;
  engine: EngineResult;
  /** Lambda Managed Instances, by capacity provider name; present only when the scenario has capacity providers. */
  capacityProviders?: Record<string, CapacityProviderResult>;
}
