import { describe, expect, it } from "vitest";
import { BullMqExecutor, SWEEP_WORKER, type SweepTask, type TaskOutcome } from "../../src/parallel/index.js";
import type { PricingOptions } from "../../src/pricing/index.js";
import { fn, scenario } from "../support/configs.js";
import { skipWithoutRedis, startRedis } from "../support/redis-server.js";

const skip = skipWithoutRedis("the Redis connection-loss test");

const pricing: PricingOptions = { freeTier: false, frontDoor: "none", monthHours: 730, savingsPlan: 0, date: "2025-09-01" };

describe.skipIf(skip)("BullMqExecutor", () => {
  it("fails the run's unfinished tasks, instead of waiting for ever, when Redis stops answering", async () => {
    const { url, server: redis } = await startRedis();
    // No worker consumes this server's queue: the jobs wait until the server goes away.
    const tasks: SweepTask[] = [0, 1, 2].map((id) => ({
      id,
      point: id,
      replication: 0,
      sim: scenario([fn({ name: "f", duration: { dist: "constant", value: 10 }, arrivals: { kind: "poisson", ratePerSec: 1 } })], { horizonMs: 60_000 }),
      region: "us-east-1",
      pricing,
    }));
    const executor = new BullMqExecutor(SWEEP_WORKER, { redisUrl: url, pointTimeoutMs: null, lostAfterMs: 1500 });
    const outcomes: TaskOutcome[] = [];
    setTimeout(() => redis.kill("SIGKILL"), 500);
    const t0 = Date.now();
    const run = await executor.run(tasks, { onResult: (o) => outcomes.push(o) });
    await executor.close();
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(run).toEqual({ reported: 3, interrupted: false });
    expect(outcomes.map((o) => o.id).sort()).toEqual([0, 1, 2]);
    for (const o of outcomes) expect(!o.ok && o.error).toMatch(new RegExp(`^lost the connection to Redis \\(${url}\\): no answer for \\d+ s$`));
  }, 20_000);
});
