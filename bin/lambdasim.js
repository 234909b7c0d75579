#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the `prepare` script).
import { main } from "../dist/src/cli/main.js";

let settled = false;
// A command whose work was left waiting on something that can never answer would let Node exit 0
// in silence: say so, and fail.
process.on("exit", () => {
  if (settled) return;
  process.stderr.write("lambdasim: internal error: the command stopped before it finished (nothing left to wait for)\n");
  process.exitCode = 1;
});

main(process.argv).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (err) => {
    settled = true;
    process.stderr.write(`lambdasim: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
