import type { PriceCatalog } from "./types.js";
import { US_EAST_1 } from "./us-east-1.js";
import { effectiveCatalog, type CatalogOverlay } from "./overlay.js";

export type { PriceCatalog, Sourced, TierTable, VolumeTier, ProvisionedPrices, CatalogSource, Ec2InstancePrice, FargatePrices, LoadBalancerPrices, NatGatewayPrices, NetworkPrices } from "./types.js";
export { US_EAST_1 } from "./us-east-1.js";
export {
  applyCatalogOverlay,
  compiledText,
  isSourced,
  isTierTable,
  priceOrigin,
  type CatalogOverlay,
  type OverlayInstance,
  type OverlayTier,
  type OverlayValue,
  type OverlayValues,
  type PriceOrigin,
} from "./overlay.js";

/** Every region with a catalog, by region name. */
export const CATALOGS: Readonly<Record<string, PriceCatalog>> = { [US_EAST_1.region]: US_EAST_1 };

/** The catalog of `region`, or undefined when lambdasim has no prices for it. */
export function catalogFor(region: string): PriceCatalog | undefined {
  return Object.prototype.hasOwnProperty.call(CATALOGS, region) ? CATALOGS[region] : undefined;
}

/**
 * The catalog a scenario is priced with: `region`'s bundled catalog, with the user's price file over
 * it when given (then any region: what the file does not set comes from us-east-1's, and `origin` says so).
 * Undefined for a region with no bundled catalog and no file.
 */
export function catalogWith(region: string, overlay: CatalogOverlay | null): PriceCatalog | undefined {
  return effectiveCatalog(region, overlay, catalogFor);
}
