import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue } from "../../src/core/event-queue.js";

function drain(q: EventQueue): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  while (q.pop()) out.push([q.time, q.target]);
  return out;
}

describe("EventQueue", () => {
  it("pops events in time order, ties in insertion order, like a stable sort", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 500 }), (times) => {
        const q = new EventQueue(16);
        times.forEach((t, i) => q.push(t, 0, i, 0));
        const want = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(drain(q)).toEqual(want);
      }),
    );
  });

  it("keeps order when pushes and pops interleave, as a simulation does", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1000, noNaN: true })), { maxLength: 400 }), (ops) => {
        const q = new EventQueue(16);
        const ref: Array<[number, number]> = [];
        let seq = 0;
        for (const [isPop, t] of ops) {
          if (isPop && ref.length > 0) {
            ref.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
            const [wt, ws] = ref.shift()!;
            expect(q.pop()).toBe(true);
            expect([q.time, q.target]).toEqual([wt, ws]);
          } else {
            q.push(t, 1, seq, 7);
            ref.push([t, seq++]);
          }
        }
        expect(q.size).toBe(ref.length);
      }),
    );
  });

  it("carries kind, target and aux with each event", () => {
    const q = new EventQueue();
    q.push(5, 2, 11, -3);
    q.push(1, 1, 10, 99);
    expect(q.pop()).toBe(true);
    expect([q.time, q.kind, q.target, q.aux]).toEqual([1, 1, 10, 99]);
    expect(q.pop()).toBe(true);
    expect([q.time, q.kind, q.target, q.aux]).toEqual([5, 2, 11, -3]);
    expect(q.pop()).toBe(false);
    expect(q.peekTime()).toBe(Infinity);
  });

  it("grows by doubling past its initial capacity without losing events", () => {
    const q = new EventQueue(16);
    for (let i = 0; i < 1000; i++) q.push(1000 - i, 0, i, 0);
    expect(q.capacity).toBe(1024);
    expect(q.size).toBe(1000);
    const got = drain(q).map(([t]) => t);
    expect(got).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });
});
