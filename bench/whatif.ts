/**
 * What-if page benchmark (npm run bench:whatif): writes the api-backend report for one simulated
 * hour at 50 requests/s (`lambdasim run scenarios/api-backend.yaml -H 1h`), opens its index.html in
 * headless Chromium from file:// with every network request aborted, opens the What if panel, and
 * times RUNS what-if runs from the Run click to `data-state="done"` (memory alternating 1024 and
 * 2048 MB). Prints each time, the median, and the engine's events/s in the page beside the same
 * run's events/s in Node (`run --json` in a child process): the target is under 3 s a run. Checks that
 * the page counted the events the CLI counted. With `--screenshot FILE`, saves the panel after the
 * last run (docs/whatif-panel.png in the README).
 *
 * Usage: node dist/bench/whatif.js [--runs 5] [--screenshot docs/whatif-panel.png]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

/** `lambdasim run scenarios/api-backend.yaml -H 1h` with `sets`, as JSON (engine figures included). */
function cliRun(out: string, sets: string[]): { engine: { events: number; eventsPerSecond: number; wallSeconds: number } } {
  const args = [bin, "run", "scenarios/api-backend.yaml", "-H", "1h", "--out", out, "--json", "--no-slo-exit", ...sets.flatMap((s) => ["--set", s])];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" }));
}

async function main(): Promise<void> {
  const runs = Number(flag("--runs") ?? 5);
  const screenshot = flag("--screenshot");
  const out = mkdtempSync(join(tmpdir(), "lambdasim-bench-whatif-"));
  cliRun(out, []);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.route("**/*", (route) => (route.request().url().startsWith("file://") ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(join(out, "index.html")).href);
    await page.click("#whatif > summary");
    const times: number[] = [];
    let pageEvents = 0;
    let pageRate = 0;
    for (let i = 0; i < runs; i++) {
      await page.fill('#whatif [data-path="functions.api.memoryMB"]', i % 2 === 0 ? "1024" : "2048");
      const t0 = performance.now();
      await page.click("#whatif-run");
      await page.waitForFunction(`document.querySelector("#whatif").dataset.state === "done"`, undefined, { timeout: 120_000, polling: "raf" });
      times.push((performance.now() - t0) / 1000);
      const status = await page.$eval("#whatif-status", (el) => el.textContent ?? "");
      const m = /^([\d,]+) events in ([\d.]+) s/.exec(status);
      if (m === null) throw new Error(`unexpected status: ${status}`);
      pageEvents = Number(m[1]!.replace(/,/g, ""));
      pageRate = pageEvents / Number(m[2]);
      process.stdout.write(`run ${i + 1}: ${times[i]!.toFixed(2)} s from the Run click to the results (${m[1]} events)\n`);
    }
    const sets = [`functions.api.memoryMB=${runs % 2 === 1 ? "1024" : "2048"}`];
    const cli = cliRun(mkdtempSync(join(tmpdir(), "lambdasim-bench-whatif-")), sets);
    if (cli.engine.events !== pageEvents) throw new Error(`the page simulated ${pageEvents} events, the CLI ${cli.engine.events}`);
    const sorted = [...times].sort((a, b) => a - b);
    process.stdout.write(
      `median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} s a run (target < 3 s); engine in the page ${Math.round(pageRate).toLocaleString("en-US")} events/s, ` +
        `in Node ${Math.round(cli.engine.eventsPerSecond).toLocaleString("en-US")} events/s (ratio ${(pageRate / cli.engine.eventsPerSecond).toFixed(2)})\n`,
    );
    if (screenshot !== undefined) {
      await page.waitForFunction(`document.querySelectorAll("#whatif .pair svg.marks").length >= 2`, undefined, { timeout: 30_000 });
      const box = (await page.$("#whatif"))!;
      const b = (await box.boundingBox())!;
      await page.screenshot({ path: resolve(screenshot), fullPage: true, clip: { x: b.x - 8, y: b.y - 8, width: b.width + 16, height: Math.min(b.height + 16, 1500) } });
      process.stdout.write(`wrote ${screenshot}\n`);
    }
  } finally {
    await browser.close();
  }
}

await main();
