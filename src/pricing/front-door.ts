import type { PriceCatalog } from "./catalog/types.js";
import { tieredCost } from "./tiers.js";

/** What receives requests before Lambda: nothing billed, API Gateway REST or HTTP API, or a function URL. */
export const FRONT_DOORS = ["none", "rest", "http", "url"] as const;
/** One of FRONT_DOORS. */
export type FrontDoor = (typeof FRONT_DOORS)[number];

/** Calls per unit of API Gateway's per-million prices. */
const PER_MILLION = 1_000_000;

/**
 * The monthly charge of a front door for `requests` calls: API Gateway's tiered per-million prices
 * (`apiGateway.restApi.tiers`, `apiGateway.httpApi.tiers`; calls up to 512 KB each), $0 for a function
 * URL (`functionUrls.extraCharge`). API Gateway's 12-month free tier for new accounts is not applied.
 */
export function frontDoorCost(door: FrontDoor, requests: number, catalog: PriceCatalog): number {
  switch (door) {
    case "none":
      return 0;
    case "url":
      return requests * catalog.frontDoor.functionUrl.value;
    case "rest":
      return tieredCost(catalog.frontDoor.restApi.tiers, 0, requests, PER_MILLION);
    case "http":
      return tieredCost(catalog.frontDoor.httpApi.tiers, 0, requests, PER_MILLION);
  }
}
