import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { issuesOf, onlyIssue, withFunction } from "./support.js";

const data = resolve(import.meta.dirname, "../../data");
const perfRows = (JSON.parse(readFileSync(resolve(data, "reference/lambda-perf-coldstarts.json"), "utf8")) as {
  window30d: { rows: Array<{ runtime: string; packageType: string; architecture: string; memoryMB: number; initP50Ms: number; initP99Ms: number }> };
}).window30d.rows;

function firstFunction(raw: unknown) {
  const r = resolveScenario(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.sim.functions[0]!;
}

describe("coldStart: auto and the package fields", () => {
  it("resolves an omitted coldStart to lambda-perf's measured nodejs22.x zip x86_64 128 MB init", () => {
    const row = perfRows.find((r) => r.runtime === "nodejs22.x" && r.packageType === "zip" && r.architecture === "x86_64" && r.memoryMB === 128)!;
    const f = firstFunction(withFunction({ coldStart: undefined }));
    expect(f.coldStart).toEqual({ dist: "lognormal", median: row.initP50Ms, p99: row.initP99Ms });
    expect(f.coldStartSource).toMatch(/^auto: lognormal/);
    expect(f).toMatchObject({ packageType: "zip", packageSizeMB: 0, layers: 0, vpc: false, snapStart: false, ephemeralStorageMB: 512 });
  });

  it("resolves coldStart: auto with the function's memory, architecture and package", () => {
    const row = perfRows.find((r) => r.runtime === "python3.13" && r.packageType === "image" && r.architecture === "arm64" && r.memoryMB === 512)!;
    const f = firstFunction(withFunction({ coldStart: "auto", runtime: "python3.13", architecture: "arm64", packageType: "image", memoryMB: 512 }));
    expect(f.coldStart).toEqual({ dist: "lognormal", median: row.initP50Ms, p99: row.initP99Ms });
  });

  it("keeps an explicit coldStart distribution and says so", () => {
    const f = firstFunction(withFunction({ coldStart: { dist: "constant", value: "250ms" }, vpc: true }));
    expect(f.coldStart).toEqual({ dist: "constant", value: 250 });
    expect(f.coldStartSource).toBe("scenario (explicit coldStart distribution)");
    expect(f.vpc).toBe(true);
  });

  it("rejects a zip package above 250 MB unzipped but accepts an image of that size", () => {
    const issue = onlyIssue(withFunction({ packageSizeMB: 300 }));
    expect(issue.path).toBe("functions[0].packageSizeMB");
    expect(issue.allowed).toContain("0..250");
    expect(firstFunction(withFunction({ packageSizeMB: 300, packageType: "image" })).packageSizeMB).toBe(300);
  });

  it("rejects an image above 10 GB, six layers and 256 MB of ephemeral storage, one issue each", () => {
    const issues = issuesOf(withFunction({ packageType: "image", packageSizeMB: 20_000, layers: 6, ephemeralStorageMB: 256 }));
    expect(issues.map((i) => i.path).sort()).toEqual(["functions[0].ephemeralStorageMB", "functions[0].layers", "functions[0].packageSizeMB"]);
  });

  it("rejects a non-boolean vpc", () => {
    const issue = onlyIssue(withFunction({ vpc: "yes" }));
    expect(issue.path).toBe("functions[0].vpc");
    expect(issue.allowed).toBe("true or false");
  });

  it("refuses SnapStart on a runtime AWS does not support, naming those it does", () => {
    const issue = onlyIssue(withFunction({ snapStart: true }));
    expect(issue.path).toBe("functions[0].snapStart");
    expect(issue.allowed).toContain("nodejs22.x");
    expect(issue.allowed).toContain("java11, java17, java21, java25, python3.12");
  });

  it("refuses SnapStart with ephemeral storage above 512 MB", () => {
    const issue = onlyIssue(withFunction({ runtime: "java21", snapStart: true, ephemeralStorageMB: 1024 }));
    expect(issue.path).toBe("functions[0].ephemeralStorageMB");
    expect(issue.allowed).toContain("SnapStart does not support ephemeral storage above 512 MB");
  });

  it("refuses SnapStart with provisioned concurrency", () => {
    const issue = onlyIssue(withFunction({ runtime: "java21", snapStart: true, provisionedConcurrency: 5 }));
    expect(issue.path).toBe("functions[0].provisionedConcurrency");
    expect(issue.allowed).toContain("SnapStart does not support provisioned concurrency");
  });

  it("refuses SnapStart on a container image", () => {
    const issue = onlyIssue(withFunction({ runtime: "java21", snapStart: true, packageType: "image" }));
    expect(issue.path).toBe("functions[0].snapStart");
    expect(issue.allowed).toContain("zip packages only");
  });

  it("accepts SnapStart on python3.12 and resolves it to a restore distribution", () => {
    const f = firstFunction(withFunction({ runtime: "python3.12", snapStart: true, coldStart: undefined }));
    expect(f.snapStart).toBe(true);
    expect(f.coldStartSource).toContain("SnapStart restore");
  });
});
