/**
 * Min-heaps of processor-sharing finish tags (virtual time at which a request's CPU work is done), one
 * per execution environment, with the request each tag belongs to. All heaps live in one pair of typed
 * arrays, each in its own region of fixed capacity (the environment's maximum concurrency): a push
 * or pop reads no per-heap object, only the region's offset, and nothing is allocated per operation.
 * Each request's place in its heap is kept, so a request can leave before its tag is the smallest (a
 * timeout). O(log n) per push, pop or removal.
 */
export class FinishTags {
  private tags: Float64Array;
  private requests: Int32Array;
  /** Used length of the tag and request arrays (regions are handed out from the start). */
  private used = 0;
  /** Per heap: offset of its region, its capacity and the requests it holds. */
  private base: Int32Array;
  private cap: Int32Array;
  private sizes: Int32Array;
  /** Per request number: its index within its heap's region while it is in a heap. */
  private where: Int32Array;

  /** Room for `heaps` heaps and `tags` tags in all before the arrays first grow. */
  constructor(heaps = 64, tags = 1024) {
    this.tags = new Float64Array(tags);
    this.requests = new Int32Array(tags);
    this.base = new Int32Array(heaps);
    this.cap = new Int32Array(heaps);
    this.sizes = new Int32Array(heaps);
    this.where = new Int32Array(tags);
  }

  /**
   * Makes heap `h` an empty heap for at most `capacity` requests: its region is kept when large enough
   * (an environment slot reused by a function of no larger concurrency), else a new one is handed out.
   */
  reset(h: number, capacity: number): void {
    if (h >= this.base.length) this.growHeaps(h + 1);
    this.sizes[h] = 0;
    if (this.cap[h]! >= capacity) return;
    if (this.used + capacity > this.tags.length) this.growTags(this.used + capacity);
    this.base[h] = this.used;
    this.cap[h] = capacity;
    this.used += capacity;
  }

  /** Requests held by heap `h`. */
  size(h: number): number {
    return this.sizes[h]!;
  }

  /** The smallest tag of heap `h` (Infinity when empty). */
  minTag(h: number): number {
    return this.sizes[h] === 0 ? Infinity : this.tags[this.base[h]!]!;
  }

  /** Adds request `r` (a request number ≥ 0) with finish tag `tag` to heap `h` (which must have room). */
  push(h: number, tag: number, r: number): void {
    if (r >= this.where.length) this.growWhere(r + 1);
    this.siftUp(this.base[h]!, this.sizes[h]!++, tag, r);
  }

  /** Removes the smallest tag of heap `h` (which must not be empty) and returns its request. */
  pop(h: number): number {
    const b = this.base[h]!;
    const top = this.requests[b]!;
    const n = --this.sizes[h]!;
    if (n > 0) this.siftDown(b, 0, n, this.tags[b + n]!, this.requests[b + n]!);
    return top;
  }

  /** Removes request `r` from heap `h`, where it must be, wherever its tag stands. */
  remove(h: number, r: number): void {
    const b = this.base[h]!;
    const i = this.where[r]!;
    const n = --this.sizes[h]!;
    if (i === n) return; // it was the last leaf
    // The last leaf fills the hole: up if it precedes the hole's parent, else down.
    const tag = this.tags[b + n]!;
    const last = this.requests[b + n]!;
    if (i > 0 && this.tags[b + ((i - 1) >> 1)]! > tag) this.siftUp(b, i, tag, last);
    else this.siftDown(b, i, n, tag, last);
  }

  /** Places (`tag`, `r`) from the hole at index `i` of the region at `b` upwards. */
  private siftUp(b: number, i: number, tag: number, r: number): void {
    const tags = this.tags;
    const reqs = this.requests;
    const where = this.where;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (tags[b + parent]! <= tag) break;
      tags[b + i] = tags[b + parent]!;
      const moved = reqs[b + parent]!;
      reqs[b + i] = moved;
      where[moved] = i;
      i = parent;
    }
    tags[b + i] = tag;
    reqs[b + i] = r;
    where[r] = i;
  }

  /** Places (`tag`, `r`) from the hole at index `i` of a heap of `n` entries at `b` downwards. */
  private siftDown(b: number, i: number, n: number, tag: number, r: number): void {
    const tags = this.tags;
    const reqs = this.requests;
    const where = this.where;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && tags[b + c + 1]! < tags[b + c]!) c++;
      if (tags[b + c]! >= tag) break;
      tags[b + i] = tags[b + c]!;
      const moved = reqs[b + c]!;
      reqs[b + i] = moved;
      where[moved] = i;
      i = c;
    }
    tags[b + i] = tag;
    reqs[b + i] = r;
    where[r] = i;
  }

  private growWhere(atLeast: number): void {
    const where = new Int32Array(Math.max(atLeast, this.where.length * 2));
    where.set(this.where);
    this.where = where;
  }

  private growHeaps(atLeast: number): void {
    const n = Math.max(atLeast, this.base.length * 2);
    const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
      const out = new Int32Array(n);
      out.set(a);
      return out;
    };
    this.base = grow(this.base);
    this.cap = grow(this.cap);
    this.sizes = grow(this.sizes);
  }

  private growTags(atLeast: number): void {
    const n = Math.max(atLeast, this.tags.length * 2);
    const tags = new Float64Array(n);
    tags.set(this.tags);
    this.tags = tags;
    const reqs = new Int32Array(n);
    reqs.set(this.requests);
    this.requests = reqs;
  }
}
