import type { Browser, Page } from "playwright-core";

/** Chromium's flags for the browser tests: headless, no sandbox (containers), no background traffic. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

/**
 * Opens `url` (file://) in a new page with every request that is not file:// aborted and recorded
 * in `blocked`, and every console error and page error collected in `errors`.
 */
export async function openOffline(browser: Browser, url: string): Promise<{ page: Page; blocked: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const blocked: string[] = [];
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith("file://")) return route.continue();
    blocked.push(u);
    return route.abort();
  });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  return { page, blocked, errors };
}
