import { describe, expect, it } from "vitest";
import { arrivalsChart, breakEvenChart, concurrencyChart, pcScheduleChart, costChart, costRows, latencyBinRows, latencyChart, latencyDistributionChart, memoryCurveChart, numericAxis, runCharts, sweepChart, type SweepChartInput } from "../../src/report/charts/index.js";
import { schemaErrors } from "./vega-lite-schema.js";
import { DEFAULT_MAX_BUCKETS } from "../../src/core/stats/time-series.js";
import { compileChart, renderChart } from "../../src/report/render-chart.js";
import { optionsChart } from "../../src/report/charts/options-chart.js";
import { ORIGINAL_LAYER_CHARTS, withOriginalLayer } from "../../src/report/charts/original-layer.js";
import { apiConfig, runInput, withEmptyBuckets } from "./fixtures.js";

const input = runInput(apiConfig(3_600_000, 20));
const result = input.result;

/** The data rows of a chart spec with inline values. */
function rows(spec: unknown): Array<Record<string, unknown>> {
  return (spec as { data: { values: Array<Record<string, unknown>> } }).data.values;
}

/** Every encoding channel definition in a (possibly layered) spec, with its channel name. */
function encodings(spec: unknown): Array<[string, Record<string, unknown>]> {
  const out: Array<[string, Record<string, unknown>]> = [];
  const walk = (s: Record<string, unknown>) => {
    for (const [ch, def] of Object.entries((s.encoding as Record<string, unknown>) ?? {})) {
      if (ch !== "tooltip") out.push([ch, def as Record<string, unknown>]);
    }
    for (const l of (s.layer as Array<Record<string, unknown>>) ?? []) walk(l);
  };
  walk(spec as Record<string, unknown>);
  return out;
}

