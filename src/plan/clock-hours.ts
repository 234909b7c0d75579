import type { Result } from "../platform/result.js";
import type { Slo } from "../scenario/slo.js";

/** One hour, ms. */
export const HOUR_MS = 3_600_000;
/** One day, ms. */
export const DAY_MS = 24 * HOUR_MS;

/** A function's hourly series on clock hours: the tuned function's own when the scenario has several, else the account's. */
export interface HourlySeries {
  /** Bucket starts, s since simulation time 0 (the first at the warm-up, the others on the hour). */
  t: readonly number[];
  arrivals: readonly number[];
  throttles: readonly number[];
  coldStarts: readonly number[];
  concurrencyMax: readonly number[];
  p99: ReadonlyArray<number | null>;
}

/** Function `name`'s series in `result`: its own (multi-function scenarios) or the account's (one function). */
export function seriesOf(result: Result, name: string): HourlySeries {
  const own = result.functions[name]?.series;
  const s = result.series;
  return own ? { t: s.t, ...own } : s;
}

/**
 * How a planner simulates a scenario so that every clock hour is judged on steady state: hours in
 * the first simulated hour (every environment cold at t = 0) are never judged. With a warm-up of an
 * hour or more nothing changes; with a day or more of horizon the run goes on to 25 h so that hour
 * 0 is judged on the second day; a shorter run is simulated a day later (warm-up and horizon + 24 h),
 * the same clock window on the second day. `judgeFromMs` is where judged buckets start.
 */
export function steadyWindow(horizonMs: number, warmupMs: number): { horizonMs: number; warmupMs: number; judgeFromMs: number } {
  if (warmupMs >= HOUR_MS) return { horizonMs, warmupMs, judgeFromMs: warmupMs };
  if (horizonMs >= DAY_MS) return { horizonMs: Math.max(horizonMs, DAY_MS + HOUR_MS), warmupMs, judgeFromMs: HOUR_MS };
  return { horizonMs: horizonMs + DAY_MS, warmupMs: warmupMs + DAY_MS, judgeFromMs: warmupMs + DAY_MS };
}

/**
 * The clock hours (0..23) the scenario's own measured window [warmupMs, horizonMs) touches: the
 * hours a planner must cover. O(24).
 */
export function hoursOfWindow(horizonMs: number, warmupMs: number): boolean[] {
  const out = new Array<boolean>(24).fill(false);
  for (let t = Math.floor(warmupMs / HOUR_MS) * HOUR_MS; t < horizonMs; t += HOUR_MS) {
    out[Math.floor(t / HOUR_MS) % 24] = true;
    if (t - warmupMs >= DAY_MS) break;
  }
  return out;
}

/**
 * Whether clock hour h (0..23) met `slo` in `s` (hourly buckets on the clock), for every h: the
 * hour's buckets from `judgeFromMs` on, pooled (cold starts and throttles over its admitted and
 * arrived requests, the highest bucket p99); null for an hour with no request there. O(buckets).
 */
export function hourVerdicts(s: HourlySeries, slo: Slo, judgeFromMs: number): Array<boolean | null> {
  const arrivals = new Array<number>(24).fill(0);
  const throttles = new Array<number>(24).fill(0);
  const colds = new Array<number>(24).fill(0);
  const p99 = new Array<number>(24).fill(-Infinity);
  for (let b = 0; b < s.t.length; b++) {
    if (s.t[b]! * 1000 < judgeFromMs) continue;
    const h = Math.floor(s.t[b]! / 3600) % 24;
    arrivals[h] += s.arrivals[b]!;
    throttles[h] += s.throttles[b]!;
    colds[h] += s.coldStarts[b]!;
    const q = s.p99[b];
    if (q !== null && q !== undefined && q > p99[h]!) p99[h] = q;
  }
  return arrivals.map((n, h) => {
    if (n <= 0) return null;
    const admitted = n - throttles[h]!;
    if (slo.maxThrottleRate !== undefined && throttles[h]! / n > slo.maxThrottleRate) return false;
    if (slo.maxColdStartRate !== undefined && admitted > 0 && colds[h]! / admitted > slo.maxColdStartRate) return false;
    if (slo.p99LatencyMs !== undefined && p99[h]! > slo.p99LatencyMs) return false;
    return true;
  });
}

/** Per clock hour (0..23): the highest bucket concurrency and the mean arrivals per second, over the buckets from `judgeFromMs` on. */
export function hourlyLoad(s: HourlySeries, judgeFromMs: number): { concurrencyMax: number[]; arrivalsPerSec: number[] } {
  const concurrencyMax = new Array<number>(24).fill(0);
  const arrivals = new Array<number>(24).fill(0);
  const seconds = new Array<number>(24).fill(0);
  for (let b = 0; b < s.t.length; b++) {
    if (s.t[b]! * 1000 < judgeFromMs) continue;
    const h = Math.floor(s.t[b]! / 3600) % 24;
    const end = b + 1 < s.t.length ? s.t[b + 1]! : (Math.floor(s.t[b]! / 3600) + 1) * 3600;
    arrivals[h] += s.arrivals[b]!;
    seconds[h] += end - s.t[b]!;
    concurrencyMax[h] = Math.max(concurrencyMax[h]!, s.concurrencyMax[b]!);
  }
  return { concurrencyMax, arrivalsPerSec: arrivals.map((n, h) => (seconds[h]! > 0 ? n / seconds[h]! : 0)) };
}
