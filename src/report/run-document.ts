import type { SimConfig } from "../platform/config.js";
import type { CostBreakdown, FunctionResult, Result } from "../platform/result.js";
import { RequestRateLimiter, ScalingRateLimiter } from "../platform/concurrency/scaling-rate-limiter.js";
import { capacityProviderChartNames, runCharts } from "./charts/index.js";
import { capacityProviderTimeWords } from "./capacity-provider-lines.js";
import { CHARTED_FUNCTIONS, chartedFunctions, chartedFunctionsNote } from "./charts/charted-functions.js";
import { paragraph, table, verdict, type ReportDocument, type ReportSection } from "./document.js";
import { documentMarkdown } from "./document-markdown.js";
import { formatCount, formatMs, formatNumber, formatPercent, formatSeconds, formatUsd } from "./format.js";
import { formatObjective, sloVerdicts, type Slo } from "./slo-verdicts.js";
import { describeArrivals } from "../workload/describe-arrivals.js";
import type { DistSpec } from "../core/dist/distribution.js";
import { describeTimes } from "../core/dist/describe-times.js";

/** What the report of a run needs besides the result: the resolved scenario and its objectives. */
export interface RunReportInput {
  result: Result;
  config: SimConfig;
  slo: Slo | null;
  description: string | null;
}

/** The rows "what happened" of the per-function results table (one row per function, then total). */
export function resultRows(result: Result): string[][] {
  const head = ["function", "invocations", "throttled", "cold starts", "p50", "p99", "p99 cold", "peak conc.", "mean conc."];
  const row = (name: string, r: FunctionResult) => [
    name,
    formatCount(r.invocations),
    formatPercent(r.throttleRate),
    formatPercent(r.coldStartRate),
    formatMs(r.latencyMs.p50),
    formatMs(r.latencyMs.p99),
    formatMs(r.latencyMs.cold.p99),
    formatCount(r.concurrency.peak),
    formatNumber(r.concurrency.mean, 1),
  ];
  const rows = [head, ...Object.entries(result.functions).map(([n, r]) => row(n, r))];
  if (Object.keys(result.functions).length > 1) rows.push(row("**total**", result.total));
  return rows;
}

