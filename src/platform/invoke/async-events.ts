/**
 * Events of asynchronous invocations waiting in Lambda's internal queue or being attempted,
 * stored column-wise in typed arrays with a free list (slots are recycled; nothing is allocated
 * per event). An event lives from its arrival until it succeeds or goes to the dead-letter queue.
 */
export class AsyncEventTable {
  /** Function of each event. */
  fn: Int32Array;
  /** When the event first arrived, ms (its age counts from here). */
  arrivalMs: Float64Array;
  /** Function invocations attempted so far (throttled attempts do not count). */
  attempts: Int32Array;
  /** Delay before the next retry after a throttle, ms (doubles from 1 s up to 5 min). */
  backoffMs: Float64Array;
  /** 1 when the event arrived after the warm-up. */
  measured: Uint8Array;
  /** Measured events alive per function (for the in-flight count at the end). */
  readonly measuredAlive: Int32Array;
  private nextFree: Int32Array;
  private freeHead = -1;
  private used = 0;

  constructor(functionCount: number, initialCapacity = 256) {
    const n = Math.max(16, initialCapacity | 0);
    this.fn = new Int32Array(n);
    this.arrivalMs = new Float64Array(n);
    this.attempts = new Int32Array(n);
    this.backoffMs = new Float64Array(n);
    this.measured = new Uint8Array(n);
    this.nextFree = new Int32Array(n);
    this.measuredAlive = new Int32Array(functionCount);
  }

  /** Registers a new event of function `f` arriving at `nowMs`; returns its slot. */
  add(f: number, nowMs: number, measured: boolean, initialBackoffMs: number): number {
    let s = this.freeHead;
    if (s >= 0) this.freeHead = this.nextFree[s]!;
    else {
      if (this.used === this.fn.length) this.grow();
      s = this.used++;
    }
    this.fn[s] = f;
    this.arrivalMs[s] = nowMs;
    this.attempts[s] = 0;
    this.backoffMs[s] = initialBackoffMs;
    this.measured[s] = measured ? 1 : 0;
    if (measured) this.measuredAlive[f]!++;
    return s;
  }

  /** Ends event `s` (succeeded or dropped) and frees its slot. */
  remove(s: number): void {
    if (this.measured[s] === 1) this.measuredAlive[this.fn[s]!]!--;
    this.nextFree[s] = this.freeHead;
    this.freeHead = s;
  }

  private grow(): void {
    const n = this.fn.length * 2;
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const g64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.fn = g32(this.fn);
    this.arrivalMs = g64(this.arrivalMs);
    this.attempts = g32(this.attempts);
    this.backoffMs = g64(this.backoffMs);
    this.nextFree = g32(this.nextFree);
    const m = new Uint8Array(n);
    m.set(this.measured);
    this.measured = m;
  }
}
