/**
 * The routable environments of one managed function in a ring, with a bitset of those that have a free
 * concurrency slot, so that round-robin routing (the next environment with a free slot at or after the
 * cursor, wrapping) skips 32 full environments per word read instead of looking at each: O(1) while
 * some environment near the cursor is free, O(environments / 32) at worst, near saturation. Typed
 * arrays grown by doubling; nothing is allocated per request.
 */
export class RouteRing {
  /** Environments in the ring. */
  count = 0;
  /** Position after the last environment routed to (round robin). */
  private cursor = 0;
  private envs: Int32Array;
  /** Bit k of word k >> 5 is set when the environment at position k has a free slot; bits at or past `count` are clear. */
  private free: Int32Array;

  /** An empty ring with room for `capacity` environments before it first grows. */
  constructor(capacity = 8) {
    this.envs = new Int32Array(capacity);
    this.free = new Int32Array((capacity + 31) >> 5);
  }

  /** Adds environment `e` (with a free slot) at the end; returns its position. */
  add(e: number): number {
    const pos = this.count;
    if (pos === this.envs.length) this.grow();
    this.envs[pos] = e;
    this.count = pos + 1;
    this.free[pos >> 5]! |= 1 << (pos & 31);
    return pos;
  }

  /** The environment at position `pos`. */
  at(pos: number): number {
    return this.envs[pos]!;
  }

  /**
   * Removes the environment at `pos` by moving the last one into its place (as a swap-remove of a list);
   * returns the environment moved to `pos` (the removed one itself when it was last).
   */
  remove(pos: number): number {
    const last = --this.count;
    const moved = this.envs[last]!;
    this.envs[pos] = moved;
    this.setFree(pos, (this.free[last >> 5]! & (1 << (last & 31))) !== 0);
    this.free[last >> 5]! &= ~(1 << (last & 31));
    return moved;
  }

  /** Marks whether the environment at `pos` has a free slot. */
  setFree(pos: number, free: boolean): void {
    if (free) this.free[pos >> 5]! |= 1 << (pos & 31);
    else this.free[pos >> 5]! &= ~(1 << (pos & 31));
  }

  /**
   * The next environment with a free slot, round robin from the cursor (which moves past it), or -1
   * when none has one. The order is that of a scan of the list from the cursor, wrapping once.
   */
  next(): number {
    const count = this.count;
    if (count === 0) return -1;
    let from = this.cursor;
    if (from >= count) from = 0;
    let pos = this.firstFreeFrom(from, count);
    if (pos < 0 && from > 0) pos = this.firstFreeFrom(0, from);
    if (pos < 0) return -1;
    this.cursor = pos + 1;
    return this.envs[pos]!;
  }

  /** The first position in [from, end) whose bit is set, or -1. */
  private firstFreeFrom(from: number, end: number): number {
    const free = this.free;
    let w = from >> 5;
    // Mask off the bits below `from` in its word (a shift by 32 is a shift by 0 in JavaScript, hence & 31).
    let bits = free[w]! & (-1 << (from & 31));
    const lastWord = (end - 1) >> 5;
    while (bits === 0) {
      if (++w > lastWord) return -1;
      bits = free[w]!;
    }
    // Lowest set bit: 31 - clz32(bits & -bits).
    const pos = (w << 5) + 31 - Math.clz32(bits & -bits);
    return pos < end ? pos : -1;
  }

  private grow(): void {
    const n = this.envs.length * 2;
    const envs = new Int32Array(n);
    envs.set(this.envs);
    this.envs = envs;
    const free = new Int32Array((n + 31) >> 5);
    free.set(this.free);
    this.free = free;
  }
}
