import type { DistSpec } from "../core/dist/distribution.js";
import type { ArrivalSpec } from "../workload/arrival-spec.js";
import type { CapacityProviderConfig, ManagedFunctionConfig } from "./managed/managed-config.js";
import type { ProvisionedPlan } from "./provisioned/provisioned-concurrency.js";

/** CPU architecture of a function. */
export type Architecture = "x86_64" | "arm64";

/** How a function's code is deployed: a zip archive (with layers) or a container image. */
export type PackageType = "zip" | "image";

/**
 * How a function is invoked: synchronously (a throttle is a 429), through Lambda's async queue, by
 * SQS pollers in batches, or by a Kinesis / DynamoDB stream in batches per shard.
 */
export type InvocationType = "sync" | "async" | "sqs" | "stream";

/** SQS event source mapping (`lambda-limits.json` `sqsEventSource.*`). */
export interface SqsConfig {
  /** Messages per batch, 1..10,000 (more than 10 needs a batching window) (`sqsEventSource.batchSize`). */
  batchSize: number;
  /** Longest a poller gathers a batch after the first message it sees, ms, 0..300 s (`sqsEventSource.maxBatchingWindowSeconds`). */
  batchingWindowMs: number;
  /** Most concurrent batches, 2..1000 (`sqsEventSource.maximumConcurrencySetting`); null: 1,250 (`sqsEventSource.maxConcurrentInvokes`). */
  maximumConcurrency: number | null;
  /** How long a received message stays invisible before it can be received again, ms. */
  visibilityTimeoutMs: number;
  /** Receives after which a message goes to the DLQ (redrive policy); null: no DLQ, retried until the horizon. */
  maxReceiveCount: number | null;
  /** What one `duration` draw covers: one message (a batch runs the sum of its messages' draws) or a whole batch. */
  durationPer: DurationPer;
  /**
   * The mapping's FunctionResponseTypes includes ReportBatchItemFailures: a batch reports the messages
   * that failed and only those return to the queue (errors are then drawn per message).
   */
  reportBatchItemFailures: boolean;
}

/**
 * What one draw of a batch-invoked function's `duration` covers: `message` (the handler loops over the
 * records, so a batch runs the sum of its messages' draws) or `batch` (one draw whatever its size).
 */
export type DurationPer = "message" | "batch";

/** Kinesis / DynamoDB stream event source mapping (`lambda-limits.json` `streamEventSource.*`). */
export interface StreamConfig {
  /** Shards of the stream, ≥ 1. */
  shards: number;
  /** Concurrent batches per shard, 1..10 (`streamEventSource.concurrentBatchesPerShard`). */
  parallelizationFactor: number;
  /** Records per batch, 1..10,000 (`streamEventSource.batchSize`). */
  batchSize: number;
  /** Longest a lane gathers a batch after its first record, ms, 0..300 s (`streamEventSource.maxBatchingWindowSeconds`). */
  batchingWindowMs: number;
  /** Records older than this go to the on-failure destination, ms; -1: never (`streamEventSource.maximumRecordAgeSeconds`). */
  maximumRecordAgeMs: number;
  /** Retries of a failing batch before its records go to the on-failure destination; -1: until they expire (`streamEventSource.maximumRetryAttempts`). */
  maximumRetryAttempts: number;
  /** What one `duration` draw covers: one record (a batch runs the sum) or a whole batch. */
  durationPer: DurationPer;
}

/** Payload sizes of a function's async events and the request accounting they are billed by. */
export interface AsyncPayloadConfig {
  /** Size of each event, KB (drawn per event; cut at `maxKB`). */
  payloadKB: DistSpec;
  /** KB an event may carry as one request (256). */
  includedKB: number;
  /** KB per extra request beyond `includedKB` (64). */
  extraChunkKB: number;
  /** Largest async event, KB (1,024). */
  maxKB: number;
}

/** Asynchronous invocation settings (`lambda-limits.json` `async.*`). */
export interface AsyncConfig {
  /** Retries after a function error, 0..2 (`async.retryAttempts`). */
  maximumRetryAttempts: number;
  /** Oldest an event may get before it is dropped to the DLQ, ms, 60 s..6 h (`async.maxEventAgeSeconds`). */
  maximumEventAgeMs: number;
}

