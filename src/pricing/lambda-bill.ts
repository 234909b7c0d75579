import type { PriceCatalog } from "./catalog/types.js";
import { freeTierAllowance, type FreeTierAllowance } from "./free-tier.js";
import { frontDoorCost, type FrontDoor } from "./front-door.js";
import { gbSeconds } from "./gb-seconds.js";
import { roundCents, sumCents } from "./money.js";
import { provisionedGbSeconds } from "./provisioned.js";
import { tieredCost } from "./tiers.js";
import type { LambdaUsage } from "./usage.js";

/** How a bill is computed beyond the usage itself. */
export interface BillOptions {
  /** The Lambda free tier: `true` the whole monthly allowance, an object what remains of it; default none. */
  freeTier?: boolean | Partial<FreeTierAllowance>;
  /** What receives the requests; default "none" (no line item). */
  frontDoor?: FrontDoor;
  /** Compute Savings Plan discount on duration, INIT and provisioned concurrency (not requests), 0..0.17. */
  savingsPlan?: number;
  /** "edge" bills Lambda@Edge prices (no tiers, no free tier, no provisioned concurrency); default "lambda". */
  product?: "lambda" | "edge";
  /**
   * USD per billable on-demand GB-s (duration and INIT) in place of this usage's own volume tiers: the
   * account's blended rate when functions share an architecture's tiers (see `accountBills`); ignored for "edge".
   */
  onDemandRate?: number;
}

/**
 * A monthly bill in dollars: each line item rounded to the cent, the total the sum of the rounded lines
 * (aws-pricing.json `conventions.rounding`), and the quantities the lines were priced from.
 */
export interface LambdaBill {
  lineItems: Record<string, number>;
  total: number;
  /** GB-s and other quantities behind the lines (unrounded), as AWS's worked examples state them. */
  quantities: Record<string, number>;
}

/** Requests per unit of Lambda's per-million request prices. */
const PER_MILLION = 1_000_000;

/**
 * The monthly Lambda bill of one function's usage, line by line, in dollars. Requests are billed after the
 * free requests (on-demand and provisioned alike, as AWS's Provisioned Concurrency Example 1 does);
 * on-demand duration and then INIT use the free GB-s and the architecture's monthly volume tiers;
 * provisioned concurrency is metered in 5-minute steps and its executions at the lower PC duration rate.
 * Lines: requests, compute, init, provisioned, provisionedDuration, ephemeralStorage, snapStartCache,
 * snapStartRestore, responseStreaming, frontDoor, tenantIsolation, eventPollers, durable*; each is present
 * only when its usage or option is given. Cost: O(tiers).
 * @example
 * lambdaBill({ architecture: "x86_64", memoryMB: 1536, requests: 3e6, billedMs: 3.6e8 }, US_EAST_1, { freeTier: true })
 * // { lineItems: { requests: 0.4, compute: 2.33 }, total: 2.73, ... }
 */
