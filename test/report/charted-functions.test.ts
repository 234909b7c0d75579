import { describe, expect, it } from "vitest";
import { documentMarkdown } from "../../src/report/document-markdown.js";
import { htmlPage } from "../../src/report/html-page.js";
import { runDocument } from "../../src/report/run-document.js";
import { CHARTED_FUNCTIONS, chartedFunctions } from "../../src/report/charts/charted-functions.js";
import { arrivalsChart, costRows } from "../../src/report/charts/index.js";
import { fn, scenario } from "../support/configs.js";
import { runInput } from "./fixtures.js";

const libraries = { vega: "/*vega*/", vegaLite: "/*vl*/", vegaEmbed: "/*embed*/" };

/**
 * 300 functions for 10 minutes: `busy-0`..`busy-9` at 50 req/s (about 30,000 invocations each), the
 * other 290 at 0.5 req/s (about 300 each), so the ten busiest are known without counting.
 */
function manyFunctions() {
  const functions = Array.from({ length: 300 }, (_, i) => {
    const busy = i % 30 === 7; // the busy ones are spread through the scenario, not first
    return fn({
      name: busy ? `busy-${Math.floor(i / 30)}` : `quiet-${i}`,
      duration: { dist: "constant", value: 20 },
      arrivals: { kind: "poisson", ratePerSec: busy ? 50 : 0.5 },
    });
  });
  return runInput(scenario(functions, { name: "many", horizonMs: 600_000, account: { concurrencyLimit: 10_000 } }));
}

describe("charts of a run with many functions", () => {
  const input = manyFunctions();
  const busy = Array.from({ length: 10 }, (_, k) => `busy-${k}`);

  it("chart the ten functions with the most invocations and sum the other 290", () => {
    const charted = chartedFunctions(input.result);
    expect(CHARTED_FUNCTIONS).toBe(10);
    expect([...charted.names].sort()).toEqual(busy);
    expect(charted.others).toHaveLength(290);
    const rows = (arrivalsChart(input.result).spec as { data: { values: Array<{ function: string }> } }).data.values;
    const drawn = [...new Set(rows.map((r) => r.function))];
    expect(drawn).toEqual([...charted.names, "other (290 functions)"]);
    // The "other" line carries the account's arrivals less the charted functions', bucket by bucket.
    const s = input.result.series;
    const other = rows.filter((r) => r.function === "other (290 functions)") as unknown as Array<{ series: string; rate: number }>;
    const otherArrivals = other.filter((r) => r.series === "arrivals");
    expect(otherArrivals).toHaveLength(s.t.length);
    const width = s.bucketSeconds;
    s.t.forEach((_, i) => {
      if (i === s.t.length - 1) return; // the last bucket may be shorter than the others
      const drawn = charted.names.reduce((n, name) => n + input.result.functions[name]!.series!.arrivals[i]!, 0);
      expect(otherArrivals[i]!.rate * width).toBeCloseTo(s.arrivals[i]! - drawn, 3);
    });
  });

  it("give the cost chart eleven bars: the ten busiest and the others summed to the cent", () => {
    const rows = costRows(input.result);
    expect(new Set(rows.map((r) => r.function)).size).toBe(11);
    const other = rows.filter((r) => r.function === "other (290 functions)").reduce((a, r) => a + r.dollars, 0);
    const want = chartedFunctions(input.result).others.reduce((a, n) => a + input.result.functions[n]!.cost!.monthly.total, 0);
    expect(Math.abs(other - want)).toBeLessThan(0.01 * 7); // each of the (at most 7) line items rounded to the cent
  });

  it("keep the page small and say on it, and in summary.md, which functions the charts draw", () => {
    const doc = runDocument(input);
    const html = htmlPage(doc, libraries);
    // Before the limit each chart drew a line per function: 300 functions × 2 series × every bucket.
    expect(html.length).toBeLessThan(3_000_000);
    const md = documentMarkdown(doc);
    for (const text of [md, html]) {
      expect(text).toContain("draw the 10 busiest of 300 functions by invocations");
      for (const name of busy) expect(text).toContain(name);
      expect(text).toContain("quiet-299"); // the tables still list every function
    }
    // The cost table grows down (a row per function), not across.
    const costTable = md.slice(md.indexOf("## Cost"), md.indexOf("## Service-level") > 0 ? md.indexOf("## Service-level") : md.indexOf("## Charts"));
    expect(costTable.split("\n").find((l) => l.startsWith("| function"))).toBeDefined();
    expect(costTable.split("\n").filter((l) => l.startsWith("| quiet-"))).toHaveLength(290);
  });

  it("leave a run of up to ten functions charted one by one, in scenario order", () => {
    const few = runInput(scenario([fn({ name: "b", arrivals: { kind: "poisson", ratePerSec: 1 } }), fn({ name: "a", arrivals: { kind: "poisson", ratePerSec: 9 } })], { horizonMs: 600_000 }));
    expect(chartedFunctions(few.result)).toEqual({ names: ["b", "a"], others: [] });
    expect(documentMarkdown(runDocument(few))).not.toContain("busiest");
  });
});
