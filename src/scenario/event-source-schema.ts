import { z } from "zod";
import type { DurationPer, SqsConfig, StreamConfig } from "../platform/config.js";
import { DEFAULTS, LIMITS } from "./defaults.js";
import { valueAt, type Issue } from "./issues.js";
import { DURATION_JSON, durationWithUnit, integer, strictObject } from "./leaves.js";
import { jsonHint } from "./json-hints.js";
import { ALLOWED } from "./messages.js";
import { formatDuration, parseDurationMs } from "./units.js";

/*
 * `functions[].sqs` and `functions[].stream`: the event source mapping settings of functions invoked
 * by an SQS queue or a Kinesis / DynamoDB stream (lambda-limits.json sqsEventSource, streamEventSource).
 */

/** A batching window: whole seconds, 0..300 s (sqsEventSource / streamEventSource.maxBatchingWindowSeconds). */
const batchingWindow = () => durationWithUnit(ALLOWED.batchingWindow, (ms) => ms >= 0 && ms <= LIMITS.batchingWindowMaxMs && ms % 1000 === 0);

/** `functions[].sqs`. */
export const sqsSchema = strictObject(
  {
    batchSize: integer(ALLOWED.sqsBatchSize, 1, LIMITS.sqsBatchSize.max).optional(),
    batchingWindow: batchingWindow().optional(),
    maximumConcurrency: integer(ALLOWED.sqsMaximumConcurrency, LIMITS.sqsMaximumConcurrency.min, LIMITS.sqsMaximumConcurrency.max).optional(),
    visibilityTimeout: durationWithUnit(
      ALLOWED.visibilityTimeout,
      (ms) => ms >= 0 && ms <= LIMITS.sqsVisibilityTimeoutMaxMs && ms % 1000 === 0,
    ).optional(),
    maxReceiveCount: integer(ALLOWED.sqsMaxReceiveCount, LIMITS.sqsMaxReceiveCount.min, LIMITS.sqsMaxReceiveCount.max).optional(),
    reportBatchItemFailures: z.boolean({ error: ALLOWED.reportBatchItemFailures }).optional(),
  },
  ALLOWED.sqs,
);

/** `maximumRecordAge`: -1 (forever) or a duration 60 s..7 d in whole seconds, in ms. */
const maximumRecordAgeInput = jsonHint(z.union([z.number(), z.string()], { error: ALLOWED.maximumRecordAge }), {
  json: { anyOf: [{ const: -1 }, DURATION_JSON] },
});
const maximumRecordAge = maximumRecordAgeInput.transform((input, ctx) => {
  if (input === -1) return -1;
  const ms = typeof input === "string" ? parseDurationMs(input) : undefined;
  if (ms === undefined || ms < LIMITS.maximumRecordAgeMs.min || ms > LIMITS.maximumRecordAgeMs.max || ms % 1000 !== 0) {
    ctx.addIssue({ code: "custom", message: ALLOWED.maximumRecordAge, input });
    return z.NEVER;
  }
  return ms;
});

/** `functions[].stream`. */
export const streamSchema = strictObject(
  {
    shards: integer(ALLOWED.streamShards, 1, LIMITS.streamShardsMax).optional(),
    parallelizationFactor: integer(ALLOWED.parallelizationFactor, 1, LIMITS.parallelizationFactorMax).optional(),
    batchSize: integer(ALLOWED.streamBatchSize, 1, LIMITS.streamBatchSizeMax).optional(),
    batchingWindow: batchingWindow().optional(),
    maximumRecordAge: maximumRecordAge.optional(),
    maximumRetryAttempts: jsonHint(
      z
        .number({ error: ALLOWED.streamRetries })
        .int({ error: ALLOWED.streamRetries })
        .refine((n) => n === -1 || (n >= LIMITS.streamRetries.min && n <= LIMITS.streamRetries.max), { error: ALLOWED.streamRetries }),
      { json: { type: "integer", anyOf: [{ const: -1 }, { minimum: LIMITS.streamRetries.min, maximum: LIMITS.streamRetries.max }] } },
    ).optional(),
  },
  ALLOWED.stream,
);

type ParsedSqs = z.output<typeof sqsSchema>;
type ParsedStream = z.output<typeof streamSchema>;