describe("run report chart specs", () => {
  it("compile with vega-lite without a single warning", () => {
    for (const c of runCharts(result)) expect(compileChart(c.spec).warnings, c.name).toEqual([]);
  });

  it("compile without warnings when buckets are empty and nothing was measured", () => {
    const empty = withEmptyBuckets(result, result.series.t.map((_, i) => i));
    const none = { ...empty, latencyDistribution: { lowerMs: [], cold: [], warm: [] } };
    for (const c of runCharts(none)) expect(compileChart(c.spec).warnings, c.name).toEqual([]);
  });

  it("label every quantitative positional axis with its unit in parentheses", () => {
    for (const c of runCharts(result)) {
      for (const [ch, def] of encodings(c.spec)) {
        if ((ch === "x" || ch === "y") && def.type === "quantitative") expect(String(def.title), `${c.name}.${ch}`).toMatch(/\((h|min|req\/s|ms[^)]*|count|%|USD)\)$/);
      }
    }
  });

  it("put simulated time in minutes for a 1 h run and in hours for a 30 h run, over the measured window", () => {
    const x = encodings(arrivalsChart(result).spec).find(([ch]) => ch === "x")![1];
    expect(x.title).toBe("simulated time (min)");
    expect((x.scale as { domain: number[] }).domain).toEqual([1, 60]); // 1 min warm-up to 60 min
    const long = { ...result, horizonSeconds: 30 * 3600 };
    expect(encodings(arrivalsChart(long).spec).find(([ch]) => ch === "x")![1].title).toBe("simulated time (h)");
  });

  it("plot arrivals as a rate that averages back to the requests that arrived", () => {
    const data = rows(arrivalsChart(result).spec);
    const w = result.series.bucketSeconds;
    const total = data.reduce((a, r, i) => a + (r.arrivals as number) * Math.min(w, result.horizonSeconds - result.series.t[i]!), 0);
    expect(Math.abs(total - result.total.invocations)).toBeLessThan(1e-3 * result.total.invocations);
    const y = encodings(arrivalsChart(result).spec).find(([ch]) => ch === "y")![1];
    expect(y).toMatchObject({ field: "rate", type: "quantitative", title: "requests per second (req/s)" });
  });

  it("draw running, environments and idle from concurrencyMax, environmentsMax and idleMax", () => {
    const data = rows(concurrencyChart(result).spec);
    data.forEach((r, i) => {
      expect(r.running).toBe(result.series.concurrencyMax[i]);
      expect(r.environments).toBe(result.series.environmentsMax[i]);
      expect(r.idle).toBe(result.series.idleMax[i]);
    });
    const color = encodings(concurrencyChart(result).spec).find(([ch]) => ch === "color")![1];
    expect((color.scale as { domain: string[] }).domain).toEqual(["running", "environments", "idle"]);
  });

  it("keep empty buckets as null in the latency data, never 0 or NaN", () => {
    const holed = withEmptyBuckets(result, [3, 4, 10]);
    const data = rows(latencyChart(holed).spec);
    expect(data[3]!.p99).toBeNull();
    expect(data[4]!.p50).toBeNull();
    expect(data[10]!.p99).toBeNull();
    expect(data[5]!.p99).toBe(holed.series.p99[5]);
    const json = JSON.stringify(latencyChart(holed).spec);
    expect(json).not.toMatch(/NaN/);
  });

  it("mark the buckets with cold starts, sized by their count, on a log latency axis", () => {
    const spec = latencyChart(result).spec as { layer: Array<{ mark: { type: string }; encoding: Record<string, Record<string, unknown>> }> };
    const marks = spec.layer[1]!;
    expect(marks.mark.type).toBe("point");
    expect(marks.encoding.size).toMatchObject({ field: "coldStarts", type: "quantitative" });
    expect(spec.layer[0]!.encoding.y!.scale).toEqual({ type: "log" });
    expect(rows(spec).filter((r) => (r.coldStarts as number) > 0).length).toBeGreaterThan(0);
  });

  it("show each group's latency bins as shares that add up to 100 % on a log axis", () => {
    const bins = latencyBinRows(result.latencyDistribution);
    for (const group of ["warm", "cold"] as const) {
      const share = bins.filter((b) => b.group === group).reduce((a, b) => a + b.sharePercent, 0);
      expect(share).toBeCloseTo(100, 2);
    }
    expect(bins.every((b) => b.lowerMs > 0 && b.upperMs > b.lowerMs)).toBe(true);
    // Cold requests include the 150 ms init: their bins start above the warm minimum.
    const minOf = (g: string) => Math.min(...bins.filter((b) => b.group === g).map((b) => b.lowerMs));
    expect(minOf("cold")).toBeGreaterThan(minOf("warm"));
    const x = encodings(latencyDistributionChart(result).spec).find(([ch]) => ch === "x")![1];
    expect(x).toMatchObject({ field: "lowerMs", title: "latency (ms, log scale)", scale: { type: "log" } });
  });

  it("draw a log-uniform latency distribution flat: density per doubling, no step at 16, 32, 64 or 128 ms", () => {
    // 8 equal-width bins per doubling from 8 ms to 256 ms, each holding a share proportional to its log width:
    // the distribution is uniform in log latency, so its density per doubling is the same everywhere.
    const lowerMs: number[] = [];
    for (let k = 3; k < 8; k++) for (let j = 0; j < 8; j++) lowerMs.push(2 ** k + (j * 2 ** k) / 8);
    const edges = [...lowerMs, 256];
    const warm = lowerMs.map((lo, i) => Math.round(1e6 * Math.log2(edges[i + 1]! / lo)));
    const bins = latencyBinRows({ lowerMs, warm, cold: lowerMs.map(() => 0) });
    const density = bins.map((b) => b.densityPercentPerDoubling);
    expect(Math.max(...density) / Math.min(...density)).toBeLessThan(1.001);
    expect(density[0]).toBeCloseTo(100 / 5, 2); // 5 doublings hold 100 %
    // The share per bin, drawn before, jumps by 16/9 at each power of two (last bin 16/15 wide, first 9/8).
    const at32 = bins.findIndex((b) => b.lowerMs === 32);
    expect(bins[at32]!.sharePercent / bins[at32 - 1]!.sharePercent).toBeCloseTo(Math.log2(9 / 8) / Math.log2(32 / 30), 3);
    const y = encodings(latencyDistributionChart(result).spec).find(([ch]) => ch === "y")![1];
    expect(y).toMatchObject({ field: "densityPercentPerDoubling" });
  });

  it("give the last latency bin the width of its doubling / 8 and draw the zero bin from half its upper edge", () => {
    const bins = latencyBinRows({ lowerMs: [0, 1, 64], warm: [1, 1, 2], cold: [0, 0, 0] });
    expect(bins.map((b) => [b.lowerMs, b.upperMs])).toEqual([
      [0.5, 1],
      [1, 64],
      [64, 72],
    ]);
  });

  it("keep every time series within the simulator's bucket cap, even for 30 days", () => {
    const month = runInput(apiConfig(30 * 24 * 3_600_000, 0.02)).result;
    expect(month.series.t.length).toBeLessThanOrEqual(DEFAULT_MAX_BUCKETS);
    for (const c of runCharts(month).slice(0, 3)) expect(rows(c.spec).length, c.name).toBeLessThanOrEqual(DEFAULT_MAX_BUCKETS);
  });

  it("refuse a series longer than the cap instead of drawing it", () => {
    const n = DEFAULT_MAX_BUCKETS + 1;
    const long = Array.from({ length: n }, () => 0);
    const series = { ...result.series, t: long, arrivals: long, throttles: long, coldStarts: long, concurrencyMax: long, environmentsMax: long, idleMax: long, p50: long, p99: long };
    expect(() => arrivalsChart({ ...result, series })).toThrow(RangeError);
  });
});

