import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeRunReport } from "../../src/report/write-report.js";
import { htmlPage, inlineScript } from "../../src/report/html-page.js";
import { runDocument } from "../../src/report/run-document.js";
import { apiConfig, runInput } from "./fixtures.js";

const libraries = { vega: "/*vega*/", vegaLite: "/*vl*/", vegaEmbed: "/*embed*/" };

describe("run report files", () => {
  it("writes result.json, summary.md, index.html and an SVG and a PNG per chart", async () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-report-"));
    const input = runInput();
    const files = await writeRunReport(out, input);
    expect(JSON.parse(readFileSync(files.resultJson, "utf8")).total.invocations).toBe(input.result.total.invocations);
    expect(files.charts.map((c) => c.name)).toEqual(["arrivals", "concurrency", "latency", "latency-distribution", "cost"]);
    for (const c of files.charts) {
      expect(readFileSync(c.svg, "utf8")).toMatch(/^<svg/);
      expect(statSync(c.png).size).toBeGreaterThan(10_000);
    }
    const md = readFileSync(files.summaryMd, "utf8");
    for (const c of files.charts) {
      const name = c.svg.slice(out.length + 1);
      expect(md).toContain(`](${name})`);
      expect(existsSync(join(out, name))).toBe(true); // the relative link resolves beside summary.md
    }
  });

  it("keeps a 30-day run's page under 5 MB with the libraries inlined", async () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-report-"));
    const files = await writeRunReport(out, runInput(apiConfig(30 * 24 * 3_600_000, 0.05)));
    const size = statSync(files.indexHtml).size;
    expect(size).toBeLessThan(5 * 1024 * 1024);
    expect(size).toBeGreaterThan(800_000); // vega, vega-lite and vega-embed are really inside
  });
});

describe("report page", () => {
  const input = runInput();
  const page = htmlPage(runDocument(input), libraries);

  it("shows the name, the description, the results table and the SLO verdicts", () => {
    expect(page).toContain("<h1>report-fixture</h1>");
    expect(page).toContain("A fixture for report tests.");
    expect(page).toMatch(/<th[^>]*>invocations<\/th>/);
    expect(page).toContain(input.result.total.invocations.toLocaleString("en-US"));
    expect(page).toMatch(/<code>p99LatencyMs<\/code>.*class="(pass|fail)"/);
    expect(page).toMatch(/<code>maxColdStartRate<\/code>/);
  });

  it("loads nothing from the network: no external src or href, and a CSP that forbids requests", () => {
    expect(page).not.toMatch(/\s(src|href)=/i);
    expect(page).toContain(`content="default-src 'none';`);
    expect(page.match(/<div class="chart" id="chart-\d"/g)).toHaveLength(5);
  });

  it("escapes text so a description cannot inject markup or end a script", () => {
    const evil = htmlPage(runDocument({ ...input, description: "<img onerror=x>", result: { ...input.result, name: "</script><b>" } }), libraries);
    expect(evil).not.toContain("<img onerror");
    expect(evil).not.toMatch(/<\/script><b>/);
    expect(inlineScript('a="</script>";b="<!--"')).toBe('a="<\\/script>";b="<\\!--"');
  });
});
