import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROGRESS_STEPS, simulate } from "../../src/platform/simulate.js";
import { sectionsHtml } from "../../src/report/html-page.js";
import { baseTables, cellMark, figureOf, tableMarker } from "../../src/report/what-if-diff.js";
import { changeWords, chartChange, headlineHtml } from "../../src/report/what-if-view.js";
import { FileLineSource } from "../../src/scenario/trace-file.js";
import { formatSetsHash, parseSetsHash } from "../../src/whatif/sets-hash.js";
import { TextLineSource } from "../../src/whatif/text-line-source.js";
import { apiConfig } from "../report/fixtures.js";

describe("the what-if page's pieces", () => {
  it("writes sets into a readable URL hash and reads them back, escaping what would break it", () => {
    const sets = ["functions.api.memoryMB=2048", "arrivals.rate=100/s", "description=a & b #1 50%"];
    const hash = formatSetsHash(sets);
    expect(hash.startsWith("#set=functions.api.memoryMB=2048&set=arrivals.rate=100/s&set=description=a%20%26%20b%20%231%2050%25")).toBe(true);
    expect(parseSetsHash(hash)).toEqual(sets);
    // By hand, with = escaped, and parts that are not sets ignored.
    expect(parseSetsHash("#set=functions.api.memoryMB%3D2048&x=1&set=%E0%A4%A")).toEqual(["functions.api.memoryMB=2048"]);
    expect(formatSetsHash([])).toBe("");
  });

  it("reads embedded trace text line by line as the file reader reads the file (CRLF, byte-order mark, no final line break)", () => {
    for (const text of ["\ufeff# t\r\n0.5\r\n1.5\r\n\r\n2", "a\nb\n", "", "\n", "x"]) {
      const file = join(mkdtempSync(join(tmpdir(), "lambdasim-lines-")), "t.csv");
      writeFileSync(file, text);
      const read = (src: { nextLine(): string | null; lineNumber: number }) => {
        const out: Array<[string, number]> = [];
        for (let l = src.nextLine(); l !== null; l = src.nextLine()) out.push([l, src.lineNumber]);
        return out;
      };
      expect(read(new TextLineSource(file, text))).toEqual(read(new FileLineSource(file)));
    }
  });

  it("gives the same result when simulate reports progress, calling back PROGRESS_STEPS times up to 1", () => {
    const config = apiConfig(30 * 60_000, 20);
    const fractions: number[] = [];
    const withProgress = simulate(config, { onProgress: (f) => fractions.push(f) });
    expect({ ...withProgress, engine: null }).toEqual({ ...simulate(config), engine: null });
    expect(fractions).toHaveLength(PROGRESS_STEPS);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f > fractions[i - 1]!)).toBe(true);
  });

  it("marks each headline figure with data-metric and its unformatted number, and the change from the original", () => {
    const base = { invocations: 1000, throttled: 0, coldStartRate: 0.01, p50Ms: 40, p99Ms: 400, monthlyCost: 100 };
    const now = { invocations: 1000, throttled: 5, coldStartRate: null, p50Ms: 30, p99Ms: 412.5, monthlyCost: 125.5 };
    const html = headlineHtml(base, now);
    expect(html).toContain('data-metric="monthlyCost" data-value="125.5"');
    expect(html).toContain('data-metric="p99Ms" data-value="412.5"');
    expect(html).toContain('data-metric="coldStartRate" data-value=""');
    expect(changeWords(100, 125.5)).toBe("+25.5 %");
    expect(changeWords(40, 30)).toBe("−25.0 %");
    expect(changeWords(0, 5)).toBe("up from 0");
    expect(changeWords(1000, 1000)).toBe("same");
    expect(changeWords(0.01, null)).toBe("");
  });

  it("reads formatted figures as numbers in one unit, so 950 ms to 1.20 s is a rise of 26.3 %", () => {
    expect(figureOf("$1,234.50")).toEqual({ value: 1234.5, kind: "$", digits: 6 });
    expect(figureOf("**$796.36**")).toEqual({ value: 796.36, kind: "$", digits: 5 });
    expect(figureOf("12.5 %")).toEqual({ value: 12.5, kind: "%", digits: 3 });
    expect(figureOf("1.20 s")).toEqual({ value: 1200, kind: "time", digits: 3 });
    expect(figureOf("2.5 min")).toEqual({ value: 150_000, kind: "time", digits: 2 });
    expect(figureOf("$0.09")).toEqual({ value: 0.09, kind: "$", digits: 1 });
    expect(figureOf("api")).toBeNull();
    expect(figureOf("n/a")).toBeNull();
    // (1200 − 950) / 950 = 26.3 %.
    expect(cellMark("950 ms", "1.20 s")).toEqual({ note: "was 950 ms, +26.3 %", dir: "up" });
    // (796.36 − 563.58) / 563.58 = 41.3 %.
    expect(cellMark("**$563.58**", "**$796.36**")).toEqual({ note: "was $563.58, +41.3 %", dir: "up" });
    expect(cellMark("$10.00", "$7.50")).toEqual({ note: "was $10.00, −25.0 %", dir: "down" });
    expect(cellMark("$10.00", "$10.00")).toBeNull();
    // $0.09 is rounded from anything in [0.085, 0.095): a percent read from it would be mostly rounding.
    expect(cellMark("$0.09", "$0.35")).toEqual({ note: "was $0.09, up", dir: "up" });
    expect(cellMark({ text: "pass", tone: "pass" }, { text: "FAIL", tone: "fail" })).toEqual({ note: "was pass", dir: "flipped" });
    expect(cellMark({ text: "pass", tone: "pass" }, { text: "pass", tone: "pass" })).toBeNull();
    expect(cellMark("n/a", "3 ms")).toEqual({ note: "was n/a", dir: "changed" });
  });

  it("marks each changed table cell with its original value, matching rows by their first cell and columns by their header", () => {
    const original = [
      { heading: "Cost", blocks: [{ kind: "table" as const, rows: [["line item", "api / month"], ["requests", "$1.00"], ["duration (compute)", "$10.00"], ["**total**", "**$11.00**"]] }] },
      { heading: "Service-level objectives", blocks: [{ kind: "table" as const, rows: [["objective", "verdict"], ["`p99`", { text: "pass", tone: "pass" as const }]] }] },
    ];
    const now = [
      // The INIT line is new (no original: not marked), the rows come in another order.
      { heading: "Cost", blocks: [{ kind: "table" as const, rows: [["line item", "api / month"], ["duration (compute)", "$20.00"], ["requests", "$1.00"], ["INIT phase", "$0.50"], ["**total**", "**$21.50**"]] }] },
      { heading: "Service-level objectives", blocks: [{ kind: "table" as const, rows: [["objective", "verdict"], ["`p99`", { text: "FAIL", tone: "fail" as const }]] }] },
    ];
    const marker = tableMarker(now, baseTables(original));
    expect(marker({ section: "Cost", table: 0, row: 1, col: 1 })).toEqual({ note: "was $10.00, +100.0 %", dir: "up" });
    expect(marker({ section: "Cost", table: 0, row: 2, col: 1 })).toBeNull();
    expect(marker({ section: "Cost", table: 0, row: 3, col: 1 })).toBeNull();
    // (21.50 − 11) / 11 = 95.5 %.
    expect(marker({ section: "Cost", table: 0, row: 4, col: 1 })).toEqual({ note: "was $11.00, +95.5 %", dir: "up" });
    const html = sectionsHtml({ title: "t", intro: [], sections: now, charts: [] }, 3, "c-", marker);
    expect(html).toContain('<td class="diff up"><strong>$21.50</strong> <span class="was">(was $11.00, +95.5 %)</span></td>');
    expect(html).toContain('<td class="fail diff flipped">FAIL <span class="was">(was pass)</span></td>');
    expect(html).toContain("<td>$1.00</td>");
  });

  it("captions a chart pair with the change of the headline figures the chart draws", () => {
    const base = { invocations: 1000, throttled: 0, coldStartRate: 0.01, p50Ms: 40, p99Ms: 400, monthlyCost: 100 };
    const now = { ...base, p99Ms: 500, monthlyCost: 125.5 };
    expect(chartChange("latency", base, now)).toBe("p50 latency 40.0 ms (same as the original); p99 latency 500 ms (was 400 ms, +25.0 %)");
    expect(chartChange("cost", base, now)).toBe("monthly cost $125.50 (was $100.00, +25.5 %)");
    expect(chartChange("queue-orders", base, now)).toBeNull();
  });
});
