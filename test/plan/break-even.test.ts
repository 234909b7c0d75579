import { describe, expect, it } from "vitest";
import { breakEven } from "../../src/plan/break-even.js";
import { comparisonsInThread, type CompareSetup } from "../../src/parallel/compare-point.js";
import { US_EAST_1 } from "../../src/pricing/index.js";
import { resolveScenarioData } from "../../src/scenario/index.js";

/** A constant 100 ms, 512 MB arm64 function compared with a small m7g.large fleet. */
function setup(): CompareSetup {
  const resolved = resolveScenarioData(
    {
      name: "probes",
      horizon: "10m",
      warmup: "1m",
      functions: [{ name: "api", runtime: "nodejs22.x", architecture: "arm64", memoryMB: 512, duration: { dist: "constant", value: "100ms" }, arrivals: { kind: "constant", rate: "10/s" } }],
      compare: { ec2: { instanceType: "m7g.large", slotsPerInstance: 16, targetUtilization: 0.7, minInstances: 1, maxInstances: 10 } },
    },
    "probes.yaml",
  );
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
  const s = resolved.value;
  return { sim: s.sim, catalog: US_EAST_1, pricing: s.pricing, functionName: "api", ec2: s.compare!.ec2, fargate: null, network: s.compare!.network };
}

describe("breakEven", () => {
  it("reports every probe to onProbe, in the order it simulated them", async () => {
    const seen: number[] = [];
    const result = await breakEven(comparisonsInThread(setup()), "ec2", 1, 100, { process: "constant", relativeTolerance: 0.05, seed: 42, onProbe: (rate) => seen.push(rate) });
    expect(result.outcome).toBe("crosses");
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual(result.probes.map((p) => p.ratePerSec));
    expect(seen.slice(0, 2)).toEqual([1, 100]);
  });
});
