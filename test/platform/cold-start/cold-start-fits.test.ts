import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { computeColdStartFits } from "../../../bench/cold-start-fits.js";
import { COLD_START_FITS } from "../../../src/platform/cold-start/data/cold-start-fits.js";

const data = resolve(import.meta.dirname, "../../../data");

describe("the cold-start fits data module", () => {
  it("equals the table recomputed from data/ (run `npm run fits:cold-start` when this fails)", () => {
    expect(COLD_START_FITS).toEqual(computeColdStartFits(data));
  });

  it("agrees with lambda-limits.json coldStart.packageSizeEffectSeconds to its 0.01 s precision", () => {
    const effect = (JSON.parse(readFileSync(resolve(data, "reference/lambda-limits.json"), "utf8")) as {
      coldStart: { packageSizeEffectSeconds: { value: Record<string, number> } };
    }).coldStart.packageSizeEffectSeconds.value;
    const [one, fourteen, thirtyFive] = COLD_START_FITS.zipPackage.points.map(([, ms]) => ms / 1000);
    expect(one).toBeCloseTo(effect.nodeZip_1KB!, 2);
    expect(fourteen).toBeCloseTo(effect.nodeZip_14MB!, 2);
    expect(thirtyFive).toBeCloseTo(effect.nodeZip_35MB!, 2);
    expect(COLD_START_FITS.imagePackage.minimalMs / 1000).toBeCloseTo(effect.containerImage_minimal!, 2);
  });
});
