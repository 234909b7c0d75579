import { spawn } from "node:child_process";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");

/** Runs the built CLI with `args` and sends it Ctrl-C (SIGINT) after `afterMs`; resolves to its exit code and stderr. */
export async function interruptCli(args: string[], afterMs: number): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  setTimeout(() => child.kill("SIGINT"), afterMs);
  return { code: await exited, stderr };
}
