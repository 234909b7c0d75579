import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reachRedis } from "../../src/parallel/index.js";

/** Debian's redis-server, which `.ci/run` installs. */
export const REDIS_SERVER = "/usr/bin/redis-server";

/**
 * Whether Redis tests skip here: only outside CI on a machine without redis-server (with a console
 * message naming `what`); in CI (CI set) they always run, and fail without it.
 */
export function skipWithoutRedis(what: string): boolean {
  const skip = !existsSync(REDIS_SERVER) && !process.env.CI;
  if (skip) console.warn(`skipping ${what}: ${REDIS_SERVER} is absent (install it: apt-get install -y redis-server)`);
  return skip;
}

/** A TCP port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

/** Starts a throwaway redis-server (no persistence) on a free port and resolves once it answers. */
export async function startRedis(): Promise<{ url: string; server: ChildProcess }> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-redis-server-"));
  const server = spawn(REDIS_SERVER, ["--save", "", "--appendonly", "no", "--port", String(port), "--dir", dir], { cwd: dir, stdio: "ignore" });
  for (let i = 0; i < 50 && (await reachRedis(url)) !== null; i++) await new Promise((r) => setTimeout(r, 100));
  return { url, server };
}
