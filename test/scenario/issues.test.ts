import { describe, expect, it } from "vitest";
import { formatIssue, formatPath, renderValue, valueAt } from "../../src/scenario/issues.js";

describe("formatIssue", () => {
  it("writes the file, the path, the value as JSON and what is allowed on one line", () => {
    expect(formatIssue({ path: "functions[0].arrivals.rate", value: "fast", allowed: "a rate like 50/s" }, "x.yaml")).toBe(
      'x.yaml: functions[0].arrivals.rate: "fast" is not allowed; expected a rate like 50/s',
    );
  });

  it("says missing for a missing field", () => {
    expect(formatIssue({ path: "functions[0].duration", value: undefined, allowed: "a distribution" })).toBe(
      "functions[0].duration: missing; expected a distribution",
    );
  });

  it("writes a file-level problem as found, without a path", () => {
    expect(formatIssue({ path: "", value: "no such file", allowed: "an existing readable .yaml, .yml or .json file" }, "a.yaml")).toBe(
      "a.yaml: no such file; expected an existing readable .yaml, .yml or .json file",
    );
  });

  it("cuts long values to about 60 characters", () => {
    const line = formatIssue({ path: "description", value: "x".repeat(500), allowed: "short" });
    expect(line).toBe(`description: "${"x".repeat(56)}... is not allowed; expected short`);
    expect(renderValue("x".repeat(500))).toHaveLength(60);
  });
});

describe("paths", () => {
  it("writes indexes in brackets and keys after dots", () => {
    expect(formatPath(["functions", 0, "arrivals", "rate"])).toBe("functions[0].arrivals.rate");
    expect(formatPath(["horizon"])).toBe("horizon");
    expect(formatPath([])).toBe("");
    expect(formatPath(["a b"])).toBe('["a b"]');
  });

  it("looks a path up in plain data", () => {
    expect(valueAt({ functions: [{ memoryMB: 64 }] }, ["functions", 0, "memoryMB"])).toBe(64);
    expect(valueAt({ functions: [] }, ["functions", 0, "memoryMB"])).toBeUndefined();
  });
});
