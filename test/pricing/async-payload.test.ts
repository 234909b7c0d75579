import { describe, expect, it } from "vitest";
import { simulate } from "../../src/platform/simulate.js";
import { US_EAST_1, withCost, type PricingOptions } from "../../src/pricing/index.js";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { issuesOf, withFunction } from "../scenario/support.js";

const options: PricingOptions = { freeTier: false, frontDoor: "none", monthHours: 730, savingsPlan: 0, date: "2025-08-01" };

/** An async function receiving 10 events/s, evenly spaced, for an hour, with the given payloadKB. */
function asyncRun(payloadKB: unknown) {
  const r = resolveScenario(
    withFunction({ invocation: "async", payloadKB, duration: { dist: "constant", value: "10ms" }, arrivals: { kind: "constant", rate: "10/s" } }, { horizon: "1h" }),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const sim = r.value.sim;
  return withCost(simulate(sim), sim.functions, US_EAST_1, options).functions[sim.functions[0]!.name]!;
}

describe("async payloads above 256 KB", () => {
  it("bill one request per extra 64 KB chunk (aws-pricing.json lambda.requests.asyncEventRequestAccounting)", () => {
    expect(US_EAST_1.lambda.asyncPayload.includedKB.value).toBe(256);
    expect(US_EAST_1.lambda.asyncPayload.extraChunkKB.value).toBe(64);
    // 500 KB = 256 + 244 KB: 4 started chunks of 64 KB, so 5 requests an event.
    const big = asyncRun(500);
    expect(big.invocations).toBe(36_000);
    expect(big.usage.payloadExtraRequests).toBe(4 * 36_000);
    // By hand: 180,000 requests × $0.20 per million = $0.036 in the hour; a 730-hour month 131.4 M requests = $26.28.
    expect(big.cost!.window.requests).toBe(0.04);
    expect(big.cost!.monthly.requests).toBe(26.28);
    // 300 KB: one extra request; 256 KB: none ($5.256 → $5.26 a month, as without payloadKB).
    expect(asyncRun(300).cost!.monthly.requests).toBe(10.51);
    expect(asyncRun(256).cost!.monthly.requests).toBe(5.26);
  });

  it("draw a payload per event from a distribution of KB", () => {
    // Uniform 0..512 KB: half the events fit; the rest need 1, 2, 3 or 4 chunks, 1/8 each: 1.25 extra on average.
    const r = asyncRun({ dist: "uniform", min: 0, max: 512 });
    expect(Math.abs(r.usage.payloadExtraRequests / r.invocations - 1.25) / 1.25).toBeLessThan(0.02);
  });

  it("refuse payloadKB on a function not invoked async, and units in its distribution", () => {
    expect(issuesOf(withFunction({ payloadKB: 300 })).map((i) => i.path)).toContain("functions[0].payloadKB");
    expect(issuesOf(withFunction({ invocation: "async", payloadKB: 2000 })).map((i) => i.path)).toContain("functions[0].payloadKB");
    const units = issuesOf(withFunction({ invocation: "async", payloadKB: { dist: "uniform", min: "1ms", max: "2ms" } }));
    expect(units.map((i) => i.path)).toContain("functions[0].payloadKB.min");
  });
});
