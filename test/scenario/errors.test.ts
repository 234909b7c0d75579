import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/scenario/issues.js";
import { resolveScenario } from "../../src/scenario/resolve.js";
import { RUNTIMES } from "../../src/scenario/runtimes.js";
import { issuesOf, onlyIssue, validScenario, withFunction } from "./support.js";

describe("issues for bad scenario values", () => {
  it("names an unknown field at its own path and suggests the field meant", () => {
    const issue = onlyIssue(withFunction({ memroyMB: 1024 }));
    expect(issue.path).toBe("functions[0].memroyMB");
    expect(issue.value).toBe(1024);
    expect(issue.allowed).toContain("no such field (did you mean memoryMB?)");
    expect(issue.allowed).toContain("allowed fields: name, runtime, architecture, memoryMB,");
    expect(formatIssue(issue)).toMatch(/^functions\[0\]\.memroyMB: no such field/);
  });

  it("reports each unknown key of one object as its own issue", () => {
    const issues = issuesOf(withFunction({ foo: 1, bar: 2 }));
    expect(issues.map((i) => i.path)).toEqual(["functions[0].foo", "functions[0].bar"]);
  });

  it("rejects a negative rate as not a positive rate", () => {
    const issue = onlyIssue(withFunction({ arrivals: { kind: "poisson", rate: "-5/s" } }));
    expect(issue.path).toBe("functions[0].arrivals.rate");
    expect(issue.value).toBe("-5/s");
    expect(issue.allowed).toContain("a positive rate");
  });

  it("rejects a rate of zero as not a positive rate", () => {
    const issue = onlyIssue(withFunction({ arrivals: { kind: "constant", rate: "0/s" } }));
    expect(issue.path).toBe("functions[0].arrivals.rate");
    expect(issue.allowed).toContain("a positive rate");
  });

  it("rejects memoryMB 20000 with the allowed range in MB", () => {
    const issue = onlyIssue(withFunction({ memoryMB: 20000 }));
    expect(issue.path).toBe("functions[0].memoryMB");
    expect(issue.value).toBe(20000);
    expect(issue.allowed).toBe("an integer 128..10240 (MB)");
    expect(formatIssue(issue, "scenarios/x.yaml")).toBe(
      "scenarios/x.yaml: functions[0].memoryMB: 20000 is not allowed; expected an integer 128..10240 (MB)",
    );
  });

  it("rejects a fractional memoryMB with the same single message", () => {
    const issue = onlyIssue(withFunction({ memoryMB: 100.5 }));
    expect(issue.allowed).toBe("an integer 128..10240 (MB)");
  });

  it("rejects the rate \"fast\" and shows what a rate looks like", () => {
    const issue = onlyIssue(withFunction({ arrivals: { kind: "poisson", rate: "fast" } }));
    expect(issue.path).toBe("functions[0].arrivals.rate");
    expect(issue.value).toBe("fast");
    expect(issue.allowed).toContain("rate like 50/s or 3000/min");
  });

  it("rejects a rate given as a bare number", () => {
    const issue = onlyIssue(withFunction({ arrivals: { kind: "poisson", rate: 50 } }));
    expect(issue.value).toBe(50);
    expect(issue.allowed).toContain("rate like 50/s or 3000/min");
  });

  it("rejects a timeout of 901s with the 1s..900s range", () => {
    const issue = onlyIssue(withFunction({ timeout: "901s" }));
    expect(issue.path).toBe("functions[0].timeout");
    expect(issue.value).toBe("901s");
    expect(issue.allowed).toContain("1s..900s");
  });

  it("rejects a timeout that is not a whole number of seconds", () => {
    const issue = onlyIssue(withFunction({ timeout: "2500ms" }));
    expect(issue.allowed).toContain("in whole seconds");
  });

  it("rejects runtime nodejs99.x and lists the runtimes there are", () => {
    const issue = onlyIssue(withFunction({ runtime: "nodejs99.x" }));
    expect(issue.path).toBe("functions[0].runtime");
    expect(issue.value).toBe("nodejs99.x");
    expect(issue.allowed).toContain("a Lambda runtime identifier");
    for (const r of RUNTIMES) expect(issue.allowed).toContain(r);
  });

  it("rejects a lognormal whose p99 is below its median, at p99, naming the median", () => {
    const issue = onlyIssue(withFunction({ duration: { dist: "lognormal", median: "120ms", p99: "100ms" } }));
    expect(issue.path).toBe("functions[0].duration.p99");
    expect(issue.value).toBe("100ms");
    expect(issue.allowed).toBe("a time greater than median (120ms)");
  });

  it("rejects a second function with the same name, pointing at the first", () => {
    const s = validScenario();
    s.functions.push({ ...s.functions[0] });
    const issue = onlyIssue(s);
    expect(issue.path).toBe("functions[1].name");
    expect(issue.value).toBe("checkout");
    expect(issue.allowed).toContain("functions[0] is also named checkout");
  });

  it("rejects reserved concurrency that leaves fewer than 100 unreserved, with the numbers", () => {
    const s = validScenario();
    s.account = { concurrencyLimit: 1000 };
    s.functions[0]!.reservedConcurrency = 500;
    s.functions.push({ ...s.functions[0], name: "images", reservedConcurrency: 450 });
    const issue = onlyIssue(s);
    expect(issue.path).toBe("functions[1].reservedConcurrency");
    expect(issue.value).toBe(450);
    expect(issue.allowed).toContain("an integer 0..400");
    expect(issue.allowed).toContain("at most 900");
    expect(issue.allowed).toContain("concurrencyLimit 1000 minus the 100 that must stay unreserved");
    expect(issue.allowed).toContain("earlier functions reserve 500");
  });

  it("accepts reserved concurrency that leaves exactly 100 unreserved", () => {
    const s = withFunction({ reservedConcurrency: 900 });
    expect(() => issuesOf(s)).toThrow("resolved");
  });

  it("rejects a horizon without a unit and says that a bare number has none", () => {
    const issue = onlyIssue({ ...validScenario(), horizon: 10 });
    expect(issue.path).toBe("horizon");
    expect(issue.value).toBe(10);
    expect(issue.allowed).toContain("a duration with a unit");
    expect(issue.allowed).toContain("a bare number has no unit");
  });

  it("rejects a horizon string without a unit the same way", () => {
    const issue = onlyIssue({ ...validScenario(), horizon: "100" });
    expect(issue.allowed).toContain("a bare number has no unit");
  });

  it("rejects a negative horizon", () => {
    const issue = onlyIssue({ ...validScenario(), horizon: "-1h" });
    expect(issue.path).toBe("horizon");
    expect(issue.allowed).toContain("> 0");
  });

  it("reports a missing required field as missing", () => {
    const issue = onlyIssue(withFunction({ duration: undefined }));
    expect(issue.path).toBe("functions[0].duration");
    expect(issue.value).toBeUndefined();
    expect(formatIssue(issue)).toBe("functions[0].duration: missing; expected a duration such as 120ms (constant), or a distribution such as { dist: lognormal, median: 120ms, p99: 900ms }");
  });

  it("rejects warmup that is not shorter than the horizon", () => {
    const issue = onlyIssue({ ...validScenario(), horizon: "1h", warmup: "2h" });
    expect(issue.path).toBe("warmup");
    expect(issue.value).toBe("2h");
    expect(issue.allowed).toContain("less than horizon (1h)");
  });

  it("rejects an empty list of functions", () => {
    const issue = onlyIssue({ ...validScenario(), functions: [] });
    expect(issue.path).toBe("functions");
    expect(issue.allowed).toBe("a non-empty list of functions");
  });

  it("rejects a top level that is not a mapping", () => {
    const issue = onlyIssue(["a", "list"]);
    expect(issue.path).toBe("");
    expect(issue.allowed).toContain("a mapping of scenario fields");
  });

  it("rejects an unknown distribution name at dist, listing the names", () => {
    const issue = onlyIssue(withFunction({ duration: { dist: "zipf", s: 1 } }));
    expect(issue.path).toBe("functions[0].duration.dist");
    expect(issue.value).toBe("zipf");
    expect(issue.allowed).toContain("one of: constant, exponential, uniform, normal, lognormal");
  });

  it("rejects a lognormal mixing median/p99 with mu/sigma", () => {
    const issue = onlyIssue(withFunction({ duration: { dist: "lognormal", median: 120, p99: 900, sigma: 1 } }));
    expect(issue.path).toBe("functions[0].duration.sigma");
    expect(issue.allowed).toContain("either median and p99, or mu and sigma");
  });

  it("asks for the missing half of a distribution form", () => {
    const issue = onlyIssue(withFunction({ duration: { dist: "gamma", mean: "3s" } }));
    expect(issue.path).toBe("functions[0].duration.cv");
    expect(issue.value).toBeUndefined();
    expect(issue.allowed).toContain("gamma takes shape and scale, or mean and cv");
  });

  it("refuses a gamma cv of 1e-320 at its own path with the range of cv, not the sampler's 'shape ... got Infinity' (found by the fuzz campaign)", () => {
    for (const cv of [1e-320, 1e308, 0.0001, 2000]) {
      const issue = onlyIssue(withFunction({ duration: { dist: "gamma", mean: "3s", cv } }));
      expect(issue.path).toBe("functions[0].duration.cv");
      expect(issue.value).toBe(cv);
      expect(issue.allowed).toBe("a number 0.001..1000 (coefficient of variation: standard deviation / mean)");
    }
    const ok = resolveScenario(withFunction({ duration: { dist: "gamma", mean: "3s", cv: 0.001 } }));
    expect(ok.ok && ok.value.sim.functions[0]!.duration).toEqual({ dist: "gamma", mean: 3000, cv: 0.001 });
  });

  it("does not take a bare number for a distribution (ms or a unit? it needs a unit)", () => {
    const issue = onlyIssue(withFunction({ idleLifetime: 600 }));
    expect(issue.path).toBe("functions[0].idleLifetime");
    expect(issue.allowed).toContain("a duration such as 120ms (constant)");
  });

  it("rejects a negative time inside a distribution", () => {
    const issue = onlyIssue(withFunction({ coldStart: { dist: "constant", value: "-5ms" } }));
    expect(issue.path).toBe("functions[0].coldStart.value");
    expect(issue.allowed).toContain("a time ≥ 0");
  });

  it("rejects a uniform distribution whose max is below its min", () => {
    const issue = onlyIssue(withFunction({ idleLifetime: { dist: "uniform", min: "7m", max: "5m" } }));
    expect(issue.path).toBe("functions[0].idleLifetime.max");
    expect(issue.allowed).toContain("≥ min (7m)");
  });

  it("rejects an empirical histogram whose weights sum to zero", () => {
    const issue = onlyIssue(withFunction({ duration: { dist: "empirical", histogram: [[100, 0], ["200ms", 0]] } }));
    expect(issue.path).toBe("functions[0].duration.histogram");
    expect(issue.allowed).toContain("summing to more than 0");
  });

  it("rejects a negative sample at its index", () => {
    const issue = onlyIssue(withFunction({ duration: { dist: "empirical", samples: [10, -1, 30] } }));
    expect(issue.path).toBe("functions[0].duration.samples[1]");
    expect(issue.value).toBe(-1);
  });

  it("rejects an SLO rate above 1", () => {
    const issue = onlyIssue({ ...validScenario(), slo: { maxThrottleRate: 1.5 } });
    expect(issue.path).toBe("slo.maxThrottleRate");
    expect(issue.allowed).toContain("0..1");
  });

  it("collects every issue of a scenario, not only the first", () => {
    const s = withFunction({ memoryMB: 20000, timeout: "901s", runtime: "nodejs99.x" }, { horizon: 10, seed: -1 });
    const paths = issuesOf(s).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(["horizon", "seed", "functions[0].memoryMB", "functions[0].timeout", "functions[0].runtime"]),
    );
    expect(paths).toHaveLength(5);
  });

  it("reports cross-field rules together with schema issues", () => {
    const s = validScenario();
    s.functions.push({ ...s.functions[0], memoryMB: 1 });
    const paths = issuesOf(s).map((i) => i.path);
    expect(paths).toEqual(["functions[1].memoryMB", "functions[1].name"]);
  });

  it("never leaves a zod default message in an issue", () => {
    const s = withFunction(
      {
        architecture: "sparc",
        invocation: 3,
        reservedConcurrency: "ten",
        idleLifetime: "5m",
        coldStart: { dist: "weibull", shape: "x", scale: true },
        arrivals: { rate: "5/s" },
      },
      { name: "bad name!", region: "moon", description: 5, account: { concurrencyLimit: 0 }, slo: "tight" },
    );
    for (const issue of issuesOf(s)) {
      expect(issue.allowed, issue.path).not.toMatch(/Invalid input|expected .*received|Too (small|big)/);
    }
  });
});

