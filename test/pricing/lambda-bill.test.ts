import { describe, expect, it } from "vitest";
import {
  US_EAST_1,
  billedMsFromAverage,
  cents,
  costSummary,
  freeTierAllowance,
  initIsBilled,
  frontDoorCost,
  lambdaBill,
  meteredProvisionedSeconds,
  projectUsage,
  roundCents,
  sumCents,
  type LambdaUsage,
} from "../../src/pricing/index.js";
import { ceilToStep } from "../../src/pricing/billing-step.js";

/** Usage of `gbs` GB-s at 1024 MB (1 GB), so billed ms = GB-s × 1000. */
const atGbSeconds = (gbs: number, architecture: "x86_64" | "arm64" = "x86_64"): LambdaUsage => ({
  architecture,
  memoryMB: 1024,
  requests: 0,
  billedMs: gbs * 1000,
});
const compute = (u: LambdaUsage, freeTier = false) => lambdaBill(u, US_EAST_1, { freeTier }).lineItems.compute;

/** AWS's Provisioned Concurrency Example 1 (aws-pricing.json workedExamples pc-1-mobile-launch) as usage. */
const pc1: LambdaUsage = {
  architecture: "x86_64",
  memoryMB: 1536,
  requests: 2_500_000,
  billedMs: 2_500_000 * 120,
  provisioned: { allocations: [{ concurrency: 100, seconds: 8 * 3600 }], requests: 500_000, billedMs: 500_000 * 100 },
};

describe("monthly volume tiers of on-demand duration", () => {
  // Hand-computed from aws-pricing.json lambda.duration.{x86_64,arm64}.tiers.
  it("prices x86_64 up to 6 billion GB-s at the first tier: 6e9 × $0.0000166667 = $100,000.20", () => {
    expect(compute(atGbSeconds(6e9))).toBe(100_000.2);
  });

  it("prices x86_64 GB-s past 6 billion at $0.000015: 6.1e9 GB-s cost $100,000.20 + $1,500.00", () => {
    expect(compute(atGbSeconds(6.1e9))).toBe(101_500.2);
  });

  it("prices x86_64 GB-s past 15 billion at $0.0000133334: 20e9 GB-s cost $100,000.20 + $135,000 + $66,667.00", () => {
    expect(compute(atGbSeconds(20e9))).toBe(301_667.2);
  });

  it("uses arm64's own boundaries (7.5 and 18.75 billion): 7.5e9 GB-s cost $100,000.50, 7.6e9 add $1,200.01", () => {
    expect(compute(atGbSeconds(7.5e9, "arm64"))).toBe(100_000.5);
    expect(compute(atGbSeconds(7.6e9, "arm64"))).toBe(101_200.51);
    expect(compute(atGbSeconds(6.1e9, "arm64"))).toBe(81_333.74); // 6.1e9 × $0.0000133334, no x86 boundary
  });

  it("prices 20e9 arm64 GB-s across all three tiers: $100,000.50 + $135,001.125 + $13,333.375 = $248,335.00", () => {
    expect(compute(atGbSeconds(20e9, "arm64"))).toBe(248_335);
  });

  it("takes the free GB-s off the start of the month, so the tier boundary still falls at 6 billion of usage", () => {
    // (6e9 − 400k) × $0.0000166667 = $99,993.53332, + 400k × $0.000015 = $6.00
    expect(compute(atGbSeconds(6.0004e9), true)).toBe(99_999.53);
  });
});

