import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { skipWithoutRedis, startRedis } from "../support/redis-server.js";
import { signalWhenStarted } from "../support/interrupt-cli.js";

// The unsafe edges a fuzz campaign found (issue 12 §4), each through the built CLI as a user meets it.

const root = resolve(import.meta.dirname, "../..");
const bin = join(root, "bin/lambdasim.js");
const TRACE = join(root, "scenarios/traces/azure2019-sample9.csv");

/** Runs the built CLI; a hang ends after `timeoutMs` (status null). */
function lambdasim(args: string[], cwd = root, timeoutMs = 60_000) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", timeout: timeoutMs });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** A folder with `files` written in it. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "lambdasim-edges-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; parentPath: string; name: string }>)
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** One function, 1 simulated minute; `head` goes first (a name, say), `arrivals` is a YAML flow map. */
function scenario(head = "", arrivals = "{ kind: poisson, rate: 5/s }", fnName = "api"): string {
  return `${head}
horizon: 1m
seed: 3
functions:
  - name: ${fnName}
    runtime: nodejs22.x
    memoryMB: 512
    duration: { dist: constant, value: 10ms }
    arrivals: ${arrivals}
slo: { p99LatencyMs: 500, maxColdStartRate: 0.5 }
compare:
  ec2: { instanceType: m7g.large }
`;
}

/** One stderr line that names `field`, and no stack trace. */
function expectOneClearLine(stderr: string, field: RegExp): void {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(field);
  expect(stderr).not.toMatch(/\n\s+at |internal error/);
}

describe("a report folder never escapes the folder asked for", () => {
  const commands: Array<[string, string[]]> = [
    ["run", ["run"]],
    ["sweep", ["sweep", "--set", "memoryMB=256,512", "-w", "1"]],
    ["tune memory", ["tune", "memory", "--sizes", "256,512", "-w", "1"]],
    ["tune provisioned", ["tune", "provisioned", "-w", "1"]],
    ["compare", ["compare", "-w", "1"]],
  ];
  for (const name of ["..", "."]) {
    for (const [label, args] of name === "." ? commands.slice(0, 1) : commands) {
      it(`refuses name: "${name}" in ${label}, naming the field, and writes nothing`, () => {
        const dir = folder({ "s.yaml": scenario(`name: "${name}"`) });
        mkdirSync(join(dir, "out", "reports"), { recursive: true });
        const r = lambdasim([...args.slice(0, 1 + (args[0] === "tune" ? 1 : 0)), join(dir, "s.yaml"), ...args.slice(1 + (args[0] === "tune" ? 1 : 0)), "--out", join(dir, "out", "reports", "<name>")]);
        expect(r.code).toBe(2);
        expectOneClearLine(r.stderr, new RegExp(`s\\.yaml: name: "${name.replace(/\./g, "\\.")}" is not allowed; expected .*not starting with '\\.'`));
        expect(filesUnder(dir)).toEqual(["s.yaml"]);
      });
    }
  }

  it("refuses names with a slash, a backslash, NUL or an absolute path", () => {
    for (const name of ["a/b", "..\\\\x", "a\\u0000b", "/etc"]) {
      const dir = folder({ "s.yaml": scenario(`name: "${name}"`) });
      const r = lambdasim(["run", join(dir, "s.yaml"), "--out", join(dir, "<name>")]);
      expect(r.code).toBe(2);
      expectOneClearLine(r.stderr, /s\.yaml: name: .* is not allowed/);
      expect(filesUnder(dir)).toEqual(["s.yaml"]);
    }
  });

  it("puts the report of ...yaml (default name '..') in a folder inside --out, not one above", () => {
    const dir = folder({ "...yaml": scenario() });
    mkdirSync(join(dir, "out", "x"), { recursive: true });
    const r = lambdasim(["run", join(dir, "...yaml"), "--out", join(dir, "out", "x", "<name>"), "-q"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "out", "x", "scenario", "result.json"))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "out", "x", "scenario", "result.json"), "utf8")).name).toBe("scenario");
    expect(filesUnder(dir).filter((f) => !f.startsWith(join("out", "x", "scenario")))).toEqual(["...yaml"]);
  });

  it("puts a sweep of ...yaml inside --out too", () => {
    const dir = folder({ "...yaml": scenario() });
    const r = lambdasim(["sweep", join(dir, "...yaml"), "--set", "memoryMB=256", "-w", "1", "-q", "--out", join(dir, "out", "<name>")]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "out", "scenario", "sweep.json"))).toBe(true);
    expect(filesUnder(dir).every((f) => f === "...yaml" || f.startsWith(join("out", "scenario")))).toBe(true);
  });
});

