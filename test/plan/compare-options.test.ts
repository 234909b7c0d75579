import { describe, expect, it } from "vitest";
import { simulateFleet } from "../../src/fleet/simulate-fleet.js";
import { comparePoint, type CompareSetup } from "../../src/parallel/compare-point.js";
import { simulate } from "../../src/platform/simulate.js";
import { compareOptions, recommendOption } from "../../src/plan/compare-options.js";
import { US_EAST_1 } from "../../src/pricing/index.js";
import { withCost } from "../../src/pricing/result-cost.js";
import { resolveScenarioData, type ResolvedScenario } from "../../src/scenario/index.js";

/**
 * A 1,769 MB function (one vCPU on Lambda) whose 100 ms are all CPU, at a constant 10/s, beside a
 * Fargate task of 0.25 vCPU with one slot: the same request takes 4 × 100 ms there, cheaper but slower.
 */
function scenario(extra: Record<string, unknown> = {}, compare: Record<string, unknown> = {}): ResolvedScenario {
  const resolved = resolveScenarioData(
    {
      name: "slo-gate",
      horizon: "20m",
      warmup: "2m",
      functions: [
        {
          name: "api",
          runtime: "nodejs22.x",
          architecture: "arm64",
          memoryMB: 1769,
          duration: { dist: "constant", value: "100ms", atMemoryMB: 1769, cpuBound: 1 },
          arrivals: { kind: "constant", rate: "10/s" },
        },
      ],
      compare: { fargate: { vcpu: 0.25, memoryGB: 0.5, architecture: "arm64", slotsPerTask: 1, minTasks: 6, maxTasks: 20 }, ...compare },
      ...extra,
    },
    "slo-gate.yaml",
  );
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  return resolved.value;
}

function setupOf(s: ResolvedScenario): CompareSetup {
  return { sim: s.sim, catalog: US_EAST_1, pricing: s.pricing, functionName: "api", ec2: s.compare!.ec2, fargate: s.compare!.fargate, network: s.compare!.network };
}