/** The review document of one run: scenario, results, cost, SLO verdicts, charts, assumptions, engine (pure). */
export function runDocument(input: RunReportInput): ReportDocument {
  const { result, config, slo, description } = input;
  const t = result.total;
  const fnWords = config.functions
    .map((f) => `\`${f.name}\` (${f.runtime}, ${f.architecture}, ${f.memoryMB} MB, ${f.invocation}, ${describeArrivals(f.arrivals)})`)
    .join(", ");
  const intro =
    `${description ? description.trim() + " " : ""}Simulated ${formatSeconds(result.horizonSeconds)} of traffic` +
    (result.warmupSeconds > 0 ? ` (the first ${formatSeconds(result.warmupSeconds)} excluded as warm-up)` : "") +
    ` against ${config.functions.length === 1 ? "one function" : `${config.functions.length} functions`}: ${fnWords}, ` +
    `in an account with a concurrency limit of ${formatCount(config.account.concurrencyLimit)}. Seed ${result.seed}, lambdasim ${result.version}.`;
  const sections: ReportSection[] = [{ heading: "Findings", blocks: [{ kind: "list", items: runFindings(result, config, slo) }] }];
  sections.push({
    heading: "Results",
    blocks: [
      table(resultRows(result), ["l", "r", "r", "r", "r", "r", "r", "r", "r"]),
      paragraph(
        `Requests: ${formatCount(t.invocations)} arrived, ${formatCount(t.completed)} completed, ` +
          `${formatCount(t.throttled)} throttled, ${formatCount(t.inFlight)} still in flight at the end` +
          (t.timedOut > 0 ? `; ${formatCount(t.timedOut)} cut by the timeout` : "") +
          (t.errors > 0 ? `; ${formatCount(t.errors)} attempts failed with a function error` : "") +
          (t.retried > 0 ? `; ${formatCount(t.retried)} retries (async events and sync client retries)` : "") +
          (t.droppedToDlq > 0 ? `; ${formatCount(t.droppedToDlq)} async events dropped to the DLQ` : "") +
          (t.throttledByScalingRate > 0 ? `; ${formatCount(t.throttledByScalingRate)} of the throttles by the scaling-rate limit` : "") +
          (t.provisionedConcurrency > 0
            ? `; provisioned concurrency ${formatCount(t.provisionedConcurrency)}, ${formatPercent(t.provisionedUtilization)} utilized, ${formatCount(t.spillover)} requests spilled over to on-demand`
            : "") +
          `. Environments: peak ${formatCount(t.environments.peak)}, ${formatCount(t.environments.created)} created, ` +
          `${formatNumber(t.environments.meanIdle, 1)} idle on average. Latency is measured from arrival to the end of ` +
          `the invocation, init included for cold starts.`,
      ),
    ],
  });
  const queues = queueSection(result);
  if (queues !== null) sections.push(queues);
  if (t.cost) sections.push(costSection(result));
  const providers = capacityProviderSection(result, config);
  if (providers !== null) sections.push(providers);
  const verdicts = sloVerdicts(slo, t);
  if (verdicts.length > 0) {
    const rows = [["objective", "target", "actual", "verdict"], ...verdicts.map((v) => {
      return [`\`${v.objective}\``, formatObjective(v.objective, v.target), formatObjective(v.objective, v.actual), verdict(v.pass)];
    })];
    sections.push({ heading: "Service-level objectives", blocks: [table(rows, ["l", "r", "r", "l"])] });
  }
  const chartedNote = chartedFunctionsNote(chartedFunctions(result));
  sections.push({ heading: "Charts", blocks: [...(chartedNote === null ? [] : [paragraph(chartedNote)]), { kind: "charts" }] });
  sections.push(assumptionsSection(config));
  sections.push({
    heading: "Engine",
    blocks: [
      paragraph(
        `${formatCount(result.engine.events)} events in ${formatNumber(result.engine.wallSeconds, 2)} s ` +
          `(${formatCount(result.engine.eventsPerSecond)} events/s).`,
      ),
    ],
  });
  return { title: result.name, intro: [intro], sections, charts: runCharts(result) };
}

/**
 * The event source mappings (sqs and stream functions), or null without any: per function the
 * messages, the batches (invocations) with their mean size, failures and throttles, and the queue's
 * depth and the age of its oldest message when a batch was taken.
 */
