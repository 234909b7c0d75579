import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, openOffline } from "../support/offline-page.js";

const CHROMIUM = "/usr/bin/chromium";
// Outside CI a machine without Chromium skips this test; in CI (CI set) it always runs, and fails without Chromium.
const skip = !existsSync(CHROMIUM) && !process.env.CI;
if (skip) console.warn(`skipping the what-if panel browser tests: ${CHROMIUM} is absent (install it: apt-get install -y chromium)`);

const root = resolve(import.meta.dirname, "../..");
const SCREENSHOTS = join(root, "test-output");
mkdirSync(SCREENSHOTS, { recursive: true });
/** The horizon of every run here, in the page and on the command line (the scenario's 24 h would be slow on a shared machine). */
const HORIZON = "1h";

/** Runs the built CLI (`npm test` builds first, bundles included). */
function lambdasim(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, "bin/lambdasim.js"), ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The api-backend report, written by `lambdasim run -H 1h`; its index.html. */
function apiReport(): string {
  const out = mkdtempSync(join(tmpdir(), "lambdasim-whatif-"));
  const r = lambdasim(["run", "scenarios/api-backend.yaml", "-H", HORIZON, "--out", out, "--quiet", "--no-slo-exit"]);
  if (r.code !== 0) throw new Error(`lambdasim run exited ${r.code}: ${r.stderr}`);
  return join(out, "index.html");
}

const open = openOffline;

const state = (page: Page, s: string) => page.waitForSelector(`#whatif[data-state="${s}"]`, { timeout: 60_000 });
const metric = (page: Page, m: string) => page.$eval(`#whatif [data-metric="${m}"]`, (el) => Number(el.getAttribute("data-value")));

