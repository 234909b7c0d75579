import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BullMqExecutor, reachRedis, SWEEP_WORKER, type SweepTask, type TaskOutcome } from "../../src/parallel/index.js";
import type { PricingOptions } from "../../src/pricing/index.js";
import { fn, scenario } from "../support/configs.js";

const REDIS_SERVER = "/usr/bin/redis-server";
// Outside CI a machine without redis-server skips this test; in CI (CI set) it always runs, and fails without it.
const skip = !existsSync(REDIS_SERVER) && !process.env.CI;
if (skip) console.warn(`skipping the Redis connection-loss test: ${REDIS_SERVER} is absent (install it: apt-get install -y redis-server)`);

const pricing: PricingOptions = { freeTier: false, frontDoor: "none", monthHours: 730, savingsPlan: 0, date: "2025-09-01" };

/** A TCP port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

describe.skipIf(skip)("BullMqExecutor", () => {
  it("fails the run's unfinished tasks, instead of waiting for ever, when Redis stops answering", async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-redis-lost-"));
    const redis = spawn(REDIS_SERVER, ["--save", "", "--appendonly", "no", "--port", String(port), "--dir", dir], { cwd: dir, stdio: "ignore" });
    for (let i = 0; i < 50 && (await reachRedis(url)) !== null; i++) await new Promise((r) => setTimeout(r, 100));
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
