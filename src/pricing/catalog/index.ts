import type { PriceCatalog } from "./types.js";
import { US_EAST_1 } from "./us-east-1.js";

export type { PriceCatalog, Sourced, TierTable, VolumeTier, ProvisionedPrices, CatalogSource, Ec2InstancePrice, FargatePrices, LoadBalancerPrices, NatGatewayPrices, NetworkPrices } from "./types.js";
export { US_EAST_1 } from "./us-east-1.js";

/** Every region with a catalog, by region name. */
export const CATALOGS: Readonly<Record<string, PriceCatalog>> = { [US_EAST_1.region]: US_EAST_1 };

/** The catalog of `region`, or undefined when lambdasim has no prices for it. */
export function catalogFor(region: string): PriceCatalog | undefined {
  return Object.prototype.hasOwnProperty.call(CATALOGS, region) ? CATALOGS[region] : undefined;
}
