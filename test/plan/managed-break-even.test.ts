import { describe, expect, it } from "vitest";
import { breakEven } from "../../src/plan/break-even.js";
import { compareOptions } from "../../src/plan/compare-options.js";
import { replicationSeed } from "../../src/plan/seeds.js";
import { comparePoint, compareSide, sidesInThread, type CompareSetup } from "../../src/parallel/compare-point.js";
import { US_EAST_1 } from "../../src/pricing/index.js";
import { roundCents } from "../../src/pricing/money.js";
import { compareDocument } from "../../src/report/compare-document.js";
import { documentMarkdown } from "../../src/report/document-markdown.js";
import { resolveScenarioData } from "../../src/scenario/index.js";
import { expectAgreesWithScan } from "../support/break-even-scan.js";

/** One function compared with on-demand Lambda and LMI (compare.managedInstances) only. */
function setup(fn: Record<string, unknown>, managedInstances: Record<string, unknown>, horizon = "10m", warmup = "1m"): CompareSetup {
  const resolved = resolveScenarioData(
    {
      name: "lmi",
      horizon,
      warmup,
      seed: 7,
      functions: [{ name: "api", runtime: "nodejs22.x", architecture: "arm64", memoryMB: 512, ...fn }],
      compare: { managedInstances },
    },
    "lmi.yaml",
  );
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  const s = resolved.value;
  return { sim: s.sim, catalog: US_EAST_1, pricing: s.pricing, functionName: "api", ec2: null, fargate: null, managed: s.compare!.managed, network: s.compare!.network };
}

const lmi = US_EAST_1.lambda.managedInstances;
const hourly = US_EAST_1.ec2.instances["m7g.large"]!.onDemandHourly.value;
const monthHours = US_EAST_1.monthHours.value;
const monthSeconds = monthHours * 3600;
/** A constant 100 ms request at 512 MB on arm64, evenly spaced: on demand its bill is exactly linear in the rate. */
const constantFn = { duration: { dist: "constant", value: "100ms" }, arrivals: { kind: "constant", rate: "20/s" } };
const smallLmi = { instanceTypes: ["m7g.large"], targetCpuUtilization: 0.5 };

describe("LMI in compare, against closed forms", () => {
  it("bills a load that never leaves the 3-instance minimum exactly 3 × 730 h × price × 1.15 + requests × $0.20 per million, to the cent, with no cold start", () => {
    const s = setup(constantFn, smallLmi);
    const out = compareSide(s, { side: "managed" });
    if (out.side !== "managed") throw new Error("not the managed side");
    const m = out.managed;
    expect(m.instances).toEqual({ peak: 3, mean: 3 });
    expect(m.coldStartRate ?? 0).toBe(0);
    expect(m.throttled).toBe(0);
    // aws-pricing.json lambda.managedInstances: the EC2 price, a 15 % fee on it, $0.20 per million requests.
    expect(lmi.managementFeeFraction.value).toBe(0.15);
    expect(lmi.requestsPricePerMillion.value).toBe(0.2);
    const requests = (m.invocations * monthSeconds) / (9 * 60);
    expect(m.monthly.instances).toBe(roundCents(3 * monthHours * hourly));
    expect(m.monthly.managementFee).toBe(roundCents(3 * monthHours * hourly * 0.15));
    expect(m.monthly.requests).toBe(roundCents((requests / 1e6) * 0.2));
    expect(Math.abs(m.monthly.total - (3 * monthHours * hourly * 1.15 + (requests / 1e6) * 0.2))).toBeLessThanOrEqual(0.01);
  });

  it("puts LMI's break-even with on-demand Lambda where the fixed minimum equals the per-request saving, in closed form", async () => {
    const s = setup(constantFn, smallLmi);
    const b = await breakEven(sidesInThread(s), "managed", 10, 1000, { process: "constant", seed: 7, replications: 1, relativeTolerance: 0.01 });
    expect(b.fleet).toBe("managed");
    expect(b.outcome).toBe("crosses");
    // On demand per request: $0.20 per million + 0.5 GB × 0.1 s × the arm64 GB-s price; on LMI $0.20 per million and the minimum's fixed bill.
    const onDemand = US_EAST_1.lambda.requestsPricePerMillion.value / 1e6 + 0.5 * 0.1 * US_EAST_1.lambda.duration.arm64.tiers[0]!.price;
    const fixed = 3 * monthHours * hourly * 1.15;
    const want = fixed / (monthSeconds * (onDemand - lmi.requestsPricePerMillion.value / 1e6));
    expect(want).toBeGreaterThan(100);
    expect(want).toBeLessThan(130);
    expect(b.lowPerSec).toBeLessThanOrEqual(want);
    expect(b.highPerSec).toBeGreaterThanOrEqual(want);
    expect(Math.abs(b.ratePerSec! / want - 1)).toBeLessThan(0.01);
    // The minimum held at the break-even: LMI's bill there is still the closed form's.
    expect(b.point.managed!.instances.peak).toBe(3);
  });

  it("agrees with an exhaustive scan of a 2 % grid on Poisson traffic, same seeds", async () => {
    const s = setup({ duration: { dist: "lognormal", median: "80ms", p99: "300ms" }, arrivals: { kind: "poisson", rate: "20/s" } }, smallLmi, "5m", "30s");
    const b = await breakEven(sidesInThread(s), "managed", 5, 1000, { process: "poisson", seed: 7, replications: 3 });
    expect(b.outcome).toBe("crosses");
    const grid: Array<{ rate: number; diff: number }> = [];
    for (let rate = b.lowPerSec / 1.1; rate <= b.highPerSec * 1.1; rate *= 1.02) {
      let sum = 0;
      for (let r = 0; r < 3; r++) {
        const p = comparePoint(s, { kind: "poisson", ratePerSec: rate }, "managed", replicationSeed(7, r));
        sum += p.lambda.monthly.total - p.managed!.monthly.total;
      }
      grid.push({ rate, diff: sum / 3 });
    }
    // The scan's crossing lies in (grid[at − 1], grid[at]]; the search's interval overlaps it and holds its estimate.
    expectAgreesWithScan(b, grid);
  });
});

