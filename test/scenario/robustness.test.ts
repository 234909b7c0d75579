import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/scenario/issues.js";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { validScenario } from "./support.js";

/** Paths in a valid scenario where a fuzzed value is put. */
const PATHS: ReadonlyArray<ReadonlyArray<string | number>> = [
  ["name"],
  ["horizon"],
  ["warmup"],
  ["seed"],
  ["account"],
  ["account", "concurrencyLimit"],
  ["slo"],
  ["functions"],
  ["functions", 0],
  ...["name", "runtime", "architecture", "memoryMB", "timeout", "reservedConcurrency", "invocation", "duration", "coldStart", "idleLifetime", "arrivals"].map(
    (k) => ["functions", 0, k],
  ),
  ["functions", 0, "duration", "dist"],
  ["functions", 0, "duration", "median"],
  ["functions", 0, "arrivals", "kind"],
  ["functions", 0, "arrivals", "rate"],
];

function put(root: Record<string, unknown>, path: ReadonlyArray<string | number>, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

describe("resolveScenario on arbitrary input", () => {
  it("never throws and reports every problem with a path and a phrase of its own", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const raw = { ...validScenario(), account: { concurrencyLimit: 1000 } };
        put(raw, path, value);
        const r = resolveScenario(raw);
        if (r.ok) return;
        expect(r.issues.length).toBeGreaterThan(0);
        for (const issue of r.issues) {
          expect(issue.allowed).not.toMatch(/Invalid input|received|Too (small|big)|Unrecognized/);
          expect(formatIssue(issue)).not.toContain("\n");
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it("never throws on an arbitrary top-level value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = resolveScenario(value);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
