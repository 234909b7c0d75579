/**
 * Pending events as a binary min-heap over parallel typed arrays.
 *
 * An event is a time (ms), a numeric kind, a target index and an auxiliary integer (for example a
 * generation counter used to drop cancelled events lazily). No object is allocated per event: the
 * heap stores the fields in five typed arrays and `pop()` leaves the popped event in public fields.
 * Ties in time are broken by insertion order (a float64 sequence number, exact up to 2^53 events),
 * so runs are deterministic. Capacity doubles when full.
 *
 * Deferred removal: `pop()` leaves the popped event in the root slot and only marks it dead. If the
 * next call is a `push()`, as it is when a handler schedules its follow-up event, the new event takes
 * the root slot and sifts down once; otherwise the next `pop()` or `peekTime()` removes the dead root
 * as a plain pop would. A simulation's follow-up is often the soonest event (the next arrival), which
 * a pop-then-push sends down to a leaf and back up to the root: on the engine bench that was 5.3
 * sift-up moves per event against 0.4 for the bare loop. The order of events does not change: keys
 * (time, sequence) are unique, so any heap pops them in the same order.
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
  /** True while slot 0 holds the event last popped, not yet removed (slots 0..size are then in use). */
  private deadRoot = false;

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

  /** Time of the earliest pending event, or Infinity when the queue is empty. O(1), or O(log n) after a `pop()`. */
  peekTime(): number {
    if (this.deadRoot) this.removeDeadRoot();
    return this.size > 0 ? this.times[0]! : Infinity;
  }

  /** Schedules an event. O(log n). */
  push(timeMs: number, kind: number, target: number, aux: number): void {
    const seq = this.nextSeq++;
    if (this.deadRoot) {
      // The new event replaces the popped one in the root slot and sifts down from there.
      this.deadRoot = false;
      this.siftDown(timeMs, seq, kind, target, aux, ++this.size);
      return;
    }
    if (this.size === this.times.length) this.grow();
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
    if (this.deadRoot) this.removeDeadRoot();
    if (this.size === 0) return false;
    this.time = this.times[0]!;
    this.kind = this.kinds[0]!;
    this.target = this.targets[0]!;
    this.aux = this.auxes[0]!;
    this.size--;
    this.deadRoot = true;
    return true;
  }

  /** Drops every pending event (capacity is kept). */
  clear(): void {
    this.size = 0;
    this.deadRoot = false;
  }

  /** Removes the dead root: the last event fills the root slot and sifts down. */
  private removeDeadRoot(): void {
    this.deadRoot = false;
    const last = this.size; // slots 0..size are in use, the root is dead
    if (last === 0) return;
    this.siftDown(this.times[last]!, this.seqs[last]!, this.kinds[last]!, this.targets[last]!, this.auxes[last]!, last);
  }

  /**
   * Places an event in the hole at the root of a heap of `count` slots (the event not among them):
   * moves the smaller child up while it precedes the event, then writes the event once.
   */
  private siftDown(t: number, s: number, k: number, g: number, a: number, count: number): void {
    const times = this.times;
    const seqs = this.seqs;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= count) break;
      const r = c + 1;
      if (r < count) {
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
