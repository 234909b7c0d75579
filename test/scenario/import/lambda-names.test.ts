import { describe, expect, it } from "vitest";
import { mapArchitecture, mapRuntime } from "../../../src/scenario/import/index.js";
import { RUNTIMES } from "../../../src/scenario/runtimes.js";

describe("runtime and architecture names of configuration files", () => {
  it("maps every runtime lambdasim models to itself, whatever the letter case", () => {
    for (const r of RUNTIMES) expect(mapRuntime(r)).toEqual({ ok: true, value: r });
    expect(mapRuntime("Python3.12")).toEqual({ ok: true, value: "python3.12" });
  });

  it("refuses a runtime lambdasim does not model, naming the ones it does", () => {
    for (const r of ["nodejs16.x", "python3.8", "go1.x", "java8", "provided", "dotnet6", 12]) {
      const m = mapRuntime(r);
      expect(m.ok).toBe(false);
      if (!m.ok) expect(m.allowed).toContain("nodejs22.x, nodejs24.x, python3.9");
    }
  });

  it("takes Architectures as a list of one or a bare name, and refuses anything else", () => {
    expect(mapArchitecture(["arm64"])).toEqual({ ok: true, value: "arm64" });
    expect(mapArchitecture("x86_64")).toEqual({ ok: true, value: "x86_64" });
    expect(mapArchitecture("ARM64")).toEqual({ ok: true, value: "arm64" });
    expect(mapArchitecture(["arm64", "x86_64"]).ok).toBe(false);
    expect(mapArchitecture("amd64").ok).toBe(false);
    expect(mapArchitecture([]).ok).toBe(false);
  });
});
