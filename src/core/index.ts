export { EventQueue } from "./event-queue.js";
export { Simulation, type EventHandler } from "./simulation.js";
export { randomStream, type Rng, type StreamPurpose } from "./random.js";
export * from "./dist/index.js";
export * from "./stats/index.js";
