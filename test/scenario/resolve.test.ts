import { describe, expect, it } from "vitest";
import type { SimConfig } from "../../src/platform/config.js";
import { DEFAULTS } from "../../src/scenario/defaults.js";
import { applyOverrides, resolveScenario, type ResolvedScenario } from "../../src/scenario/resolve.js";
import { validScenario, withFunction } from "./support.js";

function resolved(raw: unknown, baseName?: string): ResolvedScenario {
  const r = resolveScenario(raw, baseName === undefined ? {} : { baseName });
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.value;
}

describe("resolveScenario", () => {
  it("resolves a full scenario to the SimConfig with every time in ms and every rate per second", () => {
    const r = resolved({
      name: "checkout-api",
      description: "free text",
      region: "us-east-1",
      horizon: "24h",
      warmup: "10m",
      seed: 42,
      account: { concurrencyLimit: 1000 },
      functions: [
        {
          name: "checkout",
          runtime: "nodejs22.x",
          architecture: "arm64",
          memoryMB: 1024,
          timeout: "10s",
          reservedConcurrency: 200,
          invocation: "sync",
          duration: { dist: "lognormal", median: "120ms", p99: "900ms" },
          coldStart: { dist: "lognormal", median: "140ms", p99: "200ms" },
          idleLifetime: { dist: "uniform", min: "5m", max: "7m" },
          arrivals: { kind: "poisson", rate: "3000/min" },
        },
      ],
      slo: { p99LatencyMs: 500, maxColdStartRate: 0.01, maxThrottleRate: 0.001 },
    });
    const want: SimConfig = {
      name: "checkout-api",
      seed: 42,
      horizonMs: 86_400_000,
      warmupMs: 600_000,
      bucketMs: 0,
      account: { concurrencyLimit: 1000 },
      functions: [
        {
          name: "checkout",
          runtime: "nodejs22.x",
          architecture: "arm64",
          memoryMB: 1024,
          timeoutMs: 10_000,
          reservedConcurrency: 200,
          invocation: "sync",
          duration: { dist: "lognormal", median: 120, p99: 900 },
          durationScaling: null,
          errorRate: 0,
          async: { maximumRetryAttempts: 2, maximumEventAgeMs: 21_600_000 },
          clientRetries: null,
          coldStart: { dist: "lognormal", median: 140, p99: 200 },
          coldStartSource: "scenario (explicit coldStart distribution)",
          packageType: "zip",
          packageSizeMB: 0,
          layers: 0,
          vpc: false,
          snapStart: false,
          ephemeralStorageMB: 512,
          idleLifetime: { dist: "uniform", min: 300_000, max: 420_000 },
          maxLifetime: null,
          provisioned: { kind: "fixed", count: 0 },
          arrivals: { kind: "poisson", ratePerSec: 50 },
        },
      ],
    };
    expect(r.sim).toEqual(want);
    expect(r.slo).toEqual({ p99LatencyMs: 500, maxColdStartRate: 0.01, maxThrottleRate: 0.001 });
    expect(r.description).toBe("free text");
  });

  it("fills every default of a minimal scenario", () => {
    const s = validScenario();
    delete s.name;
    delete s.horizon;
    const r = resolved(s, "webhook");
    expect(r.sim.name).toBe("webhook");
    expect(r.sim.seed).toBe(1);
    expect(r.sim.horizonMs).toBe(3_600_000);
    expect(r.sim.warmupMs).toBe(0);
    expect(r.sim.bucketMs).toBe(0);
    expect(r.sim.account).toEqual({ concurrencyLimit: 1000 });
    const f = r.sim.functions[0]!;
    expect(f.architecture).toBe("x86_64");
    expect(f.memoryMB).toBe(128);
    expect(f.timeoutMs).toBe(3000);
    expect(f.reservedConcurrency).toBeNull();
    expect(f.invocation).toBe("sync");
    expect(f.idleLifetime).toEqual({ dist: "uniform", min: 300_000, max: 420_000 });
    expect(r.slo).toBeNull();
    expect(r.description).toBeNull();
  });

  it("gives each function its own copy of the default idle lifetime", () => {
    const s = validScenario();
    s.functions.push({ ...s.functions[0], name: "other" });
    const r = resolved(s);
    expect(r.sim.functions[0]!.idleLifetime).not.toBe(r.sim.functions[1]!.idleLifetime);
    expect(r.sim.functions[0]!.idleLifetime).not.toBe(DEFAULTS.idleLifetime.value);
  });

  it("makes a file base name into a valid scenario name when it is the default", () => {
    const s = validScenario();
    delete s.name;
    expect(resolved(s, "my scenario (v2)").sim.name).toBe("my-scenario--v2-");
    expect(resolved(s).sim.name).toBe("scenario");
  });

  it("reads bare numbers inside distributions as milliseconds", () => {
    const r = resolved(withFunction({ duration: { dist: "exponential", mean: 250 } }));
    expect(r.sim.functions[0]!.duration).toEqual({ dist: "exponential", mean: 250 });
  });

  it("reads a duration with a unit where a distribution goes as a constant, in every time-distribution field", () => {
    const r = resolved(withFunction({ duration: "120ms", coldStart: "1.5s", idleLifetime: "10m", maxLifetime: "6h" }));
    const f = r.sim.functions[0]!;
    expect(f.duration).toEqual({ dist: "constant", value: 120 });
    expect(f.coldStart).toEqual({ dist: "constant", value: 1500 });
    expect(f.idleLifetime).toEqual({ dist: "constant", value: 600_000 });
    expect(f.maxLifetime).toEqual({ dist: "constant", value: 21_600_000 });
  });

  it("defaults the lower bound of a normal time distribution to 0", () => {
    const r = resolved(withFunction({ duration: { dist: "normal", mean: "100ms", sd: "50ms" } }));
    expect(r.sim.functions[0]!.duration).toEqual({ dist: "normal", mean: 100, sd: 50, min: 0 });
  });

  it("resolves every distribution and form to a DistSpec in ms", () => {
    const cases: Array<[unknown, unknown]> = [
      [{ dist: "constant", value: "2s" }, { dist: "constant", value: 2000 }],
      [{ dist: "uniform", min: 0, max: "1s" }, { dist: "uniform", min: 0, max: 1000 }],
      [
        { dist: "normal", mean: "1s", sd: "100ms", min: "500ms", max: "2s" },
        { dist: "normal", mean: 1000, sd: 100, min: 500, max: 2000 },
      ],
      [{ dist: "lognormal", mu: 4.8, sigma: 0.9 }, { dist: "lognormal", mu: 4.8, sigma: 0.9 }],
      [{ dist: "gamma", shape: 2, scale: "1.5s" }, { dist: "gamma", shape: 2, scale: 1500 }],
      [{ dist: "gamma", mean: "3s", cv: 0.5 }, { dist: "gamma", mean: 3000, cv: 0.5 }],
      [{ dist: "weibull", shape: 1.5, scale: "200ms" }, { dist: "weibull", shape: 1.5, scale: 200 }],
      [{ dist: "pareto", scale: "10ms", alpha: 2.5 }, { dist: "pareto", scale: 10, alpha: 2.5 }],
      [{ dist: "empirical", samples: ["80ms", 120, "1.5s"] }, { dist: "empirical", samples: [80, 120, 1500] }],
      [
        { dist: "empirical", histogram: [["100ms", 3], [250, 1]] },
        { dist: "empirical", histogram: [[100, 3], [250, 1]] },
      ],
    ];
    for (const [input, want] of cases) {
      expect(resolved(withFunction({ duration: input })).sim.functions[0]!.duration).toEqual(want);
    }
  });

  it("resolves a constant arrival process per second", () => {
    const r = resolved(withFunction({ arrivals: { kind: "constant", rate: "10/h" } }));
    expect(r.sim.functions[0]!.arrivals.kind).toBe("constant");
    expect((r.sim.functions[0]!.arrivals as { ratePerSec: number }).ratePerSec).toBeCloseTo(10 / 3600, 12);
  });

  it("keeps only the SLO fields given", () => {
    expect(resolved({ ...validScenario(), slo: { p99LatencyMs: 250 } }).slo).toEqual({ p99LatencyMs: 250 });
  });
});

