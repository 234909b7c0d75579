import { BucketMean } from "../../core/stats/bucket-mean.js";
import { BucketMax, type BucketAxis } from "../../core/stats/time-series.js";
import { roundDecimals6 } from "../../core/round.js";
import type { CapacityProviderSeriesResult } from "../result.js";

/**
 * The chart series of each capacity provider, recorded as its levels change (ManagedInstances calls
 * it where it sets them): instances billed and launching, vCPUs of the instances serving, busy vCPUs
 * and environments as time-weighted means per bucket, instances and environments also as maxima, and
 * the scaling readings. Memory: 8 float64 per bucket and provider; nothing is allocated per update.
 */
export class ProviderSeries {
  private readonly billed: BucketMean[];
  private readonly billedMax: BucketMax[];
  private readonly launchingLevel: BucketMean[];
  private readonly servingVcpu: BucketMean[];
  private readonly busyVcpu: BucketMean[];
  private readonly envs: BucketMean[];
  private readonly envsMax: BucketMax[];
  /** readings[p][bucket]: the highest scaling reading of a period starting in the bucket (NaN: none). */
  private readonly readings: Float64Array[];

  /** Empty series for `providerCount` providers on `axis`. */
  constructor(
    readonly axis: BucketAxis,
    providerCount: number,
  ) {
    const each = <T>(make: () => T): T[] => Array.from({ length: providerCount }, make);
    this.billed = each(() => new BucketMean(axis));
    this.billedMax = each(() => new BucketMax(axis));
    this.launchingLevel = each(() => new BucketMean(axis));
    this.servingVcpu = each(() => new BucketMean(axis));
    this.busyVcpu = each(() => new BucketMean(axis));
    this.envs = each(() => new BucketMean(axis));
    this.envsMax = each(() => new BucketMax(axis));
    this.readings = each(() => new Float64Array(axis.count).fill(NaN));
  }

  /** Provider `p` bills `level` instances from `tMs` on (launching, running or draining). */
  instances(p: number, tMs: number, level: number): void {
    this.billed[p]!.set(tMs, level);
    this.billedMax[p]!.set(tMs, level);
  }

  /** Provider `p` has `level` instances launching (billed, not yet serving) from `tMs` on. */
  launching(p: number, tMs: number, level: number): void {
    this.launchingLevel[p]!.set(tMs, level);
  }

  /** The instances of provider `p` serving (running or draining) have `vcpus` vCPUs from `tMs` on. */
  serving(p: number, tMs: number, vcpus: number): void {
    this.servingVcpu[p]!.set(tMs, vcpus);
  }

  /** `vcpus` vCPUs of provider `p` are busy from `tMs` on. O(1) (the hot path: every CPU phase starts and ends here). */
  busy(p: number, tMs: number, vcpus: number): void {
    this.busyVcpu[p]!.set(tMs, vcpus);
  }

  /** Provider `p` has `level` environments alive from `tMs` on. */
  environments(p: number, tMs: number, level: number): void {
    this.envs[p]!.set(tMs, level);
    this.envsMax[p]!.set(tMs, level);
  }

  /** Provider `p`'s scaling reading over the period that started at `periodStartMs`. */
  reading(p: number, periodStartMs: number, value: number): void {
    const i = this.axis.index(periodStartMs);
    if (i < 0) return;
    const r = this.readings[p]!;
    if (!(r[i]! >= value)) r[i] = value; // NaN (no reading yet) compares false
  }

  /**
   * Provider `p`'s series for result.json at the end of the run (`endMs`), with its `throttles` per
   * bucket and the `target`. Rounded to 6 decimals. Allocates the arrays. O(buckets).
   */
  toResult(p: number, endMs: number, throttles: number[], target: number): CapacityProviderSeriesResult {
    for (const m of [this.billed[p]!, this.launchingLevel[p]!, this.servingVcpu[p]!, this.busyVcpu[p]!, this.envs[p]!]) m.finish(endMs);
    this.billedMax[p]!.finish(endMs);
    this.envsMax[p]!.finish(endMs);
    const serving = this.servingVcpu[p]!;
    const busy = this.busyVcpu[p]!;
    const n = this.axis.count;
    const cpu = new Array<number | null>(n);
    for (let i = 0; i < n; i++) {
      const area = serving.area(i);
      cpu[i] = area > 0 ? roundDecimals6(busy.area(i) / area) : null;
    }
    const readings = Array.from(this.readings[p]!, (v) => (Number.isNaN(v) ? null : roundDecimals6(v)));
    return {
      instances: this.billed[p]!.toArray().map(roundDecimals6),
      instancesMax: this.billedMax[p]!.toArray(),
      launching: this.launchingLevel[p]!.toArray().map(roundDecimals6),
      environments: this.envs[p]!.toArray().map(roundDecimals6),
      environmentsMax: this.envsMax[p]!.toArray(),
      cpuUtilization: cpu,
      scalingReading: readings,
      target,
      throttles,
    };
  }
}