describe("LMI on a burst", () => {
  // 20/s with a 2-minute burst to 600/s at 5 min: on demand 600 × 0.2 s = 120 environments, well inside the account's 1,000
  // and its scaling rate; on LMI the minimum's 3 m7g.large hold 6 environments of 1 vCPU × 8 requests = 48 at once (240/s),
  // and new instances come 3 minutes after the scaler sees the burst.
  const burst = setup(
    { duration: { dist: "constant", value: "200ms" }, arrivals: { kind: "poisson", rate: "20/s", bursts: [{ at: "5m", rate: "600/s", for: "2m" }] } },
    { instanceTypes: ["m7g.large"], targetCpuUtilization: 0.5, maxConcurrency: 8 },
    "12m",
    "1m",
  );

  it("throttles on LMI during the burst where on-demand Lambda does not, and the report says so", () => {
    const p = comparePoint(burst);
    expect(p.lambda.throttled).toBe(0);
    const m = p.managed!;
    expect(m.throttled).toBeGreaterThan(1000);
    // The worst minute is inside the burst (5..7 min), with the throttles and the highest arrivals.
    expect(m.worstBucket!.bucketSeconds).toBe(60);
    expect(m.worstBucket!.startSeconds).toBeGreaterThanOrEqual(300);
    expect(m.worstBucket!.startSeconds).toBeLessThan(420);
    expect(m.worstBucket!.throttles).toBeGreaterThan(0);
    // Arrivals in a burst minute: about (20 + 600) × 60.
    expect(m.worstBucket!.arrivals).toBeGreaterThan(30_000);
    const options = compareOptions(p, { maxThrottleRate: 0.001 });
    expect(options.find((o) => o.kind === "managed")).toMatchObject({ option: "LMI m7g.large", meetsSlo: false });
    expect(options.find((o) => o.kind === "lambda")!.meetsSlo).toBe(true);
    const doc = compareDocument({
      name: "lmi",
      function: "api",
      description: null,
      traffic: "Poisson 20/s",
      horizonSeconds: 720,
      warmupSeconds: 60,
      seed: 7,
      monthHours,
      scenarioTraffic: p,
      options,
      recommendation: { option: "Lambda", monthlyCost: p.lambda.monthly.total, reason: "" },
      network: { frontDoor: "none", loadBalancer: "none", natGateways: 0, requestBytes: 0, responseBytes: 0 },
      slo: { maxThrottleRate: 0.001 },
      formatRate: (r) => `${r}/s`,
    });
    const md = documentMarkdown(doc);
    expect(md).toMatch(/LMI throttles where on-demand Lambda does not/);
    expect(md).toMatch(/LMI's worst: the minute from 00:0[56]/);
  });
});
