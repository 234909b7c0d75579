/** Lifecycle states of an execution-environment slot. */
export const EnvState = { Free: 0, Busy: 1, Idle: 2 } as const;
export type EnvState = (typeof EnvState)[keyof typeof EnvState];

/**
 * Execution environments of every function in one account, stored column-wise in typed arrays
 * (one slot per environment, slots recycled through a free list), with two intrusive doubly linked
 * idle lists per function — provisioned and on-demand environments — so that taking the most
 * recently used idle environment (provisioned first) and reclaiming an arbitrary one are both O(1).
 * Nothing here is allocated per request.
 */
export class EnvironmentPool {
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** Slots allocated so far (grows by doubling). */
  declare capacity: number;
  /** Function index owning each slot. */
  declare fn: Int32Array;
  declare state: Uint8Array;
  /** Incarnation of each slot: bumped when the slot is reclaimed, so stale events can be dropped. */
  declare incarnation: Int32Array;
  /** Idle lifetime drawn for the environment when it was created, ms (Infinity: never idles out). */
  declare keepAliveMs: Float64Array;
  /** Time at which the environment is recycled whatever it does (maximum lifetime), ms; Infinity for none. */
  declare deathAtMs: Float64Array;
  /** 1 for a provisioned-concurrency environment. */
  declare provisioned: Uint8Array;
  /** Time at which the environment's current idle period ends it, ms (valid while idle). */
  declare expiresAtMs: Float64Array;
  /** 1 while an idle-expiry event for this slot is pending in the queue. */
  declare expiryPending: Uint8Array;
  /** Arrival time of the request the environment is serving, ms (valid while busy). */
  declare requestArrivalMs: Float64Array;
  /** Async event slot of the request being served, or -1 for a synchronous request. */
  declare requestEvent: Int32Array;
  /** Flags of the request being served: bit 0 cold start, bit 1 measured (after warm-up), bit 2 timed out. */
  declare requestFlags: Uint8Array;
  private declare prev: Int32Array;
  private declare next: Int32Array;
  private freeHead = -1;
  private used = 0;

  /** Head (most recently used) of each idle list (2·f on-demand, 2·f + 1 provisioned), -1 when empty. */
  declare readonly idleHead: Int32Array;
  /** Idle environments per function, both kinds. */
  declare readonly idleCount: Int32Array;
  /** Environments (busy or idle) per function. */
  declare readonly liveCount: Int32Array;
  /** Environments (busy or idle) in the account. */
  live = 0;

  constructor(functionCount: number, initialCapacity = 256) {
    const n = Math.max(16, initialCapacity | 0);
    this.capacity = n;
    this.fn = new Int32Array(n);
    this.state = new Uint8Array(n);
    this.incarnation = new Int32Array(n);
    this.keepAliveMs = new Float64Array(n);
    this.deathAtMs = new Float64Array(n);
    this.provisioned = new Uint8Array(n);
    this.expiresAtMs = new Float64Array(n);
    this.expiryPending = new Uint8Array(n);
    this.requestArrivalMs = new Float64Array(n);
    this.requestFlags = new Uint8Array(n);
    this.requestEvent = new Int32Array(n);
    this.prev = new Int32Array(n);
    this.next = new Int32Array(n);
    this.idleHead = new Int32Array(2 * functionCount).fill(-1);
    this.idleCount = new Int32Array(functionCount);
    this.liveCount = new Int32Array(functionCount);
  }

  /**
   * Creates a busy environment for function `f` with idle lifetime `keepAliveMs`, recycled at
   * `deathAtMs` at the latest; `provisioned` marks a provisioned-concurrency environment. Returns its slot.
   */
  create(f: number, keepAliveMs: number, deathAtMs: number, provisioned: boolean): number {
    let e = this.freeHead;
    if (e >= 0) {
      this.freeHead = this.next[e]!;
    } else {
      if (this.used === this.capacity) this.grow();
      e = this.used++;
    }
    this.fn[e] = f;
    this.state[e] = EnvState.Busy;
    this.keepAliveMs[e] = keepAliveMs;
    this.deathAtMs[e] = deathAtMs;
    this.provisioned[e] = provisioned ? 1 : 0;
    this.expiryPending[e] = 0;
    this.prev[e] = -1;
    this.next[e] = -1;
    this.liveCount[f]!++;
    this.live++;
    return e;
  }

