import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeRunReport } from "../../src/report/write-report.js";
import { apiConfig, runInput } from "./fixtures.js";
import { CHROMIUM_ARGS, openOffline } from "../support/offline-page.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
// Outside CI a machine without Chromium skips this test; in CI (CI set) it always runs, and fails without Chromium.
const skip = !hasChromium && !process.env.CI;
if (skip) console.warn(`skipping the report browser tests: ${CHROMIUM} is absent (install it: apt-get install -y chromium)`);

const root = resolve(import.meta.dirname, "../..");

/** The test output folder (git-ignored) where each page's full screenshot is saved for people to look at. */
const SCREENSHOTS = join(root, "test-output");
mkdirSync(SCREENSHOTS, { recursive: true });
const screenshot = (kind: string) => join(SCREENSHOTS, `lambdasim-${kind}-page.png`);

/** Runs the built CLI (`npm test` builds first) and returns its --out folder. */
function cliReport(args: string[]): string {
  const out = mkdtempSync(join(tmpdir(), "lambdasim-page-"));
  const r = spawnSync(process.execPath, [join(root, "bin/lambdasim.js"), ...args, "--out", out, "--quiet"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`lambdasim ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return out;
}

/** A scenario whose cold starts need provisioned concurrency in its busy hour (tune provisioned). */
function coldStartScenario(): string {
  const file = join(mkdtempSync(join(tmpdir(), "lambdasim-page-")), "busy-hour.yaml");
  writeFileSync(
    file,
    `name: busy-hour
horizon: 2h
warmup: 0s
slo: { p99LatencyMs: 900, maxColdStartRate: 0.0002 }
functions:
  - name: f
    runtime: nodejs22.x
    duration: { dist: lognormal, median: 80ms, p99: 500ms }
    coldStart: { dist: constant, value: 400ms }
    idleLifetime: { dist: constant, value: 60s }
    arrivals: { kind: profile, points: [[0s, 2/s], [59m, 2/s], [60m, 40/s], [2h, 40/s]] }
`,
  );
  return file;
}

/**
 * Opens a report page from file:// with every non-file request blocked and recorded; waits until
 * each chart has an SVG, and returns per chart the number of drawn marks, the console errors and the
 * blocked requests. Saves a full-page screenshot.
 */
async function openPage(browser: Browser, indexHtml: string, charts: number, screenshot: string) {
  const { page, blocked, errors } = await openOffline(browser, pathToFileURL(indexHtml).href);
  await page.waitForFunction(`document.querySelectorAll(".chart svg.marks").length === ${charts}`, undefined, { timeout: 30_000 });
  const marks = await page.$$eval(".chart", (els) => els.map((el) => el.querySelectorAll("svg.marks path, svg.marks rect, svg.marks line").length));
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  return { marks, errors, blocked };
}

describe.skipIf(skip)("report pages in a browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("run: renders every chart offline from file:// with no console error and no network request", async () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-page-"));
    const files = await writeRunReport(out, runInput(apiConfig(3 * 3_600_000, 20)));
    const { marks, errors, blocked } = await openPage(browser, files.indexHtml, 5, screenshot("run"));
    expect(marks).toHaveLength(5);
    // The four time series and the distribution draw many marks; the cost chart one bar segment per line item.
    for (const n of marks.slice(0, 4)) expect(n).toBeGreaterThan(10);
    expect(marks[4]).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
  });

  it.each([
    ["sweep", ["sweep", "scenarios/api-backend.yaml", "--set", "functions.api.memoryMB=256,1024", "--set", "arrivals.rate=10/s,40/s", "-H", "15m", "-w", "1"], 1],
    ["tune-memory", ["tune", "memory", "scenarios/api-backend.yaml", "--sizes", "128,512,2048", "-H", "15m", "-w", "1"], 1],
    ["compare", ["compare", "scenarios/api-backend.yaml", "-H", "15m", "--traffic", "1/s..200/s", "--arrivals", "constant"], 2],
    ["tune-provisioned", ["tune", "provisioned", coldStartScenario(), "--no-slo-exit"], 1],
    // Lambda Managed Instances: the five run charts and the capacity-provider chart in its own section.
    ["run-managed", ["run", "scenarios/managed-instances.yaml", "--horizon", "1h", "--no-slo-exit"], 6],
    ["tune-managed", ["tune", "managed", "scenarios/managed-instances.yaml", "-f", "api", "--max-concurrency", "16,64,256", "--ratio", "2,4", "--instance-types", "c7g.xlarge", "-H", "15m", "-w", "1", "--exhaustive"], 1],
  ] as const)("%s: renders every chart offline with no console error and no network request", async (kind, args, charts) => {
    const out = cliReport([...args]);
    const { marks, errors, blocked } = await openPage(browser, join(out, "index.html"), charts, screenshot(kind));
    expect(marks).toHaveLength(charts);
    for (const n of marks) expect(n).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
