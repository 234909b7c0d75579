import { describe, expect, it } from "vitest";
import { resolveOutDir, wroteLine } from "../../src/cli/output.js";

describe("command output", () => {
  it("lists the files written and names exactly the charts that were rendered", () => {
    const files = { summaryMd: "r/summary.md", indexHtml: "r/index.html", data: ["r/a.json", "r/a.csv"] };
    const chart = (name: string) => ({ name, svg: `r/${name}.svg`, png: `r/${name}.png` });
    expect(wroteLine({ ...files, charts: [] })).toBe("wrote r/a.json, r/a.csv, r/summary.md, r/index.html\n");
    expect(wroteLine({ ...files, charts: [chart("sweep")] })).toBe("wrote r/a.json, r/a.csv, r/summary.md, r/index.html and the chart sweep.svg/.png\n");
    expect(wroteLine({ ...files, charts: [chart("compare-options"), chart("break-even")] })).toBe(
      "wrote r/a.json, r/a.csv, r/summary.md, r/index.html and the charts compare-options.svg/.png, break-even.svg/.png\n",
    );
  });

  it("puts the scenario's name where --out says <name>", () => {
    expect(resolveOutDir("reports/<name>/sweep/", "api")).toBe("reports/api/sweep/");
  });
});
