import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { capacityProviderCharts, runCharts } from "../../src/report/charts/index.js";
import { compileChart } from "../../src/report/render-chart.js";
import { htmlPage } from "../../src/report/html-page.js";
import { runDocument, summaryMarkdown } from "../../src/report/run-document.js";
import { capacityProviderTimeWords, simulatedClock } from "../../src/report/capacity-provider-lines.js";
import type { Result } from "../../src/platform/result.js";
import { schemaErrors } from "./vega-lite-schema.js";
import { originalLayered, withOriginalLayer } from "../../src/report/charts/original-layer.js";
import { lmiFunction, managedRun } from "../support/managed.js";

const root = resolve(import.meta.dirname, "../..");

/**
 * Two capacity providers for one step each (100/s → 300/s at 30:00, 2-vCPU environments, 50 ms of CPU
 * per request), the second tracking a 0.7 target with a 10-minute launch delay.
 */
function twoProviders(seed = 3) {
  const step = (name: string, provider: string) =>
    lmiFunction({
      name,
      capacityProvider: provider,
      duration: { dist: "constant", value: "50ms", atMemoryMB: 1769, cpuBound: 1 },
      arrivals: { kind: "profile", points: [["00:00", "100/s"], ["00:30", "100/s"], ["00:31", "300/s"], ["02:00", "300/s"]] },
    });
  return managedRun({
    name: "two-providers",
    horizon: "1h",
    warmup: "10m",
    seed,
    capacityProviders: {
      cp: { instanceTypes: ["m7g.xlarge"], maxVCpu: 400, targetCpuUtilization: 0.5, launchDelay: "3m" },
      slow: { instanceTypes: ["m7g.xlarge"], maxVCpu: 400, targetCpuUtilization: 0.7, launchDelay: "10m" },
    },
    functions: [step("api", "cp"), step("worker", "slow")],
  });
}

const run = twoProviders();
const input = { result: run.result, config: run.scenario.sim, slo: null, description: null };

/** The panels of a vconcat chart spec. */
function panels(spec: unknown): Array<Record<string, unknown>> {
  return (spec as { vconcat: Array<Record<string, unknown>> }).vconcat;
}

describe("capacity-provider chart", () => {
  const charts = capacityProviderCharts(run.result);

  it("is one chart per provider, named capacity-provider-1 and -2, among the run's charts before the cost chart", () => {
    expect(charts.map((c) => c.name)).toEqual(["capacity-provider-1", "capacity-provider-2"]);
    expect(charts.map((c) => c.title)).toEqual(["Capacity provider cp", "Capacity provider slow"]);
    const names = runCharts(run.result).map((c) => c.name);
    expect(names.slice(-3)).toEqual(["capacity-provider-1", "capacity-provider-2", "cost"]);
  });

  it("validates against the Vega-Lite schema and compiles without a single warning", () => {
    for (const c of charts) {
      expect(schemaErrors(c.spec), c.name).toEqual([]);
      expect(compileChart(c.spec).warnings, c.name).toEqual([]);
    }
  });

  it("draws the target as a rule at each provider's configured value, labelled with it", () => {
    const rules = charts.map((c) => {
      const layer = (panels(c.spec)[1]!.layer as Array<{ mark: { type: string }; data: { values: Array<{ series: string }> }; encoding: { y: { datum: number } } }>).find((l) => l.mark.type === "rule")!;
      return [layer.encoding.y.datum, layer.data.values.map((v) => v.series).join()];
    });
    expect(rules).toEqual([
      [0.5, "target 50.0 %"],
      [0.7, "target 70.0 %"],
    ]);
  });

  it("carries the provider's series bucket by bucket: instances, launching, CPU utilisation and throttles", () => {
    const values = (charts[1]!.spec as { data: { values: Array<Record<string, number | null>> } }).data.values;
    const s = run.result.capacityProviders!.slow!.series!;
    expect(values).toHaveLength(run.result.series.t.length);
    const i = s.throttles.findIndex((x) => x > 0);
    expect(values[i]!.throttles).toBe(s.throttles[i]);
    expect(values.reduce((sum, v) => sum + (v.throttles as number), 0)).toBe(s.throttles.reduce((a, b) => a + b, 0));
    const k = s.launching.findIndex((x) => x > 0);
    expect(values[k]!.launching).toBeCloseTo(s.launching[k]!, 5);
    expect(values[k]!.instances).toBeCloseTo(s.instances[k]!, 5);
    expect(values[0]!.cpu).toBeCloseTo(s.cpuUtilization[0]!, 5);
  });

  it("is absent for a result without capacity providers", () => {
    const { capacityProviders: _, ...plain } = run.result;
    expect(capacityProviderCharts(plain as Result)).toEqual([]);
  });
});

