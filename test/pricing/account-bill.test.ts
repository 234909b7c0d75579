import { describe, expect, it } from "vitest";
import { accountBills, lambdaBill, sumCents, US_EAST_1, type LambdaUsage } from "../../src/pricing/index.js";

// Prices by hand from aws-pricing.json lambda.duration.x86_64.tiers (P1, P2, P3): $0.0000166667 per GB-s
// up to 6 billion GB-s a month, $0.000015 from 6 to 15 billion; lambda.duration.arm64.tiers: $0.0000133334
// up to 7.5 billion. Tiers are per account, Region, architecture and month (lambda.duration.tierAggregation).

/** Usage of `gbs` GB-s of invocations at 1024 MB (1 GB), so billed ms = GB-s × 1000. */
const atGbSeconds = (gbs: number, architecture: "x86_64" | "arm64" = "x86_64", initGbs?: number): LambdaUsage => ({
  architecture,
  memoryMB: 1024,
  requests: 0,
  billedMs: gbs * 1000,
  ...(initGbs === undefined ? {} : { initBilledMs: initGbs * 1000 }),
});
const computes = (bills: ReturnType<typeof accountBills>) => bills.map((b) => b.lineItems.compute);

describe("volume tiers across an account's functions", () => {
  it("prices two x86_64 functions of 4 billion GB-s as 8 billion: 6e9 × $0.0000166667 + 2e9 × $0.000015 = $130,000.20, half each", () => {
    const bills = accountBills([atGbSeconds(4e9), atGbSeconds(4e9)], US_EAST_1);
    expect(computes(bills)).toEqual([65_000.1, 65_000.1]);
    expect(sumCents(bills.map((b) => b.total))).toBe(130_000.2);
    // Each function alone never leaves the first tier: 4e9 × $0.0000166667 = $66,666.80 each, $133,333.60 in all.
    expect(lambdaBill(atGbSeconds(4e9), US_EAST_1).lineItems.compute).toBe(66_666.8);
  });

  it("keeps x86_64 and arm64 tiers apart: 4e9 GB-s of each cost what each costs alone", () => {
    const bills = accountBills([atGbSeconds(4e9, "x86_64"), atGbSeconds(4e9, "arm64")], US_EAST_1);
    // 4e9 × $0.0000166667 = $66,666.80 and 4e9 × $0.0000133334 = $53,333.60: the 8e9 never meets a boundary.
    expect(computes(bills)).toEqual([66_666.8, 53_333.6]);
  });

  it("shares the tiered cost in proportion to GB-s: 1e9 and 8e9 GB-s pay 1/9 and 8/9 of $145,000.20", () => {
    // 6e9 × $0.0000166667 + 3e9 × $0.000015 = $100,000.20 + $45,000 = $145,000.20;
    // 1/9 = $16,111.1333 → $16,111.13 and 8/9 = $128,889.0667 → $128,889.07, which sum to $145,000.20.
    const bills = accountBills([atGbSeconds(1e9), atGbSeconds(8e9)], US_EAST_1);
    expect(computes(bills)).toEqual([16_111.13, 128_889.07]);
  });

  it("bills INIT at the same blended rate and rounds every line on its own, half up", () => {
    // 4e9 + (3e9 + 1e9 of INIT) = 8e9 GB-s cost $130,000.20, $0.0000162500025 per GB-s:
    // $65,000.10; $48,750.075 → $48,750.08 and $16,250.025 → $16,250.03. The lines sum to $130,000.21,
    // a cent above the combined cost rounded once, because two half cents were rounded up.
    const bills = accountBills([atGbSeconds(4e9), atGbSeconds(3e9, "x86_64", 1e9)], US_EAST_1);
    expect(bills.map((b) => b.lineItems)).toEqual([
      { requests: 0, compute: 65_000.1 },
      { requests: 0, compute: 48_750.08, init: 16_250.03 },
    ]);
  });

  it("uses the free tier in scenario order, its GB-s counting toward the tier boundary", () => {
    // The first function's 200k GB-s are free; the second gets the other 200k free. Of the account's
    // 6.0002e9 GB-s, 400k are free, (6e9 − 400k) × $0.0000166667 = $99,993.53332 and the last 200k
    // × $0.000015 = $3.00: the second function pays $99,996.53.
    const bills = accountBills([atGbSeconds(200_000), atGbSeconds(6e9)], US_EAST_1, { freeTier: true });
    expect(computes(bills)).toEqual([0, 99_996.53]);
  });

  it("bills a lone function's total as lambdaBill does, its INIT at the blended rate rather than in a later tier", () => {
    // 6.0004e9 GB-s of invocations + 300k of INIT, 400k free: (6e9 − 400k) × $0.0000166667 + 700k × $0.000015
    // = $100,004.03332. lambdaBill alone puts INIT past the boundary: $99,999.53 + $4.50. The account
    // bill gives all 6.0003e9 billable GB-s one rate: 6e9 → $99,999.03 and 300k → $5.00. Same total.
    const u = atGbSeconds(6.0004e9, "x86_64", 300_000);
    const alone = lambdaBill(u, US_EAST_1, { freeTier: true });
    const [inAccount] = accountBills([u], US_EAST_1, { freeTier: true });
    expect(alone.lineItems).toEqual({ requests: 0, compute: 99_999.53, init: 4.5 });
    expect(inAccount!.lineItems).toEqual({ requests: 0, compute: 99_999.03, init: 5 });
    expect(inAccount!.total).toBe(alone.total);
  });
});
