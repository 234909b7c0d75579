import { spawn } from "node:child_process";

/** How long to wait for the opener to fail before assuming it launched, ms. */
const OPENER_WAIT_MS = 3000;

/** The system command that opens a file with its default application (open, start or xdg-open). */
export function openerCommand(file: string, platform: NodeJS.Platform = process.platform): { cmd: string; args: string[] } {
  if (platform === "darwin") return { cmd: "open", args: [file] };
  if (platform === "win32") return { cmd: "cmd", args: ["/c", "start", '""', file] };
  return { cmd: "xdg-open", args: [file] };
}

/**
 * Opens `file` with the system's default application; resolves to null once launched, or to a
 * warning when the opener is missing or fails (never rejects: failing to open is not an error).
 */
export function openFile(file: string): Promise<string | null> {
  const { cmd, args } = openerCommand(file);
  return new Promise((resolve) => {
    let settled = false;
    const done = (warning: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(warning);
    };
    const child = spawn(cmd, args, { detached: true, stdio: "ignore", windowsVerbatimArguments: true });
    child.on("error", (err) => done(`cannot open ${file} with ${cmd}: ${err.message}`));
    child.on("exit", (code) => done(code === 0 ? null : `cannot open ${file}: ${cmd} exited with code ${code}`));
    const timer = setTimeout(() => {
      child.unref();
      done(null);
    }, OPENER_WAIT_MS);
    timer.unref();
  });
}
