import { describe, expect, it } from "vitest";
import { fleetCost, fleetOnDemandHourly, maxFleetDiscount, US_EAST_1 } from "../../src/pricing/index.js";
import { fleet } from "../fleet/support.js";

// Prices by hand from aws-pricing.json: ec2.instances["m7g.large"].onDemandHourly $0.0816 (P7), m7g.xlarge
// $0.1632 (P1's Managed Instances example, commitmentDiscounts.lambdaManagedInstancesExample); Fargate
// fargate.linux_x86_64 $0.04048 per vCPU-hour and $0.004445 per GB-hour (P6); discounts
// commitmentDiscounts.computeSavingsPlanMax.ec2 0.66 and .fargate 0.52, commitmentDiscounts.spotMax 0.9,
// fargate.spotMaxDiscount 0.7.

describe("the bill of a fleet", () => {
  it("prices an m7g.large month at $0.0816 × 730 h = $59.568 → $59.57 (P1's m7g.xlarge, $0.1632, is twice the large)", () => {
    const c = fleetCost(fleet(), 1, 3600, US_EAST_1, 730);
    expect(c.onDemandHourly).toBe(0.0816);
    expect(c.monthly).toBe(59.57);
    expect(fleetOnDemandHourly(fleet({ instanceType: "m7g.xlarge" }), US_EAST_1)).toBe(0.1632);
  });

  it("prices a 1 vCPU, 2 GB x86_64 Fargate task at $0.04048 + 2 × $0.004445 = $0.04937 an hour, $36.04 a 730-hour month", () => {
    const f = fleet({ kind: "fargate", instanceType: null, architecture: "x86_64", vcpu: 1, memoryGB: 2 });
    expect(fleetOnDemandHourly(f, US_EAST_1)).toBeCloseTo(0.04937, 12);
    expect(fleetCost(f, 1, 3600, US_EAST_1, 730).monthly).toBe(36.04); // 0.04937 × 730 = 36.0401
  });

  it("projects the window's mean fleet to the month and applies the discount", () => {
    // 3 instance-hours in a 30-minute window: 6 instances on average, all month, at 66 % off:
    // 6 × 730 × $0.0816 × 0.34 = $121.51872 → $121.52; the window, 3 × $0.0816 × 0.34 = $0.083232 → $0.08.
    const c = fleetCost(fleet({ pricing: { plan: "savingsPlan", discount: 0.66 } }), 3, 1800, US_EAST_1, 730);
    expect(c.monthly).toBe(121.52);
    expect(c.window).toBe(0.08);
  });

  it("knows no discount On-Demand and the catalog's largest otherwise", () => {
    expect(maxFleetDiscount("fargate", "onDemand", US_EAST_1)).toBe(0);
    expect(maxFleetDiscount("ec2", "savingsPlan", US_EAST_1)).toBe(0.66);
    expect(maxFleetDiscount("fargate", "savingsPlan", US_EAST_1)).toBe(0.52);
    expect(maxFleetDiscount("ec2", "spot", US_EAST_1)).toBe(0.9);
    expect(maxFleetDiscount("fargate", "spot", US_EAST_1)).toBe(0.7);
    expect(US_EAST_1.discounts.ec2Spot.ref).toBe("commitmentDiscounts.spotMax");
  });
});
