import { describe, expect, it } from "vitest";
import { ProgressLines, UNSIZED_EVERY } from "../../src/cli/progress-lines.js";

describe("progress lines off a terminal", () => {
  it("prints one line per tenth of the simulations, ending at 100 %", () => {
    const lines: string[] = [];
    const p = new ProgressLines("sweep", 40, true, (l) => lines.push(l));
    for (let i = 0; i < 40; i++) p.tick();
    expect(lines).toHaveLength(10);
    expect(lines.map((l) => l.replace(/, [\d.]+ s\n$/, ""))).toEqual(
      [4, 8, 12, 16, 20, 24, 28, 32, 36, 40].map((n) => `lambdasim: sweep: ${n}/40 simulations (${(n * 100) / 40} %)`),
    );
  });

  it("prints a line for every simulation when there are fewer than ten, and nothing when disabled", () => {
    const lines: string[] = [];
    const p = new ProgressLines("tune memory", 3, true, (l) => lines.push(l));
    for (let i = 0; i < 3; i++) p.tick();
    expect(lines.map((l) => l.split(" simulations")[0])).toEqual(["lambdasim: tune memory: 1/3", "lambdasim: tune memory: 2/3", "lambdasim: tune memory: 3/3"]);
    const off: string[] = [];
    const q = new ProgressLines("sweep", 3, false, (l) => off.push(l));
    q.tick();
    expect(off).toEqual([]);
  });

  it("prints a line every few simulations when the total is unknown (a planner)", () => {
    const lines: string[] = [];
    const p = new ProgressLines("compare", null, true, (l) => lines.push(l));
    for (let i = 0; i < 3 * UNSIZED_EVERY + 1; i++) p.tick("probed 5/s");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(new RegExp(`^lambdasim: compare: ${3 * UNSIZED_EVERY} simulations, [\\d.]+ s \\(probed 5/s\\)\\n$`));
  });
});
