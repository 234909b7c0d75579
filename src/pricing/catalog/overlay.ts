/*
 * A user's price file (`pricing.catalog: FILE`, `lambdasim price --catalog FILE`) laid over a bundled
 * catalog. Its shape mirrors PriceCatalog with plain values in place of the catalog's sourced
 * entries: a number for a `Sourced` number, `[{ from, to, price }]` (or one number, a flat price)
 * for a tier table, `{ vcpu, memoryGiB, architecture, onDemandHourly }` for an EC2 instance type.
 * The scenario layer validates the file; here it is applied, pure.
 */
import { US_EAST_1 } from "./us-east-1.js";
import type { Ec2InstancePrice, PriceCatalog, Sourced, TierTable, VolumeTier } from "./types.js";
import type { PriceSource } from "../../platform/result.js";

/** One tier of a user's tier table, in the catalog table's units. */
export interface OverlayTier {
  from: number;
  to: number | null;
  price: number;
}

/** A user's EC2 instance type: every field for a new type, any of them to change a bundled one. */
export interface OverlayInstance {
  vcpu?: number;
  memoryGiB?: number;
  architecture?: "x86_64" | "arm64";
  onDemandHourly?: number;
}

/** A validated overlay: nested plain values at catalog paths (numbers, booleans, strings, tier lists, instances). */
export type OverlayValues = { [key: string]: OverlayValue };
export type OverlayValue = number | boolean | string | [number, number] | OverlayTier[] | OverlayValues;

/** A user's price file, validated: where it was read from and what it sets. */
export interface CatalogOverlay {
  /** The file as the user named it (scenario-relative or as typed on the command line). */
  file: string;
  /** The file's own `source:` text (where its prices come from), or null. */
  source: string | null;
  values: OverlayValues;
}

/** Where the prices of an effective catalog come from: the bundled catalog, and a user file over it (result.json `cost.prices`). */
export type PriceOrigin = PriceSource;

/** Whether a catalog node is a sourced fact (`{ value, unit, ref, source }`). */
export function isSourced(node: unknown): node is Sourced<unknown> {
  return node !== null && typeof node === "object" && "value" in node && "ref" in node && "source" in node && "unit" in node;
}

/** Whether a catalog node is a tier table. */
export function isTierTable(node: unknown): node is TierTable {
  return node !== null && typeof node === "object" && "tiers" in node && "ref" in node;
}

/** The compiled dates of a bundled catalog, in words: `aws-pricing.json compiled 2026; EC2 2026-12-04; network 2026-12-04`. */
export function compiledText(c: PriceCatalog): string {
  return `${c.compiled.split(" from")[0]!.replace(/^compiled /, "")} (Lambda), ${c.ec2.compiled} (EC2), ${c.network.compiled} (network)`;
}

/** Where the prices of `catalog` come from (its `origin`, or the bundled catalog itself). */
export function priceOrigin(catalog: PriceCatalog): PriceOrigin {
  if (catalog.origin !== undefined) return catalog.origin;
  const bundled = { region: catalog.region, compiled: compiledText(catalog) };
  return { region: catalog.region, bundled, file: null, fileSource: null, overrides: [], text: `bundled catalog ${catalog.region} compiled ${bundled.compiled}` };
}

/**
 * `base` with the overlay's values in place, for `region`: every value set keeps the base entry's unit
 * and gets the file as its ref (`FILE:path`) and source ("user file"). A new EC2 type must carry all
 * four fields (the validator checks it). The result's `origin` lists the paths the file set.
 * Cost: one walk of the overlay.
 */
