import type { Architecture, DurationPer, InvocationType, PackageType } from "../platform/config.js";
import type { DistSpec } from "../core/dist/distribution.js";
import { managedDefaultsRows } from "./managed-defaults.js";

/**
 * One default: the value the simulator uses, how a scenario would write it, and where it comes from.
 * `source` names a file and key in the project's shared reference (`lambda-limits.json ...`) or says
 * that it is lambdasim's own choice.
 */
export interface Default<T> {
  readonly value: T;
  /** As written in a scenario file, e.g. "3s". */
  readonly shown: string;
  readonly source: string;
}

/**
 * Every value `resolveScenario` fills in when a scenario leaves a field out (the one home for defaults).
 * The numbers are copied from the shared reference, not read from it: lambdasim must not depend on
 * files outside the package at run time. Each `source` (and comment) gives the reference key.
 */
export const DEFAULTS = {
  /** Simulated time. */
  horizonMs: { value: 3_600_000, shown: "1h", source: "lambdasim choice" },
  /** Nothing excluded from the statistics. */
  warmupMs: { value: 0, shown: "0s", source: "lambdasim choice" },
  seed: { value: 1, shown: "1", source: "lambdasim choice" },
  /** Per-Region account concurrency: lambda-limits.json concurrency.accountDefault (1000). */
  concurrencyLimit: { value: 1000, shown: "1000", source: "lambda-limits.json concurrency.accountDefault" },
  /**
   * Concurrency of a new account (`account.preset: new`): 10, as users report it; AWS publishes no number
   * (lambda-limits.json concurrency.newAccountReducedExamples, secondary source; accountDefault's note:
   * "new accounts start lower and are raised automatically").
   */
  newAccountConcurrencyLimit: {
    value: 10,
    shown: "10",
    source:
      "lambda-limits.json concurrency.newAccountReducedExamples (user-reported, aws-lambda-power-tuning issue #217; AWS publishes no number)",
  },
  /** AWS creates functions on x86_64 unless told otherwise (CreateFunction `Architectures`, source L17). */
  architecture: {
    value: "x86_64" as Architecture,
    shown: "x86_64",
    source: "AWS default (CreateFunction API Architectures, lambda-limits.json source L17)",
  },
  /** lambda-limits.json function.memoryMB.default (128). */
  memoryMB: { value: 128, shown: "128", source: "lambda-limits.json function.memoryMB.default" },
  /** lambda-limits.json function.timeoutSeconds.default (3 s). */
  timeoutMs: { value: 3000, shown: "3s", source: "lambda-limits.json function.timeoutSeconds.default" },
  /** Request-response unless the scenario names another invocation type. */
  invocation: { value: "sync" as InvocationType, shown: "sync", source: "lambdasim choice (request-response, like API Gateway)" },
  /** Observed idle expiry 2020-2021, 5 to 7 minutes: lambda-limits.json coldStart.idleExpiryMinutes.observed2020_2021. */
  idleLifetime: {
    value: { dist: "uniform", min: 300_000, max: 420_000 } as DistSpec,
    shown: "{ dist: uniform, min: 5m, max: 7m }",
    source: "lambda-limits.json coldStart.idleExpiryMinutes.observed2020_2021",
  },
  /** Environments are recycled only when idle too long: AWS publishes no maximum lifetime (lambda-limits.json coldStart.medianInstanceLifetimeHours2018 is historical). */
  maxLifetime: { value: null, shown: "none", source: "lambdasim choice (no published value; lambda-limits.json coldStart.medianInstanceLifetimeHours2018 is 6.2 h, 2018)" },
  /** lambda-limits.json async.retryAttempts.default (2). */
  maximumRetryAttempts: { value: 2, shown: "2", source: "lambda-limits.json async.retryAttempts.default" },
  /** lambda-limits.json async.maxEventAgeSeconds.default (21600 s = 6 h). */
  maximumEventAgeMs: { value: 21_600_000, shown: "6h", source: "lambda-limits.json async.maxEventAgeSeconds.default" },
  /**
   * Client retries when `clientRetries` is given: AWS SDK standard retry mode, 3 attempts in all,
   * delay uniform in [0, min(20 s, 1 s · 2^i)] (AWS SDKs and Tools Reference Guide, "Retry behavior").
   */
  clientRetries: { value: { maxAttempts: 3, baseMs: 1000, capMs: 20_000 }, shown: "{ maxAttempts: 3, base: 1s, cap: 20s }", source: "AWS SDKs and Tools Reference Guide, retry behavior (standard mode)" },
  /** Region of the price catalog (the only one so far). */
  region: { value: "us-east-1", shown: "us-east-1", source: "aws-pricing.json region" },
  /** aws-pricing.json conventions.monthHours: a month is 730 hours. */
  monthHours: { value: 730, shown: "730", source: "aws-pricing.json conventions.monthHours" },
  /** Prices as in force from this date: INIT billing for managed zip runtimes started 2025-08-01 (aws-pricing.json lambda.initPhaseBilling). */
  pricingDate: { value: "2025-08-01", shown: "2025-08-01", source: "aws-pricing.json lambda.initPhaseBilling (current rules)" },
  /** No function errors unless the scenario says so. */
  errorRate: { value: 0, shown: "0", source: "lambdasim choice" },
  /** AWS creates zip functions unless given an image (CreateFunction `PackageType`, lambda-limits.json source L17). */
  packageType: { value: "zip" as PackageType, shown: "zip", source: "AWS default (CreateFunction API PackageType, lambda-limits.json source L17)" },
  /** A hello-world package, as lambda-perf measures (lambda-perf-coldstarts.json method). */
  packageSizeMB: { value: 0, shown: "0", source: "lambdasim choice (a hello-world package, as lambda-perf-coldstarts.json measures)" },
  layers: { value: 0, shown: "0", source: "AWS default (none attached)" },
  vpc: { value: false, shown: "false", source: "AWS default (not VPC-attached)" },
  snapStart: { value: false, shown: "false", source: "AWS default (SnapStart off)" },
  /** lambda-limits.json function.ephemeralStorageMB.default (512). */
  ephemeralStorageMB: { value: 512, shown: "512", source: "lambda-limits.json function.ephemeralStorageMB.default" },
  /** Cold starts from the measured model (platform/cold-start/cold-start-model.ts). */
  coldStart: {
    value: "auto" as const,
    shown: "auto",
    source: "lambdasim cold-start model: lambda-perf-coldstarts.json window30d by runtime, architecture, package type and memory; package-size term and VPC overlap rule fitted to mikhailio raw samples; snapstartWindow",
  },
  /** Profiles interpolate linearly between their points. */
  profileShape: { value: "linear" as "linear" | "step", shown: "linear", source: "lambdasim choice" },
  /** azure2019 minutes: exactly the file's count per minute, at uniform times inside it. */
  traceWithinMinute: { value: "uniform" as "uniform" | "poisson", shown: "uniform", source: "lambdasim choice (keeps the trace's per-minute counts exact)" },
  /** cloudwatch: a period without a datapoint is an error, not silently no traffic. */
  traceGaps: { value: "error" as "error" | "zero", shown: "error", source: "lambdasim choice (CloudWatch omits periods without data; say so with gaps: zero)" },
  /** Traces replay at their own speed, volume and start. */
  traceSpeedup: { value: 1, shown: "1", source: "lambdasim choice (the trace as recorded)" },
  traceScale: { value: 1, shown: "1", source: "lambdasim choice (the trace as recorded)" },
  traceOffsetMs: { value: 0, shown: "0s", source: "lambdasim choice (the trace as recorded)" },
  /** A trace's own durations (timestamps with a duration column, azure2021) replace the function's duration distribution. */
  traceDurations: { value: "trace" as "trace" | "function", shown: "trace", source: "lambdasim choice (the trace as recorded)" },
  /** Messages per SQS batch: lambda-limits.json sqsEventSource.batchSize.default (10). */
  sqsBatchSize: { value: 10, shown: "10", source: "lambda-limits.json sqsEventSource.batchSize.default" },
  /** No SQS batching window: lambda-limits.json sqsEventSource.maxBatchingWindowSeconds.default (0). */
  sqsBatchingWindowMs: { value: 0, shown: "0s", source: "lambda-limits.json sqsEventSource.maxBatchingWindowSeconds.default" },
  /** No maximumConcurrency: pollers scale to lambda-limits.json sqsEventSource.maxConcurrentInvokes (1250). */
  sqsMaximumConcurrency: { value: null, shown: "none (up to 1250 batches)", source: "lambda-limits.json sqsEventSource.maxConcurrentInvokes" },
  /** SQS's own default VisibilityTimeout of a queue, 30 s (Amazon SQS CreateQueue API; not in the shared reference). */
  sqsVisibilityTimeoutMs: { value: 30_000, shown: "30s", source: "lambdasim choice: the SQS default queue VisibilityTimeout (Amazon SQS CreateQueue API)" },
  /** No redrive policy: failed messages are retried until the horizon. */
  sqsMaxReceiveCount: { value: null, shown: "none (no DLQ)", source: "AWS default (a queue has no redrive policy)" },
  /** One shard unless the scenario says how many. */
  /**
   * A batch-invoked function's `duration` is per message: a Lambda SQS or stream handler loops over
   * the batch's records, so a batch of n runs n messages' work (lambdasim choice, stated in `explain`).
   */
  durationPer: {
    value: "message" as DurationPer,
    shown: "message",
    source: "lambdasim choice: a handler loops over the batch's records, so a batch runs the sum of its messages' durations",
  },
  /** No partial batch responses: the mapping's FunctionResponseTypes is empty unless set (AWS default). */
  reportBatchItemFailures: { value: false, shown: "false", source: "AWS default (FunctionResponseTypes empty: a failed batch returns whole)" },
  streamShards: { value: 1, shown: "1", source: "lambdasim choice" },
  /** lambda-limits.json streamEventSource.concurrentBatchesPerShard.default (1). */
  parallelizationFactor: { value: 1, shown: "1", source: "lambda-limits.json streamEventSource.concurrentBatchesPerShard.default" },
  /** lambda-limits.json streamEventSource.batchSize.default (100). */
  streamBatchSize: { value: 100, shown: "100", source: "lambda-limits.json streamEventSource.batchSize.default" },
  /** lambda-limits.json streamEventSource.maxBatchingWindowSeconds.default (0). */
  streamBatchingWindowMs: { value: 0, shown: "0s", source: "lambda-limits.json streamEventSource.maxBatchingWindowSeconds.default" },
  /** Records never expire: lambda-limits.json streamEventSource.maximumRecordAgeSeconds.default (-1). */
  maximumRecordAgeMs: { value: -1, shown: "-1 (forever)", source: "lambda-limits.json streamEventSource.maximumRecordAgeSeconds.default" },
  /** Retried until the records expire: lambda-limits.json streamEventSource.maximumRetryAttempts.default (-1). */
  streamMaximumRetryAttempts: { value: -1, shown: "-1 (until the records expire)", source: "lambda-limits.json streamEventSource.maximumRetryAttempts.default" },
  /** Chart bucket width; 0 lets the simulator pick one giving at most ~2,000 buckets. */
  bucketMs: { value: 0, shown: "auto", source: "lambdasim choice" },
  /** compare.ec2 / compare.fargate: utilization the fleet's target tracking aims at. */
  fleetTargetUtilization: { value: 0.7, shown: "0.7", source: "lambdasim choice (the target AWS's provisioned-concurrency example uses)" },
  /** compare.*.minInstances / minTasks: at least one, so that the autoscaler has a utilization to read. */
  fleetMinInstances: { value: 1, shown: "1", source: "lambdasim choice" },
  /** compare.*.maxInstances / maxTasks. */
  fleetMaxInstances: { value: 100, shown: "100", source: "lambdasim choice" },
  /** compare.*.slotsPerInstance / slotsPerTask: one request per vCPU (at least 1). */
  fleetSlots: { value: "vcpu", shown: "the instance's vCPU (at least 1)", source: "lambdasim choice (one request per vCPU)" },
  /** compare.ec2.launchDelay: from the scale-out decision to taking requests (boot and application start). */
  ec2LaunchDelayMs: { value: 180_000, shown: "3m", source: "lambdasim choice (instance boot plus application start; measure your own)" },
  /** compare.fargate.launchDelay: from the scale-out decision to taking requests (image pull and task start). */
  fargateLaunchDelayMs: { value: 60_000, shown: "1m", source: "lambdasim choice (image pull plus task start; measure your own)" },
  /** Fleet target tracking reads one-minute utilization; 3 points above to scale out, 15 below to scale in. */
  fleetAlarms: {
    value: { evaluationPeriodMs: 60_000, scaleOutPeriods: 3, scaleInPeriods: 15 },
    shown: "1-minute points: 3 to scale out, 15 to scale in",
    source: "Application Auto Scaling target-tracking alarms, as for provisioned concurrency (G. Mao 2020)",
  },
} as const;

