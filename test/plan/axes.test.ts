import { describe, expect, it } from "vitest";
import { cartesian, parseSetFlag, replicationSeed, setAtPath } from "../../src/plan/index.js";

const labels = (text: string) => {
  const r = parseSetFlag(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.values.map((v) => v.label);
};

describe("--set axes", () => {
  it("reads lists as numbers, booleans or text", () => {
    const r = parseSetFlag("functions.checkout.memoryMB=512, 1024,2048");
    expect(r.ok && r.value).toEqual({
      path: "functions.checkout.memoryMB",
      values: [{ label: "512", value: 512 }, { label: "1024", value: 1024 }, { label: "2048", value: 2048 }],
    });
    const b = parseSetFlag("vpc=true,false");
    expect(b.ok && b.value.values.map((v) => v.value)).toEqual([true, false]);
    const t = parseSetFlag("timeout=250ms,1s");
    expect(t.ok && t.value.values.map((v) => v.value)).toEqual(["250ms", "1s"]);
  });

  it("spreads a log range of rates evenly in log, keeping the unit", () => {
    expect(labels("arrivals.rate=10/s..1000/s:log:3")).toEqual(["10/s", "100/s", "1000/s"]);
    // 10 · 100^(i/7), 6 significant digits.
    expect(labels("arrivals.rate=10/s..1000/s:log:8")).toEqual([
      "10/s", "19.307/s", "37.2759/s", "71.9686/s", "138.95/s", "268.27/s", "517.947/s", "1000/s",
    ]);
  });

  it("spreads a lin range of numbers and converts durations and rates to one base unit", () => {
    expect(labels("memoryMB=128..1024:lin:8")).toEqual(["128", "256", "384", "512", "640", "768", "896", "1024"]);
    expect(labels("timeout=500ms..2s:lin:4")).toEqual(["500ms", "1000ms", "1500ms", "2000ms"]);
    expect(labels("arrivals.rate=60/min..3/s:lin:3")).toEqual(["1/s", "2/s", "3/s"]);
  });

  it("rejects bad syntax with one issue on --set", () => {
    for (const bad of ["memoryMB", "=1,2", "memoryMB=", "memoryMB=1,,2", "memoryMB=1..2", "memoryMB=1..2:cubic:3", "memoryMB=1..2:lin:1",
      "rate=0/s..10/s:log:3", "rate=1/s..10ms:lin:3", "rate=a..b:lin:3"]) {
      const r = parseSetFlag(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) {
        expect(r.issues).toHaveLength(1);
        expect(r.issues[0]!.path).toBe("--set");
        expect(r.issues[0]!.value).toBe(bad);
      }
    }
  });

  it("takes the cartesian product with the last axis varying fastest", () => {
    const a = { path: "a", values: [{ label: "1", value: 1 }, { label: "2", value: 2 }] };
    const b = { path: "b", values: [{ label: "x", value: "x" }, { label: "y", value: "y" }, { label: "z", value: "z" }] };
    expect(cartesian([a, b]).map((p) => p.map((v) => v.label).join(""))).toEqual(["1x", "1y", "1z", "2x", "2y", "2z"]);
    expect(cartesian([])).toEqual([[]]);
  });
});

describe("paths into the raw scenario", () => {
  const raw = () => ({ seed: 1, functions: [{ name: "a", memoryMB: 128, arrivals: { kind: "poisson", rate: "1/s" } }, { name: "b" }] });

  it("finds a function by name or index, and a bare field applies to every function", () => {
    const s = raw();
    expect(setAtPath(s, "functions.b.memoryMB", 512)).toBeNull();
    expect(setAtPath(s, "functions[0].duration.median", "5ms")).toBeNull();
    expect(setAtPath(s, "arrivals.rate", "9/s")).toBeNull();
    expect(setAtPath(s, "seed", 7)).toBeNull();
    expect(s).toEqual({
      seed: 7,
      functions: [
        { name: "a", memoryMB: 128, arrivals: { kind: "poisson", rate: "9/s" }, duration: { median: "5ms" } },
        { name: "b", memoryMB: 512, arrivals: { rate: "9/s" } },
      ],
    });
  });

  it("names the functions when a path names none of them", () => {
    const issue = setAtPath(raw(), "functions.checkout.memoryMB", 1);
    expect(issue?.path).toBe("--set");
    expect(issue?.allowed).toContain("a, b");
  });
});

describe("replication seeds", () => {
  it("keep the scenario's seed for replication 0 and differ for the others", () => {
    expect(replicationSeed(42, 0)).toBe(42);
    const seeds = new Set(Array.from({ length: 1000 }, (_, r) => replicationSeed(42, r)));
    expect(seeds.size).toBe(1000);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });
});
