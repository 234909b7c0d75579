import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { caseFolder, runCase, violations, writeCase } from "../../bench/fuzz/run-case.js";
import { bundledScenarios, fuzzCase } from "../../bench/fuzz/scenario-arbitrary.js";

/*
 * Issue 12: a fuzz property over generated scenarios (mutated bundled ones and well-formed random
 * ones, bench/fuzz/scenario-arbitrary.ts). The longer campaign is `npm run bench:fuzz`.
 */

const root = resolve(import.meta.dirname, "../..");
const scenarios = join(root, "scenarios");
const bundled = bundledScenarios(scenarios);
const folder = caseFolder(scenarios);
afterAll(() => folder.remove());

/** Fixed, so that CI runs the same 2,000 cases every time; a failure prints fast-check's seed and path too. */
const SEED = 20261212;
/** A case takes milliseconds (2 minutes simulated at most, rates cut to 100/s); this bound catches unbounded work, with room for a loaded CI machine. */
const MAX_CASE_MS = 10_000;
/** Events of one case: 7 functions at most (duplicates included) × 100/s and bursts × 120 s × retries stay far below. */
const MAX_EVENTS = 5_000_000;

describe("lambdasim run on 2,000 fuzzed scenarios (in process, the CLI's code path)", () => {
  it("ends every case in exit 0 with a conserving, finite result or exit 2 with one line per issue naming its field", () => {
    const counts = { valid: 0, refused: 0 };
    fc.assert(
      fc.property(fuzzCase(bundled, { unsafeKeys: true }), (c) => {
        const file = writeCase(folder.dir, c);
        const start = performance.now();
        const outcome = runCase(file);
        const ms = performance.now() - start;
        const problems = violations(outcome);
        if (ms > MAX_CASE_MS) problems.push(`took ${ms.toFixed(0)} ms, more than ${MAX_CASE_MS} ms`);
        if (outcome.exit === 0 && outcome.events > MAX_EVENTS) problems.push(`${outcome.events} events, more than ${MAX_EVENTS}`);
        expect(problems, JSON.stringify(c.raw)).toEqual([]);
        if (outcome.exit === 0) counts.valid++;
        else counts.refused++;
      }),
      { numRuns: 2000, seed: SEED },
    );
    // Both outcomes are exercised in earnest (the generator has not degenerated into one kind of case).
    expect(counts.valid + counts.refused).toBe(2000);
    expect(counts.valid).toBeGreaterThan(400);
    expect(counts.refused).toBeGreaterThan(400);
  });
});

describe("the built CLI on 20 fuzzed scenarios", () => {
  const run = promisify(execFile);
  const bin = join(root, "bin/lambdasim.js");

  it("exits 0 with a report or 2 with 'lambdasim:' lines, never with a stack trace", async () => {
    const cases = fc.sample(fuzzCase(bundled), { seed: SEED, numRuns: 20 });
    const out = mkdtempSync(join(tmpdir(), "lambdasim-fuzz-out-"));
    const outcomes: Array<{ code: number; stderr: string; file: string; wroteResult: boolean }> = [];
    try {
      // Two processes at a time: each starts Node (seconds on a loaded machine) and a run renders its charts.
      for (let i = 0; i < cases.length; i += 2) {
        const batch = cases.slice(i, i + 2).map(async (c, j) => {
          const file = writeCase(folder.dir, c, `cli-${i + j}`);
          const reportDir = join(out, String(i + j));
          try {
            const r = await run(process.execPath, [bin, "run", file, "--out", reportDir, "--quiet", "--horizon", "2m", "--no-slo-exit"], { encoding: "utf8" });
            return { code: 0, stderr: r.stderr, file, wroteResult: existsSync(join(reportDir, "result.json")) };
          } catch (err) {
            const e = err as { code?: number; stderr?: string };
            return { code: typeof e.code === "number" ? e.code : -1, stderr: e.stderr ?? String(err), file, wroteResult: existsSync(join(reportDir, "result.json")) };
          }
        });
        outcomes.push(...(await Promise.all(batch)));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    for (const o of outcomes) {
      expect([0, 2], `${o.file}: ${o.stderr}`).toContain(o.code);
      expect(o.stderr, o.file).not.toMatch(/^\s+at .+[:(]\d+/m);
      // A refusal writes nothing; a run writes its report.
      expect(o.wroteResult, o.file).toBe(o.code === 0);
      if (o.code === 2) {
        const lines = o.stderr.trimEnd().split("\n");
        expect(lines.length, o.file).toBeGreaterThan(0);
        for (const line of lines) expect(line, o.file).toMatch(/^lambdasim: \S/);
      }
    }
    // The sample holds both outcomes, so both paths of the CLI ran.
    expect(outcomes.map((o) => o.code)).toEqual(expect.arrayContaining([0, 2]));
  }, 400_000);
});
