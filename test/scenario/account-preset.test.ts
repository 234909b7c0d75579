import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/platform/simulate.js";
import { runFindings } from "../../src/report/run-document.js";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { onlyIssue, withFunction } from "./support.js";

/** lambda-limits.json concurrency.newAccountReducedExamples: what users report of a new account (AWS publishes no number). */
const reported = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, "../../data/reference/lambda-limits.json"), "utf8")) as {
    concurrency: { newAccountReducedExamples: { value: { concurrency: number }; source: string } };
  }
).concurrency.newAccountReducedExamples;

function sim(raw: unknown) {
  const r = resolveScenario(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.sim;
}

describe("account.preset: new", () => {
  it("applies the concurrency users report for new accounts (10), from the reference data", () => {
    expect(reported.value.concurrency).toBe(10);
    expect(reported.source).toMatch(/power-tuning issue #217/);
    const s = sim(withFunction({}, { account: { preset: "new" } }));
    expect(s.account).toEqual({ concurrencyLimit: reported.value.concurrency, newAccountQuota: true });
  });

  it("lets concurrencyLimit override the preset, and refuses an unknown preset", () => {
    expect(sim(withFunction({}, { account: { preset: "new", concurrencyLimit: 50 } })).account).toEqual({ concurrencyLimit: 50 });
    expect(sim(withFunction({})).account).toEqual({ concurrencyLimit: 1000 });
    expect(onlyIssue(withFunction({}, { account: { preset: "old" } })).path).toBe("account.preset");
  });

  it("throttles at 10 concurrent executions and says in the findings that the new-account quota did it", () => {
    // 20 req/s of 1 s against 10 environments: Erlang-B(10, 20 erlangs) ≈ 0.538 of the requests are throttled.
    const s = sim(
      withFunction(
        { duration: { dist: "constant", value: "1s" }, arrivals: { kind: "poisson", rate: "20/s" }, timeout: "10s" },
        { account: { preset: "new" }, horizon: "30m" },
      ),
    );
    const r = simulate(s);
    let b = 1;
    for (let k = 1; k <= 10; k++) b = (20 * b) / (k + 20 * b);
    expect(Math.abs(r.total.throttled / r.total.invocations - b) / b).toBeLessThan(0.05);
    expect(r.total.concurrency.peak).toBe(10);
    const findings = runFindings(r, s, null);
    expect(findings.find((l) => l.includes("new account's reduced quota"))).toMatch(/10 concurrent executions \(`account\.preset: new`/);
    // Without the preset the same traffic is not throttled, and no such finding appears.
    const plain = sim(withFunction({ duration: { dist: "constant", value: "1s" }, arrivals: { kind: "poisson", rate: "20/s" }, timeout: "10s" }, { horizon: "30m" }));
    expect(runFindings(simulate(plain), plain, null).some((l) => l.includes("reduced quota"))).toBe(false);
  });
});
