import { describe, expect, it } from "vitest";
import { documentMarkdown } from "../../src/report/document-markdown.js";
import { paragraph, table, verdict, type ReportDocument } from "../../src/report/document.js";
import { htmlPage } from "../../src/report/html-page.js";
import { runDocument, runFindings, summaryMarkdown } from "../../src/report/run-document.js";
import { formatMs } from "../../src/report/format.js";
import { sweepDocument } from "../../src/report/sweep-document.js";
import { tuneMemoryDocument, type MemoryReportPoint } from "../../src/report/tune-memory-document.js";
import { tuneProvisionedDocument, type ProvisionedReportOption } from "../../src/report/tune-provisioned-document.js";
import { memoryCurveChart } from "../../src/report/charts/index.js";
import { renderChart } from "../../src/report/render-chart.js";
import { runInput } from "./fixtures.js";
import { fn, scenario } from "../support/configs.js";

const libraries = { vega: "/*vega*/", vegaLite: "/*vl*/", vegaEmbed: "/*embed*/" };

describe("report documents", () => {
  const doc: ReportDocument = {
    title: "t <1>",
    intro: ["Intro with `code` and **bold**."],
    sections: [
      { heading: "Numbers", blocks: [table([["a", "b"], ["x", verdict(false)], ["y", verdict(true)]], ["l", "r"]), paragraph("after")] },
      { heading: "List", blocks: [{ kind: "list", items: ["one", "two"] }] },
    ],
    charts: [memoryCurveChart([{ memoryMB: 128, p99Ms: 10, monthlyCost: 1, sloPass: null }], null, null)],
  };

  it("render the same content as Markdown and as HTML, failed verdicts bold and coloured", () => {
    const md = documentMarkdown(doc);
    expect(md).toContain("# t <1>\n\nIntro with `code` and **bold**.\n\n## Numbers\n\n| a | b |\n| --- | ---: |\n| x | **FAIL** |\n| y | pass |\n");
    expect(md).toContain("## List\n\n- one\n- two\n");
    const html = htmlPage(doc, libraries);
    expect(html).toContain("<h1>t &lt;1&gt;</h1>");
    expect(html).toContain("<p>Intro with <code>code</code> and <strong>bold</strong>.</p>");
    expect(html).toContain('<td class="num fail">FAIL</td>');
    expect(html).toContain('<td class="num pass">pass</td>');
    expect(html).toContain("<li>one</li>");
  });

  it("append a Charts section when the document has charts but places none", () => {
    expect(documentMarkdown(doc)).toMatch(/## Charts\n\n!\[Memory size: latency and cost\]\(tune-memory\.svg\)\n$/);
    expect(htmlPage(doc, libraries)).toMatch(/<h2>Charts<\/h2>[\s\S]*<div class="chart" id="chart-0"/);
    expect(documentMarkdown({ ...doc, charts: [] })).not.toContain("## Charts");
  });

  it("give the run summary and the run page the same sections", () => {
    const input = runInput();
    const md = summaryMarkdown(input);
    const html = htmlPage(runDocument(input), libraries);
    const mdHeadings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    const htmlHeadings = [...html.matchAll(/<h2>(.+?)<\/h2>/g)].map((m) => m[1]);
    expect(mdHeadings).toEqual(["Findings", "Results", "Cost", "Service-level objectives", "Charts", "Assumptions", "Engine"]);
    expect(htmlHeadings).toEqual(mdHeadings);
  });
});

describe("sweep document", () => {
  const ci = (mean: number) => ({ mean, low: mean * 0.9, high: mean * 1.1 });
  const metrics = (p99: number, cost: number) => ({ invocations: ci(1000), throttleRate: ci(0), coldStartRate: ci(0.01), p50Ms: ci(p99 / 3), p99Ms: ci(p99), monthlyCost: ci(cost) });
  const results = {
    name: "s",
    seed: 9,
    horizonSeconds: 3600,
    replications: 3,
    axes: [{ path: "functions.f.memoryMB", values: ["512", "1024", "99999"] }],
    points: [
      { point: 0, values: { "functions.f.memoryMB": "512" }, status: "ok" as const, errors: [], metrics: metrics(400, 10) },
      { point: 1, values: { "functions.f.memoryMB": "1024" }, status: "ok" as const, errors: [], metrics: metrics(200, 12) },
      { point: 2, values: { "functions.f.memoryMB": "99999" }, status: "failed" as const, errors: ["functions[0].memoryMB: 99999 is not allowed"], metrics: null },
    ],
    failed: 1,
    notFinished: 2,
    interrupted: true,
  };
  const highlights = {
    highlights: [{ label: "cheapest", values: { "functions.f.memoryMB": "512" }, p99Ms: 400, monthlyCost: 10 }],
    meetingSlo: 1,
  };
  const md = documentMarkdown(sweepDocument({ results, highlights, slo: { p99LatencyMs: 300 }, description: null, simulations: 6, workers: 2, wallSeconds: 1.5 }));

  it("states what was swept, the points singled out with their numbers, and the SLO count", () => {
    expect(md).toContain("A sweep of `functions.f.memoryMB` over 3 values (512, 1024, 99999): 5 points × 3 replications, 1 h simulated each, base seed 9");
    expect(md).toContain("- **cheapest**: `functions.f.memoryMB=512`, p99 400 ms, $10.00 per month.");
    expect(md).toContain("- 1 of 2 finished points meet the SLO (p99 ≤ 300 ms), judged on means.");
  });

  it("shows means ± half the interval, and lists failed and unfinished points", () => {
    expect(md).toContain("| 1024 | 1,000 ± 100 | 0 % ± 0 % | 1.00 % ± 0.10 % | 66.7 ms ± 6.7 ms | 200 ms ± 20.0 ms | $12.00 ± $1.20 |");
    expect(md).toContain("| 99999 | failed |");
    expect(md).toContain("- point 2 (`functions.f.memoryMB=99999`): functions[0].memoryMB: 99999 is not allowed");
    expect(md).toContain("- 2 points did not finish: the sweep was interrupted.");
    expect(md).toContain("](sweep.svg)");
  });

  it("puts a given traffic level before each choice and says traffic is not one", () => {
    const given = {
      highlights: [
        { label: "cheapest meeting the SLO", values: { "functions.f.memoryMB": "512" }, given: { "arrivals.rate": "10/s" }, p99Ms: 280, monthlyCost: 7 },
        { label: "lowest p99, none meets the SLO", values: { "functions.f.memoryMB": "1024" }, given: { "arrivals.rate": "100/s" }, p99Ms: 480, monthlyCost: 120 },
      ],
      meetingSlo: 1,
    };
    const text = documentMarkdown(sweepDocument({ results, highlights: given, slo: { p99LatencyMs: 300 }, description: null, simulations: 6, workers: 2, wallSeconds: 1.5 }));
    expect(text).toContain("- **cheapest meeting the SLO** at `arrivals.rate=10/s`: `functions.f.memoryMB=512`, p99 280 ms, $7.00 per month.");
    expect(text).toContain("- **lowest p99, none meets the SLO** at `arrivals.rate=100/s`: `functions.f.memoryMB=1024`, p99 480 ms, $120.00 per month.");
    expect(text).toContain("- `arrivals.rate` is what the world gives, not a choice: each finding above holds at its value and none recommends one.");
  });
});

describe("tune documents", () => {
  const iv = (mean: number) => ({ mean, low: null, high: null });
  const size = (memoryMB: number, p99: number, cost: number, sloPass: boolean): MemoryReportPoint => ({
    memoryMB, status: "ok", errors: [], p50Ms: iv(p99 / 4), p99Ms: iv(p99), monthlyCost: iv(cost), timeoutRate: iv(0), sloPass,
  });
  const base = { name: "api", function: "f", seed: 1, horizonSeconds: 3600, replications: 1, strategy: "cost", sloP99Ms: 500, description: null, workers: 2, wallSeconds: 3 };
  const curve = [size(128, 900, 10, false), size(512, 450, 11, true), size(1024, 240, 15, true)];

  it("tune memory: gives the recommended size with its p99 and cost against the cheapest and the fastest", () => {
    const md = documentMarkdown(tuneMemoryDocument({ ...base, curve, durationScales: true, recommendation: { memoryMB: 512, strategy: "cost", sloMet: true, reason: "cheapest monthly cost" } }));
    expect(md).toContain("- **512 MB**: cheapest monthly cost. p99 450 ms, p50 113 ms, $11.00 per month, within the p99 objective of 500 ms.");
    expect(md).toContain("- Cheapest size: 128 MB (p99 900 ms, $10.00 per month); fastest size: 1,024 MB (p99 240 ms, $15.00 per month).");
    expect(md).toContain("- The recommendation costs $1.00 per month more than the cheapest size and cuts p99 by 450 ms.");
    expect(md).toContain("| 128 MB | 225 ms | 900 ms | 0 % | $10.00 | **FAIL** |  |");
    expect(md).not.toContain("**The duration does not change with memory");
  });

  it("tune memory: warns when the duration does not depend on memory", () => {
    const md = documentMarkdown(tuneMemoryDocument({ ...base, curve, durationScales: false, recommendation: { memoryMB: 128, strategy: "cost", sloMet: false, reason: "cheapest" } }));
    expect(md).toContain("**The duration does not change with memory in this scenario**");
    expect(md).toContain("**no size meets the p99 objective of 500 ms**");
  });

  it("tune provisioned: recommends the cheapest option meeting every objective and states the saving against a level in the table", () => {
    const pass = [{ objective: "maxColdStartRate", target: 0.02, actual: 0.01, pass: true }];
    const fail = [{ objective: "maxColdStartRate", target: 0.02, actual: 0.05, pass: false }];
    const option = (label: string, plan: ProvisionedReportOption["plan"], cost: number, ok: boolean): ProvisionedReportOption =>
      ({ label, plan, coldStartRate: ok ? 0.01 : 0.05, p99Ms: 300, throttleRate: 0, monthlyCost: cost, meetsSlo: ok, verdicts: ok ? pass : fail });
    const schedule = option("hourly schedule", { kind: "schedule", steps: [{ atMsOfDay: 28_500_000, count: 20 }, { atMsOfDay: 64_800_000, count: 0 }] }, 90, true);
    const hours = Array.from({ length: 24 }, (_, h) => ({ hour: h, level: h >= 8 && h < 18 ? 20 : 0, met: true }));
    const md = documentMarkdown(
      tuneProvisionedDocument({
        name: "sale", function: "f", description: null, seed: 1, maxLevel: 900,
        window: { warmupSeconds: 600, horizonSeconds: 90_000, judgedFromSeconds: 3600 },
        slo: { maxColdStartRate: 0.02 },
        noPc: option("no provisioned concurrency", { kind: "fixed", count: 0 }, 50, false),
        fixedLevels: [option("fixed 10", { kind: "fixed", count: 10 }, 120, false), option("fixed 20", { kind: "fixed", count: 20 }, 190, true)],
        fixed: option("fixed 20", { kind: "fixed", count: 20 }, 190, true),
        schedule, hours,
        recommendation: { option: "hourly schedule", monthlyCost: 90, reason: "the cheapest option simulated that meets every objective" },
        savings: { against: "fixed 20", monthly: 100 },
        load: { hour: hours.map((h) => h.hour), arrivalsPerSec: hours.map(() => 1) },
        scheduleLeadMs: 300_000,
      }),
    );
    expect(md).toContain("- **recommended: hourly schedule (07:55 → 20, 18:00 → 0) at $90.00/month** — the cheapest option simulated that meets every objective");
    expect(md).toContain("- saves $100.00/month against fixed 20 (the cheapest fixed level meeting every objective, in the table)");
    expect(md).toContain("| fixed 20 |");
    expect(md).toMatch(/\| fixed 10 \| 5\.00 % \|.*\*\*FAIL\*\* \| maxColdStartRate 5\.00 % \|/);
    expect(md).toContain("| 07:55 | 20 |");
    expect(md).toContain("](pc-schedule.svg)");
  });

  it("tune provisioned: says that no option meets the objectives when none does", () => {
    const fail = [{ objective: "p99LatencyMs", target: 100, actual: 300, pass: false }];
    const o = { label: "no provisioned concurrency", plan: { kind: "fixed" as const, count: 0 }, coldStartRate: 0, p99Ms: 300, throttleRate: 0, monthlyCost: 5, meetsSlo: false, verdicts: fail };
    const md = documentMarkdown(
      tuneProvisionedDocument({
        name: "slow", function: "f", description: null, seed: 1, maxLevel: 40, window: { warmupSeconds: 0, horizonSeconds: 600, judgedFromSeconds: 0 },
        slo: { p99LatencyMs: 100 }, noPc: o, fixedLevels: [], fixed: null, schedule: null, hours: [], recommendation: null, savings: null,
        load: { hour: [], arrivalsPerSec: [] }, scheduleLeadMs: 300_000,
      }),
    );
    expect(md).toContain("no option meets every objective: no provisioned concurrency, the fixed levels up to 40");
  });
});

describe("run findings", () => {
  it("state each SLO verdict, the cold starts, throttling by limit and the largest cost item, with numbers", () => {
    const input = runInput();
    const t = input.result.total;
    const lines = runFindings(input.result, input.config, { p99LatencyMs: 1, maxThrottleRate: 0.5 });
    expect(lines[0]).toMatch(/^`p99LatencyMs` \*\*missed\*\*: .+ against 1\.0 ms\.$/);
    expect(lines[1]).toBe("`maxThrottleRate` met: 0 % against 50.0 %.");
    expect(lines[2]).toContain(`${t.coldStarts.toLocaleString("en-US")} cold starts`);
    expect(lines[3]).toMatch(/^No request throttled; peak concurrency \d+ against an account limit of 1,000\.$/);
    expect(lines[4]).toMatch(/^\$[\d,.]+ per month, [\d.]+ % of it (duration \(compute\)|requests)\.$/);
  });

  it("judge each function on its own when there are several, and say where the throttles were", () => {
    const input = runInput();
    const api = input.result.functions.api!;
    const quiet = { ...api, throttled: 0, throttleRate: 0 };
    const busy = { ...api, throttled: 40, throttleRate: 0.2, latencyMs: { ...api.latencyMs, p99: 2_500 } };
    const total = { ...input.result.total, throttled: 40, throttleRate: 0.1 };
    const lines = runFindings({ ...input.result, total, functions: { checkout: quiet, resize: busy } }, input.config, { p99LatencyMs: 1_000, maxThrottleRate: 0.01 });
    expect(lines).toContain(
      `Per function: \`checkout\` meets every objective (p99LatencyMs ${formatMs(api.latencyMs.p99)}, maxThrottleRate 0 %); \`resize\` **misses** p99LatencyMs (2.50 s), maxThrottleRate (20.0 %).`,
    );
    expect(lines.find((l) => l.includes("requests throttled"))).toMatch(/; by function: `resize` 40\.$/);
  });

  /** An SQS worker at 80 messages/s on 5 pollers of 10-message batches for 600 s, each batch's work given per message or per batch. */
  const sqsWorker = (durationPer: "message" | "batch", durationMs: number, name: string) =>
    scenario(
      [
        fn({
          name: "worker",
          invocation: "sqs",
          sqs: { batchSize: 10, batchingWindowMs: 0, maximumConcurrency: 5, visibilityTimeoutMs: 30_000, maxReceiveCount: null, durationPer, reportBatchItemFailures: false },
          duration: { dist: "constant", value: durationMs },
          arrivals: { kind: "constant", ratePerSec: 80 },
        }),
      ],
      { name, horizonMs: 600_000 },
    );

  it("give an SQS function's queue and batches their own section and finding, with the numbers of the result", () => {
    const config = sqsWorker("batch", 1000, "queue-fixture");
    const input = runInput(config);
    const w = input.result.functions.worker!;
    // 5 batches of 10 messages a second serve 50 of the 80 arriving each second: over 600 s, 3,000
    // batches; the backlog grows by 30/s to 18,000 (mean 9,000); FIFO, message n waits n × (1/50 − 1/80) s,
    // so the last one served (n = 30,000) waited 225 s.
    expect(Math.abs(w.batches!.invoked - 3000)).toBeLessThanOrEqual(5);
    expect(w.queue!.peakDepth / 18_000).toBeCloseTo(1, 2);
    expect(w.queue!.meanDepth / 9_000).toBeCloseTo(1, 2);
    expect(w.queue!.maxAgeMs / 225_000).toBeCloseTo(1, 2);
    const md = summaryMarkdown(input);
    expect(md).toContain("\n## Queues and batches\n");
    expect(md).toContain(`| worker | ${w.invocations.toLocaleString("en-US")} | ${w.batches!.invoked.toLocaleString("en-US")} | 10 | 0 | 0 | ${w.queue!.peakDepth.toLocaleString("en-US")} |`);
    expect(runFindings(input.result, config, null)).toContain(
      `\`worker\`'s queue peaked at ${w.queue!.peakDepth.toLocaleString("en-US")} messages waiting; the oldest waited ${formatMs(w.queue!.maxAgeMs)} before its batch (${w.batches!.invoked.toLocaleString("en-US")} batches, 0 failed).`,
    );
    expect(summaryMarkdown(runInput())).not.toContain("Queues and batches");
  });

  it("draw the queue of an SQS function over time: waiting, in flight, oldest message, pollers and throttles", async () => {
    const config = sqsWorker("message", 100, "queue-chart");
    const input = runInput(config);
    const charts = runDocument(input).charts.filter((c) => c.name.startsWith("queue"));
    expect(charts.map((c) => [c.name, c.title])).toEqual([["queue", "Queue of worker"]]);
    // Per message: a batch of 10 runs 10 × 100 ms, so 5 pollers serve 50 of the 80 messages a second (as
    // per batch above, now from per-message durations): the backlog reaches 18,000, the oldest 225 s.
    const rows = (charts[0]!.spec.data as { values: Array<Record<string, number>> }).values;
    const max = (k: string) => Math.max(...rows.map((r) => r[k]!));
    expect(max("waiting") / 18_000).toBeCloseTo(1, 2);
    expect(max("in flight")).toBe(50);
    expect(max("oldestSeconds") / 225).toBeCloseTo(1, 2);
    expect(max("pollers")).toBe(5);
    expect(max("throttled batches")).toBe(0);
    const { svg } = await renderChart(charts[0]!.spec);
    expect(svg).toContain("oldest message (s)");
    expect(runDocument(runInput()).charts.some((c) => c.name.startsWith("queue"))).toBe(false);
  });

  it("draw the queue of a stream function too: records waiting grow at arrivals minus the shards' closed-form rate", () => {
    // 2 shards, one batch of 100 records in flight each, 200 ms a batch: 2 × 100 / 0.2 s = 1,000 records/s against
    // 2,000 arriving, so over 600 s the records waiting reach (2,000 − 1,000) × 600 = 600,000 and the oldest has
    // waited 300 s (the record that arrived at 300 s is reached at 600 s).
    const config = scenario(
      [
        fn({
          name: "consumer",
          invocation: "stream",
          stream: { shards: 2, parallelizationFactor: 1, batchSize: 100, batchingWindowMs: 0, maximumRecordAgeMs: -1, maximumRetryAttempts: -1, durationPer: "batch" },
          duration: { dist: "constant", value: 200 },
          arrivals: { kind: "constant", ratePerSec: 2000 },
        }),
      ],
      { name: "stream-queue", horizonMs: 600_000 },
    );
    const charts = runDocument(runInput(config)).charts.filter((c) => c.name.startsWith("queue"));
    expect(charts.map((c) => [c.name, c.title])).toEqual([["queue", "Queue of consumer"]]);
    const rows = (charts[0]!.spec.data as { values: Array<Record<string, number>> }).values;
    const max = (k: string) => Math.max(...rows.map((r) => r[k]!));
    expect(max("waiting") / 600_000).toBeCloseTo(1, 2);
    expect(max("in flight")).toBe(200);
    expect(max("oldestSeconds") / 300).toBeCloseTo(1, 2);
    expect(rows.every((r) => !("pollers" in r))).toBe(true); // shards, not pollers: no pollers line
  });

  it("split throttles by the limit that bound", () => {
    const input = runInput();
    const total = { ...input.result.total, throttled: 30, throttledByScalingRate: 10, throttledByRequestRate: 5, throttleRate: 0.01 };
    const lines = runFindings({ ...input.result, total }, input.config, null);
    expect(lines).toContain(
      "**30 requests throttled** (1.00 %): 15 by the concurrency limit (account or reserved), 10 by the scaling-rate limit (1,000 environments per 10 s), 5 by the request-rate limit (10 × concurrency per second).",
    );
  });
});