function queueSection(result: Result): ReportSection | null {
  const sources = Object.entries(result.functions).filter(([, r]) => r.queue !== undefined && r.batches !== undefined);
  if (sources.length === 0) return null;
  const head = ["function", "messages", "batches", "mean batch", "failed batches", "throttled batches", "peak depth", "mean depth", "oldest message", "peak pollers"];
  const rows = sources.map(([name, r]) => {
    const b = r.batches!;
    const q = r.queue!;
    return [
      name,
      formatCount(r.invocations),
      formatCount(b.invoked),
      b.meanSize === null ? "n/a" : formatNumber(b.meanSize, 1),
      formatCount(b.failed),
      formatCount(b.throttled),
      formatCount(q.peakDepth),
      formatNumber(q.meanDepth, 1),
      formatMs(q.maxAgeMs),
      b.peakPollers === null ? "n/a" : formatCount(b.peakPollers),
    ];
  });
  return {
    heading: "Queues and batches",
    blocks: [
      table([head, ...rows], ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r"]),
      paragraph(
        "For `sqs` and `stream` functions the results count messages (records): each arrives on the queue and ends in a " +
          "successful batch, in the DLQ, or still in flight; latency runs from its arrival to the end of its batch. A batch " +
          "is one invocation (cold starts are rated per batch). Depth is the messages waiting to be taken into a batch; the " +
          "oldest message is the age of the oldest one when a batch was taken (SQS ApproximateAgeOfOldestMessage, a stream's " +
          "iterator age). Pollers: the SQS poller concurrency reached (n/a for streams). With `duration.per: message` (the " +
          "default) a batch runs the sum of its messages' durations; with `per: batch` one draw covers the batch. " +
          itemFailureWords(sources.map(([, r]) => r.batches!.itemFailures)) +
          "The queue chart of each function shows the messages waiting and in flight, the oldest waiting message, the " +
          "pollers and the throttled batches over time.",
      ),
    ],
  };
}

/** The sentence on partial batch responses, when any message was reported failed (ReportBatchItemFailures). */
function itemFailureWords(itemFailures: number[]): string {
  const total = itemFailures.reduce((a, b) => a + b, 0);
  if (total === 0) return "";
  return (
    `${formatCount(total)} messages were reported failed by their batch (ReportBatchItemFailures) and returned alone, ` +
    "after the visibility timeout, while the rest of their batch completed. "
  );
}

/**
 * What a reviewer should read first, as sentences with their numbers: each SLO verdict with what
 * drives it, throttling and which limit bound, cold starts, and the largest cost line item.
 */
export function runFindings(result: Result, config: SimConfig, slo: Slo | null): string[] {
  const t = result.total;
  const out: string[] = [];
  for (const v of sloVerdicts(slo, t)) {
    if (v.pass === null) out.push(`\`${v.objective}\`: no data to judge (nothing was measured).`);
    else out.push(`\`${v.objective}\` ${v.pass ? "met" : "**missed**"}: ${formatObjective(v.objective, v.actual)} against ${formatObjective(v.objective, v.target)}.`);
  }
  const names = Object.keys(result.functions);
  if (slo && names.length > 1) out.push(`Per function: ${names.map((n) => functionVerdict(n, slo, result.functions[n]!)).join("; ")}.`);
  const coldP99 = t.latencyMs.cold.p99;
  const warmP99 = t.latencyMs.warm.p99;
  if (t.coldStarts > 0 && coldP99 !== null) {
    out.push(
      `${formatCount(t.coldStarts)} cold starts (${formatPercent(t.coldStartRate)} of admitted invocations); p99 of cold requests ${formatMs(coldP99)}, ` +
        `of warm ones ${formatMs(warmP99)}` +
        (t.coldStartRate !== null && t.coldStartRate > 0.01 && t.latencyMs.p99 !== null && warmP99 !== null && t.latencyMs.p99 > warmP99 * 1.2
          ? ": cold starts lift the overall p99; `lambdasim tune provisioned` sizes provisioned concurrency against it."
          : "."),
    );
  } else {
    out.push("No cold start in the measured window.");
  }
  for (const line of coldStartWarningLines(config)) out.push(`Cold-start model: ${line}.`);
  if (t.throttled > 0) {
    const byScaling = t.throttledByScalingRate > 0 ? `${formatCount(t.throttledByScalingRate)} by the scaling-rate limit (${formatCount(ScalingRateLimiter.BURST)} environments per ${formatCount(ScalingRateLimiter.BURST / ScalingRateLimiter.PER_SECOND)} s)` : "";
    const byRate = t.throttledByRequestRate > 0 ? `${formatCount(t.throttledByRequestRate)} by the request-rate limit (${RequestRateLimiter.PER_ENVIRONMENT} × concurrency per second)` : "";
    // Lambda Managed Instances throttle when every environment slot of the function is busy.
    const managedNames = new Set(config.functions.filter((f) => f.managed).map((f) => f.name));
    const byCapacity = names.filter((n) => managedNames.has(n)).reduce((sum, n) => sum + result.functions[n]!.throttled, 0);
    const byConcurrency = t.throttled - t.throttledByScalingRate - t.throttledByRequestRate - byCapacity;
    const parts = [
      ...(byConcurrency > 0 ? [`${formatCount(byConcurrency)} by the concurrency limit (account or reserved)`] : []),
      ...(byCapacity > 0 ? [`${formatCount(byCapacity)} by capacity-provider saturation (every environment slot busy while instances scale)`] : []),
      ...[byScaling, byRate].filter((x) => x !== ""),
    ];
    const where = names.length > 1 ? `; by function: ${names.filter((n) => result.functions[n]!.throttled > 0).map((n) => `\`${n}\` ${formatCount(result.functions[n]!.throttled)}`).join(", ")}` : "";
    out.push(`**${formatCount(t.throttled)} requests throttled** (${formatPercent(t.throttleRate)}): ${parts.join(", ")}${where}.`);
    if (byConcurrency > 0 && config.account.newAccountQuota) {
      out.push(
        `The concurrency limit that throttled is a new account's reduced quota, ${formatCount(config.account.concurrencyLimit)} concurrent ` +
          "executions (`account.preset: new`; the value users report, lambda-limits.json concurrency.newAccountReducedExamples, as AWS " +
          "publishes none): AWS raises it as the account is used, or on request; set `account.concurrencyLimit` to the quota you have.",
      );
    }
  } else {
    out.push(`No request throttled; peak concurrency ${formatCount(t.concurrency.peak)} against an account limit of ${formatCount(config.account.concurrencyLimit)}.`);
  }
  for (const [name, r] of Object.entries(result.functions)) {
    if (r.queue === undefined || r.batches === undefined) continue;
    out.push(
      `\`${name}\`'s queue peaked at ${formatCount(r.queue.peakDepth)} messages waiting; the oldest waited ${formatMs(r.queue.maxAgeMs)} ` +
        `before its batch (${formatCount(r.batches.invoked)} batches, ${formatCount(r.batches.failed)} failed).`,
    );
  }
  const cost = t.cost;
  if (cost && cost.monthly.total > 0) {
    const items = ["requests", "compute", "init", "provisioned", "ephemeralStorage", "snapStart", "frontDoor"] as const;
    const top = items.reduce((a, k) => (cost.monthly[k] > cost.monthly[a] ? k : a), items[0]);
    out.push(`${formatUsd(cost.monthly.total)} per month, ${formatPercent(cost.monthly[top] / cost.monthly.total)} of it ${COST_LABELS[top]}.`);
  }
  return out;
}

