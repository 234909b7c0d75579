import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

/** Every file under a folder of the repository. */
function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, out);
    else out.push(path);
  }
  return out;
}

describe("the repository stands alone", () => {
  it("has no file under src/, test/, bench/ or scenarios/ that names a path into ../shared", () => {
    const offenders = ["src", "test", "bench", "scenarios"]
      .flatMap((d) => filesUnder(join(root, d)))
      .filter((f) => f !== import.meta.filename && /\.\.\/shared\b|\/shared\/(reference|data)\b/.test(readFileSync(f, "utf8")))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it("ships every reference file the generators and tests read in data/", () => {
    const reference = readdirSync(join(root, "data/reference")).sort();
    expect(reference).toEqual([
      "aws-pricing.json",
      "ec2-instances-us-east-1.json",
      "lambda-limits.json",
      "lambda-managed-instances.json",
      "lambda-perf-coldstarts.json",
      "network-costs.json",
    ]);
    for (const f of reference) expect(() => JSON.parse(readFileSync(join(root, "data/reference", f), "utf8"))).not.toThrow();
    expect(readdirSync(join(root, "data/coldstarts-mikhailio/mikhailio_raw")).length).toBeGreaterThanOrEqual(20);
  });
});