describe("issues for parts of the format that are not modelled yet", () => {
  it("names an unknown field inside the sweep block, and asks for its axes", () => {
    const issues = issuesOf(withFunction({}, { sweep: { memoryMB: [512, 1024] } }));
    expect(issues.map((i) => i.path).sort()).toEqual(["sweep.memoryMB", "sweep.set"]);
    expect(issues.find((i) => i.path === "sweep.memoryMB")!.allowed).toContain("no such field");
  });

  it("asks for atMemoryMB when a duration gives cpuBound alone", () => {
    const issue = onlyIssue(withFunction({ duration: { dist: "lognormal", median: "120ms", p99: "900ms", cpuBound: 0.5 } }));
    expect(issue.path).toBe("functions[0].duration.atMemoryMB");
    expect(issue.allowed).toContain("atMemoryMB");
  });

  it("asks for cpuBound when a duration gives atMemoryMB alone", () => {
    const issue = onlyIssue(withFunction({ duration: { dist: "lognormal", median: "120ms", p99: "900ms", atMemoryMB: 1024 } }));
    expect(issue.path).toBe("functions[0].duration.cpuBound");
    expect(issue.allowed).toContain("required with atMemoryMB");
  });

  it("keeps memory scaling keys out of cold-start distributions", () => {
    const issue = onlyIssue(withFunction({ coldStart: { dist: "constant", value: "100ms", atMemoryMB: 512 } }));
    expect(issue.path).toBe("functions[0].coldStart.atMemoryMB");
    expect(issue.allowed).toContain("belong to `duration` only");
  });

  it("checks the largest step of a provisioned-concurrency schedule against reserved concurrency", () => {
    const issue = onlyIssue(
      withFunction({ reservedConcurrency: 30, provisionedConcurrency: { schedule: [{ at: "08:00", value: 50 }, { at: "20:00", value: 5 }] } }),
    );
    expect(issue.path).toBe("functions[0].provisionedConcurrency");
    expect(issue.allowed).toContain("cannot exceed the function's reserved concurrency (30)");
  });

  it("names an unknown field inside a target-tracking policy at its own path", () => {
    const issue = onlyIssue(withFunction({ provisionedConcurrency: { targetTracking: { min: 1, max: 10, tagret: 0.5 } } }));
    expect(issue.path).toBe("functions[0].provisionedConcurrency.targetTracking.tagret");
    expect(issue.allowed).toContain("no such field");
  });

  it("names a bad time of day in a provisioned-concurrency schedule", () => {
    const issue = onlyIssue(withFunction({ provisionedConcurrency: { schedule: [{ at: "25:00", value: 5 }] } }));
    expect(issue.path).toBe("functions[0].provisionedConcurrency.schedule[0].at");
    expect(issue.allowed).toContain("HH:MM");
  });

  it("names auto and distributions when coldStart is some other string", () => {
    const issue = onlyIssue(withFunction({ coldStart: "fast" }));
    expect(issue.path).toBe("functions[0].coldStart");
    expect(issue.allowed).toContain("auto, a duration such as 250ms (constant), or a distribution");
  });

  it("lists every invocation type for an unknown one", () => {
    const issue = onlyIssue(withFunction({ invocation: "kafka" }));
    expect(issue.allowed).toBe("one of: sync, async, sqs, stream");
  });

  it("accepts async retry settings only on async functions", () => {
    const issue = onlyIssue(withFunction({ maximumRetryAttempts: 1 }));
    expect(issue.path).toBe("functions[0].maximumRetryAttempts");
    expect(issue.allowed).toContain("only with invocation: async");
  });

  it("bounds maximumEventAge to 60s..6h", () => {
    const issue = onlyIssue(withFunction({ invocation: "async", maximumEventAge: "30s" }));
    expect(issue.path).toBe("functions[0].maximumEventAge");
    expect(issue.allowed).toContain("60s..6h");
  });

  it("asks an empty compare for a fleet and an empty sweep for its axes", () => {
    const issues = issuesOf({ ...validScenario(), compare: {}, sweep: {} });
    expect(issues.map((i) => [i.path, i.allowed.slice(0, 7)]).sort()).toEqual([
      ["compare", "{ ec2: "],
      ["sweep.set", "a non-e"],
    ]);
  });

  it("refuses a region without a price catalog", () => {
    const issue = onlyIssue({ ...validScenario(), region: "eu-west-9" });
    expect(issue.path).toBe("region");
    expect(issue.allowed).toContain("us-east-1");
  });

  it("refuses a savings plan above the largest Lambda discount", () => {
    const issue = onlyIssue({ ...validScenario(), pricing: { savingsPlan: 0.5 } });
    expect(issue.path).toBe("pricing.savingsPlan");
    expect(issue.allowed).toContain("0..0.17");
  });
});