describe("applyOverrides", () => {
  const base = (): ResolvedScenario => resolved({ ...validScenario(), warmup: "10m" });

  it("replaces the seed and the horizon", () => {
    const r = applyOverrides(base(), { seed: "7", horizon: "2h" });
    expect(r.ok && r.value.sim.seed).toBe(7);
    expect(r.ok && r.value.sim.horizonMs).toBe(7_200_000);
  });

  it("leaves the scenario alone without flags", () => {
    const s = base();
    const r = applyOverrides(s, {});
    expect(r.ok && r.value).toEqual(s);
  });

  it("rejects a seed that is not an unsigned 32-bit integer, at --seed", () => {
    for (const seed of ["7.5", "-1", "abc", "4294967296", ""]) {
      const r = applyOverrides(base(), { seed });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues).toEqual([{ path: "--seed", value: seed, allowed: "an integer 0..4294967295" }]);
    }
  });

  it("rejects a horizon without a unit, at --horizon", () => {
    const r = applyOverrides(base(), { horizon: "10" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]!.path).toBe("--horizon");
      expect(r.issues[0]!.allowed).toContain("a bare number has no unit");
    }
  });

  it("rejects a horizon that is not longer than the warmup", () => {
    const r = applyOverrides(base(), { horizon: "5m" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.allowed).toContain("greater than the scenario's warmup (10m)");
  });
});
