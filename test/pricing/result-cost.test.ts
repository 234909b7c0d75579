import { describe, expect, it } from "vitest";
import { simulate } from "../../src/platform/simulate.js";
import { costSummary, lambdaBill, US_EAST_1, withCost, type PricingOptions } from "../../src/pricing/index.js";
import { fn, scenario } from "../support/configs.js";
import { priceRequest } from "../../src/cli/price-flags.js";

const options: PricingOptions = { freeTier: false, frontDoor: "none", monthHours: 730, savingsPlan: 0, date: "2025-08-01" };

describe("the bill of a simulation", () => {
  it("bills a Python SnapStart function's cache over the window, with its 3-hour minimum, and a restore per cold start", () => {
    // python3.12 at 2,048 MB, one request a minute, environments idle out after 30 s: every request restores.
    const f = fn({
      name: "f",
      runtime: "python3.12",
      snapStart: true,
      memoryMB: 2048,
      arrivals: { kind: "constant", ratePerSec: 1 / 60 },
      duration: { dist: "constant", value: 100 },
      coldStart: { dist: "constant", value: 300 },
      idleLifetime: { dist: "constant", value: 30_000 },
    });
    const config = scenario([f], { horizonMs: 3_600_000 });
    const priced = withCost(simulate(config), config.functions, US_EAST_1, options);
    const r = priced.functions.f!;
    expect(r.coldStarts).toBe(60);
    // By hand (aws-pricing.json lambda.snapStart): the window of 1 h is billed the 3-hour minimum,
    // 2 GB × 10,800 s × $0.0000015046 = $0.0325; 60 restores × 2 GB × $0.0001397998 = $0.0168.
    expect(r.cost!.window.snapStart).toBe(0.03 + 0.02);
    // The month (730 h): 2 × 2,628,000 GB-s × $0.0000015046 = $7.91; 43,800 × 2 GB × $0.0001397998 = $12.25.
    expect(r.cost!.monthly.snapStart).toBe(20.16);
    // The same usage through `lambdasim price` (its flags, its arithmetic): the same dollars.
    const request = priceRequest(
      { arch: "x86_64", freeTier: false, frontDoor: "none", json: false, memory: "2048", requests: "43800", duration: "100ms", snapstartRestores: "43800" },
      US_EAST_1,
    );
    if (!request.ok) throw new Error(JSON.stringify(request.issues));
    const closed = lambdaBill(request.value.usage, US_EAST_1, request.value.options);
    expect(closed.lineItems.snapStartCache! + closed.lineItems.snapStartRestore!).toBeCloseTo(r.cost!.monthly.snapStart, 10);
    // A Java SnapStart function pays nothing for it (lambda.snapStart.javaManagedRuntimesCharged: false).
    const java = { ...f, runtime: "java21" };
    const javaConfig = scenario([java], { horizonMs: 3_600_000 });
    expect(withCost(simulate(javaConfig), javaConfig.functions, US_EAST_1, options).functions.f!.cost!.monthly.snapStart).toBe(0);
  });

  it("equals the closed-form bill when the traffic is deterministic", () => {
    // 20 req/s, exactly 250 ms each, 1,024 MB, x86_64, one hour, no cold start in the window.
    const f = fn({
      name: "f",
      memoryMB: 1024,
      arrivals: { kind: "constant", ratePerSec: 20 },
      duration: { dist: "constant", value: 250 },
      coldStart: { dist: "constant", value: 0 },
    });
    const config = scenario([f], { horizonMs: 3_600_000 + 60_000, warmupMs: 60_000 });
    const priced = withCost(simulate(config), config.functions, US_EAST_1, options);
    expect(priced.total.coldStarts).toBe(0);

    // Closed form for a 730-hour month: 20/s x 3600 s x 730 requests of 250 ms.
    const requests = 20 * 3600 * 730;
    const closed = costSummary(
      lambdaBill(
        { architecture: "x86_64", memoryMB: 1024, requests, billedMs: requests * 250, initBilledMs: 0, ephemeralStorageMB: 512 },
        US_EAST_1,
        { freeTier: false },
      ),
    );
    expect(priced.total.cost!.monthly).toEqual(closed);
    // And by hand: $0.20 per million requests, $0.0000166667 per GB-s (aws-pricing.json), to the cent.
    const gbSeconds = requests * 0.25 * 1;
    expect(closed.requests).toBeCloseTo((requests / 1e6) * US_EAST_1.lambda.requestsPricePerMillion.value, 2);
    expect(closed.compute).toBeCloseTo(gbSeconds * US_EAST_1.lambda.duration.x86_64.tiers[0]!.price, 2);
  });

  it("prices the GB-s of two x86_64 functions through the volume tiers together, half each", () => {
    // Each: 20 req/s of exactly 250 ms at 1,024 MB = 18,000 GB-s an hour, projected to a 250,000-hour
    // month = 4.5e9 GB-s. Together 9e9 (aws-pricing.json lambda.duration.x86_64.tiers, tiers per account
    // and architecture, lambda.duration.tierAggregation): 6e9 × $0.0000166667 + 3e9 × $0.000015 = $145,000.20.
    // Billed one by one, each would be 4.5e9 × $0.0000166667 = $75,000.15.
    const f = (name: string) =>
      fn({ name, memoryMB: 1024, arrivals: { kind: "constant", ratePerSec: 20 }, duration: { dist: "constant", value: 250 } });
    const config = scenario([f("a"), f("b")], { horizonMs: 3_600_000 + 60_000, warmupMs: 60_000 });
    const priced = withCost(simulate(config), config.functions, US_EAST_1, { ...options, monthHours: 250_000 });
    expect(priced.total.coldStarts).toBe(0);
    expect(priced.functions.a!.cost!.monthly.compute).toBe(72_500.1);
    expect(priced.functions.b!.cost!.monthly.compute).toBe(72_500.1);
    expect(priced.total.cost!.monthly.compute).toBe(145_000.2);
    // The total is the sum of the functions' rounded lines, requests included: 2 × 72,000 × 250,000
    // = 3.6e10 requests at $0.20 per million (aws-pricing.json lambda.requests.pricePerMillion) = $7,200.
    expect(priced.total.cost!.monthly.total).toBe(152_200.2);
  });

  it("bills provisioned environments for the time they are held and spill-over at on-demand rates", () => {
    const f = fn({
      name: "f",
      memoryMB: 512,
      provisioned: { kind: "fixed", count: 5 },
      arrivals: { kind: "poisson", ratePerSec: 2 },
      duration: { dist: "constant", value: 100 },
    });
    const config = scenario([f], { horizonMs: 3_600_000 });
    const priced = withCost(simulate(config), config.functions, US_EAST_1, options);
    const u = priced.total.usage;
    expect(u.provisionedAllocations).toEqual([{ concurrency: 5, seconds: 3600 }]);
    expect(u.provisionedRequests).toBe(u.requests); // 0.2 erlangs never overflow 5 environments
    expect(priced.total.cost!.window.provisioned).toBeGreaterThan(0);
  });
});
