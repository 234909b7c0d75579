/**
 * A min-heap of processor-sharing finish tags (virtual time at which a request's CPU work is done)
 * for one execution environment, with the request each belongs to. Fixed capacity (the environment's
 * maximum concurrency), typed arrays, nothing allocated per push or pop. O(log n) per operation.
 */
export class FinishTags {
  /** Requests held. */
  size = 0;
  private readonly tags: Float64Array;
  private readonly requests: Int32Array;

  /** A heap for at most `capacity` requests. */
  constructor(capacity: number) {
    this.tags = new Float64Array(capacity);
    this.requests = new Int32Array(capacity);
  }

  /** The smallest tag (Infinity when empty). */
  minTag(): number {
    return this.size === 0 ? Infinity : this.tags[0]!;
  }

  /** The request with the smallest tag (-1 when empty). */
  minRequest(): number {
    return this.size === 0 ? -1 : this.requests[0]!;
  }

  /** Adds request `r` with finish tag `tag`. */
  push(tag: number, r: number): void {
    const tags = this.tags;
    const reqs = this.requests;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (tags[parent]! <= tag) break;
      tags[i] = tags[parent]!;
      reqs[i] = reqs[parent]!;
      i = parent;
    }
    tags[i] = tag;
    reqs[i] = r;
  }

  /** Removes the smallest tag and returns its request. */
  pop(): number {
    const tags = this.tags;
    const reqs = this.requests;
    const top = reqs[0]!;
    const n = --this.size;
    if (n === 0) return top;
    const tag = tags[n]!;
    const r = reqs[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && tags[c + 1]! < tags[c]!) c++;
      if (tags[c]! >= tag) break;
      tags[i] = tags[c]!;
      reqs[i] = reqs[c]!;
      i = c;
    }
    tags[i] = tag;
    reqs[i] = r;
    return top;
  }
}
