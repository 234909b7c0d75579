import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../src/platform/simulate.js";
import { applyOverrides, loadScenarioFile, traceFileScope } from "../src/scenario/index.js";

const dir = resolve(import.meta.dirname, "../scenarios");
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));

describe("bundled scenarios", () => {
  it("include the worked examples the README promises", () => {
    for (const name of ["api-backend", "diurnal-api", "flash-sale", "azure-trace-replay", "sqs-worker"]) {
      expect(files).toContain(`${name}.yaml`);
    }
  });

  for (const file of files) {
    it(`${file} validates and runs, every arrival accounted for`, () => {
      const loaded = loadScenarioFile(join(dir, file));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      // Shorten long scenarios so the suite stays fast; the model is the same.
      const horizonS = loaded.value.sim.horizonMs / 1000;
      const s = horizonS > 1800 && loaded.value.sim.warmupMs < 900_000 ? applyOverrides(loaded.value, { horizon: "30m" }) : loaded;
      if (!s.ok) throw new Error(JSON.stringify(s.issues));
      const traces = traceFileScope();
      try {
        const r = simulate(s.value.sim, { openTrace: traces.open });
        const t = r.total;
        expect(t.invocations).toBeGreaterThan(0);
        expect(t.completed + t.throttled + t.droppedToDlq + t.inFlight).toBe(t.invocations);
      } finally {
        traces.closeAll();
      }
    });
  }
});
