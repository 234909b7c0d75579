import type { Command } from "commander";
import { CATALOGS, catalogWith, lambdaBill, priceOrigin, type CatalogOverlay, type LambdaBill, type PriceCatalog } from "../pricing/index.js";
import { ALLOWED, DEFAULTS, formatIssue, type Checked, type Issue } from "../scenario/index.js";
import { readCatalogFile } from "../scenario/catalog-file.js";
import { ExitCode } from "./exit-codes.js";
import { priceRequest, type PriceFlags } from "./price-flags.js";
import { formatUsd } from "../report/format.js";

export type { PriceFlags } from "./price-flags.js";

/** Adds `lambdasim price` to the command tree; its action reports the exit code through `setExit`. */
export function registerPriceCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("price")
    .description("the closed-form monthly Lambda bill of a usage: each line item and the total, in dollars")
    .option("--requests <count>", "requests in the month, all of them (3M, 500k, 1.5B)")
    .option("--duration <duration>", "billed duration of each on-demand request (120ms; rounded up to 1 ms)")
    .option("--memory <MB>", "memory size, MB (128..10240)")
    .option("--arch <arch>", "x86_64 or arm64", "x86_64")
    .option("--ephemeral <MB>", "ephemeral storage, MB (512..10240; 512 is free)")
    .option("--cold-starts <count>", "on-demand cold starts whose INIT is billed (with --init)")
    .option("--init <duration>", "INIT duration of each cold start (with --cold-starts)")
    .option("--free-tier", "apply the monthly Lambda free tier (as AWS's worked examples do)", false)
    .option("--pc <count>", "provisioned concurrency (environments)")
    .option("--pc-hours <hours>", "hours provisioned concurrency is configured (metered in 5-minute steps)")
    .option("--pc-requests <count>", "of --requests, those served by provisioned environments")
    .option("--pc-duration <duration>", "billed duration of each request on provisioned concurrency")
    .option("--month-hours <hours>", "hours in the billing month (default 730, 672..744)")
    .option("--front-door <kind>", "none | rest | http | url (API Gateway REST or HTTP API, function URL)", "none")
    .option("--savings-plan <fraction>", "Compute Savings Plan discount on duration and provisioned concurrency (0..0.17)")
    .option("--snapstart-restores <count>", "SnapStart snapshot restores (Python and .NET)")
    .option("--snapstart-hours <hours>", "hours the SnapStart version is active (default: the whole month)")
    .option("--catalog <file>", "your prices (YAML or JSON, the pricing.catalog format) over the bundled catalog")
    .option("--region <region>", "region priced: us-east-1, or any AWS region with --catalog (default us-east-1)")
    .option("--json", "print { lineItems, total, prices } as JSON", false)
    .action((opts: PriceFlags) => {
      setExit(priceCommand(opts));
    });
}

/**
 * `lambdasim price`: the closed-form monthly bill of the flags' usage; prints the line items, the total
 * and where the prices came from. `--catalog FILE` lays the user's prices over the bundled catalog.
 */
export function priceCommand(flags: PriceFlags): number {
  const refuse = (issues: Issue[]) => {
    for (const issue of issues) process.stderr.write(`lambdasim: ${formatIssue(issue)}\n`);
    return ExitCode.BadInput;
  };
  const prices = priceCatalog(flags);
  if (!prices.ok) return refuse(prices.issues);
  const catalog = prices.value;
  const checked = priceRequest(flags, catalog);
  if (!checked.ok) return refuse(checked.issues);
  const bill = lambdaBill(checked.value.usage, catalog, checked.value.options);
  const json = () => JSON.stringify({ lineItems: bill.lineItems, total: bill.total, prices: priceOrigin(catalog) }, null, 2) + "\n";
  process.stdout.write(flags.json ? json() : renderBill(bill, catalog));
  return ExitCode.Ok;
}

/** The catalog `price` bills with: `--region`'s bundled one, with `--catalog`'s file over it (relative to the working directory). */
function priceCatalog(flags: PriceFlags): Checked<PriceCatalog> {
  const region = flags.region ?? DEFAULTS.region.value;
  if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)) return { ok: false, issues: [{ path: "--region", value: region, allowed: ALLOWED.region }] };
  let overlay: CatalogOverlay | null = null;
  if (flags.catalog !== undefined) {
    const read = readCatalogFile(flags.catalog, process.cwd(), "--catalog");
    if (!read.ok) return read;
    overlay = read.value;
  }
  const catalog = catalogWith(region, overlay);
  if (catalog === undefined) {
    return { ok: false, issues: [{ path: "--region", value: region, allowed: `${ALLOWED.regionWithCatalog} (${Object.keys(CATALOGS).join(", ")}), or any region with --catalog FILE (your prices; see README, pricing.catalog)` }] };
  }
  return { ok: true, value: catalog };
}

/** What each line item is, for the text output. */
const LABELS: Readonly<Record<string, string>> = {
  requests: "requests",
  compute: "duration (on-demand)",
  init: "INIT duration",
  provisioned: "provisioned concurrency",
  provisionedDuration: "duration (provisioned)",
  ephemeralStorage: "ephemeral storage",
  snapStartCache: "SnapStart cache",
  snapStartRestore: "SnapStart restore",
  responseStreaming: "response streaming",
  frontDoor: "front door",
};

/** The quantity shown beside each line item: the quantities key and its unit. */
const DETAILS: Readonly<Record<string, readonly [string, string]>> = {
  requests: ["billableRequests", "billable requests"],
  compute: ["billableGbSeconds", "billable GB-s"],
  init: ["initGbSeconds", "GB-s"],
  provisioned: ["provisionedGbSeconds", "GB-s provisioned"],
  provisionedDuration: ["provisionedDurationGbSeconds", "GB-s"],
  ephemeralStorage: ["ephemeralStorageGbSeconds", "GB-s above 512 MB"],
  snapStartCache: ["snapStartCacheGbSeconds", "GB-s cached"],
  snapStartRestore: ["snapStartRestoredGB", "GB restored"],
  frontDoor: ["requests", "calls"],
};

/** The text form of a bill: one line per item with its quantity, then the total, in dollars. */
export function renderBill(bill: LambdaBill, catalog: PriceCatalog): string {
  const qty = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 2 });
  const rows = Object.entries(bill.lineItems).map(([k, v]) => {
    const d = DETAILS[k];
    const amount = d === undefined ? undefined : bill.quantities[d[0]];
    return [LABELS[k] ?? k, formatUsd(v), amount === undefined ? "" : `${qty(amount)} ${d![1]}`] as const;
  });
  rows.push(["total", formatUsd(bill.total), ""]);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const lines = rows.map(([a, b, c]) => `  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`.trimEnd());
  return `Lambda bill for one month, ${catalog.region} (${catalog.currency}; prices: ${priceOrigin(catalog).text})\n${lines.join("\n")}\n`;
}