export function lambdaBill(usage: LambdaUsage, catalog: PriceCatalog, options: BillOptions = {}): LambdaBill {
  checkUsage(usage, options);
  const L = catalog.lambda;
  const edge = options.product === "edge";
  const free = edge ? freeTierAllowance(false, catalog) : freeTierAllowance(options.freeTier, catalog);
  const keep = 1 - (options.savingsPlan ?? 0);
  const raw: Record<string, number> = {};
  const q: Record<string, number> = {};
  const memoryGB = usage.memoryMB / L.mbPerGb.value;

  // Requests: the free tier counts every request of the account, provisioned ones included.
  const pcRequests = usage.provisioned?.requests ?? 0;
  const allRequests = usage.requests + pcRequests;
  q.requests = allRequests;
  q.billableRequests = Math.max(0, allRequests - free.requests);
  raw.requests = (q.billableRequests / PER_MILLION) * (edge ? L.edge.requestsPricePerMillion.value : L.requestsPricePerMillion.value);

  // On-demand duration, then INIT, as one stretch of monthly usage: the free GB-s come off its start and
  // the volume tiers price the rest where it falls.
  const invokeGbs = gbSeconds(usage.billedMs, usage.memoryMB, catalog);
  const initGbs = gbSeconds(usage.initBilledMs ?? 0, usage.memoryMB, catalog);
  q.computeGbSeconds = invokeGbs;
  q.billableGbSeconds = Math.max(0, invokeGbs - free.gbSeconds);
  const rate = options.onDemandRate;
  const onDemand = (from: number, to: number) => {
    if (edge) return (to - from) * L.edge.pricePerGbSecond.value;
    const lo = Math.max(from, free.gbSeconds);
    const hi = Math.max(to, free.gbSeconds);
    return rate === undefined ? tieredCost(L.duration[usage.architecture].tiers, lo, hi) : (hi - lo) * rate;
  };
  raw.compute = onDemand(0, invokeGbs) * keep;
  if (usage.initBilledMs !== undefined) {
    q.initGbSeconds = initGbs;
    raw.init = onDemand(invokeGbs, invokeGbs + initGbs) * keep;
  }

  if (usage.provisioned !== undefined) {
    const pc = L.provisioned[usage.architecture];
    q.provisionedGbSeconds = provisionedGbSeconds(usage.provisioned.allocations, usage.memoryMB, catalog);
    q.provisionedDurationGbSeconds = gbSeconds(usage.provisioned.billedMs, usage.memoryMB, catalog);
    raw.provisioned = q.provisionedGbSeconds * pc.concurrencyPricePerGbSecond.value * keep;
    raw.provisionedDuration = q.provisionedDurationGbSeconds * pc.durationPricePerGbSecond.value * keep;
  }

  if (usage.ephemeralStorageMB !== undefined) {
    const extraGB = Math.max(0, usage.ephemeralStorageMB - L.ephemeralStorage.freeMB.value) / L.mbPerGb.value;
    const runMs = usage.billedMs + (usage.initBilledMs ?? 0) + (usage.provisioned?.billedMs ?? 0);
    q.ephemeralStorageGbSeconds = extraGB * (runMs / 1000);
    raw.ephemeralStorage = q.ephemeralStorageGbSeconds * L.ephemeralStorage.pricePerGbSecond.value;
  }

  if (usage.snapStart !== undefined) {
    const minimumSeconds = L.snapStart.cacheMinimumHours.value * 3600;
    q.snapStartCacheGbSeconds = memoryGB * Math.max(usage.snapStart.activeSeconds, minimumSeconds);
    q.snapStartRestoredGB = memoryGB * usage.snapStart.restores;
    raw.snapStartCache = q.snapStartCacheGbSeconds * L.snapStart.cachePricePerGbSecond.value;
    raw.snapStartRestore = q.snapStartRestoredGB * L.snapStart.restorePricePerGb.value;
  }

  if (usage.streamedChargeableMB !== undefined) {
    q.streamedChargeableGB = Math.max(0, usage.streamedChargeableMB / L.mbPerGb.value - free.streamingGB);
    raw.responseStreaming = q.streamedChargeableGB * L.responseStreaming.pricePerGb.value;
  }

  const door = options.frontDoor ?? "none";
  if (door !== "none") raw.frontDoor = frontDoorCost(door, allRequests, catalog);

  if (usage.tenantIsolatedEnvironments !== undefined) {
    raw.tenantIsolation = usage.tenantIsolatedEnvironments * memoryGB * L.tenantIsolation.pricePerEnvironmentPerGb.value;
  }
  if (usage.eventPollerUnitHours !== undefined) {
    const e = usage.eventPollerUnitHours;
    raw.eventPollers = (e.kafka ?? 0) * L.eventPollers.kafkaEpuHour.value + (e.sqs ?? 0) * L.eventPollers.sqsEpuHour.value;
  }
  if (usage.durable !== undefined) {
    const d = usage.durable;
    raw.durableOperations = (d.operations / PER_MILLION) * L.durable.operationsPricePerMillion.value;
    raw.durableDataWritten = d.dataWrittenGB * L.durable.dataWrittenPerGb.value;
    raw.durableDataRetained = d.dataRetainedGbMonths * L.durable.dataRetainedPerGbMonth.value;
  }

  const lineItems: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) lineItems[k] = roundCents(v);
  return { lineItems, total: sumCents(Object.values(lineItems)), quantities: q };
}

/** Throws on usage no caller should build (negative or non-finite amounts): a bug, not user input. */
function checkUsage(usage: LambdaUsage, options: BillOptions): void {
  const amounts: Array<[string, number | undefined]> = [
    ["memoryMB", usage.memoryMB],
    ["requests", usage.requests],
    ["billedMs", usage.billedMs],
    ["initBilledMs", usage.initBilledMs],
    ["ephemeralStorageMB", usage.ephemeralStorageMB],
    ["provisioned.requests", usage.provisioned?.requests],
    ["provisioned.billedMs", usage.provisioned?.billedMs],
    ["savingsPlan", options.savingsPlan],
    ["onDemandRate", options.onDemandRate],
  ];
  for (const a of usage.provisioned?.allocations ?? []) amounts.push(["allocation.concurrency", a.concurrency], ["allocation.seconds", a.seconds]);
  for (const [name, v] of amounts) {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) throw new RangeError(`lambdaBill: ${name} must be a finite amount >= 0, got ${v}`);
  }
  if (options.product === "edge" && usage.provisioned !== undefined) throw new RangeError("lambdaBill: Lambda@Edge has no provisioned concurrency");
}
