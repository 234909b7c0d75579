/**
 * Time to an answer of the planners, as a ratio to one `run` of the same scenario in the same
 * process (DESIGN.md "Performance targets": tune provisioned ≤ 4 ×, compare with break-even ≤ 6 ×,
 * on 2 workers). Each command runs as the CLI runs it (quiet, into a temporary folder).
 * Usage: npm run bench:planners [-- scenarios/diurnal-api.yaml [--traffic 1/s..2000/s]]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import YAML from "yaml";
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
  process.stdout.write(`${label.padEnd(48)} ${s.toFixed(2).padStart(8)} s   exit ${code}\n`);
  return s;
}

// The machine's load beside the figures: on a shared machine the seconds (not the ratios) follow it.
const load = () => loadavg()[0]!.toFixed(1);
process.stdout.write(`${file}, 2 workers, load average ${load()}\n`);
const run = await timed("run", () => runCommand(file, { ...common, out: join(out, "run") }));
const tune = await timed("tune provisioned", () => tuneProvisionedCommand(file, { ...common, out: join(out, "tune") }));
// compare needs the scenario's `compare:` section; without it (exit 2) there is no figure.
async function timedCompare(label: string, scenario: string): Promise<number | null> {
  const t0 = performance.now();
  const code = await compareCommand(scenario, { ...common, out: join(out, label), traffic, arrivals: "scenario", replications: "3" } as Parameters<typeof compareCommand>[1]);
  const s = code === 0 || code === 4 ? (performance.now() - t0) / 1000 : null;
  process.stdout.write(`${`${label} --traffic ${traffic}`.padEnd(48)} ${s === null ? "     n/a" : s.toFixed(2).padStart(8) + " s"}   exit ${code}\n`);
  return s;
}
// With compare.managedInstances, compare also searches LMI's break-even (a fourth option): timed as it
// stands, then without that section (a copy beside the scenario, so its relative paths still hold), the
// EC2 and Fargate work the ≤ 6 × target was set for.
const doc = YAML.parse(readFileSync(file, "utf8")) as { compare?: { managedInstances?: unknown } };
const hasManaged = doc.compare?.managedInstances !== undefined;
const compare = await timedCompare(hasManaged ? "compare (with LMI)" : "compare", file);
let compareFleets: number | null = compare;
if (hasManaged) {
  delete doc.compare!.managedInstances;
  const copy = join(dirname(file), `.bench-${process.pid}-${basename(file)}`);
  writeFileSync(copy, YAML.stringify(doc));
  try {
    compareFleets = await timedCompare("compare (EC2, Fargate)", copy);
  } finally {
    rmSync(copy, { force: true });
  }
}
process.stdout.write(`\ntune provisioned / run: ${(tune / run).toFixed(2)} × (target ≤ 4 ×)\n`);
if (compareFleets !== null) process.stdout.write(`compare with break-even (EC2, Fargate) / run: ${(compareFleets / run).toFixed(2)} × (target ≤ 6 ×)\n`);
if (hasManaged && compare !== null) process.stdout.write(`compare with break-even (EC2, Fargate, LMI) / run: ${(compare / run).toFixed(2)} ×\n`);
process.stdout.write(`load average at the end ${load()}\n`);
