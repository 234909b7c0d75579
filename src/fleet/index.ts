/** fleet/: EC2 instances or Fargate tasks serving a Lambda function's traffic as a queue, with target-tracking autoscaling. */
export type { FleetConfig, FleetPricingPlan, FleetWorkload } from "./config.js";
export { FleetModel, type FleetInput } from "./fleet-model.js";
export { simulateFleet, FleetInvariantError } from "./simulate-fleet.js";
export { fleetDurationFactor } from "./service-time.js";
export type { FleetResult } from "./result.js";
export { FARGATE_SIZES, isFargateSize, fargateMemoryText } from "./fargate-sizes.js";