describe("monthly cost chart", () => {
  it("stacks one segment per non-zero line item, adding up to the monthly total", () => {
    const { result } = runInput();
    const rows = costRows(result);
    const monthly = result.total.cost!.monthly;
    expect(rows.map((r) => r.item)).toEqual(["requests", "duration", "INIT phase"].filter((_, i) => [monthly.requests, monthly.compute, monthly.init][i]! > 0));
    expect(rows.reduce((a, r) => a + r.dollars, 0)).toBeCloseTo(monthly.total, 2);
    const chart = costChart(result)!;
    expect(compileChart(chart.spec).warnings).toEqual([]);
    const enc = (chart.spec as { encoding: Record<string, { field?: string; title?: string }> }).encoding;
    expect(enc.x!.field).toBe("dollars");
    expect(enc.x!.title).toBe("monthly cost (USD)");
    expect(enc.color!.field).toBe("item");
  });

  it("is left out when the run was not priced", () => {
    const { result } = runInput();
    const unpriced = { ...result, total: { ...result.total, cost: undefined } };
    expect(costChart(unpriced)).toBeNull();
    expect(runCharts(unpriced).map((c) => c.name)).not.toContain("cost");
  });
});

describe("memory tuner chart", () => {
  const rows = [
    { memoryMB: 128, p99Ms: 900, monthlyCost: 12.5, sloPass: false },
    { memoryMB: 512, p99Ms: 240, monthlyCost: 13.1, sloPass: true },
    { memoryMB: 1024, p99Ms: 130, p99Low: 120, p99High: 140, monthlyCost: 14.9, sloPass: true },
    { memoryMB: 2048, p99Ms: null, monthlyCost: null, sloPass: null },
  ];

  it("draws only the tested sizes with data, as points on labelled log-memory axes", () => {
    const chart = memoryCurveChart(rows, 512, 300);
    expect(compileChart(chart.spec).warnings).toEqual([]);
    const spec = chart.spec as { data: { values: Array<{ memoryMB: number }> }; vconcat: Array<{ layer: Array<{ mark: { type: string }; encoding: Record<string, { title?: string; scale?: { type?: string } }> }> }> };
    expect(spec.data.values.map((v) => v.memoryMB)).toEqual([128, 512, 1024]); // 2048 had no data: not drawn as 0
    for (const panel of spec.vconcat) {
      expect(panel.layer.some((l) => l.mark.type === "point")).toBe(true);
      const first = panel.layer[0]!.encoding;
      expect(first.x!.title).toBe("memory (MB, log scale)");
      expect(first.x!.scale!.type).toBe("log");
    }
    expect(spec.vconcat[0]!.layer[0]!.encoding.y!.title).toBe("p99 latency (ms)");
    expect(spec.vconcat[1]!.layer[0]!.encoding.y!.title).toBe("monthly cost (USD)");
  });

  it("renders to an SVG with the recommended size and the SLO marked", async () => {
    const { svg } = await renderChart(memoryCurveChart(rows, 512, 300).spec);
    expect(svg).toContain("memory (MB, log scale)");
    expect(svg).toContain("recommended 512 MB");
  });
});

