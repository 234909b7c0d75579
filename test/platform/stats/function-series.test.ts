import { describe, expect, it } from "vitest";
import { simulate } from "../../../src/platform/simulate.js";
import { fn, scenario } from "../../support/configs.js";

describe("per-function series of a multi-function run", () => {
  // Noisy neighbour: checkout holds 30 reserved environments (it needs ~10: 10 req/s × 1 s; Erlang-B
  // blocking of 10 erlangs on 30 servers is ~1e-7), and batch offers ~150 concurrent executions to
  // the 70 left of a 100 account limit.
  const res = simulate(
    scenario(
      [
        fn({ name: "checkout", reservedConcurrency: 30, arrivals: { kind: "poisson", ratePerSec: 10 }, duration: { dist: "constant", value: 1000 } }),
        fn({ name: "batch", arrivals: { kind: "poisson", ratePerSec: 150 }, duration: { dist: "constant", value: 1000 } }),
      ],
      { horizonMs: 600_000, warmupMs: 60_000, account: { concurrencyLimit: 100 } },
    ),
  );
  const s = res.series;
  const checkout = res.functions.checkout!.series!;
  const batch = res.functions.batch!.series!;

  it("sums per-function arrivals and throttles, bucket by bucket, to the account series", () => {
    expect(checkout.arrivals).toHaveLength(s.t.length);
    expect(batch.throttles).toHaveLength(s.t.length);
    s.t.forEach((_, i) => {
      expect(checkout.arrivals[i]! + batch.arrivals[i]!).toBe(s.arrivals[i]);
      expect(checkout.throttles[i]! + batch.throttles[i]!).toBe(s.throttles[i]);
    });
    expect(checkout.arrivals.reduce((a, b) => a + b, 0)).toBe(res.functions.checkout!.invocations);
    expect(batch.arrivals.reduce((a, b) => a + b, 0)).toBe(res.functions.batch!.invocations);
  });

  it("puts every throttle on the function that overloads the account, none on the reserved one", () => {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(res.functions.batch!.throttled).toBeGreaterThan(1000);
    expect(res.functions.checkout!.throttled).toBe(0);
    expect(sum(batch.throttles)).toBe(sum(s.throttles));
    expect(sum(batch.throttles)).toBe(res.functions.batch!.throttled);
    expect(checkout.throttles.every((v) => v === 0)).toBe(true);
  });

  it("keeps each function's peak concurrency within its share and the account's", () => {
    // batch may use at most the 70 left by checkout's reservation; checkout at most its 30.
    expect(Math.max(...batch.concurrencyMax)).toBe(70);
    expect(Math.max(...checkout.concurrencyMax)).toBeLessThanOrEqual(30);
    expect(Math.max(...checkout.concurrencyMax)).toBe(res.functions.checkout!.concurrency.peak);
    s.t.forEach((_, i) => expect(Math.max(checkout.concurrencyMax[i]!, batch.concurrencyMax[i]!)).toBeLessThanOrEqual(s.concurrencyMax[i]!));
  });

  it("keeps no per-function series for a single function, nor on the total", () => {
    const one = simulate(scenario([fn({ name: "f" })], { horizonMs: 60_000 }));
    expect("series" in one.functions.f!).toBe(false);
    expect("series" in res.total).toBe(false);
  });
});
