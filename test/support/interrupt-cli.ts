import { spawn, type ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/**
 * Sends `signal` to `child` `afterMs` after the command said it started its simulations (its first
 * progress line off a terminal, `lambdasim: sweep: 0/40 simulations ...`, printed once it listens for
 * Ctrl-C and SIGTERM), so a slow start on a loaded machine never meets Node's default action (exit by
 * signal, code null) instead of the command's handler.
 */
export async function signalWhenStarted(child: ChildProcess, signal: "SIGINT" | "SIGTERM", afterMs: number): Promise<void> {
  let seen = "";
  await new Promise<void>((started) => {
    const onData = (chunk: unknown) => {
      seen += String(chunk);
      if (/: 0(\/\d+)? simulations/.test(seen)) {
        child.stderr?.off("data", onData);
        started();
      }
    };
    child.stderr?.on("data", onData);
    child.on("exit", () => started());
  });
  await new Promise((res) => setTimeout(res, afterMs));
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

/** Runs the built CLI with `args` and sends it Ctrl-C (SIGINT) `afterMs` after it started its simulations; resolves to its exit code and stderr. */
export async function interruptCli(args: string[], afterMs: number): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  void signalWhenStarted(child, "SIGINT", afterMs);
  return { code: await exited, stderr };
}
