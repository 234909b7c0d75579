import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flashSale, sweepScenarioText } from "../support/cli-scenarios.js";
import { freePort, skipWithoutRedis, startRedis } from "../support/redis-server.js";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

const skip = skipWithoutRedis("the Redis executor tests");

/** Runs the built CLI (`npm test` builds first) as a user would, from `cwd`. */
function lambdasim(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Resolves once `child` has printed `text` on stdout. */
function printed(child: ChildProcess, text: string): Promise<void> {
  return new Promise((done, fail) => {
    let seen = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) done();
    });
    child.on("exit", (code) => fail(new Error(`exited ${code} before printing ${text}: ${seen}`)));
  });
}

/** A folder with the scenario and two timestamp traces: good.csv, and bad.csv whose line 1050 (past the load-time check) is not a time. */
function scenarioFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-redis-"));
  const times = Array.from({ length: 1100 }, (_, i) => ((i + 1) * 0.05).toFixed(2));
  writeFileSync(join(dir, "good.csv"), times.join("\n") + "\n");
  writeFileSync(join(dir, "bad.csv"), times.map((t, i) => (i === 1049 ? "oops" : t)).join("\n") + "\n");
  writeFileSync(join(dir, "s.yaml"), sweepScenarioText("{ kind: trace, format: timestamps, file: good.csv }"));
  return dir;
}

/** sweep.json without its wall-clock part, as text. */
function sweepJson(dir: string): string {
  const json = JSON.parse(readFileSync(join(dir, "sweep.json"), "utf8"));
  delete json.engine;
  return JSON.stringify(json);
}

describe.skipIf(skip)("lambdasim worker and --redis", () => {
  let redis: ChildProcess;
  const workers: ChildProcess[] = [];
  let url = "";

  beforeAll(async () => {
    ({ url, server: redis } = await startRedis());
    // Workers run from another folder than the commands: trace paths must travel absolute.
    const elsewhere = mkdtempSync(join(tmpdir(), "lambdasim-worker-"));
    for (let i = 0; i < 2; i++) {
      const w = spawn(process.execPath, [bin, "worker", "--redis", url, "--concurrency", "1"], { cwd: elsewhere, stdio: ["ignore", "pipe", "ignore"] });
      workers.push(w);
      await printed(w, "lambdasim worker: connected");
    }
  }, 20_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => new Promise((done) => (w.exitCode !== null ? done(null) : (w.once("exit", done), w.kill("SIGTERM"))))));
    redis?.kill("SIGTERM");
  });

  it("gives the same sweep.json and sweep.csv through Redis as with one local worker", () => {
    const dir = scenarioFolder();
    const outs = [["-w", "1"], ["--redis", url]].map((how) => {
      const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
      const r = lambdasim(["sweep", "s.yaml", "--set", "functions.f.memoryMB=256,1024", "--set", "functions.f.duration.median=20ms,40ms", "-r", "2", ...how, "--out", out, "-q"], dir);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      return out;
    });
    expect(sweepJson(outs[1]!)).toBe(sweepJson(outs[0]!));
    expect(readFileSync(join(outs[1]!, "sweep.csv"), "utf8")).toBe(readFileSync(join(outs[0]!, "sweep.csv"), "utf8"));
    expect(JSON.parse(sweepJson(outs[0]!)).points.map((p: { status: string }) => p.status)).toEqual(["ok", "ok", "ok", "ok"]);
  });

  it("reports points whose trace breaks on a worker as failed, keeps the others, and exits 3", () => {
    const dir = scenarioFolder();
    const out = mkdtempSync(join(tmpdir(), "lambdasim-out-"));
    const r = lambdasim(["sweep", "s.yaml", "--set", "functions.f.arrivals.file=good.csv,bad.csv", "--redis", url, "--out", out, "-q"], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`lambdasim: point 1 (functions.f.arrivals.file=bad.csv) failed: replication 0: ${join(dir, "bad.csv")}, line 1050, column 1: "oops" in column 1 (time); expected a time in seconds\n`);
    const json = JSON.parse(sweepJson(out));
    expect(json.points.map((p: { status: string }) => p.status)).toEqual(["ok", "failed"]);
    expect(json.points[0].metrics.invocations.mean).toBe(1100);
  });

  it("prints the same tune-provisioned.json through Redis as with one local worker", () => {
    const { dir, file } = flashSale("3h", "1h");
    const [local, remote] = [["-w", "1"], ["--redis", url]].map((how) => {
      const r = lambdasim(["tune", "provisioned", file, ...how, "--out", join(dir, how[0]!), "--json"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      return r.stdout;
    });
    expect(JSON.parse(local!).fixedLevels.length).toBeGreaterThan(1);
    expect(remote).toBe(local);
  });
});

describe("--redis", () => {
  it("fails within a few seconds with one line naming an unreachable URL, exit 2", async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const dir = scenarioFolder();
    const t0 = Date.now();
    const r = lambdasim(["sweep", "s.yaml", "--redis", url, "--out", join(dir, "out")], dir);
    expect(Date.now() - t0).toBeLessThan(8000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^lambdasim: --redis: "${url}" is not allowed; expected a reachable Redis server \\(connect ECONNREFUSED [^\\n]*\\)\\n$`));
  });

  it("refuses a URL that is not redis:// or rediss://, naming the flag, on every command and the worker", () => {
    const dir = scenarioFolder();
    const line = 'lambdasim: --redis: "http://host:6379" is not allowed; expected a redis:// or rediss:// URL, e.g. redis://host:6379\n';
    for (const args of [["sweep", "s.yaml", "--out", join(dir, "out")], ["worker"]]) {
      const r = lambdasim([...args, "--redis", "http://host:6379"], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(line);
    }
  });
});
