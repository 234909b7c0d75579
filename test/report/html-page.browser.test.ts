import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { writeRunReport } from "../../src/report/write-report.js";
import { apiConfig, runInput } from "./fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
// Outside CI a machine without Chromium skips this test; in CI (CI set) it always runs, and fails without Chromium.
const skip = !hasChromium && !process.env.CI;
if (skip) console.warn(`skipping the report browser test: ${CHROMIUM} is absent (install it: apt-get install -y chromium)`);

/** Where the screenshot of the page is saved for people to look at. */
export const SCREENSHOT = join(tmpdir(), "lambdasim-report-page.png");

describe("report page in a browser", () => {
  it.skipIf(skip)("renders every chart offline from file:// with no console error and no network request", async () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-page-"));
    const files = await writeRunReport(out, runInput(apiConfig(3 * 3_600_000, 20)));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const blocked: string[] = [];
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith("file://")) return route.continue();
        blocked.push(url);
        return route.abort();
      });
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(pathToFileURL(files.indexHtml).href);
      await page.waitForFunction('document.querySelectorAll(".chart svg.marks").length === 5', undefined, { timeout: 30_000 });
      const marks = await page.$$eval(".chart", (els) =>
        els.map((el) => el.querySelectorAll("svg.marks path, svg.marks rect").length),
      );
      expect(marks).toHaveLength(5);
      // The four time series and the distribution draw many marks; the cost chart one bar segment per line item.
      for (const n of marks.slice(0, 4)) expect(n).toBeGreaterThan(10);
      expect(marks[4]).toBeGreaterThanOrEqual(2);
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