describe("capacity-provider chart in the what-if panel", () => {
  it("gains the original run's lines, faded and dashed, under each panel's, and compiles without a warning", () => {
    const other = capacityProviderCharts(twoProviders(4).result);
    const original = capacityProviderCharts(run.result);
    expect(other.map((c) => originalLayered(c.name))).toEqual([true, true]);
    for (let k = 0; k < 2; k++) {
      const spec = withOriginalLayer(other[k]!.spec, original[k]!.spec)!;
      expect(spec, other[k]!.name).not.toBeNull();
      expect(schemaErrors(spec)).toEqual([]);
      expect(compileChart(spec as never).warnings).toEqual([]);
      const layered = panels(spec) as Array<{ layer: Array<{ data: { values: unknown[] }; transform: unknown[]; layer: Array<{ mark: { type: string; strokeDash?: number[] } }> }> }>;
      expect(layered).toHaveLength(3);
      for (const p of layered) {
        // Every panel draws a line (instances, CPU utilisation, throttles): each gets the original's, on its own rows.
        const [orig, now] = p.layer;
        expect(orig!.data.values).toEqual((original[k]!.spec as { data: { values: unknown[] } }).data.values);
        expect(now!.data.values).toEqual((other[k]!.spec as { data: { values: unknown[] } }).data.values);
        expect(orig!.transform).toContainEqual({ calculate: '"original"', as: "run" });
        expect(orig!.layer.every((l) => l.mark.type === "line" && l.mark.strokeDash !== undefined)).toBe(true);
      }
    }
  });

  it("draws no original layer when the time axes differ, and leaves other charts' names to the fixed set", () => {
    const a = capacityProviderCharts(run.result)[0]!.spec as unknown as Record<string, unknown>;
    expect(withOriginalLayer(a, { ...a, transform: [{ calculate: "datum.t / 3600", as: "time" }] })).toBeNull();
    expect(["capacity-provider", "capacity-provider-12", "capacity-providers", "queue"].map(originalLayered)).toEqual([true, true, false, false]);
  });
});

describe("capacity-provider lines of summary.md", () => {
  it("name the peak's first bucket, the worst throttling bucket and the time above target, against the series", () => {
    const s = run.result.capacityProviders!.slow!.series!;
    const words = capacityProviderTimeWords(s, run.result.series, run.result.horizonSeconds);
    const t = run.result.series.t;
    const peak = run.result.capacityProviders!.slow!.instances.peak;
    const worst = s.throttles.indexOf(Math.max(...s.throttles));
    expect(words).toContain(`peak of ${peak} instances first reached in the 2 s bucket at ${simulatedClock(t[s.instancesMax.indexOf(peak)]!)}`);
    expect(words).toContain(`most throttles in one bucket: ${Math.max(...s.throttles).toLocaleString("en-US")} in the 2 s bucket at ${simulatedClock(t[worst]!)}`);
    // Utilisation is above 70 % from the step until the slow instances run: minutes, not the whole window.
    const above = Number(/above the 70\.0 % target for ([\d.]+) min/.exec(words)![1]);
    expect(above).toBeGreaterThan(5);
    expect(above).toBeLessThan(30);
  });

  it("write simulated clock times with seconds only off the minute, and the day from the second day", () => {
    expect([simulatedClock(0), simulatedClock(14 * 3600 + 3 * 60), simulatedClock(1862), simulatedClock(86_400 + 3600)]).toEqual(["00:00", "14:03", "00:31:02", "day 2 01:00"]);
  });

  it("place each provider's chart in its Capacity providers section, not among the other charts", () => {
    const md = summaryMarkdown(input);
    const section = md.slice(md.indexOf("## Capacity providers"), md.indexOf("## Charts"));
    expect(section).toContain("![Capacity provider cp](capacity-provider-1.svg)");
    expect(section).toContain("![Capacity provider slow](capacity-provider-2.svg)");
    expect(section).toContain("Over time: peak of");
    const rest = md.slice(md.indexOf("## Charts"));
    expect(rest).not.toContain("capacity-provider");
    expect(rest).toContain("(arrivals.svg)");
    const page = htmlPage(runDocument(input), { vega: "", vegaLite: "", vegaEmbed: "" });
    const pageSection = page.slice(page.indexOf("<h2>Capacity providers</h2>"), page.indexOf("<h2>Charts</h2>"));
    const ids = runCharts(run.result).map((c) => c.name);
    expect(pageSection).toContain(`id="chart-${ids.indexOf("capacity-provider-1")}"`);
    expect(pageSection).toContain(`id="chart-${ids.indexOf("capacity-provider-2")}"`);
    // Every chart has exactly one placeholder on the page.
    expect(page.match(/<div class="chart" id="chart-\d+"/g)).toHaveLength(ids.length);
  });
});

describe("run report of scenarios/managed-instances.yaml", () => {
  it("writes the capacity-provider chart and shows it in its section of summary.md and index.html", () => {
    const out = mkdtempSync(join(tmpdir(), "lambdasim-cp-"));
    const r = spawnSync(process.execPath, [join(root, "bin/lambdasim.js"), "run", "scenarios/managed-instances.yaml", "--horizon", "1h", "--out", out, "--quiet"], { cwd: root, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(out, "capacity-provider.svg"), "utf8")).toMatch(/^<svg/);
    expect(existsSync(join(out, "capacity-provider.png"))).toBe(true);
    const md = readFileSync(join(out, "summary.md"), "utf8");
    const section = md.slice(md.indexOf("## Capacity providers"), md.indexOf("## Service-level objectives"));
    expect(section).toContain("![Capacity provider shared](capacity-provider.svg)");
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html.slice(html.indexOf("<h2>Capacity providers</h2>"), html.indexOf("<h2>Service-level objectives</h2>"))).toMatch(/<div class="chart" id="chart-\d+" role="img" aria-label="Capacity provider shared">/);
    const result = JSON.parse(readFileSync(join(out, "result.json"), "utf8")) as Result;
    expect(result.capacityProviders!.shared!.series!.target).toBe(0.5);
  });
});
