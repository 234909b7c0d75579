import { describe, expect, it } from "vitest";
import { FinishTags } from "../../../src/platform/managed/finish-tags.js";
import { randomStream } from "../../../src/core/random.js";

describe("FinishTags", () => {
  it("pops requests in the order of their tags, as a sort would, through interleaved pushes and pops", () => {
    const rng = randomStream(3, "tags", "test");
    const heap = new FinishTags(64);
    const model: Array<[number, number]> = [];
    let next = 0;
    for (let step = 0; step < 2000; step++) {
      if (heap.size < 64 && (heap.size === 0 || rng() < 0.55)) {
        const tag = Math.floor(rng() * 1000);
        heap.push(tag, next);
        model.push([tag, next++]);
      } else {
        model.sort((a, b) => a[0] - b[0]);
        const wantTag = model[0]![0];
        expect(heap.minTag()).toBe(wantTag);
        const r = heap.pop();
        // Equal tags may come out in any order: remove the popped one among those with the smallest tag.
        const at = model.findIndex(([t, id]) => t === wantTag && id === r);
        expect(at).toBeGreaterThanOrEqual(0);
        model.splice(at, 1);
      }
    }
  });
});