describe("compare options chart", () => {
  it("colours each option by its SLO verdict and rules the p99 objective (issue 13 case 4: a verdict in the chart)", () => {
    const spec = optionsChart([{ option: "Lambda", monthly: 730.53, p99Ms: 420, meetsSlo: true }, { option: "Fargate 1 vCPU / 2 GB", monthly: 300, p99Ms: 838, meetsSlo: false }], 800).spec as unknown as {
      data: { values: Array<{ option: string; slo: string }> };
      hconcat: Array<{ encoding?: { color?: { field: string } }; layer?: Array<{ data?: { values: Array<{ p99Ms: number }> }; encoding?: { color?: { field: string } } }> }>;
    };
    expect(spec.data.values.map((v) => [v.option, v.slo])).toEqual([
      ["Lambda", "meets the SLO"],
      ["Fargate 1 vCPU / 2 GB", "misses the SLO"],
    ]);
    expect(spec.hconcat[0]!.encoding!.color!.field).toBe("slo");
    expect(spec.hconcat[1]!.layer![0]!.encoding!.color!.field).toBe("slo");
    expect(spec.hconcat[1]!.layer!.some((l) => l.data?.values[0]?.p99Ms === 800)).toBe(true);
  });
});

describe("break-even chart", () => {
  const search = {
    fleet: "EC2",
    probes: [
      { ratePerSec: 1, lambdaMonthly: 2.3, fleetMonthly: 59.6 },
      { ratePerSec: 100, lambdaMonthly: 227.8, fleetMonthly: 59.6 },
      { ratePerSec: 26, lambdaMonthly: 59.2, fleetMonthly: 59.6 },
    ],
    ratePerSec: 26.15,
    lowPerSec: 25.9,
    highPerSec: 26.4,
  };
  type Layer = { data: { values: Array<Record<string, unknown>> }; mark: { type: string } };
  const layersOf = (spec: unknown) => (spec as { layer: Layer[] }).layer;

  it("draws Lambda and the fleet at the probed rates only, with the break-even marked", () => {
    const chart = breakEvenChart([search], 50);
    expect(compileChart(chart.spec).warnings).toEqual([]);
    const layers = layersOf(chart.spec);
    const points = layers.find((l) => l.mark.type === "point")!.data.values;
    expect(points.filter((v) => v.option === "Lambda").map((v) => v.ratePerSec)).toEqual([1, 26, 100]);
    expect(points.filter((v) => v.option === "EC2")).toHaveLength(3);
    expect(layers.find((l) => l.mark.type === "rule")!.data.values).toMatchObject([{ ratePerSec: 26.15, low: 25.9, high: 26.4, label: "EC2 break-even 26.15/s" }]);
  });

  it("labels each break-even on the chart and marks the scenario's own traffic with a labelled rule", async () => {
    const chart = breakEvenChart([search, { ...search, fleet: "Fargate 1 vCPU / 2 GB", ratePerSec: 40, lowPerSec: 38, highPerSec: 42 }], 50);
    const texts = layersOf(chart.spec).filter((l) => l.mark.type === "text").flatMap((l) => l.data.values.map((v) => v.label));
    expect(texts).toEqual(["EC2 break-even 26.15/s", "Fargate 1 vCPU / 2 GB break-even 40/s", "scenario's traffic 50/s"]);
    const { svg } = await renderChart(chart.spec);
    expect(svg).toContain("EC2 break-even 26.15/s");
    expect(svg).toContain("scenario's traffic 50/s");
  });

  it("draws a fleet cheaper over the whole range as a line through both ends, not a single dot", () => {
    const cheaper = { fleet: "EC2", probes: [{ ratePerSec: 1, lambdaMonthly: 80, fleetMonthly: 60 }, { ratePerSec: 100, lambdaMonthly: 8000, fleetMonthly: 70 }], ratePerSec: null, lowPerSec: 1, highPerSec: 100 };
    const layers = layersOf(breakEvenChart([cheaper], 10).spec);
    const line = layers.find((l) => l.mark.type === "line")!.data.values;
    expect(line.filter((v) => v.option === "EC2").map((v) => v.ratePerSec)).toEqual([1, 100]);
    expect(line.filter((v) => v.option === "Lambda").map((v) => v.ratePerSec)).toEqual([1, 100]);
    expect(layers.find((l) => l.mark.type === "rule")!.data.values).toEqual([]);
  });
});