/** Each function's cold-start model warnings, as "`name`: warning" lines (the findings and `run` print them). */
export function coldStartWarningLines(config: SimConfig): string[] {
  return config.functions.flatMap((f) => (f.coldStartWarnings ?? []).map((w) => `\`${f.name}\`: ${w}`));
}

/** "`checkout` meets every objective" or "`image-resize` misses p99LatencyMs (7.54 s), maxThrottleRate (25.2 %)". */
function functionVerdict(name: string, slo: Slo, r: FunctionResult): string {
  const verdicts = sloVerdicts(slo, r);
  const fmt = (v: (typeof verdicts)[number]) => formatObjective(v.objective, v.actual);
  const missed = verdicts.filter((v) => v.pass === false);
  const unjudged = verdicts.filter((v) => v.pass === null);
  if (missed.length > 0) return `\`${name}\` **misses** ${missed.map((v) => `${v.objective} (${fmt(v)})`).join(", ")}`;
  if (unjudged.length === verdicts.length) return `\`${name}\` has no data to judge`;
  return `\`${name}\` meets ${unjudged.length > 0 ? "the objectives it has data for" : "every objective"} (${verdicts.filter((v) => v.pass).map((v) => `${v.objective} ${fmt(v)}`).join(", ")})`;
}

/** The review document `summary.md` for one run (pure: returns Markdown text). */
export function summaryMarkdown(input: RunReportInput): string {
  return documentMarkdown(runDocument(input));
}

/** People's names of the cost line items. */
const COST_LABELS: Record<Exclude<keyof CostBreakdown, "total">, string> = {
  requests: "requests",
  compute: "duration (compute)",
  init: "INIT phase",
  provisioned: "provisioned concurrency",
  ephemeralStorage: "ephemeral storage",
  snapStart: "SnapStart",
  frontDoor: "front door",
  instances: "LMI instances (EC2)",
  managementFee: "LMI management fee",
};

