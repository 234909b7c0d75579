import { describe, expect, it } from "vitest";
import type { FunctionConfig, SimConfig } from "../../src/platform/config.js";
import { simulate } from "../../src/platform/simulate.js";
import { hourVerdicts, seriesOf } from "../../src/plan/clock-hours.js";
import { hourlyPlan, tuneProvisioned } from "../../src/plan/provisioned-tuner.js";
import { US_EAST_1, withCost } from "../../src/pricing/index.js";
import { sloVerdicts } from "../../src/report/slo-verdicts.js";
import type { Slo } from "../../src/scenario/slo.js";
import { fn, scenario } from "../support/configs.js";

const HOUR = 3_600_000;
const evaluate = (sim: SimConfig) =>
  withCost(simulate(sim), sim.functions, US_EAST_1, { freeTier: false, frontDoor: "none", monthHours: 730, savingsPlan: 0, date: "2025-08-01" });
/** The planner's batch evaluator, in this thread: each simulation in turn, results in input order. */
const evaluateMany = async (sims: readonly SimConfig[]) => sims.map(evaluate);

/** A function with 100 ms handlers and `coldMs` cold starts, `base` req/s and a spike of `spike` req/s at `atMs` for `forMs`. */
const spiky = (over: { base: number; spike: number; atMs: number; forMs: number; coldMs: number }): FunctionConfig =>
  fn({
    name: "api",
    arrivals: { kind: "poisson", ratePerSec: over.base, bursts: [{ atMs: over.atMs, ratePerSec: over.spike, forMs: over.forMs, everyMs: null }] },
    duration: { dist: "constant", value: 100 },
    coldStart: { dist: "constant", value: over.coldMs },
    idleLifetime: { dist: "constant", value: 600_000 },
  });

/** `sim` with function `name` on `plan`, simulated and priced as the tuner does (hourly buckets on the clock). */
function resimulate(sim: SimConfig, name: string, plan: FunctionConfig["provisioned"], window: { horizonSeconds: number; warmupSeconds: number }) {
  const functions = sim.functions.map((f) => (f.name === name ? { ...f, provisioned: plan } : f));
  return evaluate({ ...sim, functions, horizonMs: window.horizonSeconds * 1000, warmupMs: window.warmupSeconds * 1000, bucketMs: HOUR, bucketsOnClock: true });
}