/** The bounds `scenario/` checks, each with its source in a comment. */
export const LIMITS = {
  /** lambda-limits.json function.memoryMB (min 128, max 10240, step 1). */
  memoryMB: { min: 128, max: 10_240 },
  /** lambda-limits.json function.timeoutSeconds (min 1, max 900), in ms. */
  timeoutMs: { min: 1000, max: 900_000 },
  /**
   * lambda-managed-instances.json function.timeout: on a capacity provider, sync invokes up to 900 s,
   * async and event-source invocations up to 5,400 s (90 minutes), in ms.
   */
  managedTimeoutMs: { sync: 900_000, asyncOrEventSource: 5_400_000 },
  /** lambda-limits.json concurrency.unreservedMinimum: reservations must leave this much unreserved. */
  unreservedMinimum: 100,
  /** Longest simulated time (lambdasim choice: a little over a year). */
  horizonMaxMs: 400 * 86_400_000,
  /** lambda-limits.json async.retryAttempts (0..2). */
  asyncRetries: { min: 0, max: 2 },
  /** lambda-limits.json async.maxEventAgeSeconds (60 s..6 h), in ms. */
  maxEventAgeMs: { min: 60_000, max: 21_600_000 },
  /** lambda-limits.json function.processesThreads (1024): the most threads a duration can use. */
  threadsMax: 1024,
  /** Seeds are unsigned 32-bit integers (lambdasim choice). */
  seedMax: 4_294_967_295,
  /** lambda-limits.json function.zipPackageMB.unzippedIncludingLayers (250 MB). */
  zipUnzippedMB: 250,
  /** lambda-limits.json function.containerImageGB (10 GB uncompressed), as 10 × 1024 MB. */
  imageMB: 10_240,
  /** lambda-limits.json function.layers (5 per function). */
  layersMax: 5,
  /** lambda-limits.json function.ephemeralStorageMB (512..10240 MB). */
  ephemeralStorageMB: { min: 512, max: 10_240 },
  /** Largest async event, KB: lambda-limits.json payload.asyncKB (1 MB since Oct 2025). */
  asyncPayloadKB: 1024,
  /** lambda-limits.json sqsEventSource.batchSize (maxStandard 10000, maxWithoutBatchingWindow 10). */
  sqsBatchSize: { max: 10_000, maxWithoutWindow: 10 },
  /** lambda-limits.json sqsEventSource.maxBatchingWindowSeconds.max and streamEventSource.maxBatchingWindowSeconds.max (300 s), in ms. */
  batchingWindowMaxMs: 300_000,
  /** lambda-limits.json sqsEventSource.maximumConcurrencySetting (2..1000). */
  sqsMaximumConcurrency: { min: 2, max: 1000 },
  /** SQS queue VisibilityTimeout 0 s..12 h (Amazon SQS SetQueueAttributes; not in the shared reference), in ms. */
  sqsVisibilityTimeoutMaxMs: 43_200_000,
  /** SQS redrive policy maxReceiveCount 1..1000 (Amazon SQS RedrivePolicy; not in the shared reference). */
  sqsMaxReceiveCount: { min: 1, max: 1000 },
  /** Shards of a stream (lambdasim bound, to keep the lanes' memory in reason). */
  streamShardsMax: 100_000,
  /** lambda-limits.json streamEventSource.concurrentBatchesPerShard.parallelizationFactorMax (10). */
  parallelizationFactorMax: 10,
  /** lambda-limits.json streamEventSource.batchSize.max (10000). */
  streamBatchSizeMax: 10_000,
  /** lambda-limits.json streamEventSource.maximumRecordAgeSeconds (60 s..604800 s), in ms. */
  maximumRecordAgeMs: { min: 60_000, max: 604_800_000 },
  /** lambda-limits.json streamEventSource.maximumRetryAttempts (0..10000; -1 forever). */
  streamRetries: { min: 0, max: 10_000 },
  /**
   * Shortest mean holding time of an mmpp state and shortest period of a repeated burst (lambdasim
   * bound): each state change or burst edge costs the simulator a step whether or not a request
   * arrives, so below 1 s they would cost more than the arrivals (a fuzz campaign found 0.0001ms
   * running for minutes on a 2-minute horizon). 1 s is finer than any traffic shape Lambda's
   * per-second scaling can tell apart.
   */
  arrivalShapeMinMs: 1000,
  /**
   * A gamma's coefficient of variation (lambdasim bound): its shape is 1/cv², which overflows to
   * Infinity below cv ≈ 1e-154 and to 0 above 1e154 (a fuzz campaign found cv 1e-320). 0.001..1000
   * spans every duration shape from nearly constant to extremely heavy-tailed.
   */
  gammaCv: { min: 0.001, max: 1000 },
} as const;

