import { describe, expect, it } from "vitest";
import { lmiFunction, managedRun } from "../support/managed.js";

/**
 * m7g.xlarge On-Demand is $0.1632 per hour (AWS Lambda pricing page's LMI example, aws-pricing.json
 * commitmentDiscounts.lambdaManagedInstancesExample); the management fee is 15 % of it and requests
 * cost $0.20 per million (aws-pricing.json lambda.managedInstances).
 */
const M7G_XLARGE = 0.1632;

/** A steady 10 requests/s of 10 ms I/O on the default three m7g.xlarge instances for 10 hours. */
function steady(pricing?: unknown) {
  return managedRun({
    horizon: "10h",
    seed: 2,
    capacityProviders: { cp: { instanceTypes: ["m7g.xlarge"], maxVCpu: 400, ...(pricing === undefined ? {} : { pricing }) } },
    functions: [lmiFunction({ duration: { dist: "constant", value: "10ms" }, arrivals: { kind: "constant", rate: "10/s" } })],
  }).result;
}

describe("the bill of Lambda Managed Instances", () => {
  it("costs 3 × hours × (price × 1.15) + requests × $0.20 per million to the cent for a load that never leaves the minimum, with no cold start", () => {
    const r = steady();
    const f = r.functions.api!;
    const cp = r.capacityProviders!.cp!;
    expect(cp.instances).toEqual({ peak: 3, mean: 3 });
    expect(cp.launched).toBe(0);
    expect(f.coldStarts).toBe(0);
    expect(f.usage.requests).toBe(360_000);
    const closedForm = 3 * 10 * (M7G_XLARGE * 1.15) + (360_000 * 0.2) / 1e6; // 5.6304 + 0.072
    expect(f.cost!.window.total).toBeCloseTo(Math.round(closedForm * 100) / 100, 10); // $5.70
    expect(cp.cost!.window.total).toBeCloseTo(5.7, 10);
    expect(f.cost!.window).toMatchObject({ instances: 4.9, managementFee: 0.73, requests: 0.07, compute: 0, init: 0 });
  });

  it("projects the month from the window's instance-hours: 3 × 730 h of instances, fee and requests", () => {
    const m = steady().capacityProviders!.cp!.cost!.monthly;
    expect(m.instances).toBeCloseTo(Math.round(3 * 730 * M7G_XLARGE * 100) / 100, 10); // $357.41
    expect(m.managementFee).toBeCloseTo(Math.round(3 * 730 * M7G_XLARGE * 0.15 * 100) / 100, 10); // $53.61
    expect(m.requests).toBeCloseTo(Math.round(10 * 3600 * 730 * 0.2e-6 * 100) / 100, 10); // 26.28 M requests: $5.26
  });

  it("takes a Savings Plan off the EC2 part only: the management fee stays 15 % of the On-Demand price", () => {
    const w = steady({ savingsPlan: 0.3 }).functions.api!.cost!.window;
    expect(w.instances).toBeCloseTo(Math.round(3 * 10 * M7G_XLARGE * 0.7 * 100) / 100, 10); // $3.43
    expect(w.managementFee).toBeCloseTo(0.73, 10);
  });

  it("reproduces AWS's own example: m7g.xlarge at $0.0457 an hour with a 3-year Compute Savings Plan (72 % off $0.1632), the fee on $0.1632", () => {
    const w = steady({ savingsPlan: 0.72 }).functions.api!.cost!.window;
    // aws-pricing.json commitmentDiscounts.lambdaManagedInstancesExample: with3yrComputeSP 0.0457 = 0.1632 × (1 − 0.72), to the cent of a rate.
    expect(Math.round(M7G_XLARGE * (1 - 0.72) * 1e4) / 1e4).toBe(0.0457);
    expect(w.instances).toBeCloseTo(Math.round(3 * 10 * M7G_XLARGE * 0.28 * 100) / 100, 10); // 30 instance-hours: $1.37
    expect(w.managementFee).toBeCloseTo(0.73, 10);
  });
});

