import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A one-function sweep scenario (2 simulated minutes, seed 7) with these `arrivals` (YAML flow map). */
export function sweepScenarioText(arrivals = "{ kind: poisson, rate: 20/s }"): string {
  return `
name: sweep-test
horizon: 2m
seed: 7
functions:
  - name: f
    runtime: nodejs22.x
    duration: { dist: lognormal, median: 40ms, p99: 400ms, atMemoryMB: 512, cpuBound: 0.8 }
    coldStart: { dist: constant, value: 200ms }
    arrivals: ${arrivals}
`;
}

/**
 * A flash sale that needs provisioned concurrency in its busy hour: 5 req/s for `horizon` (default
 * 12 h), 500 req/s at 01:00 for 5 minutes; written to s.yaml in a new temporary folder.
 */
export function flashSale(horizon = "12h", warmup = "0s"): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-tunepc-"));
  const file = join(dir, "s.yaml");
  writeFileSync(
    file,
    [
      "name: flash",
      `horizon: ${horizon}`,
      `warmup: ${warmup}`,
      "seed: 5",
      "functions:",
      "  - name: checkout",
      "    runtime: python3.13",
      "    memoryMB: 512",
      "    duration: { dist: constant, value: 100ms }",
      "    idleLifetime: { dist: constant, value: 5m }",
      "    arrivals: { kind: poisson, rate: 5/s, bursts: [{ at: 1h, rate: 500/s, for: 5m }] }",
      "slo: { maxColdStartRate: 0.0002 }",
    ].join("\n"),
  );
  return { dir, file };
}
