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

  it("matches a sorted list under any mix of push, pop, peekTime and clear, fields included", () => {
    // pop() defers removing the popped root until the next call; every call order must see the same queue.
    const op = fc.oneof(
      { arbitrary: fc.record({ op: fc.constant("push" as const), t: fc.integer({ min: 0, max: 40 }) }), weight: 10 },
      { arbitrary: fc.record({ op: fc.constantFrom("pop" as const, "peek" as const) }), weight: 9 },
      { arbitrary: fc.record({ op: fc.constant("clear" as const) }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 600 }), (ops) => {
        const q = new EventQueue(16);
        let ref: Array<[number, number]> = [];
        let seq = 0;
        for (const o of ops) {
          if (o.op === "push") {
            // Kind, target and aux all derive from the sequence number, so a mix-up shows.
            q.push(o.t, seq % 13, seq, 7 - seq);
            ref.push([o.t, seq++]);
          } else if (o.op === "clear") {
            q.clear();
            ref = [];
          } else {
            ref.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
            if (o.op === "peek") {
              expect(q.peekTime()).toBe(ref.length > 0 ? ref[0]![0] : Infinity);
            } else if (ref.length === 0) {
              expect(q.pop()).toBe(false);
            } else {
              const [wt, ws] = ref.shift()!;
              expect(q.pop()).toBe(true);
              expect([q.time, q.kind, q.target, q.aux]).toEqual([wt, ws % 13, ws, 7 - ws]);
            }
          }
          expect(q.size).toBe(ref.length);
        }
      }),
    );
  });

  it("replaces a popped event by the next push without disturbing the order", () => {
    // The pattern of a simulation: pop the earliest, push its follow-up (here earlier than all others).
    const q = new EventQueue(16);
    for (let i = 0; i < 10; i++) q.push(100 + i, 0, i, 0);
    expect(q.pop()).toBe(true);
    expect(q.target).toBe(0);
    q.push(50, 1, 10, 0); // becomes the earliest
    q.push(105, 1, 11, 0); // ties with target 5, inserted later
    const got = drain(q).map(([t, target]) => `${t}:${target}`);
    expect(got).toEqual(["50:10", "101:1", "102:2", "103:3", "104:4", "105:5", "105:11", "106:6", "107:7", "108:8", "109:9"]);
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
