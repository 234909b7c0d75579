import { describe, expect, it } from "vitest";
import { Slots } from "../../src/parallel/slots.js";

describe("Slots", () => {
  it("holds a third acquirer of two slots until one is released, then grants it", async () => {
    const slots = new Slots(2);
    const never = new AbortController().signal;
    expect(await slots.acquire(never)).toBe(true);
    expect(await slots.acquire(never)).toBe(true);
    let third: boolean | null = null;
    const waiting = slots.acquire(never).then((held) => (third = held));
    await Promise.resolve();
    expect(third).toBeNull();
    slots.release();
    await waiting;
    expect(third).toBe(true);
  });

  it("answers false to an aborted waiter and gives its turn to the next one", async () => {
    const slots = new Slots(1);
    const never = new AbortController().signal;
    await slots.acquire(never);
    const stop = new AbortController();
    const order: string[] = [];
    const first = slots.acquire(stop.signal).then((held) => order.push(`first ${held}`));
    const second = slots.acquire(never).then((held) => order.push(`second ${held}`));
    stop.abort();
    await first;
    slots.release();
    await second;
    expect(order).toEqual(["first false", "second true"]);
  });
});
