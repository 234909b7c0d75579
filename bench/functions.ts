/**
 * Functions benchmark (npm run bench:functions): `lambdasim run` end to end (simulation, pricing,
 * result.json, summary.md, index.html, SVG and PNG charts) on a generated 1-function scenario and on a
 * 1,000-function one, each in its own child process, side by side: wall time, the child's peak
 * resident memory (process.resourceUsage().maxRSS, read in the child when the command ends), and the
 * size of index.html and result.json. Targets (DESIGN.md "Performance targets"): 1,000 functions in
 * under 30 s and 1.5 GB, a page under 10 MB. Also checks that each run simulated what was asked.
 *
 * Usage: node dist/bench/functions.js [--functions 1,1000] [--horizon 1h]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

/**
 * A scenario of `n` Node.js functions whose Poisson rates fall as 20/s ÷ rank (Zipf, as real
 * accounts: a few busy functions and a long quiet tail); 40 ms median handler, auto cold starts.
 */
export function functionsScenario(n: number, horizon: string): object {
  const width = String(n - 1).length;
  const functions = Array.from({ length: n }, (_, i) => ({
    name: `fn-${String(i).padStart(width, "0")}`,
    runtime: "nodejs22.x",
    memoryMB: 512,
    duration: { dist: "lognormal", median: "40ms", p99: "300ms" },
    arrivals: { kind: "poisson", rate: `${(20 / (i + 1)).toPrecision(6)}/s` },
  }));
  return { name: `bench-functions-${n}`, horizon, seed: 1, account: { concurrencyLimit: 1000 }, functions };
}

/** What the child prints on its last stderr line: the command's exit code and its peak RSS. */
const CHILD = `
const { main } = await import(process.env.LAMBDASIM_MAIN);
const code = await main(JSON.parse(process.env.LAMBDASIM_ARGV));
process.stderr.write("\\n" + JSON.stringify({ code, maxRssKB: process.resourceUsage().maxRSS }) + "\\n");
process.exitCode = code;
`;

interface Measured {
  functions: number;
  wallSeconds: number;
  maxRssMB: number;
  indexHtmlMB: number;
  resultJsonMB: number;
  invocations: number;
}

/** Runs `lambdasim run` on an n-function scenario in a child process and measures it. */
function measure(n: number, horizon: string, dir: string): Measured {
  const file = join(dir, `functions-${n}.json`);
  const out = join(dir, `report-${n}`);
  writeFileSync(file, JSON.stringify(functionsScenario(n, horizon)));
  const main = pathToFileURL(resolve(import.meta.dirname, "../src/cli/main.js")).href;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", CHILD], {
    encoding: "utf8",
    env: { ...process.env, LAMBDASIM_MAIN: main, LAMBDASIM_ARGV: JSON.stringify([process.execPath, "lambdasim", "run", file, "--out", out, "--quiet"]) },
    maxBuffer: 64 * 2 ** 20,
  });
  const wallSeconds = (performance.now() - t0) / 1000;
  const last = r.stderr.trim().split("\n").pop() ?? "";
  const child = JSON.parse(last.startsWith("{") ? last : "null") as { code: number; maxRssKB: number } | null;
  if (r.status !== 0 || child === null || child.code !== 0) throw new Error(`${n} functions: lambdasim run failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  const result = JSON.parse(readFileSync(join(out, "result.json"), "utf8")) as { functions: Record<string, unknown>; total: { invocations: number } };
  if (Object.keys(result.functions).length !== n) throw new Error(`${n} functions: result.json has ${Object.keys(result.functions).length}`);
  return {
    functions: n,
    wallSeconds,
    maxRssMB: child.maxRssKB / 1024,
    indexHtmlMB: statSync(join(out, "index.html")).size / 2 ** 20,
    resultJsonMB: statSync(join(out, "result.json")).size / 2 ** 20,
    invocations: result.total.invocations,
  };
}

const counts = arg("--functions", "1,1000").split(",").map(Number);
const horizon = arg("--horizon", "1h");
console.log(
  `lambdasim functions benchmark — node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} cores ` +
    `(${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${loadavg()[0]!.toFixed(1)}`,
);
console.log(`lambdasim run end to end (report included), ${horizon} simulated, rates 20/s ÷ rank; each in a child process\n`);
const dir = mkdtempSync(join(tmpdir(), "lambdasim-bench-functions-"));
try {
  const rows = counts.map((n) => measure(n, horizon, dir));
  const head = ["functions", "invocations", "wall (s)", "peak RSS (MB)", "index.html (MB)", "result.json (MB)"];
  const cells = rows.map((m) => [
    m.functions.toLocaleString("en-US"),
    m.invocations.toLocaleString("en-US"),
    m.wallSeconds.toFixed(1),
    m.maxRssMB.toFixed(0),
    m.indexHtmlMB.toFixed(2),
    m.resultJsonMB.toFixed(1),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c]!.length)));
  for (const r of [head, ...cells]) console.log(r.map((x, c) => x.padStart(widths[c]!)).join("  "));
  console.log("\ntargets at 1,000 functions: wall < 30 s, peak RSS < 1,536 MB, index.html < 10 MB");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
