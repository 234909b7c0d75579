import { Simulation } from "../core/simulation.js";
import type { TraceOpener } from "../workload/trace-source.js";
import { FleetModel, type FleetInput } from "./fleet-model.js";
import type { FleetResult } from "./result.js";
import { roundDecimals6 } from "../core/round.js";

/** Raised when a fleet run breaks conservation (a bug, never bad input). */
export class FleetInvariantError extends Error {
  override name = "FleetInvariantError";
}

/**
 * Runs one fleet simulation: a pure function of its input (the seed included), on the same engine
 * and the same random streams as the Lambda model. Cost: O(events · log(pending events)).
 */
export function simulateFleet(input: FleetInput, openTrace?: TraceOpener): FleetResult {
  const sim = new Simulation(1024);
  const model = new FleetModel(input, sim, openTrace);
  model.start();
  sim.run(model, input.horizonMs);
  const end = input.horizonMs;
  const windowMs = end - input.warmupMs;
  const hours = model.instanceHours(end);
  const waiting = model.waitingMeasured();
  const r: FleetResult = {
    kind: input.fleet.kind,
    label: input.fleet.label,
    invocations: model.invocations,
    completed: model.completed,
    rejected: model.rejected,
    queued: model.queued,
    queuedRate: model.invocations > 0 ? roundDecimals6(model.queued / model.invocations) : null,
    inService: model.busyMeasured,
    waiting,
    latencyMs: model.latency.summary(),
    waitMs: model.wait.summary(),
    utilization: roundDecimals6(model.utilization(end)),
    instances: {
      peak: model.peakInstances,
      mean: windowMs > 0 ? roundDecimals6((hours * 3_600_000) / windowMs) : 0,
      launched: model.launches,
      atEnd: model.running + model.launching,
    },
    instanceHours: roundDecimals6(hours),
    serviceTimeFactor: roundDecimals6(model.serviceFactor),
  };
  const accounted = r.completed + r.rejected + r.inService + r.waiting;
  if (accounted !== r.invocations) {
    throw new FleetInvariantError(
      `conservation broken for ${r.label}: ${r.invocations} arrivals but ${r.completed} completed + ${r.rejected} rejected + ${r.inService} in service + ${r.waiting} waiting = ${accounted}`,
    );
  }
  return r;
}
