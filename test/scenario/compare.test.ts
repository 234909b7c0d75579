import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { formatIssue } from "../../src/scenario/issues.js";
import { US_EAST_1 } from "../../src/pricing/index.js";
import { issuesOf, validScenario } from "./support.js";

const withCompare = (compare: unknown) => ({ ...validScenario(), compare });

describe("the compare section", () => {
  it("fills an EC2 fleet's size from the catalog and the rest from DEFAULTS", () => {
    const r = resolveScenario(withCompare({ ec2: { instanceType: "m7g.xlarge" } }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.compare).toMatchObject({
      function: "checkout",
      ec2: {
        instanceType: "m7g.xlarge",
        vcpu: 4, // aws-pricing.json ec2.instances["m7g.xlarge"].vcpu
        memoryGB: 16,
        slots: 4, // one per vCPU
        targetUtilization: 0.7,
        minInstances: 1,
        maxInstances: 100,
        launchDelayMs: 180_000,
        maxQueue: null,
        scaleOutPeriods: 3,
        scaleInPeriods: 15,
        pricing: { plan: "onDemand", discount: 0 },
      },
      fargate: null,
    });
  });

  it("takes a plan's largest discount from the catalog unless one is given", () => {
    const r = resolveScenario(withCompare({ ec2: { instanceType: "c7g.large", pricing: "spot" }, fargate: { vcpu: 0.5, memoryGB: 1, pricing: { savingsPlan: 0.2 } } }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.compare!.ec2!.pricing).toEqual({ plan: "spot", discount: US_EAST_1.discounts.ec2Spot.value });
    expect(r.value.compare!.fargate!.pricing).toEqual({ plan: "savingsPlan", discount: 0.2 });
    expect(r.value.compare!.fargate!.architecture).toBe("x86_64"); // the function's (the default)
  });

  it("accepts only the task sizes Fargate offers", () => {
    expect(resolveScenario(withCompare({ fargate: { vcpu: 0.25, memoryGB: 0.5 } })).ok).toBe(true);
    expect(resolveScenario(withCompare({ fargate: { vcpu: 8, memoryGB: 20 } })).ok).toBe(true);
    const [size] = issuesOf(withCompare({ fargate: { vcpu: 8, memoryGB: 18 } }));
    expect(formatIssue(size!)).toBe("compare.fargate.memoryGB: 18 is not allowed; expected a memory size in GB that Fargate offers with 8 vCPU: 16..60 GB in steps of 4");
    const [vcpu] = issuesOf(withCompare({ fargate: { vcpu: 3, memoryGB: 8 } }));
    expect(vcpu!.path).toBe("compare.fargate.vcpu");
  });

  it("reports negative numbers at their paths", () => {
    const issues = issuesOf(withCompare({ ec2: { instanceType: "m7g.large", slotsPerInstance: 0, launchDelay: "-1m", maxQueue: -1 } }));
    expect(issues.map((i) => i.path).sort()).toEqual(["compare.ec2.launchDelay", "compare.ec2.maxQueue", "compare.ec2.slotsPerInstance"]);
  });

  it("reports min above max and an unknown function once the fields themselves are valid", () => {
    const issues = issuesOf(withCompare({ function: "cart", ec2: { instanceType: "m7g.large", minInstances: 5, maxInstances: 2 } }));
    expect(issues.map((i) => i.path).sort()).toEqual(["compare.ec2.maxInstances", "compare.function"]);
  });

  it("accepts every instance type of the bundled catalog, e.g. a Graviton4 c8g.4xlarge sized from ec2-instances-us-east-1.json", () => {
    const r = resolveScenario(withCompare({ ec2: { instanceType: "c8g.4xlarge" } }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.compare!.ec2).toMatchObject({ architecture: "arm64", vcpu: 16, memoryGB: 32, slots: 16 });
  });

  it("answers an unknown instance type with a guess and the count of types, not 104 names", () => {
    const [sized] = issuesOf(withCompare({ ec2: { instanceType: "m7g.huge" } }));
    expect(sized!.path).toBe("compare.ec2.instanceType");
    expect(sized!.allowed).toMatch(/^an EC2 instance type the price catalog has \(did you mean one of m7g\.large, m7g\.xlarge, .*m7g\.8xlarge\?\): 104 types in 22 families \(c5, c6g, /);
    expect(sized!.allowed).toContain("a pricing.catalog file can add others");
    const [typo] = issuesOf(withCompare({ ec2: { instanceType: "m7gg.large" } }));
    expect(typo!.allowed).toContain("(did you mean m7g.large");
    const [none] = issuesOf(withCompare({ ec2: { instanceType: "zz9.huge" } }));
    expect(none!.allowed).not.toContain("did you mean");
    expect(none!.allowed.length).toBeLessThan(300);
  });
});