export function applyCatalogOverlay(base: PriceCatalog, overlay: CatalogOverlay, region: string): PriceCatalog {
  const overrides: string[] = [];
  const source = `user file ${overlay.file}${overlay.source === null ? "" : ` (${overlay.source})`}`;
  const sourced = <T>(old: Sourced<T>, value: T, path: string): Sourced<T> => {
    overrides.push(path);
    return { value, unit: old.unit, ref: `${overlay.file}:${path}`, source };
  };
  const tiers = (old: TierTable, value: number | OverlayTier[], path: string): TierTable => {
    overrides.push(path);
    const list: OverlayTier[] = typeof value === "number" ? [{ from: 0, to: null, price: value }] : value;
    const out: VolumeTier[] = list.map((t) => ({ from: t.from, to: t.to, price: t.price, source }));
    return { ...old, ref: `${overlay.file}:${path}`, tiers: out };
  };
  const instances = (old: Record<string, Ec2InstancePrice>, set: Record<string, OverlayInstance>): Record<string, Ec2InstancePrice> => {
    const out = { ...old };
    for (const [name, i] of Object.entries(set)) {
      const path = `ec2.instances[${JSON.stringify(name)}]`;
      const was = Object.prototype.hasOwnProperty.call(old, name) ? old[name] : undefined;
      overrides.push(path);
      const price = i.onDemandHourly ?? was?.onDemandHourly.value;
      const architecture = i.architecture ?? was?.architecture;
      const vcpu = i.vcpu ?? was?.vcpu;
      const memoryGiB = i.memoryGiB ?? was?.memoryGiB;
      if (price === undefined || architecture === undefined || vcpu === undefined || memoryGiB === undefined) {
        throw new Error(`overlay ${overlay.file} ${path} lacks fields for a new type (the validator should have caught it)`);
      }
      out[name] = {
        architecture,
        vcpu,
        memoryGiB,
        onDemandHourly:
          i.onDemandHourly === undefined && was !== undefined
            ? was.onDemandHourly
            : { value: price, unit: "USD per instance-hour", ref: `${overlay.file}:${path}.onDemandHourly`, source },
        note: was === undefined ? source : `${was.note}; ${Object.keys(i).join(", ")} from ${source}`,
      };
    }
    return out;
  };
  const walk = (node: unknown, set: OverlayValues, path: string): unknown => {
    const out: Record<string, unknown> = { ...(node as Record<string, unknown>) };
    for (const [key, value] of Object.entries(set)) {
      const here = path === "" ? key : `${path}.${key}`;
      const old = out[key];
      if (here === "ec2.instances") out[key] = instances(old as Record<string, Ec2InstancePrice>, value as Record<string, OverlayInstance>);
      else if (isSourced(old)) out[key] = sourced(old, value, here);
      else if (isTierTable(old)) out[key] = tiers(old, value as number | OverlayTier[], here);
      else out[key] = walk(old, value as OverlayValues, here);
    }
    return out;
  };
  const merged = walk(base, overlay.values, "") as PriceCatalog;
  const bundled = { region: base.region, compiled: compiledText(base) };
  const set = overrides.length === 0 ? "sets no price" : `overrides ${overrides.length <= 6 ? overrides.join(", ") : `${overrides.slice(0, 6).join(", ")} and ${overrides.length - 6} more`}`;
  const says = overlay.source === null ? "" : `; ${overlay.file} says: ${overlay.source}`;
  const text = `${overlay.file} (${set}) over the bundled catalog ${base.region} compiled ${bundled.compiled}${says}`;
  return { ...merged, region, origin: { region, bundled, file: overlay.file, fileSource: overlay.source, overrides, text } };
}

/**
 * The effective catalog of a scenario: the bundled catalog of `region`, with the user's overlay over
 * it when there is one. With an overlay, a region without a bundled catalog starts from us-east-1's
 * (what the file does not set keeps us-east-1's prices, and the origin says so). Undefined for a
 * region with neither.
 */
export function effectiveCatalog(region: string, overlay: CatalogOverlay | null, bundled: (region: string) => PriceCatalog | undefined): PriceCatalog | undefined {
  const own = bundled(region);
  if (overlay === null) return own;
  return applyCatalogOverlay(own ?? US_EAST_1, overlay, region);
}
