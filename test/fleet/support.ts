import type { FleetConfig } from "../../src/fleet/index.js";

/** A fleet with every field set; `over` replaces some. */
export function fleet(over: Partial<FleetConfig> = {}): FleetConfig {
  return {
    kind: "ec2",
    label: "m7g.large",
    instanceType: "m7g.large",
    architecture: "arm64",
    vcpu: 2,
    memoryGB: 8,
    slots: 4,
    targetUtilization: 0.5,
    minInstances: 1,
    maxInstances: 1,
    launchDelayMs: 180_000,
    maxQueue: null,
    evaluationPeriodMs: 60_000,
    scaleOutPeriods: 3,
    scaleInPeriods: 15,
    pricing: { plan: "onDemand", discount: 0 },
    ...over,
  };
}
