import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROGRESS_STEPS, simulate } from "../../src/platform/simulate.js";
import { changeWords, headlineHtml } from "../../src/report/what-if-view.js";
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
});
