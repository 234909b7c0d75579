import { describe, expect, it } from "vitest";
import { FinishTags } from "../../../src/platform/managed/finish-tags.js";
import { randomStream } from "../../../src/core/random.js";

describe("FinishTags", () => {
  it("pops requests in the order of their tags, as a sort would, through interleaved pushes and pops", () => {
    const rng = randomStream(3, "tags", "test");
    const heap = new FinishTags(1, 16);
    heap.reset(0, 64);
    const model: Array<[number, number]> = [];
    let next = 0;
    for (let step = 0; step < 2000; step++) {
      if (heap.size(0) < 64 && (heap.size(0) === 0 || rng() < 0.55)) {
        const tag = Math.floor(rng() * 1000);
        heap.push(0, tag, next);
        model.push([tag, next++]);
      } else {
        model.sort((a, b) => a[0] - b[0]);
        const wantTag = model[0]![0];
        expect(heap.minTag(0)).toBe(wantTag);
        const r = heap.pop(0);
        // Equal tags may come out in any order: remove the popped one among those with the smallest tag.
        const at = model.findIndex(([t, id]) => t === wantTag && id === r);
        expect(at).toBeGreaterThanOrEqual(0);
        model.splice(at, 1);
      }
    }
  });

  it("keeps the heaps of several environments apart in its shared arrays, through growth and a reset to a larger capacity", () => {
    const heaps = new FinishTags(1, 4); // both arrays must grow
    heaps.reset(0, 3);
    heaps.reset(1, 2);
    heaps.push(0, 30, 100);
    heaps.push(1, 5, 200);
    heaps.push(0, 10, 101);
    heaps.push(1, 7, 201);
    heaps.push(0, 20, 102);
    expect([heaps.size(0), heaps.size(1)]).toEqual([3, 2]);
    expect(heaps.minTag(0)).toBe(10);
    expect(heaps.minTag(1)).toBe(5);
    expect([heaps.pop(1), heaps.pop(1)]).toEqual([200, 201]);
    expect(heaps.minTag(1)).toBe(Infinity);
    // Heap 1 now serves a function of 4 slots: a new region, and heap 0 is untouched.
    heaps.reset(1, 4);
    for (const t of [4, 3, 2, 1]) heaps.push(1, t, t);
    expect([heaps.pop(0), heaps.pop(0), heaps.pop(0)]).toEqual([101, 102, 100]);
    expect([heaps.pop(1), heaps.pop(1), heaps.pop(1), heaps.pop(1)]).toEqual([1, 2, 3, 4]);
  });

  it("removes a request from anywhere in its heap and still pops the rest in the order of their tags", () => {
    const rng = randomStream(9, "tags", "remove");
    const heaps = new FinishTags(2, 8);
    heaps.reset(0, 100);
    heaps.reset(1, 5000); // never popped: room for every push
    const model = new Map<number, number>(); // request → tag, heap 0
    let next = 0;
    for (let step = 0; step < 5000; step++) {
      const u = rng();
      if (model.size < 100 && (model.size === 0 || u < 0.5)) {
        const tag = Math.floor(rng() * 10_000);
        heaps.push(0, tag, next);
        heaps.push(1, tag, next + 1_000_000); // a neighbour heap sharing the arrays
        model.set(next++, tag);
      } else if (u < 0.75) {
        const ids = [...model.keys()];
        const r = ids[Math.floor(rng() * ids.length)]!;
        heaps.remove(0, r);
        model.delete(r);
      } else {
        const want = Math.min(...model.values());
        expect(heaps.minTag(0)).toBe(want);
        const r = heaps.pop(0);
        expect(model.get(r)).toBe(want);
        model.delete(r);
      }
      expect(heaps.size(0)).toBe(model.size);
    }
    expect(heaps.size(1)).toBe(next); // untouched by heap 0's removals
  });
});