describe("issues the sampler would otherwise throw", () => {
  it("rejects a truncated normal whose range holds no probability, at its mean", () => {
    const issue = onlyIssue(withFunction({ duration: { dist: "normal", mean: "10s", sd: "1ms", max: "10ms" } }));
    expect(issue.path).toBe("functions[0].duration.mean");
    expect(issue.value).toBe("10s");
    expect(issue.allowed).toContain("no probability mass");
  });
});

describe("provisioned concurrency checks", () => {
  it("refuses provisioned concurrency above the function's reserved concurrency", () => {
    const issue = onlyIssue(withFunction({ reservedConcurrency: 10, provisionedConcurrency: 20 }));
    expect(issue.path).toBe("functions[0].provisionedConcurrency");
    expect(issue.value).toBe(20);
    expect(issue.allowed).toContain("cannot exceed the function's reserved concurrency (10)");
  });

  it("refuses provisioned concurrency that leaves fewer than 100 unreserved", () => {
    const issue = onlyIssue(withFunction({ provisionedConcurrency: 950 }));
    expect(issue.path).toBe("functions[0].provisionedConcurrency");
    expect(issue.allowed).toContain("at most 900 environments");
  });
});

describe("client retry settings", () => {
  it("accepts client retries only on sync functions", () => {
    const issue = onlyIssue(withFunction({ invocation: "async", clientRetries: { maxAttempts: 3 } }));
    expect(issue.path).toBe("functions[0].clientRetries");
    expect(issue.allowed).toContain("only with invocation: sync");
  });

  it("bounds the number of attempts", () => {
    const issue = onlyIssue(withFunction({ clientRetries: { maxAttempts: 0 } }));
    expect(issue.path).toBe("functions[0].clientRetries.maxAttempts");
    expect(issue.allowed).toContain("1..20");
  });
});