/** "Cost" section: line items per month and for the simulated window, in dollars. */
function costSection(result: Result): ReportSection {
  const items = ["requests", "compute", "init", "provisioned", "ephemeralStorage", "snapStart", "frontDoor", "instances", "managementFee"] as const;
  const labels = COST_LABELS;
  const names = Object.keys(result.functions);
  if (names.length > CHARTED_FUNCTIONS) return costByFunctionSection(result);
  const head = ["line item", ...names.map((n) => `${n} / month`), ...(names.length > 1 ? ["total / month"] : []), "total / window"];
  const rows = [head];
  const cost = (r: FunctionResult) => withManagedLines(r.cost!);
  for (const k of items) {
    if (cost(result.total).monthly[k] === 0 && cost(result.total).window[k] === 0) continue;
    rows.push([
      labels[k],
      ...names.map((n) => formatUsd(cost(result.functions[n]!).monthly[k])),
      ...(names.length > 1 ? [formatUsd(cost(result.total).monthly[k])] : []),
      formatUsd(cost(result.total).window[k]),
    ]);
  }
  rows.push([
    "**total**",
    ...names.map((n) => `**${formatUsd(cost(result.functions[n]!).monthly.total)}**`),
    ...(names.length > 1 ? [`**${formatUsd(cost(result.total).monthly.total)}**`] : []),
    `**${formatUsd(cost(result.total).window.total)}**`,
  ]);
  return {
    heading: "Cost",
    blocks: [
      table(rows, ["l", ...rows[0]!.slice(1).map(() => "r" as const)]),
      paragraph(costNote(result)),
    ],
  };
}

/** A cost with the managed-instance lines at 0 where the function has none (an on-demand function). */
function withManagedLines(c: NonNullable<FunctionResult["cost"]>): { window: Required<CostBreakdown>; monthly: Required<CostBreakdown> } {
  const fill = (b: CostBreakdown): Required<CostBreakdown> => ({ ...b, instances: b.instances ?? 0, managementFee: b.managementFee ?? 0 });
  return { window: fill(c.window), monthly: fill(c.monthly) };
}

/**
 * "Capacity providers" (Lambda Managed Instances): per provider its instances, vCPU utilisation against
 * the target, environments, scaling and bill, what its series say over time, and its chart; null
 * without capacity providers.
 */
function capacityProviderSection(result: Result, config: SimConfig): ReportSection | null {
  const providers = config.capacityProviders ?? [];
  if (providers.length === 0 || result.capacityProviders === undefined) return null;
  const items = providers.map((c) => {
    const r = result.capacityProviders![c.name]!;
    const fns = config.functions.filter((f) => f.managed?.providerName === c.name).map((f) => `\`${f.name}\``);
    const u = r.vcpuUtilization;
    const cost = r.cost ? `; ${formatUsd(r.cost.monthly.total)} per month (instances ${formatUsd(r.cost.monthly.instances)}, management fee ${formatUsd(r.cost.monthly.managementFee)}, requests ${formatUsd(r.cost.monthly.requests)})` : "";
    // Several types: each with its mean instances, launched in turn (a lambdasim choice).
    const types = r.byInstanceType
      ? Object.entries(r.byInstanceType).map(([t, x]) => `${t} ${x.instances.mean.toFixed(2)}`).join(" + ") + " instances on average, launched in turn"
      : r.instanceType;
    return (
      `\`${c.name}\` (${types}, ${c.pricing.plan === "onDemand" ? "On-Demand" : `Savings Plan ${formatPercent(c.pricing.discount)} off`}) runs ${fns.join(", ")}: ` +
      `${r.instances.mean.toFixed(2)} instances on average, peak ${r.instances.peak} (minimum ${c.minInstances}, ${r.launched} launched and ${r.drained} drained by scaling); ` +
      `vCPU utilisation ${formatPercent(u.mean)} on average, peak reading ${formatPercent(u.peak)} against a target of ${formatPercent(c.targetUtilization)}` +
      `${c.scalingMode === "auto" ? " (automatic mode: a lambdasim choice)" : ""}; environments ${r.environments.mean.toFixed(1)} on average, peak ${r.environments.peak}${cost}` +
      (r.series ? `. Over time: ${capacityProviderTimeWords(r.series, result.series, result.horizonSeconds)}.` : ".")
    );
  });
  const charts = capacityProviderChartNames(result);
  return {
    heading: "Capacity providers",
    blocks: [
      { kind: "list", items },
      paragraph(
        "Lambda Managed Instances: no cold starts on the request path; each environment serves up to its `maxConcurrency` requests, sharing its vCPUs " +
          "(the CPU-bound part of a duration stretches under load, the I/O part does not); instances are billed per hour while they run, " +
          `with a 15 % management fee and no duration charge. The launch delay (${formatSeconds(providers[0]!.launchDelayMs / 1000)}), the 1-minute scaling readings and the placement of environments are lambdasim choices: AWS does not publish them.` +
          (charts.size > 0
            ? " The chart of each provider shows its instances billed (those launching, billed but not yet serving, as a band) and environments, " +
              "its CPU utilisation with each scaling reading (the larger of CPU and concurrency-slot utilisation) against the target, and its functions' throttles."
            : ""),
      ),
      ...providers.flatMap((c) => {
        const name = charts.get(c.name);
        return name === undefined ? [] : [{ kind: "chart" as const, name }];
      }),
    ],
  };
}

