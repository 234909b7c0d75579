import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../src/platform/simulate.js";
import { runCharts } from "../src/report/charts/index.js";
import { withCost } from "../src/pricing/index.js";
import { applyOverrides, loadScenarioFile, traceFileScope } from "../src/scenario/index.js";

const dir = resolve(import.meta.dirname, "../scenarios");
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));

describe("bundled scenarios", () => {
  it("include the worked examples the README promises", () => {
    for (const name of ["api-backend", "diurnal-api", "flash-sale", "azure-trace-replay", "sqs-worker", "image-resize"]) {
      expect(files).toContain(`${name}.yaml`);
    }
  });

  it("sqs-worker processes its orders per message and its run has a queue chart", () => {
    const loaded = loadScenarioFile(join(dir, "sqs-worker.yaml"));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const fn = loaded.value.sim.functions[0]!;
    expect(fn.sqs).toMatchObject({ durationPer: "message", reportBatchItemFailures: true, batchSize: 25 });
    const short = applyOverrides(loaded.value, { horizon: "20m" });
    if (!short.ok) throw new Error(JSON.stringify(short.issues));
    const r = simulate(short.value.sim);
    const charts = runCharts(r).map((c) => c.name);
    expect(charts).toContain("queue");
    // Batches of 25 orders, each a lognormal of median 25 ms and p99 120 ms: mean 25 · exp(σ²/2) with
    // σ = ln(120 / 25) / 2.3263 ms per order, so a batch bills 25 × that (full batches at 100 orders/s).
    const sigma = Math.log(120 / 25) / 2.3263;
    const want = 25 * 25 * Math.exp((sigma * sigma) / 2);
    const w = r.functions["order-worker"]!;
    expect(w.batches!.meanSize).toBeCloseTo(25, 1);
    expect(Math.abs(w.usage.billedDurationMs / w.batches!.invoked - want) / want).toBeLessThan(0.03);
  });

  it("api-backend, described as behind API Gateway, bills the REST API's requests ($3.50 per million, aws-pricing.json frontDoor.restApi)", () => {
    const loaded = loadScenarioFile(join(dir, "api-backend.yaml"));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    expect(loaded.value.description).toContain("behind API Gateway");
    const s = applyOverrides(loaded.value, { horizon: "20m" });
    if (!s.ok) throw new Error(JSON.stringify(s.issues));
    const r = withCost(simulate(s.value.sim), s.value.sim.functions, s.value.catalog, s.value.pricing);
    const monthly = r.total.cost!.monthly;
    expect(monthly.frontDoor).toBeGreaterThan(0);
    expect(monthly.frontDoor / monthly.requests).toBeCloseTo(3.5 / 0.2, 1); // Lambda requests: $0.20 per million
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
