/**
 * Piscina worker module of `lambdasim worker`: one named export per job kind (a worker module's
 * `kind`, the BullMQ job's name), each mapping a task to its outcome (loaded from dist/).
 */
export { runTask as sweep } from "./run-task.js";
export { runPricedTask as priced } from "./run-priced-task.js";
export { runCompareTask as compare } from "./run-compare-task.js";