  /**
   * Moves busy environment `e` to the head of its idle list (most recently used); it expires at the
   * end of its idle lifetime or at its maximum lifetime, whichever comes first.
   */
  makeIdle(e: number, nowMs: number): void {
    const f = this.fn[e]!;
    this.state[e] = EnvState.Idle;
    this.expiresAtMs[e] = Math.min(nowMs + this.keepAliveMs[e]!, this.deathAtMs[e]!);
    const list = 2 * f + this.provisioned[e]!;
    const h = this.idleHead[list]!;
    this.prev[e] = -1;
    this.next[e] = h;
    if (h >= 0) this.prev[h] = e;
    this.idleHead[list] = e;
    this.idleCount[f]!++;
  }

  /**
   * Takes an idle environment of function `f` and marks it busy: the most recently used provisioned
   * one if any, else the most recently used on-demand one; -1 if none.
   */
  takeIdle(f: number): number {
    let e = this.idleHead[2 * f + 1]!;
    if (e < 0) e = this.idleHead[2 * f]!;
    if (e < 0) return -1;
    this.unlink(e, f);
    this.state[e] = EnvState.Busy;
    return e;
  }

  /** Takes the most recently used idle provisioned environment of function `f` (marked busy); -1 if none. */
  takeIdleProvisioned(f: number): number {
    const e = this.idleHead[2 * f + 1]!;
    if (e < 0) return -1;
    this.unlink(e, f);
    this.state[e] = EnvState.Busy;
    return e;
  }

  /** Reclaims environment `e` (idle, or busy at the end of its life): frees the slot and bumps its incarnation. */
  reclaim(e: number): void {
    const f = this.fn[e]!;
    if (this.state[e] === EnvState.Idle) this.unlink(e, f);
    this.state[e] = EnvState.Free;
    this.incarnation[e]!++;
    this.liveCount[f]!--;
    this.live--;
    this.next[e] = this.freeHead;
    this.freeHead = e;
  }

  /** Slots ever used (for scans at the end of a run). */
  get slotsUsed(): number {
    return this.used;
  }

  private unlink(e: number, f: number): void {
    const p = this.prev[e]!;
    const n = this.next[e]!;
    if (p >= 0) this.next[p] = n;
    else this.idleHead[2 * f + this.provisioned[e]!] = n;
    if (n >= 0) this.prev[n] = p;
    this.prev[e] = -1;
    this.next[e] = -1;
    this.idleCount[f]!--;
  }

  private grow(): void {
    const n = this.capacity * 2;
    this.fn = growInt32(this.fn, n);
    this.state = growUint8(this.state, n);
    this.incarnation = growInt32(this.incarnation, n);
    this.keepAliveMs = growFloat64(this.keepAliveMs, n);
    this.deathAtMs = growFloat64(this.deathAtMs, n);
    this.provisioned = growUint8(this.provisioned, n);
    this.expiresAtMs = growFloat64(this.expiresAtMs, n);
    this.expiryPending = growUint8(this.expiryPending, n);
    this.requestArrivalMs = growFloat64(this.requestArrivalMs, n);
    this.requestFlags = growUint8(this.requestFlags, n);
    this.requestEvent = growInt32(this.requestEvent, n);
    this.prev = growInt32(this.prev, n);
    this.next = growInt32(this.next, n);
    this.capacity = n;
  }
}

function growInt32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

function growUint8(a: Uint8Array, n: number): Uint8Array {
  const b = new Uint8Array(n);
  b.set(a);
  return b;
}

function growFloat64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}