/** How the Cost section's month is made, and where its prices come from, under its table. */
function costNote(result: Result): string {
  return (
    "The month projects the measured window's usage to the scenario's `pricing.monthHours` (default 730 h) " +
    `before volume tiers and the free tier apply; prices: ${result.total.cost?.prices?.text ?? "the bundled catalog"}.`
  );
}

/**
 * The Cost section of a run with more functions than the charts draw: one row per function (line
 * items that are non-zero somewhere as columns) and a total row, so the table grows down, not across.
 */
function costByFunctionSection(result: Result): ReportSection {
  const items = (["requests", "compute", "init", "provisioned", "ephemeralStorage", "snapStart", "frontDoor", "instances", "managementFee"] as const).filter(
    (k) => (result.total.cost!.monthly[k] ?? 0) !== 0 || (result.total.cost!.window[k] ?? 0) !== 0,
  );
  const head = ["function", ...items.map((k) => `${COST_LABELS[k]} / month`), "total / month", "total / window"];
  const row = (name: string, r: FunctionResult) => [
    name,
    ...items.map((k) => formatUsd(r.cost!.monthly[k] ?? 0)),
    formatUsd(r.cost!.monthly.total),
    formatUsd(r.cost!.window.total),
  ];
  const rows = [head, ...Object.entries(result.functions).map(([n, r]) => row(n, r))];
  rows.push(row("**total**", result.total).map((c, i) => (i === 0 ? c : `**${c}**`)));
  return { heading: "Cost", blocks: [table(rows, ["l", ...head.slice(1).map(() => "r" as const)]), paragraph(costNote(result))] };
}

/** "Assumptions": what each function was simulated with, and where the numbers come from. */
function assumptionsSection(config: SimConfig): ReportSection {
  const dist = (d: DistSpec | null) => (d === null ? "none" : describeTimes(d, formatMs));
  const rows = [["function", "duration", "cold start", "idle lifetime", "maximum lifetime", "provisioned"]];
  for (const f of config.functions) {
    const scaling = f.durationScaling ? ` at ${f.durationScaling.atMemoryMB} MB, ${formatPercent(f.durationScaling.cpuBound)} CPU-bound` : "";
    const pc = f.provisioned.kind === "fixed" ? String(f.provisioned.count) : f.provisioned.kind === "schedule" ? "daily schedule" : "target tracking";
    rows.push([f.name, dist(f.duration) + scaling, `${dist(f.coldStart)} (${f.coldStartSource})`, dist(f.idleLifetime), dist(f.maxLifetime), pc]);
  }
  return {
    heading: "Assumptions",
    blocks: [
      table(rows),
      paragraph(
        "Lambda's limits and behaviours (account concurrency, reserved and provisioned concurrency, the scaling " +
      "and request-rate limits, INIT limits, async retries, pollers) follow AWS's documentation as compiled in " +
      "lambdasim's reference (`lambda-limits.json`, with a source key beside every number in the code); cold " +
      "starts are fitted to maxday/lambda-perf and Mikhail Shilkov's measurements; prices come from the dated " +
      "catalog generated from `aws-pricing.json`. The README's \"The model and its assumptions\" lists each one " +
      "with its source and date.",
      ),
    ],
  };
}

