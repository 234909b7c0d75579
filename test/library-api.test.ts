import { describe, expect, it } from "vitest";
// The package by its own name, through package.json "exports" to the built dist/ (`npm test` builds first): what a user imports.
import {
  applyOverrides,
  breakEven,
  catalogFor,
  sidesInThread,
  lambdaBill,
  loadScenarioFile,
  simulate,
  summaryMarkdown,
  tuneProvisioned,
  US_EAST_1,
  withCost,
  type EvaluateMany,
} from "lambdasim";

/** A bundled scenario, shortened to `horizon`. */
function bundled(file: string, horizon: string) {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const short = applyOverrides(loaded.value, { horizon });
  if (!short.ok) throw new Error(JSON.stringify(short.issues));
  return short.value;
}

describe("the library API, imported as `lambdasim`", () => {
  it("loads, simulates, prices and writes the review document of a bundled scenario", () => {
    const s = bundled("scenarios/api-backend.yaml", "20m");
    const result = withCost(simulate(s.sim), s.sim.functions, catalogFor(s.region)!, s.pricing);
    const f = result.functions.api!;
    expect(f.invocations).toBe(f.completed + f.throttled + f.droppedToDlq + f.inFlight);
    expect(result.total.cost!.monthly.total).toBeGreaterThan(0);
    expect(summaryMarkdown({ result, config: s.sim, slo: s.slo, description: s.description })).toMatch(/^# api-backend\n/);
  });

  it("prices AWS's on-demand example 1 (3 M requests of 120 ms at 1,536 MB, free tier) to the cent", () => {
    const bill = lambdaBill({ architecture: "x86_64", memoryMB: 1536, requests: 3_000_000, billedMs: 3_000_000 * 120 }, US_EAST_1, { freeTier: true });
    // AWS: 540,000 GB-s − 400,000 free = 140,000 × $0.0000166667 = $2.33; 2 M billable requests × $0.20/M = $0.40.
    expect(bill.lineItems.compute).toBe(2.33);
    expect(bill.lineItems.requests).toBe(0.4);
    expect(bill.total).toBe(2.73);
  });

  it("runs the planners with an evaluator of the caller's choice", async () => {
    const api = bundled("scenarios/api-backend.yaml", "20m");
    const catalog = catalogFor(api.region)!;
    let simulations = 0;
    const evaluate: EvaluateMany = async (sims) => sims.map((sim) => (simulations++, withCost(simulate(sim), sim.functions, catalog, api.pricing)));
    const rec = await tuneProvisioned(api.sim, "api", { p99LatencyMs: 1500 }, evaluate, 900);
    expect(rec.noPc.meetsSlo).toBe(true);
    expect(rec.fixed?.label).toBe("no provisioned concurrency");
    expect(rec.recommendation?.option).toBe("no provisioned concurrency");
    expect(simulations).toBe(1); // no PC meets the objective; 20 minutes hold no hour for a schedule
    expect(rec.schedule).toBeNull();

    const setup = { sim: api.sim, catalog, pricing: api.pricing, functionName: "api", ec2: api.compare!.ec2, fargate: null, network: api.compare!.network };
    const crossing = await breakEven(sidesInThread(setup), "ec2", 1, 1000, { process: "constant", relativeTolerance: 0.05, seed: api.sim.seed });
    expect(crossing.outcome).toBe("crosses");
    // The answer lies in its interval: Lambda cheaper beyond noise at its low end, the fleet at its high end.
    expect(crossing.ratePerSec!).toBeGreaterThanOrEqual(Math.floor(crossing.lowPerSec));
    expect(crossing.ratePerSec!).toBeLessThanOrEqual(Math.ceil(crossing.highPerSec));
    const at = (rate: number) => crossing.probes.find((p) => p.ratePerSec === rate)!;
    expect(at(crossing.lowPerSec).cheaper).toBe("lambda");
    expect(at(crossing.highPerSec).cheaper).toBe("fleet");
    expect(crossing.probes.length).toBeGreaterThan(2);
  });
});
