import { describe, expect, it } from "vitest";
import { seriesOrder, sweepChart, type SweepChartInput } from "../../src/report/charts/sweep-chart.js";
import { compileChart } from "../../src/report/render-chart.js";
import { schemaErrors } from "./vega-lite-schema.js";

type Colour = { scale: { domain: string[] }; legend: { labelLimit: number } };
type Panel = { layer: Array<{ encoding: { y: { title: string; scale?: { type?: string } }; color?: Colour } }> };

/** A sweep over memory (first axis) and rate (second), the rates written out of numeric order, costs from `cost`. */
function twoAxes(cost: (rate: number) => number): SweepChartInput {
  const rates = ["1000/s", "10/s", "100/s"];
  const points = [256, 1024].flatMap((m) =>
    rates.map((r) => {
      const n = Number.parseInt(r, 10);
      const v = (mean: number) => ({ mean, low: null, high: null });
      return { values: { "functions.checkout.memoryMB": String(m), "arrivals.rate": r }, status: "ok" as const, metrics: { p99Ms: v(100), monthlyCost: v(cost(n)), throttleRate: v(0), coldStartRate: v(0.01) } };
    }),
  );
  return { axes: [{ path: "functions.checkout.memoryMB", values: ["256", "1024"] }, { path: "arrivals.rate", values: rates }], points };
}

describe("sweep chart legend and cost axis", () => {
  it("orders the legend by number (10, 100, 1000), not as text", () => {
    expect(seriesOrder([{ path: "arrivals.rate", values: ["1000/s", "10/s", "100/s"] }])).toEqual(["arrivals.rate=10/s", "arrivals.rate=100/s", "arrivals.rate=1000/s"]);
    const spec = sweepChart(twoAxes((r) => r))!.spec;
    const colour = (spec as unknown as { vconcat: Panel[] }).vconcat[0]!.layer[0]!.encoding.color!;
    expect(colour.scale.domain).toEqual(["arrivals.rate=10/s", "arrivals.rate=100/s", "arrivals.rate=1000/s"]);
    // "arrivals.rate=1000/s" is 20 characters: the label limit leaves room for it.
    expect(colour.legend.labelLimit).toBeGreaterThanOrEqual(20 * 7);
    expect(schemaErrors(spec)).toEqual([]);
    expect(compileChart(spec).warnings).toEqual([]);
  });

  it("keeps every character of long legend labels", () => {
    const input = twoAxes((r) => r);
    const long = "functions.a-very-long-function-name-indeed.arrivals.rate";
    const renamed: SweepChartInput = {
      axes: [input.axes[0]!, { path: long, values: input.axes[1]!.values }],
      points: input.points.map((p) => ({ ...p, values: { "functions.checkout.memoryMB": p.values["functions.checkout.memoryMB"]!, [long]: p.values["arrivals.rate"]! } })),
    };
    const colour = (sweepChart(renamed)!.spec as unknown as { vconcat: Panel[] }).vconcat[0]!.layer[0]!.encoding.color!;
    const longest = Math.max(...colour.scale.domain.map((l) => l.length));
    expect(longest).toBe(long.length + "=1000/s".length);
    expect(colour.legend.labelLimit).toBeGreaterThanOrEqual(longest * 7);
  });

  it("puts monthly cost on a log axis when it spans more than 10×, and not when it spans less", () => {
    const title = (input: SweepChartInput) => ((sweepChart(input)!.spec as unknown as { vconcat: Panel[] }).vconcat[1]!.layer[0]!.encoding.y);
    const wide = title(twoAxes((r) => r * 0.5)); // 5 .. 500 USD: 100×
    expect(wide.title).toBe("monthly cost (USD, log scale)");
    expect(wide.scale?.type).toBe("log");
    const narrow = title(twoAxes((r) => 40 + r / 100)); // 40.1 .. 50 USD
    expect(narrow.title).toBe("monthly cost (USD)");
    expect(narrow.scale?.type).toBeUndefined();
    expect(schemaErrors(sweepChart(twoAxes((r) => r * 0.5))!.spec)).toEqual([]);
  });
});
