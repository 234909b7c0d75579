/**
 * A first-in first-out queue of messages (SQS messages, stream records) in a growable ring buffer
 * over typed arrays: memory follows the backlog, not the length of the run, and nothing is
 * allocated per message (the arrays double when full and are never shrunk).
 *
 * Each message has its arrival time (its age and latency count from here), a receive count, and
 * whether it arrived in the measured window. Slots are addressed by position from the head.
 * @example
 * const q = new MessageRing(); q.push(12, 0, true); q.arrivalAt(0); // 12
 */
export class MessageRing {
  /** Arrival time of each message, ms. */
  private arrival: Float64Array;
  /** Times each message has been received (SQS) so far. */
  private receives: Int32Array;
  /** 1 when the message arrived after the warm-up. */
  private measured: Uint8Array;
  /** Capacity − 1; the capacity is a power of two so that wrapping is a mask. */
  private mask: number;
  private head = 0;
  /** Messages in the queue. */
  length = 0;

  constructor(initialCapacity = 16) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.arrival = new Float64Array(cap);
    this.receives = new Int32Array(cap);
    this.measured = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  /** Appends a message at the tail. Amortised O(1). */
  push(arrivalMs: number, receives: number, measured: boolean): void {
    if (this.length > this.mask) this.grow();
    const i = (this.head + this.length) & this.mask;
    this.arrival[i] = arrivalMs;
    this.receives[i] = receives;
    this.measured[i] = measured ? 1 : 0;
    this.length++;
  }

  /** Removes the message at the head (the queue must not be empty). */
  shift(): void {
    this.head = (this.head + 1) & this.mask;
    this.length--;
  }

  /** Arrival time of the message `k` places from the head, ms. */
  arrivalAt(k: number): number {
    return this.arrival[(this.head + k) & this.mask]!;
  }

  /** Receive count of the message `k` places from the head. */
  receivesAt(k: number): number {
    return this.receives[(this.head + k) & this.mask]!;
  }

  /** Whether the message `k` places from the head arrived in the measured window. */
  measuredAt(k: number): boolean {
    return this.measured[(this.head + k) & this.mask] === 1;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const arrival = new Float64Array(cap);
    const receives = new Int32Array(cap);
    const measured = new Uint8Array(cap);
    // Unwrap into the new arrays, head first.
    for (let k = 0; k < this.length; k++) {
      const i = (this.head + k) & this.mask;
      arrival[k] = this.arrival[i]!;
      receives[k] = this.receives[i]!;
      measured[k] = this.measured[i]!;
    }
    this.arrival = arrival;
    this.receives = receives;
    this.measured = measured;
    this.mask = cap - 1;
    this.head = 0;
  }
}
