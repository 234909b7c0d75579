/**
 * Time to an answer of the planners, as a ratio to one `run` of the same scenario in the same
 * process (DESIGN.md "Performance targets": tune provisioned ≤ 4 ×, compare with break-even ≤ 6 ×,
 * on 2 workers). Each command runs as the CLI runs it (quiet, into a temporary folder).
 * Usage: npm run bench:planners [-- scenarios/diurnal-api.yaml [--traffic 1/s..2000/s]]
 */
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { compareCommand } from "../src/cli/compare-command.js";
import { runCommand } from "../src/cli/run-command.js";
import { tuneProvisionedCommand } from "../src/cli/tune-provisioned-command.js";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--")) ?? "scenarios/diurnal-api.yaml";
const trafficAt = args.indexOf("--traffic");
const traffic = trafficAt >= 0 ? args[trafficAt + 1]! : "1/s..2000/s";
const out = mkdtempSync(join(tmpdir(), "lambdasim-bench-planners-"));
const common = { json: false, quiet: true, out: join(out, "<name>"), workers: "2", sloExit: false };

async function timed(label: string, f: () => Promise<number>): Promise<number> {
  const t0 = performance.now();
  const code = await f();
  const s = (performance.now() - t0) / 1000;
  process.stdout.write(`${label.padEnd(36)} ${s.toFixed(2).padStart(8)} s   exit ${code}\n`);
  return s;
}

// The machine's load beside the figures: on a shared machine the seconds (not the ratios) follow it.
const load = () => loadavg()[0]!.toFixed(1);
process.stdout.write(`${file}, 2 workers, load average ${load()}\n`);
const run = await timed("run", () => runCommand(file, { ...common, out: join(out, "run") }));
const tune = await timed("tune provisioned", () => tuneProvisionedCommand(file, { ...common, out: join(out, "tune") }));
// compare needs the scenario's `compare:` section; without it (exit 2) there is no figure.
let compare: number | null = null;
const t0 = performance.now();
const compareCode = await compareCommand(file, { ...common, out: join(out, "compare"), traffic, arrivals: "scenario", replications: "3" } as Parameters<typeof compareCommand>[1]);
if (compareCode === 0 || compareCode === 4) compare = (performance.now() - t0) / 1000;
process.stdout.write(`${`compare --traffic ${traffic}`.padEnd(36)} ${compare === null ? "     n/a" : compare.toFixed(2).padStart(8) + " s"}   exit ${compareCode}\n`);
process.stdout.write(`\ntune provisioned / run: ${(tune / run).toFixed(2)} × (target ≤ 4 ×)\n`);
if (compare !== null) process.stdout.write(`compare with break-even / run: ${(compare / run).toFixed(2)} × (target ≤ 6 ×)\n`);
process.stdout.write(`load average at the end ${load()}\n`);