/** One Lambda function, fully resolved: every time in milliseconds, every default filled in. */
export interface FunctionConfig {
  /** Unique name within the scenario; also keys its random streams. */
  name: string;
  /** Runtime identifier as AWS spells it, e.g. "nodejs22.x". */
  runtime: string;
  architecture: Architecture;
  /** Configured memory, 128..10240 MB. */
  memoryMB: number;
  /** Invocation timeout in ms; a longer duration is cut here and counted `timedOut`. */
  timeoutMs: number;
  /** Reserved concurrency (floor and ceiling), or null when the function uses the unreserved pool. */
  reservedConcurrency: number | null;
  invocation: InvocationType;
  /** Probability that an invocation fails with a function error (a timeout fails too). */
  errorRate: number;
  /** Settings of the async path; used when `invocation` is "async". */
  async: AsyncConfig;
  /** SQS event source settings; set when `invocation` is "sqs". */
  sqs?: SqsConfig;
  /**
   * Payload of each async event and how AWS counts requests for it (aws-pricing.json
   * `lambda.requests.asyncEventRequestAccounting`); set when an async function has `payloadKB`.
   */
  asyncPayload?: AsyncPayloadConfig;
  /** Stream event source settings; set when `invocation` is "stream". */
  stream?: StreamConfig;
  /** How sync callers retry a throttled request (exponential backoff, full jitter); null: they don't. */
  clientRetries: { maxAttempts: number; baseMs: number; capMs: number } | null;
  /** Execution time of one request on a warm environment, ms (at `durationScaling.atMemoryMB` when set). */
  duration: DistSpec;
  /** How `duration` scales to `memoryMB` (Amdahl over the vCPU share); null when it was given at `memoryMB`. */
  durationScaling: { atMemoryMB: number; cpuBound: number; threads: number } | null;
  /** Init duration of a new execution environment, ms (resolved: `coldStart: auto` is already a distribution here). */
  coldStart: DistSpec;
  /** Where `coldStart` came from: the scenario's explicit distribution, or the auto model's summary. */
  coldStartSource: string;
  /** Where the auto model goes beyond its measurements, one line each (printed by `run`, listed in the findings); absent: none. */
  coldStartWarnings?: readonly string[];
  /** Deployment package kind (`coldStart: auto` adds a package-load term by its size). */
  packageType: PackageType;
  /** Zip: unzipped size including layers; image: content beyond a minimal image. MB, ≥ 0. */
  packageSizeMB: number;
  /** Lambda layers attached, 0..5 (their size counts in `packageSizeMB`). */
  layers: number;
  /** Attached to a VPC (adds the fitted VPC-attachment term to auto cold starts). */
  vpc: boolean;
  /** SnapStart on: auto cold starts are snapshot restores. */
  snapStart: boolean;
  /** /tmp size, 512..10240 MB (billed above 512 MB). */
  ephemeralStorageMB: number;
  /** How long an environment stays idle before it is reclaimed, ms (drawn once per environment). */
  idleLifetime: DistSpec;
  /** Longest life of an environment before it is recycled, ms (drawn once per environment); null for none. */
  maxLifetime: DistSpec | null;
  /** Provisioned concurrency over time: fixed (count 0 for none), a daily schedule, or target tracking. */
  provisioned: ProvisionedPlan;
  /** Set when the function runs on a capacity provider (Lambda Managed Instances): its environments' size and concurrency. */
  managed?: ManagedFunctionConfig;
  arrivals: ArrivalSpec;
}

/** Everything a simulation needs: a plain, serialisable value (it crosses worker threads). */
export interface SimConfig {
  name: string;
  seed: number;
  /** Simulated time, ms. */
  horizonMs: number;
  /** Leading time excluded from statistics, ms (less than the horizon). */
  warmupMs: number;
  /** Width of the chart buckets in `series`, ms; 0 picks one giving at most ~2,000 buckets. */
  bucketMs: number;
  /** Bucket boundaries on multiples of bucketMs since time 0 (clock hours for hourly buckets), not from the warm-up; default false. */
  bucketsOnClock?: boolean;
  /**
   * The account: its concurrency limit, and `newAccountQuota` true when that limit is the reduced
   * quota of a new account (`account.preset: new`, not overridden by `concurrencyLimit`).
   */
  account: { concurrencyLimit: number; newAccountQuota?: boolean };
  functions: FunctionConfig[];
  /** Capacity providers of Lambda Managed Instances (absent or empty: none). */
  capacityProviders?: CapacityProviderConfig[];
}