/** One printable row per default, for `--help`, `explain` and the README. */
export function defaultsTable(): Array<{ field: string; value: string; source: string }> {
  return [
    { field: "name", value: "the file's base name", source: "lambdasim choice" },
    { field: "horizon", value: DEFAULTS.horizonMs.shown, source: DEFAULTS.horizonMs.source },
    { field: "warmup", value: DEFAULTS.warmupMs.shown, source: DEFAULTS.warmupMs.source },
    { field: "seed", value: DEFAULTS.seed.shown, source: DEFAULTS.seed.source },
    { field: "account.concurrencyLimit", value: DEFAULTS.concurrencyLimit.shown, source: DEFAULTS.concurrencyLimit.source },
    { field: "account.concurrencyLimit (preset: new)", value: DEFAULTS.newAccountConcurrencyLimit.shown, source: DEFAULTS.newAccountConcurrencyLimit.source },
    { field: "functions[].architecture", value: DEFAULTS.architecture.shown, source: DEFAULTS.architecture.source },
    { field: "functions[].memoryMB", value: DEFAULTS.memoryMB.shown, source: DEFAULTS.memoryMB.source },
    { field: "functions[].timeout", value: DEFAULTS.timeoutMs.shown, source: DEFAULTS.timeoutMs.source },
    { field: "functions[].invocation", value: DEFAULTS.invocation.shown, source: DEFAULTS.invocation.source },
    { field: "functions[].idleLifetime", value: DEFAULTS.idleLifetime.shown, source: DEFAULTS.idleLifetime.source },
    { field: "functions[].clientRetries", value: `none; when given ${DEFAULTS.clientRetries.shown}`, source: DEFAULTS.clientRetries.source },
    { field: "region", value: DEFAULTS.region.shown, source: DEFAULTS.region.source },
    { field: "pricing.freeTier", value: "false", source: "lambdasim choice (most production accounts exhaust it)" },
    { field: "pricing.frontDoor", value: "none", source: "lambdasim choice" },
    { field: "pricing.monthHours", value: DEFAULTS.monthHours.shown, source: DEFAULTS.monthHours.source },
    { field: "pricing.savingsPlan", value: "0", source: "lambdasim choice" },
    { field: "pricing.date", value: DEFAULTS.pricingDate.shown, source: DEFAULTS.pricingDate.source },
    { field: "functions[].errorRate", value: DEFAULTS.errorRate.shown, source: DEFAULTS.errorRate.source },
    { field: "functions[].maximumRetryAttempts", value: DEFAULTS.maximumRetryAttempts.shown, source: DEFAULTS.maximumRetryAttempts.source },
    { field: "functions[].maximumEventAge", value: DEFAULTS.maximumEventAgeMs.shown, source: DEFAULTS.maximumEventAgeMs.source },
    { field: "functions[].maxLifetime", value: DEFAULTS.maxLifetime.shown, source: DEFAULTS.maxLifetime.source },
    { field: "functions[].packageType", value: DEFAULTS.packageType.shown, source: DEFAULTS.packageType.source },
    { field: "functions[].packageSizeMB", value: DEFAULTS.packageSizeMB.shown, source: DEFAULTS.packageSizeMB.source },
    { field: "functions[].layers", value: DEFAULTS.layers.shown, source: DEFAULTS.layers.source },
    { field: "functions[].vpc", value: DEFAULTS.vpc.shown, source: DEFAULTS.vpc.source },
    { field: "functions[].snapStart", value: DEFAULTS.snapStart.shown, source: DEFAULTS.snapStart.source },
    { field: "functions[].ephemeralStorageMB", value: DEFAULTS.ephemeralStorageMB.shown, source: DEFAULTS.ephemeralStorageMB.source },
    { field: "functions[].coldStart", value: DEFAULTS.coldStart.shown, source: DEFAULTS.coldStart.source },
    { field: "functions[].provisionedConcurrency", value: "0", source: "AWS default (none configured)" },
    { field: "functions[].duration.threads", value: "1", source: "lambdasim choice (single-threaded handler)" },
    { field: "functions[].duration.per (sqs, stream)", value: DEFAULTS.durationPer.shown, source: DEFAULTS.durationPer.source },
    { field: "functions[].sqs.reportBatchItemFailures", value: DEFAULTS.reportBatchItemFailures.shown, source: DEFAULTS.reportBatchItemFailures.source },
    { field: "functions[].sqs.batchSize", value: DEFAULTS.sqsBatchSize.shown, source: DEFAULTS.sqsBatchSize.source },
    { field: "functions[].sqs.batchingWindow", value: DEFAULTS.sqsBatchingWindowMs.shown, source: DEFAULTS.sqsBatchingWindowMs.source },
    { field: "functions[].sqs.maximumConcurrency", value: DEFAULTS.sqsMaximumConcurrency.shown, source: DEFAULTS.sqsMaximumConcurrency.source },
    { field: "functions[].sqs.visibilityTimeout", value: DEFAULTS.sqsVisibilityTimeoutMs.shown, source: DEFAULTS.sqsVisibilityTimeoutMs.source },
    { field: "functions[].sqs.maxReceiveCount", value: DEFAULTS.sqsMaxReceiveCount.shown, source: DEFAULTS.sqsMaxReceiveCount.source },
    { field: "functions[].stream.shards", value: DEFAULTS.streamShards.shown, source: DEFAULTS.streamShards.source },
    { field: "functions[].stream.parallelizationFactor", value: DEFAULTS.parallelizationFactor.shown, source: DEFAULTS.parallelizationFactor.source },
    { field: "functions[].stream.batchSize", value: DEFAULTS.streamBatchSize.shown, source: DEFAULTS.streamBatchSize.source },
    { field: "functions[].stream.batchingWindow", value: DEFAULTS.streamBatchingWindowMs.shown, source: DEFAULTS.streamBatchingWindowMs.source },
    { field: "functions[].stream.maximumRecordAge", value: DEFAULTS.maximumRecordAgeMs.shown, source: DEFAULTS.maximumRecordAgeMs.source },
    { field: "functions[].stream.maximumRetryAttempts", value: DEFAULTS.streamMaximumRetryAttempts.shown, source: DEFAULTS.streamMaximumRetryAttempts.source },
    { field: "compare.*.targetUtilization", value: DEFAULTS.fleetTargetUtilization.shown, source: DEFAULTS.fleetTargetUtilization.source },
    { field: "compare.*.minInstances / minTasks", value: DEFAULTS.fleetMinInstances.shown, source: DEFAULTS.fleetMinInstances.source },
    { field: "compare.*.maxInstances / maxTasks", value: DEFAULTS.fleetMaxInstances.shown, source: DEFAULTS.fleetMaxInstances.source },
    { field: "compare.*.slotsPerInstance / slotsPerTask", value: DEFAULTS.fleetSlots.shown, source: DEFAULTS.fleetSlots.source },
    { field: "compare.ec2.launchDelay", value: DEFAULTS.ec2LaunchDelayMs.shown, source: DEFAULTS.ec2LaunchDelayMs.source },
    { field: "compare.fargate.launchDelay", value: DEFAULTS.fargateLaunchDelayMs.shown, source: DEFAULTS.fargateLaunchDelayMs.source },
    { field: "compare.*.pricing", value: "onDemand", source: "lambdasim choice" },
    { field: "compare.* autoscaling alarms", value: DEFAULTS.fleetAlarms.shown, source: DEFAULTS.fleetAlarms.source },
    { field: "compare.loadBalancer", value: "alb when pricing.frontDoor is not none, else none", source: "lambdasim choice (both sides pay for a door, or neither)" },
    { field: "compare.natGateways", value: "0", source: "lambdasim choice" },
    { field: "compare.requestBytes / responseBytes", value: "0 (the load balancer's processed bytes not counted)", source: "lambdasim choice" },
    ...managedDefaultsRows(),
  ];
}

