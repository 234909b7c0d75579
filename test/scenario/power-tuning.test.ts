import { describe, expect, it } from "vitest";
import { decodePowerTuningUrl, powerTuningFromJson } from "../../src/scenario/power-tuning.js";

describe("AWS Lambda Power Tuning output", () => {
  it("decodes the README's example visualization URL: sizes 128..3008 MB and Float32 durations", () => {
    // aws-lambda-power-tuning README, "results.stateMachine.visualization" example.
    const r = decodePowerTuningUrl("https://lambda-power-tuning.show/#gAAAAQACAAQABsAL;ZooQR4yvkUa/pQRGRC5zRaADHUVjOftE;QdWhOEMkoziDT5Q4xhiIOMYYiDi6RNc4");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((p) => p.memoryMB)).toEqual([128, 256, 512, 1024, 1536, 3008]);
    // Bytes 66 8a 10 47 as a little-endian float32: 0x47108a66 = 37002.4 (worked from the IEEE 754 bits).
    expect(r.value[0]!.durationMs).toBeCloseTo(37002.4, 1);
    expect(r.value.every((p, i) => i === 0 || p.durationMs < r.value[i - 1]!.durationMs)).toBe(true);
  });

  it("decodes the encoder's own test vector (lambda/utils.js tests): powers 1, 2, 3 are not memory sizes", () => {
    const r = decodePowerTuningUrl("https://prefix/#AQACAAMA;AAAAQAAAAEAAAIA/;AABAQAAAAEAAAABA");
    expect(!r.ok && r.issues[0]!.allowed).toContain("size 1 decodes to 1 MB, not 128..10240");
  });

  it("reads stats from a result JSON (includeOutputResults), under results or not", () => {
    const stats = [{ value: "512", averagePrice: 2e-6, averageDuration: 210 }, { value: "128", averagePrice: 1e-6, averageDuration: 800 }];
    for (const doc of [{ results: { power: "512", stats } }, { power: "512", stats }]) {
      const r = powerTuningFromJson(doc);
      expect(r.ok && r.value.map((p) => [p.memoryMB, p.durationMs])).toEqual([[128, 800], [512, 210]]);
    }
  });

  it("refuses a URL that does not decode, saying what was expected", () => {
    for (const [url, why] of [
      ["https://lambda-power-tuning.show/#abc", "1 part"],
      ["https://lambda-power-tuning.show/#gAAAAQ==;ZooQR4yv;QdWh!!!!", "part 3 is not base64"],
      ["https://lambda-power-tuning.show/#gAAAAQ==;ZooQRw==;QdWhOA==", "2 sizes but 1 durations"],
    ] as const) {
      const r = decodePowerTuningUrl(url);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.issues[0]!.path).toBe("--power-tuning");
      expect(r.issues[0]!.allowed).toContain("a Power Tuning visualization URL");
      expect(r.issues[0]!.allowed).toContain(why);
    }
  });
});
