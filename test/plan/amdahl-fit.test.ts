import { describe, expect, it } from "vitest";
import { fitAmdahl } from "../../src/plan/amdahl-fit.js";

describe("fitAmdahl", () => {
  // A handler of 40 ms I/O plus 600 ms of single-threaded CPU at 1 vCPU (1,769 MB): at m MB it takes
  // 40 + 600 · 1769 / min(m, 1769) ms, e.g. 128 MB: 40 + 600 · 13.8203 = 8332.19 ms (worked by hand).
  const truth = (m: number) => 40 + (600 * 1769) / Math.min(m, 1769);
  const sizes = [128, 256, 512, 1024, 1536, 2048, 3008];

  it("recovers cpuBound and threads of a single-threaded handler exactly (fit error 0)", () => {
    const fit = fitAmdahl(sizes.map((m) => ({ memoryMB: m, durationMs: truth(m) })), 1024)!;
    expect(fit.threads).toBe(1);
    expect(fit.durationAtMs).toBeCloseTo(truth(1024), 6);
    // At 1,024 MB: CPU part 600 · 1769/1024 = 1036.52 ms of 1076.52 ms.
    expect(fit.cpuBound).toBeCloseTo((600 * 1769) / 1024 / truth(1024), 9);
    expect(fit.maxRelativeError).toBeLessThan(1e-9);
  });

  it("tells a 4-threaded handler by its speed-up past 1 vCPU", () => {
    const four = (m: number) => 20 + (2000 * 1769) / Math.min(m, 4 * 1769);
    const fit = fitAmdahl([1024, 1769, 3538, 5307, 7076, 10240].map((m) => ({ memoryMB: m, durationMs: four(m) })), 1769)!;
    expect(fit.threads).toBe(4);
    expect(fit.cpuBound).toBeCloseTo(2000 / 2020, 9);
  });

  it("reports the error of a curve the model cannot follow, and needs two memory sizes", () => {
    const fit = fitAmdahl([{ memoryMB: 128, durationMs: 100 }, { memoryMB: 256, durationMs: 300 }, { memoryMB: 512, durationMs: 100 }], 512)!;
    expect(fit.maxRelativeError).toBeGreaterThan(0.3);
    expect(fitAmdahl([{ memoryMB: 128, durationMs: 100 }], 128)).toBeNull();
  });
});
