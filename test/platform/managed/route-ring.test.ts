import { describe, expect, it } from "vitest";
import { RouteRing } from "../../../src/platform/managed/route-ring.js";
import { randomStream } from "../../../src/core/random.js";

/** The routing the ring replaces: a scan of the list from the cursor, wrapping once, for an environment with a free slot. */
class ScanModel {
  envs: number[] = [];
  free: boolean[] = [];
  cursor = 0;
  next(): number {
    let k = this.cursor;
    for (let tries = 0; tries < this.envs.length; tries++) {
      if (k >= this.envs.length) k = 0;
      const at = k++;
      if (this.free[at]) {
        this.cursor = k;
        return this.envs[at]!;
      }
    }
    return -1;
  }
}

describe("RouteRing", () => {
  it("routes to the environment a scan of the list from the cursor would, through adds, swap-removes and slots filling and freeing", () => {
    const rng = randomStream(5, "ring", "test");
    const ring = new RouteRing(2); // grows past 64 positions: several bitset words
    const model = new ScanModel();
    let nextEnv = 0;
    let routed = 0;
    for (let step = 0; step < 20_000; step++) {
      const u = rng();
      const n = model.envs.length;
      if (n < 150 && (n === 0 || u < 0.05)) {
        expect(ring.add(nextEnv)).toBe(n);
        model.envs.push(nextEnv++);
        model.free.push(true);
      } else if (u < 0.08 && n > 1) {
        const pos = Math.floor(rng() * n);
        const last = model.envs.length - 1;
        expect(ring.remove(pos)).toBe(model.envs[last]); // the last one moves into the hole (itself when last)
        model.envs[pos] = model.envs[last]!;
        model.free[pos] = model.free[last]!;
        model.envs.pop();
        model.free.pop();
      } else if (u < 0.55 && n > 0) {
        // Most slots busy: the free ones are few and far apart.
        const pos = Math.floor(rng() * n);
        const free = rng() < 0.1;
        ring.setFree(pos, free);
        model.free[pos] = free;
      } else {
        const want = model.next();
        expect(ring.next()).toBe(want);
        if (want >= 0) routed++;
      }
      expect(ring.count).toBe(model.envs.length);
    }
    expect(routed).toBeGreaterThan(1000);
  });

  it("finds no environment when none has a free slot, and the one free environment wherever it sits", () => {
    const ring = new RouteRing();
    for (let e = 0; e < 100; e++) ring.add(e);
    for (let pos = 0; pos < 100; pos++) ring.setFree(pos, false);
    expect(ring.next()).toBe(-1);
    ring.setFree(70, true);
    expect(ring.next()).toBe(70);
    expect(ring.next()).toBe(70); // wraps past the end back to it
    ring.setFree(70, false);
    ring.setFree(3, true);
    expect(ring.next()).toBe(3);
  });
});