describe("provisioned-concurrency schedule chart", () => {
  it("draws the load per clock hour as bars and the schedule as a step line over the 24 h day, including changes inside an hour", () => {
    const load = { hour: Array.from({ length: 24 }, (_, h) => h), arrivalsPerSec: Array.from({ length: 24 }, (_, h) => (h === 8 ? 126 : 1)) };
    const steps = [
      { atMsOfDay: 7 * 3_600_000 + 3_300_000, count: 17 },
      { atMsOfDay: 9 * 3_600_000, count: 0 },
    ];
    const met = load.hour.map((h) => (h === 0 ? null : true));
    const chart = pcScheduleChart(load, steps, met);
    expect(compileChart(chart.spec).warnings).toEqual([]);
    expect(schemaErrors(chart.spec)).toEqual([]);
    type Layer = { data: { values: Array<{ hour: number; provisioned?: number; slo?: string }> }; encoding: Record<string, { title?: string; scale?: { domain?: unknown } }> };
    const spec = chart.spec as { layer: Layer[]; resolve: unknown };
    expect(spec.layer[0]!.encoding.x!.title).toBe("time of day (h)");
    expect(spec.layer[0]!.encoding.x!.scale!.domain).toEqual([0, 24]);
    expect(spec.layer[1]!.encoding.y!.title).toBe("provisioned environments (count)");
    expect(spec.resolve).toEqual({ scale: { y: "independent" } });
    // The rise at 07:55 is drawn where it happens; the line spans 0..24 h.
    const levels = spec.layer[1]!.data.values;
    expect(levels.find((v) => Math.abs(v.hour - (7 + 55 / 60)) < 1e-3)?.provisioned).toBe(17);
    expect(levels.find((v) => v.hour === 9)?.provisioned).toBe(0);
    expect(levels[0]).toEqual({ hour: 0, provisioned: 0 });
    expect(levels[levels.length - 1]).toEqual({ hour: 24, provisioned: 0 });
    // Each hour's bar carries the hour's SLO verdict.
    expect(spec.layer[0]!.data.values.map((v) => v.slo).slice(0, 2)).toEqual(["not judged", "met"]);
  });

  it("draws an all-zero schedule on the floor of a 0..1 axis of whole environments", () => {
    const chart = pcScheduleChart({ hour: [0, 1], arrivalsPerSec: [5, 40] }, [{ atMsOfDay: 0, count: 0 }]);
    const y = (chart.spec as { layer: Array<{ encoding: { y: { scale?: { domain: number[] }; axis?: { format?: string } } } }> }).layer[1]!.encoding.y;
    expect(y.scale?.domain).toEqual([0, 1]);
    expect(y.axis?.format).toBe("d");
    expect(compileChart(chart.spec).warnings).toEqual([]);
    expect(schemaErrors(chart.spec)).toEqual([]);
  });
});

describe("concurrency chart with provisioned concurrency", () => {
  it("adds the provisioned line only when the run had provisioned environments", () => {
    const config = apiConfig();
    const withPc = { ...config, functions: [{ ...config.functions[0]!, provisioned: { kind: "fixed" as const, count: 7 } }] };
    const keysOf = (c: ReturnType<typeof concurrencyChart>) =>
      ((c.spec as { encoding: { color: { scale: { domain: string[] } } } }).encoding.color.scale.domain);
    const pc = concurrencyChart(runInput(withPc).result);
    expect(keysOf(pc)).toContain("provisioned");
    const rows = (pc.spec as { data: { values: Array<{ provisioned: number }> } }).data.values;
    expect(rows.every((r) => r.provisioned === 7)).toBe(true);
    expect(compileChart(pc.spec).warnings).toEqual([]);
    expect(keysOf(concurrencyChart(runInput().result))).not.toContain("provisioned");
  });
});