describe("provisioned-concurrency tuner", () => {
  // Issue 13 case 1: a 10-minute warm-up and an 08:00 spike. Buckets used to start at the warm-up
  // (00:10, 01:10, …) and were read as clock hours, so the schedule rose at 06:55 and fell at 08:00.
  it("covers an 08:00 spike from 07:55 until after it ends with a 10-minute warm-up, and gives no other hour provisioned concurrency", async () => {
    const sim = scenario([spiky({ base: 1, spike: 500, atMs: 8 * HOUR, forMs: 15 * 60_000, coldMs: 2000 })], { horizonMs: 24 * HOUR, warmupMs: 600_000 });
    // 2 s cold starts: the spike's first seconds start ~1,000 environments, 0.2 % of the day and of its hour; other hours have a few.
    const slo: Slo = { maxColdStartRate: 0.0015 };
    const rec = await tuneProvisioned(sim, "api", slo, evaluateMany, 900);
    expect(rec.noPc.meetsSlo).toBe(false);
    const plan = rec.schedule!.plan;
    expect(plan.kind).toBe("schedule");
    const steps = plan.kind === "schedule" ? plan.steps : [];
    // Rises at 07:55, falls at 09:00 (after the spike's 08:15 end); nothing else.
    expect(steps.map((s) => s.atMsOfDay)).toEqual([7 * HOUR + 55 * 60_000, 9 * HOUR]);
    expect(steps[0]!.count).toBeGreaterThan(0);
    expect(steps[1]!.count).toBe(0);
    expect(rec.hours.filter((h) => h.level > 0).map((h) => h.hour)).toEqual([8]);
    // Re-simulated independently, the schedule meets the objective over the day and in every hour.
    const check = resimulate(sim, "api", plan, rec.window);
    expect(sloVerdicts(slo, check.functions.api!).every((v) => v.pass)).toBe(true);
    expect(hourVerdicts(seriesOf(check, "api"), slo, rec.window.judgedFromSeconds * 1000).every((v) => v !== false)).toBe(true);
    expect(rec.schedule!.meetsSlo).toBe(true);
    // The recommendation is the cheapest option meeting the SLO, and its saving is against a level in the table.
    expect(rec.recommendation!.option).toBe("hourly schedule");
    if (rec.savings) expect([rec.noPc, ...rec.fixedLevels].map((o) => o.label)).toContain(rec.savings.against);
    // Bisection, not a grid: a few rounds of two simulations.
    expect(rec.rounds).toBeLessThanOrEqual(16);
  }, 120_000);

  // Issue 13 case 2: with warmup 0 every environment is cold at t = 0, and hour 0 used to fail on that artefact.
  it("does not cover the start-up of the simulation: with no warm-up hour 0 is judged on the second day", async () => {
    const sim = scenario([spiky({ base: 2, spike: 2, atMs: 0, forMs: 1, coldMs: 2000 })], { horizonMs: 24 * HOUR, warmupMs: 0 });
    const rec = await tuneProvisioned(sim, "api", { maxColdStartRate: 0.01 }, evaluateMany, 50);
    expect(rec.window).toEqual({ warmupSeconds: 0, horizonSeconds: 25 * 3600, judgedFromSeconds: 3600 });
    expect(rec.hours.every((h) => h.level === 0)).toBe(true);
    expect(rec.recommendation!.option).toBe("no provisioned concurrency");
  }, 60_000);

  it("finds the fixed level and the hourly levels an exhaustive search finds, on the same random streams", async () => {
    // Hours 1 and 2 are measured (warm-up 1 h): a 40 req/s spike at 02:00 for 10 minutes on 1 req/s.
    const sim = scenario([spiky({ base: 1, spike: 40, atMs: 2 * HOUR, forMs: 600_000, coldMs: 2000 })], { horizonMs: 3 * HOUR, warmupMs: HOUR });
    const slo: Slo = { maxColdStartRate: 0.001 };
    const maxLevel = 12;
    const rec = await tuneProvisioned(sim, "api", slo, evaluateMany, maxLevel);
    const window = rec.window;
    // Fixed: every level 0..maxLevel simulated; the cheapest meeting the objective.
    const all = Array.from({ length: maxLevel + 1 }, (_, level) => ({ level, fr: resimulate(sim, "api", { kind: "fixed", count: level }, window).functions.api! }));
    const passing = all.filter((r) => sloVerdicts(slo, r.fr).every((v) => v.pass !== false));
    passing.sort((a, b) => a.fr.cost!.monthly.total - b.fr.cost!.monthly.total);
    expect(passing.length).toBeGreaterThan(0);
    expect(rec.fixed!.plan).toEqual({ kind: "fixed", count: passing[0]!.level });
    expect(rec.fixed!.plan).not.toEqual({ kind: "fixed", count: 0 });
    // Hourly: each hour's level meets the objective in that hour, and one less does not (re-simulated).
    const levels = rec.hours.map((h) => h.level);
    expect(levels[2]).toBeGreaterThan(0);
    const judged = (lv: number[], h: number) => hourVerdicts(seriesOf(resimulate(sim, "api", hourlyPlan(lv), window), "api"), slo, window.judgedFromSeconds * 1000)[h];
    for (let h = 0; h < 24; h++) {
      if (levels[h]! === 0) continue;
      expect(judged(levels, h), `hour ${h} at ${levels[h]}`).toBe(true);
      const lower = [...levels];
      lower[h] = levels[h]! - 1;
      expect(judged(lower, h), `hour ${h} at ${lower[h]}`).toBe(false);
    }
  }, 120_000);

  it("judges the tuned function's hours on its own series, not the account's", async () => {
    // A noisy neighbour with cold starts every hour; the tuned function is quiet and warm.
    const noisy = fn({ name: "noisy", arrivals: { kind: "poisson", ratePerSec: 2 }, duration: { dist: "constant", value: 100 }, coldStart: { dist: "constant", value: 500 }, idleLifetime: { dist: "constant", value: 1000 } });
    const quiet = spiky({ base: 2, spike: 2, atMs: 0, forMs: 1, coldMs: 500 });
    const sim = scenario([quiet, noisy], { horizonMs: 3 * HOUR, warmupMs: HOUR });
    const rec = await tuneProvisioned(sim, "api", { maxColdStartRate: 0.01 }, evaluateMany, 20);
    expect(rec.hours.every((h) => h.level === 0)).toBe(true);
    expect(rec.recommendation!.option).toBe("no provisioned concurrency");
  }, 60_000);

  it("raises a schedule early and lowers it on the hour", () => {
    const levels = new Array<number>(24).fill(2);
    levels[9] = 40;
    const plan = hourlyPlan(levels);
    expect(plan).toEqual({
      kind: "schedule",
      steps: [
        { atMsOfDay: 9 * 3_600_000 - 300_000, count: 40 },
        { atMsOfDay: 10 * 3_600_000, count: 2 },
      ],
    });
  });
});