describe("compare's options against the SLO (issue 13 case 4)", () => {
  it("does not recommend the cheapest option when its p99 misses slo.p99LatencyMs, and names what it missed", () => {
    const s = scenario({ slo: { p99LatencyMs: 300 } });
    const options = compareOptions(comparePoint(setupOf(s)), s.slo);
    const [lambda, fargate] = options;
    // Fargate: 4 × 100 ms of CPU on a quarter vCPU per slot, so p99 ≥ 400 ms; Lambda serves in 100 ms.
    expect(fargate!.latencyMs.p99!).toBeGreaterThanOrEqual(399);
    expect(fargate!.monthlyCost.total).toBeLessThan(lambda!.monthlyCost.total);
    expect(fargate!.meetsSlo).toBe(false);
    expect(fargate!.verdicts).toEqual([{ objective: "p99LatencyMs", target: 300, actual: fargate!.latencyMs.p99, pass: false }]);
    expect(lambda!.meetsSlo).toBe(true);
    const rec = recommendOption(options, s.slo);
    expect(rec.option).toBe("Lambda");
    expect(rec.monthlyCost).toBe(lambda!.monthlyCost.total);
    expect(rec.reason).toMatch(/cheaper but missing it: Fargate 0\.25 vCPU \/ 0\.5 GB \(\$[\d.]+, misses p99LatencyMs/);
  });

  it("recommends nothing when no option meets the SLO, and says what each one missed", () => {
    const s = scenario({ slo: { p99LatencyMs: 50 } });
    const rec = recommendOption(compareOptions(comparePoint(setupOf(s)), s.slo), s.slo);
    expect(rec.option).toBeNull();
    expect(rec.monthlyCost).toBeNull();
    expect(rec.reason).toMatch(/^no option meets the SLO: Lambda misses p99LatencyMs \(100 ms against 50\.0 ms\); Fargate .* misses p99LatencyMs/);
  });

  it("gives every option meetsSlo null and recommends the cheapest when the scenario has no SLO", () => {
    const s = scenario();
    const options = compareOptions(comparePoint(setupOf(s)), s.slo);
    expect(options.map((o) => o.meetsSlo)).toEqual([null, null]);
    expect(recommendOption(options, s.slo).option).toMatch(/^Fargate/);
  });
});

describe("compare's doors (issue 13 case 5)", () => {
  // network-costs.json applicationLoadBalancer.hourly 0.0225, lcuHourly 0.008, lcuDimensions.newConnectionsPerSecond 25;
  // natGateway.hourly 0.045. API Gateway REST: aws-pricing.json apiGateway.restApi.tiers, first tier $3.50 per million.
  it("charges the fleet an ALB (hours + LCUs at one connection per request) when Lambda has API Gateway in front, itemised beside the front door", () => {
    const s = scenario({ pricing: { frontDoor: "rest" } });
    expect(s.compare!.network.loadBalancer).toBe("alb");
    const point = comparePoint(setupOf(s));
    const [lambda, fargate] = compareOptions(point, null);
    // 10/s for 730 h = 26.28 M calls at $3.50 per million.
    expect(lambda!.monthlyCost).toMatchObject({ frontDoor: 91.98, natGateway: 0 });
    // 10 new connections/s = 0.4 LCU: 730 × (0.0225 + 0.4 × 0.008) = $18.761.
    expect(fargate!.monthlyCost).toMatchObject({ loadBalancer: 18.76, natGateway: 0 });
    expect(fargate!.monthlyCost.total).toBeCloseTo(point.fargate!.cost.monthly + 18.76, 2);
    expect(lambda!.monthlyCost.total).toBeCloseTo(point.lambda.cost.monthly.total, 2);
  });

  it("counts processed bytes when given: the LCU is the larger of connections and GB per hour", () => {
    // 10/s × 3600 s × 100 kB = 3.6 GB/h = 3.6 LCU > 0.4 LCU of connections: 730 × (0.0225 + 3.6 × 0.008) = $37.449.
    const s = scenario({ pricing: { frontDoor: "http" } }, { requestBytes: 20_000, responseBytes: 80_000 });
    const [, fargate] = compareOptions(comparePoint(setupOf(s)), null);
    expect(fargate!.monthlyCost).toMatchObject({ loadBalancer: 37.45 });
  });

  it("bills NAT gateways at the same rate on both sides, and no load balancer when asked for none", () => {
    const s = scenario({ pricing: { frontDoor: "rest" } }, { loadBalancer: "none", natGateways: 2 });
    const [lambda, fargate] = compareOptions(comparePoint(setupOf(s)), null);
    // 2 × 730 h × $0.045.
    expect(lambda!.monthlyCost.natGateway).toBe(65.7);
    expect(fargate!.monthlyCost).toMatchObject({ loadBalancer: 0, natGateway: 65.7 });
  });

  it("puts no load balancer in front of the fleets when Lambda has no front door either", () => {
    expect(scenario().compare!.network).toEqual({ loadBalancer: "none", natGateways: 0, requestBytes: 0, responseBytes: 0 });
  });
});

describe("compare's recommendation equals an exhaustive search", () => {
  it("picks the option that simulating each one on its own (same seed) finds cheapest among those meeting the SLO", () => {
    const s = scenario({ slo: { p99LatencyMs: 450, maxThrottleRate: 0.001 }, pricing: { frontDoor: "http" } }, { ec2: { instanceType: "m7g.large", slotsPerInstance: 2, minInstances: 1 } });
    const fn = s.sim.functions[0]!;
    const windowSeconds = (s.sim.horizonMs - s.sim.warmupMs) / 1000;
    // Each option on its own, as `run` and the fleet model would: Lambda's priced result, each fleet's run.
    const lambda = withCost(simulate(s.sim), s.sim.functions, US_EAST_1, s.pricing).functions.api!;
    const candidates = [{ name: "Lambda", monthly: lambda.cost!.monthly.total, ok: lambda.latencyMs.p99! <= 450 && lambda.throttleRate! <= 0.001 }];
    for (const fleet of [s.compare!.ec2!, s.compare!.fargate!]) {
      const r = simulateFleet({ fleet, workload: { name: "api", memoryMB: fn.memoryMB, durationScaling: fn.durationScaling }, arrivals: fn.arrivals, duration: fn.duration, seed: s.sim.seed, horizonMs: s.sim.horizonMs, warmupMs: s.sim.warmupMs });
      const instances = ((r.instanceHours * 730 * 3600) / windowSeconds) * (fleet.kind === "ec2" ? US_EAST_1.ec2.instances["m7g.large"]!.onDemandHourly.value : 0.25 * US_EAST_1.fargate.arm64.perVcpuHour.value + 0.5 * US_EAST_1.fargate.arm64.perGbHour.value);
      const alb = 730 * (0.0225 + 0.008 * (r.invocations / windowSeconds / 25));
      candidates.push({ name: fleet.kind, monthly: instances + alb, ok: r.latencyMs.p99! <= 450 && r.rejected / r.invocations <= 0.001 });
    }
    const best = candidates.filter((c) => c.ok).sort((a, b) => a.monthly - b.monthly)[0]!;
    const options = compareOptions(comparePoint(setupOf(s)), s.slo);
    const rec = recommendOption(options, s.slo);
    expect(rec.option === null ? null : options.find((o) => o.option === rec.option)!.kind).toBe(best.name === "Lambda" ? "lambda" : best.name);
    expect(rec.monthlyCost!).toBeCloseTo(best.monthly, 1);
    // Every option's verdict agrees with the exhaustive one.
    expect(options.map((o) => o.meetsSlo)).toEqual(candidates.map((c) => c.ok));
  });
});