describe("sweep chart", () => {
  const ci = (mean: number, half: number | null = null) => ({ mean, low: half === null ? null : mean - half, high: half === null ? null : mean + half });
  const metrics = (p99: number, cost: number, throttle: number, cold: number, half: number | null = null) => ({
    p99Ms: ci(p99, half),
    monthlyCost: ci(cost, half === null ? null : half / 100),
    throttleRate: ci(throttle),
    coldStartRate: ci(cold),
  });
  const oneAxis: SweepChartInput = {
    axes: [{ path: "arrivals.rate", values: ["10/s", "100/s", "1000/s"] }],
    points: [
      { values: { "arrivals.rate": "10/s" }, status: "ok", metrics: metrics(120, 5, 0, 0.02, 4) },
      { values: { "arrivals.rate": "100/s" }, status: "failed", metrics: null },
      { values: { "arrivals.rate": "1000/s" }, status: "ok", metrics: metrics(180, 420, 0.012, 0.001, 6) },
    ],
  };
  const data = (spec: unknown) => (spec as { data: { values: Array<Record<string, unknown>> } }).data.values;
  const panels = (spec: unknown) =>
    (spec as { vconcat: Array<{ layer: Array<{ mark: { type: string }; encoding: Record<string, { title?: string; type?: string; scale?: { type?: string } }> }> }> }).vconcat;

  it("draws only the finished points, as points with their 95 % intervals, on a log axis named for the swept field", () => {
    const chart = sweepChart(oneAxis)!;
    expect(compileChart(chart.spec).warnings).toEqual([]);
    expect(data(chart.spec).map((r) => r.x)).toEqual([10, 1000]); // the failed 100/s point is not drawn
    expect(data(chart.spec)[0]).toMatchObject({ p99Ms: 120, p99MsLow: 116, p99MsHigh: 124, throttleRate: 0, coldStartRate: 2 });
    const titles = panels(chart.spec).map((p) => p.layer[0]!.encoding.y!.title);
    // 5 and 420 USD span more than 10×: the cost axis is logarithmic.
    expect(titles).toEqual(["p99 latency (ms)", "monthly cost (USD, log scale)", "throttled (%)", "cold starts (%)"]);
    for (const p of panels(chart.spec)) {
      expect(p.layer.map((l) => l.mark.type)).toEqual(["line", "rule", "point"]);
      expect(p.layer[0]!.encoding.x!.title).toBe("arrivals.rate (/s, log scale)");
      expect(p.layer[0]!.encoding.x!.scale!.type).toBe("log");
    }
  });

  it("uses an ordinal axis in the sweep's order for values that are not numbers, and one colour per value of the other axes", () => {
    const input: SweepChartInput = {
      axes: [
        { path: "functions.f.architecture", values: ["x86_64", "arm64"] },
        { path: "functions.f.memoryMB", values: ["512", "1024"] },
      ],
      points: [
        { values: { "functions.f.architecture": "x86_64", "functions.f.memoryMB": "512" }, status: "ok", metrics: metrics(200, 10, 0, 0.01) },
        { values: { "functions.f.architecture": "x86_64", "functions.f.memoryMB": "1024" }, status: "ok", metrics: metrics(150, 12, 0, 0.01) },
        { values: { "functions.f.architecture": "arm64", "functions.f.memoryMB": "512" }, status: "ok", metrics: metrics(210, 8, 0, 0.01) },
        { values: { "functions.f.architecture": "arm64", "functions.f.memoryMB": "1024" }, status: "ok", metrics: metrics(160, 9.6, 0, 0.01) },
      ],
    };
    const chart = sweepChart(input)!;
    expect(compileChart(chart.spec).warnings).toEqual([]);
    const x = panels(chart.spec)[0]!.layer[2]!.encoding.x as { type: string; sort: string[] };
    expect(x.type).toBe("ordinal");
    expect(x.sort).toEqual(["x86_64", "arm64"]);
    expect(new Set(data(chart.spec).map((r) => r.series))).toEqual(new Set(["functions.f.memoryMB=512", "functions.f.memoryMB=1024"]));
    expect(panels(chart.spec)[0]!.layer[2]!.encoding.color!.title).toBe("functions.f.memoryMB");
  });

  it("gives a metric that is 0 at every point a 0..1 axis, and leaves the others to the data", () => {
    const input: SweepChartInput = { axes: oneAxis.axes, points: oneAxis.points.map((p) => (p.metrics ? { ...p, metrics: { ...p.metrics, throttleRate: ci(0) } } : p)) };
    const scales = panels(sweepChart(input)!.spec).map((p) => p.layer[0]!.encoding.y!.scale as { domain?: number[] } | undefined);
    expect(scales.map((sc) => sc?.domain ?? null)).toEqual([null, null, [0, 1], null]);
  });

  it("is left out when there is no axis or no finished point", () => {
    expect(sweepChart({ axes: [], points: [] })).toBeNull();
    expect(sweepChart({ axes: oneAxis.axes, points: [oneAxis.points[1]!] })).toBeNull();
  });

  it("reads numbers with one shared unit, and nothing else, as a numeric axis", () => {
    expect(numericAxis(["250ms", "1000ms"])).toEqual({ numbers: [250, 1000], unit: "ms" });
    expect(numericAxis(["512", "1e3"])).toEqual({ numbers: [512, 1000], unit: "" });
    expect(numericAxis(["250ms", "1s"])).toBeNull();
    expect(numericAxis(["arm64", "x86_64"])).toBeNull();
  });
});