/** One printable row per bound, for `--help`, `explain` and the README. */
export function limitsTable(): Array<{ field: string; value: string; source: string }> {
  return [
    { field: "functions[].memoryMB", value: `${LIMITS.memoryMB.min}..${LIMITS.memoryMB.max}`, source: "lambda-limits.json function.memoryMB" },
    { field: "functions[].timeout", value: "1s..900s", source: "lambda-limits.json function.timeoutSeconds" },
    {
      field: "functions[].timeout (capacity provider)",
      value: "1s..900s sync, 1s..5400s async and event sources",
      source: "lambda-managed-instances.json function.timeout",
    },
    { field: "functions[].packageSizeMB (zip)", value: `0..${LIMITS.zipUnzippedMB}`, source: "lambda-limits.json function.zipPackageMB.unzippedIncludingLayers" },
    { field: "functions[].packageSizeMB (image)", value: `0..${LIMITS.imageMB}`, source: "lambda-limits.json function.containerImageGB" },
    { field: "functions[].layers", value: `0..${LIMITS.layersMax}`, source: "lambda-limits.json function.layers" },
    {
      field: "functions[].ephemeralStorageMB",
      value: `${LIMITS.ephemeralStorageMB.min}..${LIMITS.ephemeralStorageMB.max}`,
      source: "lambda-limits.json function.ephemeralStorageMB",
    },
    {
      field: "functions[].reservedConcurrency (sum)",
      value: `concurrencyLimit - ${LIMITS.unreservedMinimum}`,
      source: "lambda-limits.json concurrency.unreservedMinimum",
    },
    { field: "horizon", value: "at most 400d", source: "lambdasim choice" },
    { field: "seed", value: `0..${LIMITS.seedMax}`, source: "lambdasim choice" },
  ];
}
