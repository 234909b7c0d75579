import { describe, expect, it } from "vitest";
import { Resvg } from "@resvg/resvg-js";
import { latencyChart, runCharts } from "../../src/report/charts/index.js";
import { chartToSvg, renderChart, svgToPng } from "../../src/report/render-chart.js";
import { apiConfig, runInput, withEmptyBuckets } from "./fixtures.js";

const result = runInput(apiConfig(3_600_000, 20)).result;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Pixels with dark ink in a rendered SVG. */
function darkPixels(svg: string): number {
  const px = new Resvg(svg, { font: { loadSystemFonts: true } }).render().pixels;
  let n = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i + 3]! > 0 && px[i]! < 128) n++;
  return n;
}

describe("chart rendering in Node", () => {
  it("renders every chart to an SVG with marks and axis titles, and a PNG", async () => {
    for (const c of runCharts(result)) {
      const { svg, png } = await renderChart(c.spec);
      expect(svg.startsWith("<svg"), c.name).toBe(true);
      expect(svg.trimEnd().endsWith("</svg>"), c.name).toBe(true);
      expect(svg, c.name).toMatch(/class="mark-(line|area|rect|symbol)/);
      expect(svg, c.name).toMatch(/\((h|min|ms, log scale|USD)\)/);
      expect([...png.subarray(0, 8)], c.name).toEqual(PNG_SIGNATURE);
      expect(png.length, c.name).toBeGreaterThan(10_000);
    }
  });

  it("draws the PNG at twice the chart's SVG size", async () => {
    const svg = await chartToSvg(runCharts(result)[0]!.spec);
    const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    const png = svgToPng(svg);
    const pngWidth = Buffer.from(png).readUInt32BE(16); // IHDR width
    expect(pngWidth).toBe(Math.round(2 * width));
  });

  it("renders the text of the SVG into the PNG (a system font is found)", async () => {
    const svg = await chartToSvg(runCharts(result)[0]!.spec);
    const withoutText = svg.replace(/<text[^>]*>[^<]*<\/text>/g, "");
    expect(darkPixels(svg)).toBeGreaterThan(darkPixels(withoutText) + 500);
  });

  it("breaks the latency line at an empty bucket instead of dropping it to 0", async () => {
    const holed = withEmptyBuckets(result, [20]);
    const svg = await chartToSvg(latencyChart(holed).spec);
    const lines = [...svg.matchAll(/class="mark-line[^"]*"[^>]*>(.*?)<\/g>/gs)].map((m) => m[1]!);
    const paths = [...lines.join("").matchAll(/ d="([^"]+)"/g)].map((m) => m[1]!);
    expect(paths).toHaveLength(2); // p50 and p99
    for (const d of paths) expect((d.match(/M/g) ?? []).length).toBeGreaterThanOrEqual(2);
    const unbroken = await chartToSvg(latencyChart(result).spec);
    const whole = [...unbroken.matchAll(/class="mark-line[^"]*"[^>]*>(.*?)<\/g>/gs)].map((m) => m[1]!).join("");
    for (const m of whole.matchAll(/ d="([^"]+)"/g)) expect((m[1]!.match(/M/g) ?? []).length).toBe(1);
  });
});
