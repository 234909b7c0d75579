import { describe, expect, it } from "vitest";
import { checkWork, formatRefusal } from "../../src/plan/work-check.js";
import { estimateSimulation, planEstimate } from "../../src/plan/work-estimate.js";
import { WORK_LIMITS } from "../../src/plan/work-limits.js";
import { fn, scenario } from "../support/configs.js";

const GIB = 2 ** 30;
const machine = { force: false, machineMemoryBytes: 24 * GIB };

describe("checkWork", () => {
  it("accepts a day of a 50 req/s API (the bundled api-backend's size)", () => {
    const sim = scenario([fn({ name: "api", arrivals: { kind: "poisson", ratePerSec: 50 } })], { horizonMs: 86_400_000 });
    expect(checkWork(estimateSimulation(sim), machine)).toEqual([]);
  });

  it("refuses 10,000 functions as a soft limit that --force lifts", () => {
    const sim = scenario(Array.from({ length: 10_000 }, (_, i) => fn({ name: `f${i}` })));
    const refusals = checkWork(estimateSimulation(sim), machine);
    expect(refusals.map((r) => [r.path, r.hard])).toEqual([["functions", false]]);
    expect(formatRefusal(refusals[0]!)).toBe(
      "too much work: functions: 10,000 functions is over the limit of 2,000 (1,000 take ~12 s of CPU and 0.7 GB end to end); " +
        "simulate the functions in groups, or merge those that share a configuration, or pass --force to run it anyway",
    );
    expect(checkWork(estimateSimulation(sim), { ...machine, force: true })).toEqual([]);
  });

  it("refuses a provisioned concurrency of 10⁹ by AWS's account limit and, past --force, by this machine's memory", () => {
    const sim = scenario([fn({ name: "api", provisioned: { kind: "fixed", count: 1e9 } })], { account: { concurrencyLimit: 2e9 } });
    const refusals = checkWork(estimateSimulation(sim), machine);
    expect(refusals.map((r) => [r.path, r.hard])).toEqual([
      ["account.concurrencyLimit", false],
      ["functions[0].provisionedConcurrency", false],
      ["functions[0].provisionedConcurrency", true],
    ]);
    expect(formatRefusal(refusals[1]!)).toContain("1,000,000,000 concurrent executions is over the limit of 100,000");
    expect(formatRefusal(refusals[1]!)).toContain("lambda-limits.json concurrency.accountDefault, source L1");
    // 10⁹ environments of 112 bytes: 104 GiB, more than the machine's 24 GiB, whatever --force says.
    expect(formatRefusal(refusals[2]!)).toMatch(/~104\.\d GiB of memory .* over the limit of this machine's 24\.0 GiB.*--force does not go past it/);
    expect(checkWork(estimateSimulation(sim), { ...machine, force: true }).map((r) => r.hard)).toEqual([true]);
  });

  it("refuses a sweep of 10⁸ points before building it, whatever --force says", () => {
    const refusals = checkWork(planEstimate(1e8), { ...machine, force: true });
    expect(refusals).toHaveLength(1);
    expect(formatRefusal(refusals[0]!)).toBe(
      "too much work: --set: 100,000,000 simulations is over the limit of 1,000,000 (their plan would not fit in memory); " +
        "use fewer values per axis, fewer axes or fewer --replications (a hard limit: --force does not go past it)",
    );
  });

  it("refuses more simulations than the soft limit unless forced", () => {
    expect(checkWork(planEstimate(WORK_LIMITS.simulations), machine)).toEqual([]);
    expect(checkWork(planEstimate(WORK_LIMITS.simulations + 1), machine).map((r) => r.path)).toEqual(["--set"]);
    expect(checkWork(planEstimate(WORK_LIMITS.simulations + 1), { ...machine, force: true })).toEqual([]);
  });

  it("refuses a year of 100,000 req/s by its events (6.3e12), naming the horizon", () => {
    const sim = scenario([fn({ name: "api", arrivals: { kind: "poisson", ratePerSec: 100_000 } })], { horizonMs: 365 * 86_400_000 });
    const [r] = checkWork(estimateSimulation(sim), machine);
    expect(r!.path).toBe("horizon");
    expect(formatRefusal(r!)).toContain("~6.3e12 events (3.2e12 arrivals) is over the limit of 2.0e10 events (about an hour of one core at ~5 M events/s)");
  });

  it("refuses an account limit AWS does not sell even when nothing is provisioned", () => {
    const sim = scenario([fn({ name: "api" })], { account: { concurrencyLimit: 1_000_000 } });
    expect(checkWork(estimateSimulation(sim), machine).map((r) => r.path)).toEqual(["account.concurrencyLimit"]);
  });
});