describe("every chart spec", () => {
  const sweep = sweepChart({
    axes: [{ path: "functions.f.memoryMB", values: ["128", "1024"] }],
    points: [
      { values: { "functions.f.memoryMB": "128" }, status: "ok", metrics: { p99Ms: { mean: 900, low: 850, high: 950 }, monthlyCost: { mean: 3, low: 2.9, high: 3.1 }, throttleRate: null, coldStartRate: { mean: 0.01, low: null, high: null } } },
      { values: { "functions.f.memoryMB": "1024" }, status: "ok", metrics: { p99Ms: { mean: 200, low: 190, high: 210 }, monthlyCost: { mean: 4, low: 3.9, high: 4.1 }, throttleRate: null, coldStartRate: null } },
    ],
  })!;
  const all = [
    ...runCharts(result),
    memoryCurveChart([{ memoryMB: 128, p99Ms: 900, monthlyCost: 3, sloPass: false }, { memoryMB: 1024, p99Ms: 200, p99Low: 190, p99High: 210, monthlyCost: 4, sloPass: true }], 1024, 300),
    breakEvenChart([{ fleet: "EC2", probes: [{ ratePerSec: 1, lambdaMonthly: 2, fleetMonthly: 60 }, { ratePerSec: 100, lambdaMonthly: 200, fleetMonthly: 60 }], ratePerSec: 30, lowPerSec: 29, highPerSec: 31 }], 10),
    pcScheduleChart({ hour: [0, 1], arrivalsPerSec: [5, 40] }, [{ atMsOfDay: 3_300_000, count: 20 }], [true, false]),
    optionsChart([{ option: "Lambda", monthly: 730, p99Ms: 420, meetsSlo: true }, { option: "Fargate 1 vCPU / 2 GB", monthly: 300, p99Ms: 838, meetsSlo: false }], 800),
    sweep,
  ];

  it.each(all.map((c) => [c.name, c] as const))("%s validates against the Vega-Lite JSON schema vega-lite ships", (_name, chart) => {
    expect(schemaErrors(chart.spec)).toEqual([]);
  });

  it("fails the schema check when a spec is broken (the check can fail)", () => {
    const broken = { ...(runCharts(result)[0]!.spec as object), mark: "pointy" };
    expect(schemaErrors(broken).length).toBeGreaterThan(0);
    expect(schemaErrors({ data: { values: [] }, mark: "point", encoding: { x: { field: "a", type: "quantitive" } } }).length).toBeGreaterThan(0);
  });
});

