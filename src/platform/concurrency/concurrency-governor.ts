/**
 * Admission control for one account: the account concurrency limit shared by functions without
 * reserved concurrency, and reserved concurrency as a private floor and ceiling
 * (`lambda-limits.json` `concurrency.accountDefault`, `concurrency.reservedConcurrency`).
 * Concurrency counts requests in flight (initialising or running), not idle environments.
 */
export class ConcurrencyGovernor {
  /** Requests in flight per function. */
  readonly active: Int32Array;
  /** Requests in flight in the whole account. */
  accountActive = 0;
  /** Requests in flight of functions that draw on the unreserved pool. */
  unreservedActive = 0;
  /** Size of the unreserved pool: the account limit minus every reservation. */
  readonly unreservedLimit: number;
  /** Reserved concurrency per function, -1 where the function uses the unreserved pool. */
  private readonly reserved: Int32Array;

  constructor(accountLimit: number, reservedByFunction: ReadonlyArray<number | null>) {
    const n = reservedByFunction.length;
    this.active = new Int32Array(n);
    this.reserved = new Int32Array(n);
    let reservedSum = 0;
    for (let i = 0; i < n; i++) {
      const r = reservedByFunction[i];
      this.reserved[i] = r == null ? -1 : r;
      if (r != null) reservedSum += r;
    }
    this.unreservedLimit = accountLimit - reservedSum;
  }

  /** Admits one request of function `f` if there is room; returns false for a throttle. */
  tryAcquire(f: number): boolean {
    const r = this.reserved[f]!;
    if (r >= 0) {
      if (this.active[f]! >= r) return false;
    } else {
      if (this.unreservedActive >= this.unreservedLimit) return false;
      this.unreservedActive++;
    }
    this.active[f]!++;
    this.accountActive++;
    return true;
  }

  /** Releases one in-flight request of function `f`. */
  release(f: number): void {
    if (this.reserved[f]! < 0) this.unreservedActive--;
    this.active[f]!--;
    this.accountActive--;
  }
}
