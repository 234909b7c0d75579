import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileLineSource, traceFileScope } from "../../src/scenario/trace-file.js";
import { TraceError } from "../../src/workload/trace-source.js";

function write(bytes: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), "lambdasim-lines-")), "f.csv");
  writeFileSync(path, bytes);
  return path;
}

function allLines(source: FileLineSource): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (let l = source.nextLine(); l !== null; l = source.nextLine()) out.push([source.lineNumber, l]);
  return out;
}

describe("FileLineSource", () => {
  const text = "\uFEFFtime,duration\r\n1.5,0.25\r\n\r\nπ≈3.14159,€\n" + "x".repeat(50) + "\nlast line without a break";
  const want = ["time,duration", "1.5,0.25", "", "π≈3.14159,€", "x".repeat(50), "last line without a break"];

  it("returns the file's lines with their numbers, whatever the chunk size (multi-byte characters and long lines split across chunks)", () => {
    const path = write(text);
    for (const chunk of [1, 2, 3, 7, 16, 1 << 20]) {
      expect(allLines(new FileLineSource(path, chunk)), `chunk ${chunk}`).toEqual(want.map((l, i) => [i + 1, l]));
    }
  });

  it("reads an empty file as no lines, and a final line break adds no empty line", () => {
    expect(allLines(new FileLineSource(write("")))).toEqual([]);
    expect(allLines(new FileLineSource(write("a\nb\n")))).toEqual([[1, "a"], [2, "b"]]);
  });

  it("throws a TraceError naming the file when it cannot be opened", () => {
    const dir = mkdtempSync(join(tmpdir(), "lambdasim-lines-"));
    expect(() => new FileLineSource(join(dir, "missing.csv"))).toThrow(TraceError);
    expect(() => new FileLineSource(join(dir, "missing.csv"))).toThrow(`${join(dir, "missing.csv")}: no such file; expected a readable trace file`);
  });
});

describe("traceFileScope", () => {
  it("closes every file it opened: their sources then end", () => {
    const path = write("1\n2\n3\n");
    const scope = traceFileScope();
    const a = scope.open(path);
    const b = scope.open(path);
    expect([a.nextLine(), b.nextLine()]).toEqual(["1", "1"]);
    scope.closeAll();
    expect([a.nextLine(), b.nextLine()]).toEqual([null, null]);
  });
});