describe("run report charts of a multi-function run", () => {
  // A fixed two-function result: the account series split between "api" (half, rounded down) and
  // "img.v2" (the rest; a dotted name, which a fold would misread as a path).
  const split = (xs: number[]) => ({ a: xs.map((x) => Math.floor(x / 2)), b: xs.map((x) => x - Math.floor(x / 2)) });
  const arrivals = split(result.series.arrivals);
  const throttles = split(result.series.throttles.map((_, i) => i % 3)); // some throttles in most buckets
  const concurrency = split(result.series.concurrencyMax);
  const colds = split(result.series.coldStarts);
  const spills = split(result.series.spillover);
  const multi = {
    ...result,
    series: { ...result.series, throttles: result.series.throttles.map((_, i) => i % 3) },
    functions: {
      api: { ...result.total, series: { arrivals: arrivals.a, throttles: throttles.a, concurrencyMax: concurrency.a, coldStarts: colds.a, p99: result.series.p99, spillover: spills.a } },
      "img.v2": { ...result.total, series: { arrivals: arrivals.b, throttles: throttles.b, concurrencyMax: concurrency.b, coldStarts: colds.b, p99: result.series.p99, spillover: spills.b } },
    },
  };

  it("validate against the Vega-Lite schema and compile without a single warning", () => {
    for (const c of [arrivalsChart(multi), concurrencyChart(multi)]) {
      expect(schemaErrors(c.spec), c.name).toEqual([]);
      expect(compileChart(c.spec).warnings, c.name).toEqual([]);
    }
  });

  it("colour arrivals by function and dash the throttles, with rates that sum to the account's per bucket", () => {
    const chart = arrivalsChart(multi);
    const enc = Object.fromEntries(encodings(chart.spec));
    expect(enc.color).toMatchObject({ field: "function", type: "nominal", scale: { domain: ["api", "img.v2"] } });
    expect(enc.strokeDash).toMatchObject({ field: "series", type: "nominal", scale: { domain: ["arrivals", "throttles"] } });
    const data = rows(chart.spec);
    expect(data).toHaveLength(2 * 2 * result.series.t.length);
    const s = multi.series;
    s.t.forEach((t, i) => {
      const w = Math.min(s.bucketSeconds, multi.horizonSeconds - t);
      for (const key of ["arrivals", "throttles"] as const) {
        const rate = data.filter((r) => r.t === t && r.series === key).reduce((a, r) => a + (r.rate as number), 0);
        expect(Math.abs(rate * w - s[key][i]!), `${key} at ${t}`).toBeLessThan(1e-3 * Math.max(1, s[key][i]!));
      }
    });
  });

  it("add a running line per function to the account's running, environments and idle", () => {
    const chart = concurrencyChart(multi);
    const color = Object.fromEntries(encodings(chart.spec)).color!;
    expect((color.scale as { domain: string[] }).domain).toEqual(["running", "environments", "idle", "running: api", "running: img.v2"]);
    const data = rows(chart.spec);
    const line = (series: string) => data.filter((r) => r.series === series).map((r) => r.count);
    expect(line("running: api")).toEqual(concurrency.a);
    expect(line("running: img.v2")).toEqual(concurrency.b);
    expect(line("running")).toEqual(result.series.concurrencyMax);
    expect(line("environments")).toEqual(result.series.environmentsMax);
  });

  it("leave a single-function run's charts without per-function encodings", () => {
    const enc = Object.fromEntries(encodings(arrivalsChart(result).spec));
    expect(enc.color!.field).toBe("series");
    expect(enc.strokeDash).toBeUndefined();
    expect((enc.color!.scale as { domain: string[] }).domain).toEqual(["arrivals", "throttles"]);
  });
});

describe("the what-if charts' original layer", () => {
  const other = runInput(apiConfig(3_600_000, 40)).result;

  it("layers the original run's lines, faded and dashed, under each time-series chart, compiling without a warning", () => {
    const before = runCharts(result);
    const after = runCharts(other);
    for (const name of ORIGINAL_LAYER_CHARTS) {
      const a = after.find((c) => c.name === name)!.spec;
      const b = before.find((c) => c.name === name)!.spec;
      const spec = withOriginalLayer(a, b)!;
      expect(spec, name).not.toBeNull();
      expect(schemaErrors(spec), name).toEqual([]);
      expect(compileChart(spec as never).warnings, name).toEqual([]);
      const [orig, now] = spec.layer as Array<{ data: { values: unknown[] }; transform: unknown[]; layer: Array<{ mark: { type: string; strokeDash?: number[] } }> }>;
      // Each side keeps its own rows, and says which run it is.
      expect(orig!.data.values).toEqual((b as { data: { values: unknown[] } }).data.values);
      expect(now!.data.values).toEqual((a as { data: { values: unknown[] } }).data.values);
      expect(orig!.transform.at(-1)).toEqual({ calculate: '"original"', as: "run" });
      expect(now!.transform.at(-1)).toEqual({ calculate: '"what if"', as: "run" });
      expect(orig!.layer.every((l) => l.mark.type === "line" && l.mark.strokeDash !== undefined), name).toBe(true);
      expect(spec.title).toEqual((a as { title: unknown }).title);
    }
  });

  it("draws no original layer when the two time axes differ (a changed horizon)", () => {
    const longer = runInput(apiConfig(6 * 3_600_000, 20)).result;
    expect(withOriginalLayer(latencyChart(longer).spec, latencyChart(result).spec)).toBeNull();
  });
});
