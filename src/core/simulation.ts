import { EventQueue } from "./event-queue.js";

/** A model that reacts to events. One class per simulation keeps the call site monomorphic. */
export interface EventHandler {
  /** Handles one event at simulated time `nowMs`; may schedule more through the simulation's queue. */
  handle(kind: number, target: number, aux: number, nowMs: number): void;
}

/**
 * The simulation clock and loop (SimPy's `now`/`schedule`/`run(until)` without objects per event).
 * @example const sim = new Simulation(); sim.schedule(0, 0, 0, 0); sim.run(model, 60_000);
 */
export class Simulation {
  /** Current simulated time, ms. */
  now = 0;
  /** Events handled so far (stale events the model drops count too: they cost a pop). */
  events = 0;
  // Fields are `declare`d so that V8 first sees their real types: see TimeWeighted (core/stats/time-weighted.ts).
  /** The pending events. */
  declare readonly queue: EventQueue;

  constructor(initialCapacity = 1024) {
    this.queue = new EventQueue(initialCapacity);
  }

  /** Schedules an event at absolute time `timeMs` (must not be in the past). */
  schedule(timeMs: number, kind: number, target: number, aux: number): void {
    this.queue.push(timeMs, kind, target, aux);
  }

  /**
   * Handles events in time order while their time is before `untilMs`; the clock then stands at
   * `untilMs` and later events stay queued. Returns the number of events handled in this call.
   */
  run(handler: EventHandler, untilMs: number): number {
    const q = this.queue;
    let n = 0;
    while (q.size > 0 && q.peekTime() < untilMs) {
      q.pop();
      this.now = q.time;
      handler.handle(q.kind, q.target, q.aux, q.time);
      n++;
    }
    this.events += n;
    if (untilMs > this.now) this.now = untilMs;
    return n;
  }
}