/** SQS settings with every default filled in; `per` is the function's `duration.per`. */
export function buildSqs(p: ParsedSqs | undefined, per?: DurationPer): SqsConfig {
  return {
    durationPer: per ?? DEFAULTS.durationPer.value,
    reportBatchItemFailures: p?.reportBatchItemFailures ?? DEFAULTS.reportBatchItemFailures.value,
    batchSize: p?.batchSize ?? DEFAULTS.sqsBatchSize.value,
    batchingWindowMs: p?.batchingWindow ?? DEFAULTS.sqsBatchingWindowMs.value,
    maximumConcurrency: p?.maximumConcurrency ?? DEFAULTS.sqsMaximumConcurrency.value,
    visibilityTimeoutMs: p?.visibilityTimeout ?? DEFAULTS.sqsVisibilityTimeoutMs.value,
    maxReceiveCount: p?.maxReceiveCount ?? DEFAULTS.sqsMaxReceiveCount.value,
  };
}

/** Stream settings with every default filled in; `per` is the function's `duration.per`. */
export function buildStream(p: ParsedStream | undefined, per?: DurationPer): StreamConfig {
  return {
    durationPer: per ?? DEFAULTS.durationPer.value,
    shards: p?.shards ?? DEFAULTS.streamShards.value,
    parallelizationFactor: p?.parallelizationFactor ?? DEFAULTS.parallelizationFactor.value,
    batchSize: p?.batchSize ?? DEFAULTS.streamBatchSize.value,
    batchingWindowMs: p?.batchingWindow ?? DEFAULTS.streamBatchingWindowMs.value,
    maximumRecordAgeMs: p?.maximumRecordAge ?? DEFAULTS.maximumRecordAgeMs.value,
    maximumRetryAttempts: p?.maximumRetryAttempts ?? DEFAULTS.streamMaximumRetryAttempts.value,
  };
}

/**
 * Rules across fields, on the raw input (fields that are themselves invalid are left to the schema):
 * `sqs` only with invocation sqs, `stream` only with stream; an SQS batch above 10 needs a batching
 * window (sqsEventSource.batchSize.maxWithoutBatchingWindow); the queue's visibility timeout must
 * be at least the function's timeout (Lambda rejects the trigger otherwise, AWS "Using Lambda with
 * Amazon SQS").
 */
export function eventSourceIssues(functions: unknown[]): Issue[] {
  const issues: Issue[] = [];
  functions.forEach((_, i) => {
    const invocation = valueAt(functions, [i, "invocation"]);
    const sqs = valueAt(functions, [i, "sqs"]);
    const stream = valueAt(functions, [i, "stream"]);
    if (sqs !== undefined && invocation !== "sqs") issues.push({ path: `functions[${i}].sqs`, value: sqs, allowed: ALLOWED.sqsOnly });
    if (stream !== undefined && invocation !== "stream") issues.push({ path: `functions[${i}].stream`, value: stream, allowed: ALLOWED.streamOnly });
    const payload = valueAt(functions, [i, "payloadKB"]);
    if (payload !== undefined && invocation !== "async") issues.push({ path: `functions[${i}].payloadKB`, value: payload, allowed: ALLOWED.payloadKBAsyncOnly });
    if (payload !== null && typeof payload === "object" && !Array.isArray(payload)) {
      for (const [key, v] of Object.entries(payload)) {
        if (key !== "dist" && typeof v === "string") issues.push({ path: `functions[${i}].payloadKB.${key}`, value: v, allowed: ALLOWED.payloadKB });
      }
    }
    const per = valueAt(functions, [i, "duration", "per"]);
    if (per !== undefined && invocation !== "sqs" && invocation !== "stream") {
      issues.push({ path: `functions[${i}].duration.per`, value: per, allowed: ALLOWED.durationPerBatchOnly });
    }
    if (invocation !== "sqs") return;
    const parsed = sqsSchema.safeParse(sqs ?? {});
    if (!parsed.success) return;
    const cfg = buildSqs(parsed.data); // the defaults filled in, once
    if (cfg.batchSize > LIMITS.sqsBatchSize.maxWithoutWindow && cfg.batchingWindowMs === 0) {
      issues.push({ path: `functions[${i}].sqs.batchSize`, value: cfg.batchSize, allowed: ALLOWED.sqsBatchSizeWithoutWindow });
    }
    const timeoutRaw = valueAt(functions, [i, "timeout"]);
    const timeout = timeoutRaw === undefined ? DEFAULTS.timeoutMs.value : typeof timeoutRaw === "string" ? parseDurationMs(timeoutRaw) : undefined;
    const visibility = cfg.visibilityTimeoutMs;
    if (timeout !== undefined && visibility < timeout) {
      issues.push({
        path: `functions[${i}].sqs.visibilityTimeout`,
        value: parsed.data.visibilityTimeout === undefined ? `${formatDuration(visibility)} (the default)` : valueAt(functions, [i, "sqs", "visibilityTimeout"]),
        allowed: ALLOWED.visibilityBelowTimeout(formatDuration(timeout)),
      });
    }
  });
  return issues;
}
