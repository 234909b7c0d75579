import { expect } from "vitest";
import type { Issue } from "../../src/scenario/issues.js";
import { resolveScenario } from "../../src/scenario/resolve.js";

/** A plain-data scenario as a file would hold it. */
export type RawScenario = Record<string, unknown> & { functions: Array<Record<string, unknown>> };

/** A small valid scenario, fresh on each call, so that tests can break one field. */
export function validScenario(): RawScenario {
  return {
    name: "checkout-api",
    horizon: "1h",
    functions: [
      {
        name: "checkout",
        runtime: "nodejs22.x",
        duration: { dist: "lognormal", median: "120ms", p99: "900ms" },
        coldStart: { dist: "lognormal", median: "140ms", p99: "200ms" },
        arrivals: { kind: "poisson", rate: "50/s" },
      },
    ],
  };
}

/** `validScenario()` with the first function's fields replaced (an `undefined` removes a field). */
export function withFunction(patch: Record<string, unknown>, extra: Record<string, unknown> = {}): RawScenario {
  const s = validScenario();
  const f = { ...s.functions[0], ...patch };
  for (const k of Object.keys(f)) if (f[k] === undefined) delete f[k];
  return { ...s, functions: [f], ...extra };
}

/** The issues of a scenario that must not resolve. */
export function issuesOf(raw: unknown): Issue[] {
  const r = resolveScenario(raw);
  if (r.ok) throw new Error("expected the scenario to be rejected, but it resolved");
  return r.issues;
}

/** The single issue of a scenario that must fail with exactly one. */
export function onlyIssue(raw: unknown): Issue {
  const issues = issuesOf(raw);
  expect(issues, JSON.stringify(issues, null, 2)).toHaveLength(1);
  return issues[0]!;
}
