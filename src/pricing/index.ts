/** pricing/: the dated, sourced price catalog and the Lambda bill, pure arithmetic over usage counters. */
export * from "./catalog/index.js";
export { lambdaBill, type LambdaBill, type BillOptions } from "./lambda-bill.js";
export { accountBills } from "./account-bill.js";
export { costSummary, type CostSummary } from "./cost-summary.js";
export { freeTierAllowance, type FreeTierAllowance } from "./free-tier.js";
export { frontDoorCost, FRONT_DOORS, type FrontDoor } from "./front-door.js";
export { gbSeconds, billedMsFromAverage } from "./gb-seconds.js";
export { meteredProvisionedSeconds, provisionedGbSeconds } from "./provisioned.js";
export { tieredCost } from "./tiers.js";
export { initIsBilled } from "./init-billing.js";
export { cents, roundCents, sumCents } from "./money.js";
export { chargeableStreamMB, projectUsage } from "./usage.js";
export type { LambdaUsage, ProvisionedUsage, ProvisionedAllocation, SnapStartUsage, DurableUsage } from "./usage.js";
export { withCost, type PricingOptions } from "./result-cost.js";
export { fleetCost, fleetOnDemandHourly, maxFleetDiscount, type FleetCost } from "./fleet-cost.js";
