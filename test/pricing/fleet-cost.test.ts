import { describe, expect, it } from "vitest";
import { fleetCost, fleetOnDemandHourly, maxFleetDiscount, US_EAST_1 } from "../../src/pricing/index.js";
import { fleet } from "../fleet/support.js";

describe("the bill of a fleet", () => {
  it("prices an m7g.large month at the catalog's hourly price × 730 h (P1's m7g.xlarge is twice the large)", () => {
    const c = fleetCost(fleet(), 1, 3600, US_EAST_1, 730);
    expect(c.onDemandHourly).toBe(US_EAST_1.ec2.instances["m7g.large"]!.onDemandHourly.value);
    expect(c.monthly).toBe(59.57); // 0.0816 × 730 = 59.568
    expect(US_EAST_1.ec2.instances["m7g.xlarge"]!.onDemandHourly.value).toBeCloseTo(2 * c.onDemandHourly, 10);
  });

  it("prices a Fargate task by its vCPU and GB at the architecture's rates", () => {
    const f = fleet({ kind: "fargate", instanceType: null, architecture: "x86_64", vcpu: 1, memoryGB: 2 });
    const r = US_EAST_1.fargate.x86_64;
    expect(fleetOnDemandHourly(f, US_EAST_1)).toBeCloseTo(r.perVcpuHour.value + 2 * r.perGbHour.value, 12);
  });

  it("projects the window's mean fleet to the month and applies the discount", () => {
    // 3 instance-hours in a 30-minute window: 6 instances on average, all month, at 66 % off.
    const d = maxFleetDiscount("ec2", "savingsPlan", US_EAST_1);
    const c = fleetCost(fleet({ pricing: { plan: "savingsPlan", discount: d } }), 3, 1800, US_EAST_1, 730);
    expect(c.monthly).toBeCloseTo(Math.round(6 * 730 * 0.0816 * (1 - d) * 100) / 100, 10);
    expect(c.window).toBeCloseTo(Math.round(3 * 0.0816 * (1 - d) * 100) / 100, 10);
  });

  it("knows no discount On-Demand and the catalog's largest otherwise", () => {
    expect(maxFleetDiscount("fargate", "onDemand", US_EAST_1)).toBe(0);
    expect(maxFleetDiscount("fargate", "spot", US_EAST_1)).toBe(US_EAST_1.discounts.fargateSpot.value);
    expect(US_EAST_1.discounts.ec2Spot.ref).toBe("commitmentDiscounts.spotMax");
  });
});
