/**
 * SQS batches that have been received and are running or invisible (waiting for their visibility
 * timeout after a failure or a throttle). Slot `s` holds its messages in the flat arrays at
 * [s · batchSize, s · batchSize + size[s]); slots are recycled through a free list and the arrays
 * double when full, so memory follows the batches outstanding and nothing is allocated per batch.
 */
export class SqsBatchTable {
  /** Messages per slot at most. */
  readonly batchSize: number;
  /** Arrival time of each message, ms. */
  arrivalMs: Float64Array;
  /** Receive count of each message (this receive included). */
  receives: Int32Array;
  /** 1 when the message arrived after the warm-up. */
  measured: Uint8Array;
  /** Messages in each slot. */
  size: Int32Array;
  /** When the batch was received, ms (its visibility timeout runs from here). */
  receivedMs: Float64Array;
  private nextFree: Int32Array;
  private freeHead = -1;
  private used = 0;

  constructor(batchSize: number, initialSlots = 8) {
    this.batchSize = batchSize;
    this.arrivalMs = new Float64Array(initialSlots * batchSize);
    this.receives = new Int32Array(initialSlots * batchSize);
    this.measured = new Uint8Array(initialSlots * batchSize);
    this.size = new Int32Array(initialSlots);
    this.receivedMs = new Float64Array(initialSlots);
    this.nextFree = new Int32Array(initialSlots);
  }

  /** A free slot for a batch received at `nowMs` (empty: fill it at `s · batchSize + k`). */
  add(nowMs: number): number {
    let s = this.freeHead;
    if (s >= 0) this.freeHead = this.nextFree[s]!;
    else {
      if (this.used === this.size.length) this.grow();
      s = this.used++;
    }
    this.size[s] = 0;
    this.receivedMs[s] = nowMs;
    return s;
  }

  /** Frees slot `s`. */
  remove(s: number): void {
    this.nextFree[s] = this.freeHead;
    this.freeHead = s;
  }

  private grow(): void {
    const slots = this.size.length * 2;
    const per = this.batchSize;
    const a = new Float64Array(slots * per);
    a.set(this.arrivalMs);
    this.arrivalMs = a;
    const r = new Int32Array(slots * per);
    r.set(this.receives);
    this.receives = r;
    const m = new Uint8Array(slots * per);
    m.set(this.measured);
    this.measured = m;
    const sz = new Int32Array(slots);
    sz.set(this.size);
    this.size = sz;
    const rm = new Float64Array(slots);
    rm.set(this.receivedMs);
    this.receivedMs = rm;
    const nf = new Int32Array(slots);
    nf.set(this.nextFree);
    this.nextFree = nf;
  }
}
