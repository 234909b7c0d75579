import { describe, expect, it } from "vitest";
import { managedOptionsChart } from "../../src/report/charts/managed-options-chart.js";
import { compileChart, renderChart } from "../../src/report/render-chart.js";
import { documentMarkdown } from "../../src/report/document-markdown.js";
import { tuneManagedDocument, type ManagedReportInput, type ManagedReportOption } from "../../src/report/tune-managed-document.js";
import { schemaErrors } from "./vega-lite-schema.js";

/** An option as the tuner reports it. */
function option(instanceType: string, maxConcurrency: number, p99: number, total: number, meetsSlo: boolean): ManagedReportOption {
  return {
    label: `${instanceType}, 2 GiB/vCPU, ${maxConcurrency} per environment`,
    instanceType,
    memoryGiBPerVCpu: 2,
    maxConcurrency,
    vcpus: 2,
    environmentsPerInstance: 2,
    status: "ok",
    errors: [],
    p99Ms: { mean: p99 },
    throttleRate: { mean: 0 },
    timeoutRate: { mean: 0 },
    monthlyCost: { instances: total * 0.7, managementFee: total * 0.1, requests: total * 0.2, total },
    instances: { mean: 3.5, peak: 5 },
    cpuUtilization: { mean: 0.31, peak: 0.6 },
    meetsSlo,
    verdicts: [{ objective: "p99LatencyMs", target: 500, actual: p99, pass: p99 <= 500 }],
  };
}

const options = [option("c7g.xlarge", 16, 200, 420, true), option("c7g.xlarge", 64, 900, 390, false), option("m7g.xlarge", 64, 300, 450, true)];
const rows = options.map((o) => ({ ...o, p99Ms: o.p99Ms!.mean, monthlyCost: o.monthlyCost!.total }));

describe("tune managed report", () => {
  it("draws cost against p99 with the objective ruled and the recommendation ringed, valid and without warnings", async () => {
    const chart = managedOptionsChart(rows, options[0]!.label, 500);
    expect(schemaErrors(chart.spec)).toEqual([]);
    expect(compileChart(chart.spec).warnings).toEqual([]);
    const values = (chart.spec as { data: { values: Array<Record<string, unknown>> } }).data.values;
    expect(values.filter((v) => v.recommended).map((v) => v.label)).toEqual([options[0]!.label]);
    expect(values.map((v) => v.slo)).toEqual(["meets SLO", "misses SLO", "meets SLO"]);
    expect(JSON.stringify(chart.spec)).toContain('"datum":500');
    const { svg } = await renderChart(chart.spec);
    expect(svg).toContain("<svg");
  });

  it("leaves out an option without data instead of drawing it at zero", () => {
    const chart = managedOptionsChart([...rows, { ...rows[0]!, label: "failed", p99Ms: null, monthlyCost: null }], null, null);
    expect((chart.spec as { data: { values: unknown[] } }).data.values).toHaveLength(3);
  });

  it("says the recommendation with its cost lines, every option with its verdict, and what was not simulated", () => {
    const input: ManagedReportInput = {
      name: "lmi",
      function: "api",
      description: null,
      seed: 1,
      horizonSeconds: 3600,
      replications: 1,
      mode: "search",
      gridPoints: 12,
      grid: { maxConcurrency: [16, 64], memoryGiBPerVCpu: [2], instanceTypes: ["c7g.xlarge", "m7g.xlarge", "r7g.xlarge"] },
      provider: { name: "cp", created: false, minInstances: 3, targetUtilization: 0.5, launchDelaySeconds: 180 },
      sloP99Ms: 500,
      options,
      skipped: [{ instanceType: "r7g.xlarge", memoryGiBPerVCpu: null, reason: "its floor is above the answer" }],
      recommendation: { option: options[0]!.label, monthlyCost: 420, reason: "the cheapest", nearTies: [] },
      simulations: 3,
      interrupted: false,
      workers: 2,
      wallSeconds: 1.5,
    };
    const md = documentMarkdown(tuneManagedDocument(input));
    expect(md).toContain("**c7g.xlarge, 2 GiB/vCPU, 16 per environment**: the cheapest. $420.00 per month (instances $294.00, management fee $42.00, requests $84.00)");
    expect(md).toContain("| c7g.xlarge | 2 | 2 | 64 | 2 | 3.5 / 5 | 31.0 % | 900 ms | 0 % | $390.00 | **FAIL** |  |");
    expect(md).toContain("r7g.xlarge: its floor is above the answer");
    expect(md).toContain("12 points; 3 simulated by the search");
  });
});