describe("INIT, provisioned concurrency, storage, SnapStart, front doors and discounts", () => {
  it("bills INIT at the on-demand rate after the invocations, sharing the free GB-s", () => {
    const u: LambdaUsage = { ...atGbSeconds(300_000), initBilledMs: 200_000 * 1000 };
    // Free: 300k of invocations and 100k of INIT are free; the other 100k × $0.0000166667 = $1.66667.
    expect(lambdaBill(u, US_EAST_1, { freeTier: true }).lineItems).toEqual({ requests: 0, compute: 0, init: 1.67 });
    // Without: $5.00001 and $3.33334.
    expect(lambdaBill(u, US_EAST_1).lineItems).toEqual({ requests: 0, compute: 5, init: 3.33 });
  });

  it("bills INIT of zip managed runtimes from 2025-08-01, and of images and custom runtimes always", () => {
    expect(initIsBilled({ packageType: "zip", runtime: "nodejs22.x", date: "2025-07-31" }, US_EAST_1)).toBe(false);
    expect(initIsBilled({ packageType: "zip", runtime: "nodejs22.x", date: "2025-08-01" }, US_EAST_1)).toBe(true);
    expect(initIsBilled({ packageType: "image", runtime: "nodejs22.x", date: "2024-01-01" }, US_EAST_1)).toBe(true);
    expect(initIsBilled({ packageType: "zip", runtime: "provided.al2023", date: "2024-01-01" }, US_EAST_1)).toBe(true);
  });

  it("meters provisioned concurrency in 5-minute steps, rounding up", () => {
    expect(meteredProvisionedSeconds(0, US_EAST_1)).toBe(0);
    expect(meteredProvisionedSeconds(300, US_EAST_1)).toBe(300);
    expect(meteredProvisionedSeconds(301, US_EAST_1)).toBe(600);
    expect(meteredProvisionedSeconds(8 * 3600 + 1, US_EAST_1)).toBe(29_100);
    // 100 × 1.5 GB × 29,100 s = 4,365,000 GB-s × $0.0000041667 = $18.1876...
    const u: LambdaUsage = { ...pc1, provisioned: { ...pc1.provisioned!, allocations: [{ concurrency: 100, seconds: 8 * 3600 + 1 }] } };
    expect(lambdaBill(u, US_EAST_1, { freeTier: true }).lineItems.provisioned).toBe(18.19);
  });

  it("sums several provisioned allocations (a schedule)", () => {
    const u: LambdaUsage = { ...pc1, provisioned: { ...pc1.provisioned!, allocations: [{ concurrency: 50, seconds: 4 * 3600 }, { concurrency: 150, seconds: 4 * 3600 }] } };
    expect(lambdaBill(u, US_EAST_1, { freeTier: true }).quantities.provisionedGbSeconds).toBe(4_320_000);
  });

  it("discounts duration and provisioned concurrency by the savings plan, not requests", () => {
    // pc-1 × 0.83: $18.000144 → 14.94, $0.729165 → 0.61, $0.833335 → 0.69; requests stay $0.40.
    const bill = lambdaBill(pc1, US_EAST_1, { freeTier: true, savingsPlan: 0.17 });
    expect(bill.lineItems).toEqual({ requests: 0.4, compute: 0.69, provisioned: 14.94, provisionedDuration: 0.61 });
    expect(bill.total).toBe(16.64);
  });

  it("charges ephemeral storage above 512 MB per GB-s of billed duration", () => {
    const u: LambdaUsage = { architecture: "x86_64", memoryMB: 1024, requests: 1_000_000, billedMs: 1e9, ephemeralStorageMB: 10_240 };
    // 9.5 GB × 1,000,000 s × $0.0000000309 = $0.29355
    expect(lambdaBill(u, US_EAST_1).lineItems.ephemeralStorage).toBe(0.29);
    expect(lambdaBill({ ...u, ephemeralStorageMB: 512 }, US_EAST_1).lineItems.ephemeralStorage).toBe(0);
  });

  it("bills the SnapStart cache for at least 3 hours", () => {
    const u: LambdaUsage = { architecture: "x86_64", memoryMB: 2048, requests: 0, billedMs: 0, snapStart: { activeSeconds: 3600, restores: 0 } };
    const bill = lambdaBill(u, US_EAST_1);
    expect(bill.quantities.snapStartCacheGbSeconds).toBe(2 * 3 * 3600);
    expect(bill.lineItems.snapStartCache).toBe(0.03); // 21,600 GB-s × $0.0000015046 = $0.0325
  });

  it("prices API Gateway calls by its monthly tiers and a function URL at nothing", () => {
    // REST: 333M × $3.50/M + 67M × $2.80/M; HTTP: 300M × $1.00/M + 50M × $0.90/M.
    expect(roundCents(frontDoorCost("rest", 400e6, US_EAST_1))).toBe(1353.1);
    expect(roundCents(frontDoorCost("http", 350e6, US_EAST_1))).toBe(345);
    expect(frontDoorCost("url", 400e6, US_EAST_1)).toBe(0);
    const u: LambdaUsage = { architecture: "x86_64", memoryMB: 1536, requests: 3e6, billedMs: 3.6e8 };
    expect(lambdaBill(u, US_EAST_1, { freeTier: true, frontDoor: "http" }).lineItems.frontDoor).toBe(3);
    expect(lambdaBill(u, US_EAST_1, { frontDoor: "none" }).lineItems.frontDoor).toBeUndefined();
  });

  it("applies what remains of the free tier when given as an allowance", () => {
    const u: LambdaUsage = { architecture: "x86_64", memoryMB: 1024, requests: 2e6, billedMs: 0 };
    expect(lambdaBill(u, US_EAST_1, { freeTier: { requests: 500_000 } }).lineItems.requests).toBe(0.3);
    expect(freeTierAllowance(true, US_EAST_1)).toEqual({ requests: 1_000_000, gbSeconds: 400_000, streamingGB: 100 });
  });

  it("groups a bill as result.json's cost: compute holds both duration rates", () => {
    expect(costSummary(lambdaBill(pc1, US_EAST_1, { freeTier: true }))).toEqual({
      requests: 0.4,
      compute: 1.56,
      init: 0,
      provisioned: 18,
      ephemeralStorage: 0,
      snapStart: 0,
      frontDoor: 0,
      total: 19.96,
    });
  });

  it("refuses negative usage as a bug", () => {
    expect(() => lambdaBill({ ...atGbSeconds(1), requests: -1 }, US_EAST_1)).toThrow(RangeError);
  });
});