describe("a FIFO is refused, never waited on", () => {
  it("refuses a FIFO as the scenario with exit 2", () => {
    const dir = folder({});
    execFileSync("mkfifo", [join(dir, "s.yaml")]);
    const r = lambdasim(["run", join(dir, "s.yaml")], root, 20_000);
    expect(r.signal).toBeNull(); // not killed by the timeout: it did not hang
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr, /s\.yaml: a named pipe \(FIFO\), not a regular file; expected/);
  });

  it("refuses a FIFO as a trace file with exit 2, in run and in sweep", () => {
    const dir = folder({ "s.yaml": scenario("", "{ kind: trace, file: fifo.csv, format: azure2019 }") });
    execFileSync("mkfifo", [join(dir, "fifo.csv")]);
    for (const args of [["run"], ["sweep", "--set", "memoryMB=256", "-w", "1"]]) {
      const r = lambdasim([args[0]!, join(dir, "s.yaml"), ...args.slice(1), "--out", join(dir, "out")], root, 20_000);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expectOneClearLine(r.stderr, /functions\[0\]\.arrivals\.file: "fifo\.csv" is not allowed; expected .*a named pipe \(FIFO\), not a regular file/);
    }
  });

  it("refuses a device as a trace file", () => {
    const dir = folder({ "s.yaml": scenario("", "{ kind: trace, file: /dev/zero, format: timestamps }") });
    const r = lambdasim(["run", join(dir, "s.yaml"), "--out", join(dir, "out")], root, 20_000);
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr, /a device, not a regular file/);
  });
});

