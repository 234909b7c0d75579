import { simulate } from "../../src/platform/simulate.js";
import type { Result } from "../../src/platform/result.js";
import { withCost } from "../../src/pricing/result-cost.js";
import { resolveScenario, type ResolvedScenario } from "../../src/scenario/resolve.js";

/** A scenario value resolved (throws with its issues when it does not validate: a test bug). */
export function resolved(raw: unknown): ResolvedScenario {
  const r = resolveScenario(raw);
  if (!r.ok) throw new Error(`scenario does not validate: ${JSON.stringify(r.issues)}`);
  return r.value;
}

/** Resolves, simulates and prices a scenario value. */
export function managedRun(raw: unknown): { result: Result; scenario: ResolvedScenario } {
  const scenario = resolved(raw);
  const result = withCost(simulate(scenario.sim), scenario.sim.functions, scenario.catalog, scenario.pricing);
  return { result, scenario };
}

/** One function on capacity provider `cp` with these fields over a default node.js 2-vCPU function. */
export function lmiFunction(fields: Record<string, unknown>): Record<string, unknown> {
  return { name: "api", runtime: "nodejs22.x", capacityProvider: "cp", memoryMB: 4096, memoryGiBPerVCpu: 2, ...fields };
}
