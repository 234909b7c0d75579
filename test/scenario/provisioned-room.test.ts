import { describe, expect, it } from "vitest";
import { provisionedRoom, resolveScenarioData } from "../../src/scenario/index.js";

/** Two functions in an account of `limit`; `tuned` and `other` add their fields. */
function scenario(limit: number, tuned: Record<string, unknown>, other: Record<string, unknown>) {
  const fn = (name: string, extra: Record<string, unknown>) => ({ name, runtime: "nodejs22.x", duration: { dist: "constant", value: "50ms" }, arrivals: { kind: "poisson", rate: "1/s" }, ...extra });
  return { name: "room", horizon: "10m", account: { concurrencyLimit: limit }, functions: [fn("api", tuned), fn("jobs", other)] };
}

function resolved(data: ReturnType<typeof scenario>) {
  const r = resolveScenarioData(data, "room.yaml");
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.sim;
}

describe("provisioned-concurrency room of tune provisioned", () => {
  it("is the account's limit less the 100 kept unreserved and what the other functions set aside, and run accepts that level but not one more", () => {
    // 1,000 − 100 unreserved (lambda-limits.json) − 300 reserved by jobs = 600.
    const room = provisionedRoom(resolved(scenario(1000, {}, { reservedConcurrency: 300 })), 0);
    expect(room).toEqual({ ok: true, value: 600 });
    expect(resolveScenarioData(scenario(1000, { provisionedConcurrency: 600 }, { reservedConcurrency: 300 }), "room.yaml").ok).toBe(true);
    expect(resolveScenarioData(scenario(1000, { provisionedConcurrency: 601 }, { reservedConcurrency: 300 }), "room.yaml").ok).toBe(false);
  });

  it("is the function's own reserved concurrency when it has one", () => {
    expect(provisionedRoom(resolved(scenario(1000, { reservedConcurrency: 40 }, { reservedConcurrency: 300 })), 0)).toEqual({ ok: true, value: 40 });
  });

  it("is refused, naming account.concurrencyLimit and the numbers, when the other functions leave no room", () => {
    const room = provisionedRoom(resolved(scenario(200, {}, { reservedConcurrency: 100 })), 0);
    expect(room.ok).toBe(false);
    if (room.ok) return;
    expect(room.issues).toHaveLength(1);
    expect(room.issues[0]!.path).toBe("account.concurrencyLimit");
    expect(room.issues[0]!.allowed).toContain("concurrencyLimit 200 minus the 100 that must stay unreserved is all set aside by the other functions (100)");
  });
});
