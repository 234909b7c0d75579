/**
 * Pending events as a binary min-heap over parallel typed arrays.
 *
 * An event is a time (ms), a numeric kind, a target index and an auxiliary integer (for example a
 * generation counter used to drop cancelled events lazily). No object is allocated per event: the
 * heap stores the fields in five typed arrays and `pop()` leaves the popped event in public fields.
 * Ties in time are broken by insertion order (a float64 sequence number, exact up to 2^53 events),
 * so runs are deterministic. Capacity doubles when full.
 */
export class EventQueue {
  /** Time of the event last returned by `pop()`, ms. */
  time = 0;
  /** Kind of the event last returned by `pop()`. */
  kind = 0;
  /** Target of the event last returned by `pop()`. */
  target = 0;
  /** Auxiliary integer of the event last returned by `pop()`. */
  aux = 0;
  /** Number of pending events. */
  size = 0;

  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  private declare times: Float64Array;
  private declare seqs: Float64Array;
  private declare kinds: Int32Array;
  private declare targets: Int32Array;
  private declare auxes: Int32Array;
  private nextSeq = 0;

  /** An empty queue with room for `initialCapacity` events before it first grows. */
  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity | 0);
    this.times = new Float64Array(n);
    this.seqs = new Float64Array(n);
    this.kinds = new Int32Array(n);
    this.targets = new Int32Array(n);
    this.auxes = new Int32Array(n);
  }

  /** Allocated slots (grows by doubling; never shrinks). */
  get capacity(): number {
    return this.times.length;
  }

  /** Time of the earliest pending event, or Infinity when the queue is empty. O(1). */
  peekTime(): number {
    return this.size > 0 ? this.times[0]! : Infinity;
  }

  /** Schedules an event. O(log n). */
  push(timeMs: number, kind: number, target: number, aux: number): void {
    if (this.size === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const times = this.times;
    const seqs = this.seqs;
    // Sift up with a hole: move parents down until the new event's place is found, then write once.
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (pt < timeMs || (pt === timeMs && seqs[p]! < seq)) break;
      this.move(p, i);
      i = p;
    }
    times[i] = timeMs;
    seqs[i] = seq;
    this.kinds[i] = kind;
    this.targets[i] = target;
    this.auxes[i] = aux;
  }

  /**
   * Removes the earliest event and stores it in `time`, `kind`, `target`, `aux`.
   * Returns false (and changes nothing) when the queue is empty. O(log n).
   */
  pop(): boolean {
    if (this.size === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    this.time = times[0]!;
    this.kind = this.kinds[0]!;
    this.target = this.targets[0]!;
    this.aux = this.auxes[0]!;
    const last = --this.size;
    if (last === 0) return true;
    // Sift the last element down from the root with a hole.
    const t = times[last]!;
    const s = seqs[last]!;
    const k = this.kinds[last]!;
    const g = this.targets[last]!;
    const a = this.auxes[last]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const r = c + 1;
      if (r < last) {
        const ct = times[c]!;
        const rt = times[r]!;
        if (rt < ct || (rt === ct && seqs[r]! < seqs[c]!)) c = r;
      }
      const ct = times[c]!;
      if (t < ct || (t === ct && s < seqs[c]!)) break;
      this.move(c, i);
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    this.kinds[i] = k;
    this.targets[i] = g;
    this.auxes[i] = a;
    return true;
  }

  /** Drops every pending event (capacity is kept). */
  clear(): void {
    this.size = 0;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.kinds[to] = this.kinds[from]!;
    this.targets[to] = this.targets[from]!;
    this.auxes[to] = this.auxes[from]!;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const times = new Float64Array(n);
    times.set(this.times);
    this.times = times;
    const seqs = new Float64Array(n);
    seqs.set(this.seqs);
    this.seqs = seqs;
    const kinds = new Int32Array(n);
    kinds.set(this.kinds);
    this.kinds = kinds;
    const targets = new Int32Array(n);
    targets.set(this.targets);
    this.targets = targets;
    const auxes = new Int32Array(n);
    auxes.set(this.auxes);
    this.auxes = auxes;
  }
}
