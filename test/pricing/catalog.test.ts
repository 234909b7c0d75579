import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { computePriceCatalog, renderPriceCatalog } from "../../bench/price-catalog.js";
import { CATALOGS, US_EAST_1, catalogFor, type PriceCatalog } from "../../src/pricing/index.js";

const root = resolve(import.meta.dirname, "../..");
const data = resolve(root, "data");

/** Every USD figure in a catalog: entries whose unit is in USD, and every tier price. */
function prices(node: unknown, out: number[] = []): number[] {
  if (Array.isArray(node)) for (const x of node) prices(x, out);
  else if (node !== null && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (typeof o.value === "number" && typeof o.unit === "string" && o.unit.startsWith("USD")) out.push(o.value);
    if (typeof o.price === "number") out.push(o.price);
    for (const v of Object.values(o)) prices(v, out);
  }
  return out;
}

/**
 * The ways a price could be typed in code: its shortest decimal (0.0000166667), exponent forms (1.66667e-5,
 * 1.66667e-05) and, for prices short enough to collide with ordinary numbers (0.2, 3.5, 0.25), only a cents
 * form with a trailing zero (0.20, 3.50), which is how a hard-coded price usually looks.
 */
function spellings(price: number): string[] {
  const digits = price.toExponential().replace(/e.*$/, "").replace(/[-.]/g, "").replace(/^0+/, "");
  const out: string[] = [];
  if (digits.length <= 2) {
    if (price >= 0.1 && price.toFixed(2) !== String(price)) out.push(price.toFixed(2));
  } else {
    out.push(String(price), price.toExponential(), price.toExponential().replace(/e([+-])(\d)$/, "e$10$2"));
    if (price < 1e-6) out.push(price.toFixed(12).replace(/0+$/, ""));
  }
  return [...new Set(out)];
}

/** Lines of `text` holding one of the catalog's prices as a number literal. */
function priceLiterals(text: string, catalog: PriceCatalog): string[] {
  const hits: string[] = [];
  for (const p of new Set(prices(catalog))) {
    for (const s of spellings(p)) {
      const re = new RegExp(`(?<![\\w.])${s.replace(/[.+]/g, "\\$&")}(?![\\w.])`);
      for (const ln of text.split("\n")) if (re.test(ln)) hits.push(`${s}: ${ln.trim()}`);
    }
  }
  return hits;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tsFiles(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
  );
}

describe("the price catalog", () => {
  it("equals the module regenerated from data/reference/aws-pricing.json (run `npm run catalog:prices` when this fails)", () => {
    const text = readFileSync(join(root, "src/pricing/catalog/us-east-1.ts"), "utf8");
    expect(text).toBe(renderPriceCatalog(computePriceCatalog(data)));
  });

  it("keeps the reference key, the source and the date of what it holds", () => {
    expect(US_EAST_1.lambda.requestsPricePerMillion).toMatchObject({ value: 0.2, ref: "lambda.requests.pricePerMillion" });
    expect(US_EAST_1.lambda.duration.arm64.tiers.map((t) => t.from)).toEqual([0, 7.5e9, 18.75e9]);
    expect(US_EAST_1.sources.P2!.date).toContain("2025-10-28");
    expect(US_EAST_1.compiled).toContain("2026");
  });

  it("is found by region, and an unknown region has none", () => {
    expect(catalogFor("us-east-1")).toBe(US_EAST_1);
    expect(catalogFor("eu-west-1")).toBeUndefined();
    expect(Object.keys(CATALOGS)).toEqual(["us-east-1"]);
  });

  it("spots a price typed into code (the scan below is not vacuous)", () => {
    expect(priceLiterals("const perGbS = 0.0000166667;", US_EAST_1)).toHaveLength(1);
    expect(priceLiterals("const pc = 4.1667e-6 * gbs;", US_EAST_1)).toHaveLength(1);
    expect(priceLiterals("cost = n * 0.20 / 1e6;", US_EAST_1)).toHaveLength(1);
    expect(priceLiterals("const target = 0.2; const q = 0.99;", US_EAST_1)).toEqual([]);
  });

  it("is the only place under src/ with a price literal", () => {
    const catalogDir = join(root, "src/pricing/catalog");
    const offenders = tsFiles(join(root, "src"))
      .filter((f) => !f.startsWith(catalogDir + "/"))
      .flatMap((f) => priceLiterals(readFileSync(f, "utf8"), US_EAST_1).map((h) => `${relative(root, f)}: ${h}`));
    expect(offenders).toEqual([]);
  });
});