describe("what a file holds is escaped and cut, never echoed raw", () => {
  it("describes a scalar document with its escape codes escaped", () => {
    const dir = folder({ "s.yaml": "\u001b[31mred\u001b[0m scalar\n" });
    const r = lambdasim(["run", join(dir, "s.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain("\u001b");
    expectOneClearLine(r.stderr, /s\.yaml: a string "\\u001b\[31mred\\u001b\[0m scalar", not a mapping; expected a mapping of scenario fields/);
  });

  it("describes a list document by its length", () => {
    const dir = folder({ "s.yaml": "- a\n- b\n- c\n" });
    expectOneClearLine(lambdasim(["run", join(dir, "s.yaml")]).stderr, /s\.yaml: a list of 3 items, not a mapping; expected a mapping/);
  });

  it("cuts a 1 MB scalar line to a short excerpt", () => {
    const dir = folder({ "s.yaml": "x".repeat(1_000_000) + "\n" });
    const r = lambdasim(["run", join(dir, "s.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeLessThan(400);
    expectOneClearLine(r.stderr, /s\.yaml: a string "x+\.\.\., not a mapping/);
  });

  it("calls a binary file binary instead of quoting its bytes", () => {
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256));
    const dir = folder({});
    writeFileSync(join(dir, "s.yaml"), bytes);
    const r = lambdasim(["run", join(dir, "s.yaml")]);
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr, /^lambdasim: .*s\.yaml: not UTF-8 text \(a binary file\?\); expected valid YAML$/);
  });

  it("quotes nothing of a secret file given as a trace (its first line is not a CSV header)", () => {
    const secret = "root:$6$s3cr3tSALT$hashhashhashhashhash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n";
    const dir = folder({ shadow: secret, "a.yaml": scenario("", "{ kind: trace, file: shadow, format: azure2019 }"), "b.yaml": scenario("", "{ kind: trace, file: shadow, format: timestamps }") });
    for (const file of ["a.yaml", "b.yaml"]) {
      const r = lambdasim(["run", join(dir, file), "--out", join(dir, "out")]);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/root|s3cr3t|daemon|hash|19000/);
      expectOneClearLine(r.stderr, /functions\[0\]\.arrivals\.file: "shadow" is not allowed; expected a valid (azure2019|timestamps) trace \(line \d/);
    }
  });
});

describe("a trace that yields no arrival says why", () => {
  it("names the selector that matches no row", () => {
    const dir = folder({ "s.yaml": scenario("", `{ kind: trace, file: ${TRACE}, format: azure2019, select: { function: zzzz } }`) });
    const r = lambdasim(["run", join(dir, "s.yaml"), "--out", join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/Infinity/);
    expectOneClearLine(r.stderr, /functions\[0\]\.arrivals\.select: \{"function":"zzzz"\} is not allowed; expected a selector that matches rows of the trace: none of its 9 rows matches function=zzzz/);
  });

  it("says an empty trace file is empty", () => {
    const dir = folder({ "empty.csv": "", "s.yaml": scenario("", "{ kind: trace, file: empty.csv, format: timestamps }"), "a.yaml": scenario("", "{ kind: trace, file: empty.csv, format: azure2021 }") });
    const r = lambdasim(["run", join(dir, "s.yaml"), "--out", join(dir, "out")]);
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr, /functions\[0\]\.arrivals\.file: "empty\.csv" is not allowed; expected a timestamps trace with rows \(this file is empty\)/);
    const a = lambdasim(["run", join(dir, "a.yaml"), "--out", join(dir, "out")]);
    expectOneClearLine(a.stderr, /an empty file/);
    expect(a.stderr).not.toMatch(/Infinity/);
  });
});

describe("names of Object.prototype are plain names", () => {
  it("calls top-level keys __proto__, constructor and toString unknown fields", () => {
    for (const key of ["__proto__", "constructor", "toString"]) {
      const dir = folder({ "s.yaml": scenario(`${key}: 1`) });
      const r = lambdasim(["run", join(dir, "s.yaml")]);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/object Object|native code|planned/);
      expectOneClearLine(r.stderr, new RegExp(`s\\.yaml: ${key}: no such field; allowed fields: name, `));
    }
  });

  it("runs functions named __proto__ and constructor, each with its own statistics", () => {
    const text = scenario("name: protos", "{ kind: poisson, rate: 5/s }", "__proto__").replace(
      "slo:",
      "  - { name: constructor, runtime: nodejs22.x, duration: { dist: constant, value: 10ms }, arrivals: { kind: poisson, rate: 2/s } }\nslo:",
    );
    const dir = folder({ "s.yaml": text });
    const r = lambdasim(["run", join(dir, "s.yaml"), "--out", join(dir, "out"), "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(Object.keys(result.functions)).toEqual(["__proto__", "constructor"]);
    // 5/s and 2/s for a minute: each function's own count, within 5 standard deviations of Poisson.
    expect(Math.abs(result.functions.__proto__.invocations - 300)).toBeLessThan(5 * Math.sqrt(300));
    expect(Math.abs(result.functions.constructor.invocations - 120)).toBeLessThan(5 * Math.sqrt(120));
  });

  it("treats --set __proto__.x as an unknown field, not a way into every object", () => {
    const dir = folder({ "s.yaml": scenario() });
    const r = lambdasim(["sweep", join(dir, "s.yaml"), "--set", "__proto__.x=1,2", "-w", "1", "--out", join(dir, "out")]);
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr, /--set: "__proto__\.x" is not allowed; expected a path to a field of the scenario \(functions\[0\]\.__proto__: no such field/);
  });

  it("answers --function toString with the scenario's functions", () => {
    const dir = folder({ "s.yaml": scenario() });
    const r = lambdasim(["tune", "memory", join(dir, "s.yaml"), "--function", "toString", "-w", "1"]);
    expect(r.code).toBe(2);
    expectOneClearLine(r.stderr, /--function: "toString" is not allowed; expected one of the scenario's functions: api/);
  });
});

describe("a closed stdout pipe ends quietly", () => {
  it("run --json | head -n 2 prints two lines, no EPIPE trace, and run exits 0", () => {
    const dir = folder({ "s.yaml": scenario().replace("horizon: 1m", "horizon: 2h") });
    // The result JSON of 2 simulated hours is far larger than a pipe's 64 KiB buffer: head closes it mid-write.
    const script = `"${process.execPath}" "${bin}" run "${join(dir, "s.yaml")}" --out "${join(dir, "out")}" --json | head -n 2; echo "exit=\${PIPESTATUS[0]}" >&2`;
    const r = spawnSync("bash", ["-c", script], { encoding: "utf8", timeout: 60_000 });
    expect(r.stdout).toBe('{\n  "name": "s",\n');
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(r.stderr.trim()).toBe("exit=0");
  });
});

describe("SIGTERM stops a pool command as Ctrl-C does", () => {
  it("sweep keeps the finished points and exits 143 on SIGTERM", async () => {
    const dir = folder({ "s.yaml": scenario().replace("horizon: 1m", "horizon: 2h").replace("rate: 5/s", "rate: 100/s") });
    const out = join(dir, "out");
    const child = spawn(process.execPath, [bin, "sweep", join(dir, "s.yaml"), "--set", "seed=1..40:lin:40", "--workers", "1", "--out", out], { cwd: root });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    // After the first point finished (its progress line), so there is something to keep.
    await new Promise<void>((res) => child.stderr.on("data", () => /[1-9]\d*\/\d+ simulations/.test(stderr) && res()));
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((res) => child.on("exit", (c) => res(c)));
    expect(code).toBe(143);
    expect(stderr).toMatch(/interrupted: \d+ points finished, \d+ not/);
    const json = JSON.parse(readFileSync(join(out, "sweep.json"), "utf8"));
    expect(json.interrupted).toBe(true);
    expect(json.points.length).toBeGreaterThan(0);
    expect(json.points.length + json.notFinished).toBe(40);
  }, 60_000);

  it("tune provisioned stops cleanly on SIGTERM with exit 143", async () => {
    const dir = folder({ "s.yaml": scenario().replace("horizon: 1m", "horizon: 30d") });
    const child = spawn(process.execPath, [bin, "tune", "provisioned", join(dir, "s.yaml"), "-w", "1", "--out", join(dir, "out")], { cwd: root });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    // 30 simulated days per simulation: still running when the signal comes, after start-up.
    void signalWhenStarted(child, "SIGTERM", 1_000);
    const code = await new Promise<number | null>((res) => child.on("exit", (c) => res(c)));
    expect(code).toBe(143);
    expect(stderr).toMatch(/interrupted: tune provisioned stopped/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe.skipIf(skipWithoutRedis("the no-worker notice"))("sweep --redis with no worker", () => {
  it("says after a few seconds that no worker listens and how to start one, and keeps waiting", async () => {
    const { url, server } = await startRedis();
    try {
      const dir = folder({ "s.yaml": scenario() });
      const child = spawn(process.execPath, [bin, "sweep", join(dir, "s.yaml"), "--set", "memoryMB=256", "--redis", url, "--out", join(dir, "out")], { cwd: root });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += String(d)));
      const said = await new Promise<boolean>((res) => {
        const timer = setTimeout(() => res(false), 20_000);
        child.stderr.on("data", () => /still waiting/.test(stderr) && (clearTimeout(timer), res(true)));
      });
      expect(said).toBe(true);
      expect(child.exitCode).toBeNull(); // still waiting
      expect(stderr).toContain(`lambdasim: no \`lambdasim worker\` is listening on ${url}; start one with \`lambdasim worker --redis ${url}\`; still waiting`);
      child.kill("SIGINT");
      expect(await new Promise<number | null>((res) => child.on("exit", (c) => res(c)))).toBe(130);
    } finally {
      server.kill();
    }
  }, 60_000);
});