describe("rounding and projection", () => {
  it("rounds half up to the cent despite binary noise, and sums in whole cents", () => {
    expect(cents(1.005)).toBe(101);
    expect(roundCents(0.833335)).toBe(0.83);
    expect(roundCents(7_440_000 * 0.2 / 1e6)).toBe(1.49);
    expect(sumCents([0.1, 0.2])).toBe(0.3);
  });

  it("rounds up to whole steps, ignoring binary noise in the quotient", () => {
    expect(ceilToStep(301, 300)).toBe(600);
    expect(ceilToStep(0.1 + 0.2, 0.1)).toBeCloseTo(0.3, 15); // 0.30000000000000004 / 0.1 = 3.0000000000000004 is 3 steps, not 4
  });

  it("rounds each invocation up to a whole millisecond", () => {
    expect(billedMsFromAverage(2, 120.4, US_EAST_1)).toBe(242);
    expect(billedMsFromAverage(3_000_000, 120, US_EAST_1)).toBe(360_000_000);
  });

  it("projects a one-hour window to a 730-hour month", () => {
    const window: LambdaUsage = {
      architecture: "arm64",
      memoryMB: 512,
      requests: 1000,
      billedMs: 120_000,
      initBilledMs: 500,
      provisioned: { allocations: [{ concurrency: 10, seconds: 3600 }], requests: 10, billedMs: 1000 },
    };
    const month = projectUsage(window, 3600, 730 * 3600);
    expect(month.requests).toBe(730_000);
    expect(month.billedMs).toBe(87_600_000);
    expect(month.initBilledMs).toBe(365_000);
    expect(month.provisioned!.allocations).toEqual([{ concurrency: 10, seconds: 2_628_000 }]);
  });
});
