import type { PriceCatalog } from "./catalog/types.js";
import { roundCents } from "./money.js";

/** What a Lambda-vs-fleet comparison adds to both sides' bills: the fleets' load balancer and NAT gateways on both sides. */
export interface CompareNetwork {
  /** An Application Load Balancer in front of the fleets, or none. */
  loadBalancer: "alb" | "none";
  /** NAT gateways, billed hourly on both sides (a VPC-attached Lambda and a fleet in private subnets). */
  natGateways: number;
  /** Average request and response sizes in bytes, headers included (0: processed bytes not counted). */
  requestBytes: number;
  responseBytes: number;
}

/** Bytes in a GB as ELB meters processed bytes (decimal). */
const BYTES_PER_GB = 1e9;

/**
 * Load balancer capacity units of one hour at a steady request rate: the largest of new connections per
 * second over the LCU's allowance (one connection per request: clients that do not keep connections
 * alive, the costlier case) and processed GB per hour over its allowance (network-costs.json
 * `applicationLoadBalancer.lcuDimensions`). Active connections and rule evaluations (the first 10 per
 * request free) are taken to stay under these. Linear in the rate, so an hourly profile's LCU-hours equal
 * the mean rate's.
 */
export function albLcus(requestsPerSecond: number, bytesPerRequest: number, catalog: PriceCatalog): number {
  const d = catalog.network.applicationLoadBalancer.lcuDimensions;
  const connections = requestsPerSecond / d.newConnectionsPerSecond.value;
  const processed = (requestsPerSecond * 3600 * bytesPerRequest) / BYTES_PER_GB / d.processedGBPerHourEc2Targets.value;
  return Math.max(connections, processed);
}

/** The monthly charge of an Application Load Balancer serving `requestsPerSecond` on average: ALB-hours plus LCU-hours, to the cent. */
export function albMonthlyCost(requestsPerSecond: number, bytesPerRequest: number, monthHours: number, catalog: PriceCatalog): number {
  const alb = catalog.network.applicationLoadBalancer;
  return roundCents(monthHours * (alb.hourly.value + alb.lcuHourly.value * albLcus(requestsPerSecond, bytesPerRequest, catalog)));
}

/**
 * The monthly hourly charge of `count` NAT gateways, to the cent (network-costs.json `natGateway.hourly`). Data
 * processed is not counted: the function's outbound calls are the same on Lambda and on a fleet.
 */
export function natMonthlyCost(count: number, monthHours: number, catalog: PriceCatalog): number {
  return roundCents(count * monthHours * catalog.network.natGateway.hourly.value);
}
