/** Piscina worker module: runs one priced task per call (loaded from dist/ as compiled JavaScript). */
import type { PricedOutcome, PricedTask } from "./priced-task.js";
import { runPricedTask } from "./run-priced-task.js";

export default function pricedWorker(task: PricedTask): PricedOutcome {
  return runPricedTask(task);
}
