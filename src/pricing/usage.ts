import type { Architecture } from "../platform/config.js";

/** Provisioned concurrency held at one level for a stretch of time. */
export interface ProvisionedAllocation {
  /** Provisioned environments. */
  concurrency: number;
  /** How long this level was configured, seconds (metered in 5-minute steps). */
  seconds: number;
}

/** Usage of provisioned concurrency: what was allocated and what ran on it. */
export interface ProvisionedUsage {
  /** Each configured level with its duration; a schedule is several allocations. */
  allocations: ProvisionedAllocation[];
  /** Requests served by provisioned environments. */
  requests: number;
  /** Sum of their billed durations, each rounded up to 1 ms, ms. */
  billedMs: number;
}

/** SnapStart usage of a published version (Python and .NET; Java managed runtimes are not charged). */
export interface SnapStartUsage {
  /** Seconds the version's snapshot was cached (active); AWS bills at least 3 hours. */
  activeSeconds: number;
  /** Restores from the snapshot (cold starts of a SnapStart function). */
  restores: number;
}

/** Lambda Durable Functions usage beyond requests and duration. */
export interface DurableUsage {
  operations: number;
  dataWrittenGB: number;
  dataRetainedGbMonths: number;
}

/**
 * A function's usage over a month (or over a window that `projectUsage` scales to one). Requests and
 * durations on on-demand environments (spill-over past provisioned concurrency included) are kept apart
 * from those on provisioned environments, because they are billed at different duration rates.
 */
export interface LambdaUsage {
  architecture: Architecture;
  memoryMB: number;
  /** Requests served by on-demand environments. */
  requests: number;
  /** Sum of their billed durations, each rounded up to 1 ms, ms. */
  billedMs: number;
  /** Sum of billed INIT durations of on-demand cold starts, ms (billed since 2025-08-01 for zip managed runtimes). */
  initBilledMs?: number;
  /** Configured ephemeral storage, MB (512 is free). */
  ephemeralStorageMB?: number;
  provisioned?: ProvisionedUsage;
  snapStart?: SnapStartUsage;
  /** Response-streaming bytes beyond the free 6 MB of each response, MB (see `chargeableStreamMB`). */
  streamedChargeableMB?: number;
  /** Tenant-isolated execution environments created. */
  tenantIsolatedEnvironments?: number;
  /** Provisioned-mode event source mapping: event-poller-unit hours per source kind. */
  eventPollerUnitHours?: { kafka?: number; sqs?: number };
  durable?: DurableUsage;
}

/**
 * MB of response streaming that is charged: what each response streams past the free 6 MB
 * (`lambda.responseStreaming.freeBytesPerRequestMB`), summed over groups of equal responses.
 */
export function chargeableStreamMB(responses: ReadonlyArray<{ requests: number; sizeMB: number }>, freeMBPerRequest: number): number {
  let mb = 0;
  for (const r of responses) mb += r.requests * Math.max(0, r.sizeMB - freeMBPerRequest);
  return mb;
}

/**
 * The usage of a simulated window scaled to a month: counts and durations times `monthSeconds /
 * windowSeconds`; provisioned allocations keep their level and scale their time. Tiers and the free tier
 * apply to monthly usage, so a window is projected before it is billed (DESIGN.md "Pricing").
 */
export function projectUsage(usage: LambdaUsage, windowSeconds: number, monthSeconds: number): LambdaUsage {
  if (!(windowSeconds > 0)) throw new RangeError(`projectUsage: window must be positive, got ${windowSeconds}`);
  const k = monthSeconds / windowSeconds;
  const scaled: LambdaUsage = { ...usage, requests: usage.requests * k, billedMs: usage.billedMs * k };
  if (usage.initBilledMs !== undefined) scaled.initBilledMs = usage.initBilledMs * k;
  if (usage.provisioned !== undefined) {
    const p = usage.provisioned;
    scaled.provisioned = {
      allocations: p.allocations.map((a) => ({ concurrency: a.concurrency, seconds: a.seconds * k })),
      requests: p.requests * k,
      billedMs: p.billedMs * k,
    };
  }
  if (usage.snapStart !== undefined) scaled.snapStart = { activeSeconds: usage.snapStart.activeSeconds * k, restores: usage.snapStart.restores * k };
  if (usage.streamedChargeableMB !== undefined) scaled.streamedChargeableMB = usage.streamedChargeableMB * k;
  if (usage.tenantIsolatedEnvironments !== undefined) scaled.tenantIsolatedEnvironments = usage.tenantIsolatedEnvironments * k;
  if (usage.eventPollerUnitHours !== undefined) {
    const e = usage.eventPollerUnitHours;
    scaled.eventPollerUnitHours = {
      ...(e.kafka === undefined ? {} : { kafka: e.kafka * k }),
      ...(e.sqs === undefined ? {} : { sqs: e.sqs * k }),
    };
  }
  if (usage.durable !== undefined) {
    const d = usage.durable;
    scaled.durable = { operations: d.operations * k, dataWrittenGB: d.dataWrittenGB * k, dataRetainedGbMonths: d.dataRetainedGbMonths * k };
  }
  return scaled;
}