describe.skipIf(skip)("the What if panel of run's page", () => {
  let browser: Browser;
  let indexHtml: string;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    indexHtml = apiReport();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("runs #set=functions.api.memoryMB=2048 on open and shows what lambdasim run --set prints for the same horizon", async () => {
    const { page, blocked, errors } = await open(browser, pathToFileURL(indexHtml).href + "#set=functions.api.memoryMB=2048");
    await state(page, "done");
    const cli = lambdasim(["run", "scenarios/api-backend.yaml", "-H", HORIZON, "--set", "functions.api.memoryMB=2048", "--json", "--no-slo-exit", "--out", mkdtempSync(join(tmpdir(), "lambdasim-whatif-"))]);
    expect(cli.code).toBe(0);
    const want = JSON.parse(cli.stdout);
    expect(await metric(page, "monthlyCost")).toBe(want.total.cost.monthly.total);
    expect(await metric(page, "p99Ms")).toBe(want.total.latencyMs.p99);
    expect(await metric(page, "invocations")).toBe(want.total.invocations);
    expect(await metric(page, "p50Ms")).toBe(want.total.latencyMs.p50);
    expect(await metric(page, "throttled")).toBe(want.total.throttled);
    expect(await metric(page, "coldStartRate")).toBe(want.total.coldStartRate);
    expect(await page.$eval("#whatif-command", (el) => el.textContent)).toBe(`lambdasim run scenarios/api-backend.yaml -H ${HORIZON} --set functions.api.memoryMB=2048`);
    // The cost table's total shows the original's total and the signed change: 512 → 2048 MB quadruples compute, so it rises.
    const base = JSON.parse(readFileSync(join(indexHtml, "../result.json"), "utf8"));
    const usd = (x: number) => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const pct = ((want.total.cost.monthly.total - base.total.cost.monthly.total) / base.total.cost.monthly.total) * 100;
    const marked = await page.$$eval("#whatif-results td.diff", (els) => els.map((el) => ({ text: el.textContent, up: el.classList.contains("up") })));
    expect(marked).toContainEqual({ text: `${usd(want.total.cost.monthly.total)} (was ${usd(base.total.cost.monthly.total)}, +${pct.toFixed(1)} %)`, up: true });
    // The what-if charts are drawn beside the original ones, each with the change of its headline figure under it.
    await page.waitForFunction(`document.querySelectorAll("#whatif .pair svg.marks").length >= 8`, undefined, { timeout: 30_000 });
    const captions = await page.$$eval("#whatif .chart-change:not([hidden])", (els) => els.map((el) => el.textContent));
    expect(captions).toContain(`What if: monthly cost ${usd(want.total.cost.monthly.total)} (was ${usd(base.total.cost.monthly.total)}, +${pct.toFixed(1)} %).`);
    // The time series draw the original run's lines under the what-if ones: more line paths than the original chart.
    expect(captions.filter((c) => c!.includes("Faded dashed lines"))).toHaveLength(3);
    const lines = (sel: string) => page.$eval(sel, (el) => el.querySelectorAll(".mark-line path").length);
    await page.waitForSelector('#whatif [data-original-layer] svg.marks');
    const layered = await page.$$eval("#whatif [data-original-layer]", (els) => els.length);
    expect(layered).toBe(3);
    const fig = await page.$$eval("#whatif figure", (els) => els.findIndex((f) => f.querySelector("figcaption")?.textContent === "Latency over time"));
    expect(fig).toBeGreaterThanOrEqual(0);
    const latency = `#whatif figure:nth-of-type(${fig + 1}) .pair`;
    await page.waitForSelector(`${latency} > div:nth-child(2) svg.marks`);
    // p50 and p99: two lines in the original chart, four with the original's layer.
    expect(await lines(`${latency} > div:nth-child(1)`)).toBe(2);
    expect(await lines(`${latency} > div:nth-child(2)`)).toBe(4);
    await page.screenshot({ path: join(SCREENSHOTS, "lambdasim-whatif-page.png"), fullPage: true });
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });

  it("runs an edited input on Run, showing the cost change, and puts the change into the URL hash", async () => {
    const { page, errors } = await open(browser, pathToFileURL(indexHtml).href);
    await page.click("#whatif > summary");
    await page.fill('#whatif [data-path="functions.api.memoryMB"]', "1024");
    await page.click("#whatif-run");
    await state(page, "done");
    const cost1024 = await metric(page, "monthlyCost");
    const base = JSON.parse(readFileSync(join(indexHtml, "../result.json"), "utf8"));
    // 512 → 1024 MB with the duration unchanged (no cpuBound): the compute line doubles, requests and front door stay.
    const m = base.total.cost.monthly;
    expect(cost1024).toBeCloseTo(m.total + m.compute, 0);
    expect(page.url()).toMatch(/#set=functions\.api\.memoryMB=1024$/);
    await page.selectOption('#whatif [data-path="functions.api.architecture"]', "arm64");
    await page.click("#whatif-run");
    await page.waitForFunction(`document.querySelector("#whatif").dataset.state === "done" && document.querySelector("#whatif-command").textContent.includes("arm64")`, undefined, { timeout: 60_000 });
    // arm64's duration price is 20 % under x86_64's (aws-pricing.json lambda.compute): the cost falls.
    expect(await metric(page, "monthlyCost")).toBeLessThan(cost1024);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("refuses memory 100 and a negative rate beside their fields with the CLI's messages, running nothing", async () => {
    const { page } = await open(browser, pathToFileURL(indexHtml).href);
    await page.click("#whatif > summary");
    await page.fill('#whatif [data-path="functions.api.memoryMB"]', "100");
    await page.fill('#whatif [data-path="functions.api.arrivals.rate"]', "-5/s");
    await page.click("#whatif-run");
    await state(page, "invalid");
    const beside = (path: string) => page.$eval(`#whatif [data-issue-for="${path}"]`, (el) => el.textContent);
    for (const [path, set] of [
      ["functions.api.memoryMB", "functions.api.memoryMB=100"],
      ["functions.api.arrivals.rate", "functions.api.arrivals.rate=-5/s"],
    ] as const) {
      const cli = lambdasim(["run", "scenarios/api-backend.yaml", "--set", set]);
      expect(cli.code).toBe(2);
      // The CLI prints "lambdasim: <file>: <message>"; the page shows the message.
      expect(cli.stderr.trim()).toBe(`lambdasim: scenarios/api-backend.yaml: ${await beside(path)}`);
    }
    expect(await page.$$("#whatif [data-metric]")).toHaveLength(0);
    await page.close();
  });

  it("keeps a single-function page under 3 MB, with a policy that adds only worker-src blob: and no connect-src", () => {
    const html = readFileSync(indexHtml, "utf8");
    expect(statSync(indexHtml).size).toBeLessThan(3 * 1024 * 1024);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    expect(csp).toBe("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; worker-src blob:");
    // The worker stays text until the panel is opened.
    expect(html).toMatch(/<script type="text\/plain" id="whatif-worker">/);
  });
});
